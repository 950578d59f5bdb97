import { describe, expect, it } from 'vitest';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// Classes found by the pass-11 red team (.tmp/h53/gen.mjs): identifiers inside structured formats
// and carriers a site copies into analytics (schema.org microdata and RDFa, Open Graph and
// microformat markup, mail headers and chat transcripts, calendar and contact text, jCard, PHP
// serialize(), multipart bodies, Ruby hashes, Authorization headers, messenger links) and numbers
// in prose (ages in words, year-first dates). Each test uses its own spellings, not the
// generator's; the destination allows every property and has no BAA.
const { sent } = openPlanProbe('u10');
const props = (properties: Record<string, unknown>): string => {
  const out = sent({ type: 'track', event: 'Form Submitted', context: { page: { path: '/contact', url: `${OPEN_SITE}/contact` } }, properties });
  return JSON.stringify((JSON.parse(out) as ({ properties?: unknown } | null)[]).map((p) => p?.properties ?? null));
};
const step = (text: string) => props({ step: text });
const SURNAME = /Quennell|QUENNELL/;

describe('structured data in markup', () => {
  it.each([
    ['a microdata property', '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ines Quennell</span></div>'],
    ['microdata family and given names', '<span itemprop="familyName">Quennell</span>, <span itemprop="givenName">Ines</span>'],
    ['an RDFa property', '<div vocab="https://schema.org/" typeof="Person"><span property="name">Ines Quennell</span></div>'],
    ['an h-card name', '<div class="h-card"><span class="p-name">Ines Quennell</span></div>'],
    ['a classic hCard fn', '<div class="vcard"><span class="fn">Ines Quennell</span></div>'],
    ['an Open Graph profile', '<meta property="profile:last_name" content="Quennell">'],
    ['a microdata meta', '<meta itemprop="familyName" content="Quennell">'],
  ])('redacts %s', (_why, text) => {
    expect(step(text)).not.toMatch(SURNAME);
  });

  it('reads a birth date in a datetime attribute as a birth date', () => {
    const out = step('<time itemprop="birthDate" datetime="1944-07-19">b.</time>');
    expect(out).not.toContain('07-19');
    expect(out).toContain('1944');
  });

  it('keeps markup that names no field', () => {
    const text = '<span class="price">$84.99</span> <meta property="og:type" content="website">';
    expect(step(text)).toContain('$84.99');
    expect(step(text)).toContain('content=\\"website\\"');
  });

  it("keeps a product's structured data: its name, the vocabulary and a valid GTIN", () => {
    const product = { '@context': 'https://schema.org', '@type': 'Product', name: 'Travel Pill Organizer', sku: 'TPO-7', gtin13: '4015672104471' };
    expect(props({ ld: product, upc: '012345678905' })).toContain(JSON.stringify({ ld: product, upc: '012345678905' }));
  });

  it("drops a person's name in structured data, and a product code that fails its check digit", () => {
    const out = props({ ld: { '@type': 'Person', name: 'Ines Quennell' }, gtin: '4015672104472' });
    expect(out).not.toMatch(SURNAME);
    expect(out).not.toContain('4015672104472');
  });

  it('follows a schema.org PropertyValue by its propertyID', () => {
    expect(props({ ld: { '@type': 'PropertyValue', propertyID: 'MRN', value: 'T4410983' } })).not.toContain('T4410983');
  });
});

describe('mail headers and chat transcripts', () => {
  it.each([
    ['a quoted display name', 'From: "Ines Quennell" <ines.q@mail.example>'],
    ['surname first', 'Reply-To: Quennell, Ines <ines.q@mail.example>'],
    ['a list of addresses', 'To: desk@clinic.example, "Quennell, Ines" <ines.q@mail.example>'],
    ['a reply quote', 'On Mon, Nov 2, 2026 at 9:14 AM Ines Quennell <ines.q@mail.example> wrote:'],
    ['a chat line after its clock', '[09:14] Ines Quennell: can I move my visit?'],
    ['a chat line before its clock', 'Ines Quennell (9:14 AM): can I move my visit?'],
    ['a mail signature', 'See you then.\n-- \nInes Quennell\nPortland'],
  ])('redacts %s', (_why, text) => {
    expect(step(text)).not.toMatch(SURNAME);
  });

  it('keeps a bare address list and an agent label', () => {
    expect(step('[09:15] Support: how can we help?')).toContain('Support');
    expect(step('Contact us <desk@clinic.example>')).toContain('Contact us');
  });
});

