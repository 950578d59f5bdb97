import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// Classes left by passes 10-11 and the channels pass (.tmp/h48, .tmp/h53, .tmp/h54): a person's
// name in a document's file name, a home address in a maps link whose query decodes to spaces,
// a lower-case display name before a mail address, and a gift item that names its recipient. Own spellings, not the generators'; the
// destination allows every property and has no BAA.
const { sent } = openPlanProbe('u11');
const props = (properties: Record<string, unknown>): string => {
  const out = sent({ type: 'track', event: 'File Download', context: { page: { path: '/resources', url: `${OPEN_SITE}/resources` } }, properties });
  return JSON.stringify((JSON.parse(out) as ({ properties?: unknown } | null)[]).map((p) => p?.properties ?? null));
};

describe('a name in a file name', () => {
  it.each([
    ['beside a document word', 'imaging-results-Odalys-Brenneman.pdf'],
    ['before a CV word', 'Odalys_Brenneman_Resume.docx'],
    ['upper case beside a statement word', 'EOB_BRENNEMAN_ODALYS_2026-04.pdf'],
    ['beside a date', 'Brenneman-Odalys-20260412.pdf'],
    ['with spaces in a whole file name', 'Odalys Brenneman - referral letter.pdf'],
    ['inside prose', 'she opened Odalys_Brenneman_consent.pdf twice'],
  ])('redacts it %s', (_why, name) => {
    expect(props({ file_name: name })).not.toMatch(/Brenneman|BRENNEMAN/);
  });

  it.each([
    '2027-flyer.pdf', 'Bone-Health-Guide.pdf', 'New-Patient-Forms-2027.pdf', 'Spring-Newsletter-2027.pdf',
    'Dr-Amos-Reyes-CV.pdf', 'Amos-Reyes-MD-CV.pdf', 'Pediatric-Referral-Form.pdf', 'Visitor-Parking-Map.pdf',
  ])('keeps the site file name %s', (name) => {
    expect(props({ file_name: name })).toContain(name);
  });
});

describe('a street in a maps link', () => {
  it.each([
    ['a percent-encoded directions origin', 'https://www.google.com/maps/dir/?api=1&origin=2207%20SE%20Belmont%20St%2C%20Portland&destination=Clinic'],
    ['a plus-encoded place path', 'https://www.google.com/maps/place/2207+SE+Belmont+St,+Portland,+OR/'],
    ['an Apple maps daddr after a word', 'Route: https://maps.apple.com/?daddr=2207+SE+Belmont+St,+Portland'],
  ])('takes the whole link for %s', (_why, link) => {
    const out = props({ cta: link });
    expect(out).not.toContain('Belmont');
    expect(out).toContain('[URL]');
  });

  it('still reads an encoded phone number beside a plain one', () => {
    const out = props({ note: 'call 503-555-0142 or 503%2D555%2D0177' });
    expect(out).not.toContain('0177');
    expect(out).not.toContain('0142');
  });
});

describe('a lower-case display name', () => {
  it.each([
    ['a bare header value', 'odalys brenneman <obren@example.org>'],
    ['after From:', 'From: odalys brenneman <obren@example.org>'],
    ['in an address list', 'cc: info@clinic.example, odalys brenneman <obren@example.org>'],
  ])('redacts %s', (_why, text) => {
    expect(props({ step: text })).not.toContain('brenneman');
  });

  it.each(['email us <info@clinic.example>', 'write to the team <help@clinic.example>', 'or contact support <help@clinic.example>'])(
    'keeps the prose %s',
    (text) => {
      const words = text.slice(0, text.indexOf('<')).trim();
      expect(props({ step: text })).toContain(words);
    },
  );
});

describe('a gift item naming its recipient', () => {
  it.each([
    'Gift card for Odalys Brenneman',
    'Flowers to Room 318 for Odalys Brenneman',
    'Balloon bouquet - to Odalys Brenneman',
    'Teddy bear for Baby Brenneman',
    'Get well basket from Odalys Brenneman',
  ])('redacts the recipient in %s', (item) => {
    expect(props({ item_name: item })).not.toContain('Brenneman');
  });

  it.each([
    "Gift card for Father's Day", 'Gift basket for Nurses Week', 'Get well card for Kids', 'Gift card from Riverside Foundation',
    'Flowers for Mothers Day', 'Guide to Healthy Eating', 'Gift card for Any Occasion', 'Gift shop',
  ])('keeps the item %s', (item) => {
    expect(props({ item_name: item })).toContain(item);
  });
});
