import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// Pass 14 (.tmp/h64): identifiers sent in pieces or as strings where the number form was caught, and clean
// version, build and order values that the detectors read as dates and record numbers. The destination
// allows every property and has no BAA.
const { sent } = openPlanProbe('u14');
const props = (properties: Record<string, unknown>): string => {
  const out = sent({ type: 'track', event: 'Form Submitted', context: { page: { path: '/contact', url: `${OPEN_SITE}/contact` } }, properties });
  return JSON.stringify((JSON.parse(out) as ({ properties?: unknown } | null)[]).map((p) => p?.properties ?? null));
};
const year = new Date().getUTCFullYear();
const chars = (s: string): string[] => [...s];

describe('an identifier split into pieces', () => {
  it('drops an email or phone number sent as an array of characters, under any key', () => {
    const out = props({ chars: chars('jane@x.org'), letters: chars('jane.okafor@mailbox.example'), otp_digits: chars('6175550134') });
    expect(out).not.toMatch(/"j"|"@"|"6","1","7"/);
  });

  it('drops an email sent as parts around an @', () => {
    const out = props({ parts: ['jane.okafor', '@', 'mailbox.example'], tail: ['jane.okafor@', 'mailbox.example'] });
    expect(out).not.toMatch(/okafor/);
  });

  it("drops a mailbox sent beside its domain, and keeps the domain", () => {
    const out = props({ user: 'jane.okafor', domain: 'mailbox.example', contact: { local: 'jane.okafor', domain: 'mailbox.example' }, acct: { mailbox: 'j.okafor', host: 'mailbox.example' } });
    expect(out).not.toMatch(/okafor/);
    expect(out).toContain('"domain":"mailbox.example"');
  });

  it('keeps arrays of letters and words that spell nothing', () => {
    const out = props({ sizes: ['S', 'M', 'L', 'X', 'L'], grades: chars('ABCDEF'), tags: ['flu', 'shot', 'clinic'], scope: { path: '/', domain: '.cvmg.example' } });
    expect(out).toContain('"sizes":["S","M","L","X","L"]');
    expect(out).toContain('"grades":["A","B","C","D","E","F"]');
    expect(out).toContain('"scope":{"path":"/","domain":".cvmg.example"}');
  });
});

describe('an age in months held as a string', () => {
  it('drops an age over 89 years in months, as the number is', () => {
    const out = props({ age_months: '1155', patient_age_months: '1,155', months_old: '1100 months', age_mo: 1155 });
    expect(out).not.toMatch(/1155|1,155|1100/);
  });

  it('keeps a younger age in months', () => {
    expect(props({ age_months: '18', child_age_months: '7' })).toContain('"age_months":"18"');
  });
});

describe('versions and build numbers', () => {
  it('keeps calendar versions, build numbers and dotted versions under version keys', () => {
    const vals = { build: `${year}1110.1`, version: `${year}.11.1`, app_version: `v${year}.3.2-rc.1`, build_number: `${year}1110`, browser_version: '120.0.6099.109', sdk_version: '4.1.0' };
    const out = props(vals);
    for (const [k, v] of Object.entries(vals)) expect(out).toContain(`"${k}":"${v}"`);
  });

  it('still redacts a birth date, phone number, SSN or IP address written under a version key', () => {
    const out = props({
      version: '1985.03.14', build: '617.555.0134', release: '123.45.6789', app_version: '192.168.10.27', build_id: '19850314',
      ver: `${year}.617.555.0134`, build_number: '1.617.555.0134',
    });
    expect(out).not.toMatch(/1985|0134|6789|192\.168\.10\.27/);
  });

  it('reads a bare release key as a date, not a version: a discharge written as a calendar version is still redacted', () => {
    expect(props({ release: `${year}.11.28` })).not.toContain(`${year}.11.28`);
  });
});

describe('order and transaction ids', () => {
  it("keeps a shop's order and transaction ids", () => {
    const out = props({ order_id: `ORD-${year}-123456`, transaction_id: 'TXN-98765432', txn: 'INV_4410' });
    expect(out).toContain(`"order_id":"ORD-${year}-123456"`);
    expect(out).toContain('"transaction_id":"TXN-98765432"');
    expect(out).toContain('"txn":"INV_4410"');
  });

  it('still redacts a record number, SSN or phone number under an order key', () => {
    const out = props({ order_id: 'MRN-123456', order_number: 'ORD-123-45-6789', transaction_id: 'TXN-6175550134', invoice_id: '123456789' });
    expect(out).not.toMatch(/123456|6789|0134/);
  });
});

describe('spellings the detectors already caught (kept as tests)', () => {
  it('truncates an IPv4 address written as one hex or decimal integer in an IP field', () => {
    const out = props({ ip: '0xC0A80A1B', client_ip: 3232238107, remote_addr: '3232238107' });
    expect(out).not.toMatch(/0xC0A80A1B|3232238107|192\.168\.10\.27/);
  });

  it("redacts a name after a parent's or guardian's label in free text", () => {
    const out = props({ step: 'parent: Jane Okafor', note_label: 'Guardian: Lucía Sontquiley called' });
    expect(out).not.toMatch(/Okafor|Sontquiley/);
  });
});