describe('calendar, contact and serialised text', () => {
  it.each([
    ['an invite subject', 'BEGIN:VEVENT\nSUMMARY:Follow-up - QUENNELL, INES\nEND:VEVENT'],
    ['an organizer after other lines', 'X-WR-CALNAME:Visits\nORGANIZER;CN="Quennell, Ines":mailto:ines.q@mail.example'],
    ['a card that starts with a nickname', 'NICKNAME:Ines\nN:Quennell;Ines;;;'],
    ['a folded name line', 'BEGIN:VCARD\r\nFN:Ines Quen\r\n nell\r\nEND:VCARD'],
    ['PHP serialize()', 'a:1:{s:9:"last_name";s:8:"Quennell";}'],
    ['a Ruby hash', '{:last_name=>"Quennell", :plan=>"gold"}'],
    ['a multipart body', '--b7\r\nContent-Disposition: form-data; name="last_name"\r\n\r\nQuennell\r\n--b7--'],
  ])('redacts %s', (_why, text) => {
    expect(step(text)).not.toMatch(SURNAME);
  });

  it('reads jCard properties by their names', () => {
    const out = props({ jc: ['vcard', [['fn', {}, 'text', 'Ines Quennell'], ['bday', {}, 'date', '1944-07-19'], ['version', {}, 'text', '4.0']]] });
    expect(out).not.toMatch(SURNAME);
    expect(out).not.toContain('07-19');
    expect(out).toContain('4.0');
  });
});

describe('an allowed query parameter that writes a field name', () => {
  it('drops the parameter when its value names a field, and keeps plain campaign values', () => {
    const blob = encodeURIComponent('a:1:{s:9:"last_name";s:8:"Quennell";}');
    const out = sent({ type: 'page', context: { page: { path: '/give', url: `${OPEN_SITE}/give?utm_source=mail&utm_content=${blob}` } } });
    expect(out).not.toMatch(SURNAME);
    expect(out).toContain('utm_source=mail');
    expect(sent({ type: 'page', context: { page: { path: '/give', url: `${OPEN_SITE}/give?utm_content=hero:banner_v2` } } })).toContain('utm_content=hero');
  });

  it('reads a calendar common name in a title', () => {
    expect(step('Thanks! ORGANIZER;CN="Quennell, Ines":mailto:ines.q@mail.example')).not.toMatch(SURNAME);
  });
});

describe('credentials, messenger links and numbers in prose', () => {
  it('redacts Basic credentials in an Authorization header', () => {
    const token = Buffer.from('ines.q@mail.example:Spring2027').toString('base64');
    expect(step(`Authorization: Basic ${token}`)).not.toContain(token);
    expect(step('basic plan 2026')).toContain('basic plan 2026');
  });

  it.each([['skype:ines.quennell?call'], ['facetime:ines.q@mail.example'], ['viber://chat?number=%2B19715550188']])('redacts the messenger link %s', (text) => {
    expect(step(text)).not.toMatch(/quennell|ines\.q|0188/);
  });

  it.each([['ninety-three years old'], ['aged ninety one'], ['Ninety-Seven years young'], ['a hundred and two years old']])('redacts the age in words %s', (text) => {
    expect(step(`She is ${text}`)).toContain('[AGE]');
  });

  it('keeps a decade and ordinary nineties', () => {
    expect(step('in her nineties')).toContain('nineties');
    expect(step('the ninety-day supply')).toContain('ninety-day');
  });

  it.each([['1944 July 19'], ['July the 19th, 1944']])('redacts the date %s', (text) => {
    expect(step(`born ${text}`)).not.toMatch(/19th|July 19|July the/);
  });
});

describe('prefilter gates for the new cues', () => {
  it('never skips a detector that would fire (clocks, signatures, ages in words, credentials, messenger links)', () => {
    const parts = ['[', ']', '(', ')', '10:02', ':15', ' AM', 'Ines', ' Quennell', ':', ' ', '\n', '-- ', '\r', 'ninety', '-', 'two', 'NINETY', 'hundred', ' and ',
      ' years', ' old', 'aged ', 'yrs', 'Authorization', 'Basic ', 'aW5lczpwdw==', 'skype', 'viber://', 'facetime', 'x', '9', '1961', 'July'];
    expectPrefilterSound(parts, { maxLength: 9, numRuns: 4000 });
  });
});

describe('a field named for both parts of a name', () => {
  it.each(['first_last', 'lastFirst', 'first_and_last'])('drops %s', (key) => {
    expect(props({ [key]: 'Ines Quennell' })).not.toMatch(SURNAME);
  });
});
