import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// Classes left by the pass-8 red team (.tmp/h46/gen.mjs): HL7 v2 segments logged as text, YAML-like
// `key: value` text, entries serialised as objects, form markup kept as text, GraphQL variables
// named by position, glued Canadian postal codes after a cue, UK registrations. Each test uses its
// own spellings, not the generator's; the destination allows every property and has no BAA.
const { sent } = openPlanProbe('u8');
const props = (properties: Record<string, unknown>): string => {
  const out = sent({ type: 'track', event: 'Form Submitted', context: { page: { path: '/contact', url: `${OPEN_SITE}/contact` } }, properties });
  return JSON.stringify((JSON.parse(out) as ({ properties?: unknown } | null)[]).map((p) => p?.properties ?? null));
};
const step = (text: string) => props({ step: text });

describe('HL7 v2 segments kept as text', () => {
  it.each([
    ['a PID segment', 'PID|1||77120^^^NBH^MR||QUILLFEATHER^MARGO^T||19540722|F|||41 ALDER WAY^^BEND^OR^97701||541-555-0187', /QUILLFEATHER|ALDER|0187/],
    ['a message opening with MSH', 'MSH|^~\\&|LAB|NBH|||20261128||ADT^A08|77|P|2.5\rPID|1||88^^^NBH||Brackwater^Otto||19480101|M|||||||||||219099999', /Brackwater|219099999/],
    ['a next of kin', 'NK1|1|PENHALLOW^IRIS|MTH|9 ELM CT^^SALEM^OR', /PENHALLOW/],
    ['a guarantor', 'GT1|1||VOSKUIJLEN^DIRK||12 PINE RD^^EUGENE^OR', /VOSKUIJLEN/],
    ['an insurance policy number', 'IN1|1|HMO||||||||||||||TREVANION^ANA||19700101||||||||||||||||||POL55821907', /TREVANION|POL55821907/],
    ['a segment on a later line', 'ADT feed:\nPID|1||5^^^NBH||Galbraithe^Una', /Galbraithe/],
  ])('redacts the identifying fields of %s', (_why, text, leaked) => {
    expect(step(text)).not.toMatch(leaked);
  });

  it('keeps pipe-delimited analytics strings', () => {
    for (const text of ['home|services|flu-shots', 'WEB|desktop|v2', 'MSG|1|ok', 'ABC|step|2']) expect(step(text)).toContain(text);
  });
});

describe('YAML-like `key: value` text', () => {
  it.each([
    ['one snake_case key', 'family_name: Hollowell', /Hollowell/],
    ['a quoted value', 'lastname: "Ashcombe"', /Ashcombe/],
    ['list items', '- member_id: ZK4412098\n- plan: silver', /ZK4412098/],
  ])('redacts %s', (_why, text, leaked) => {
    expect(step(text)).not.toMatch(leaked);
  });

  it('keeps marketing copy with colons', () => {
    for (const text of ['Note: free parking', 'Hours: 8am-5pm', 'Parking: free\nHours: 8am-5pm']) expect(step(text)).toContain(JSON.stringify(text).slice(1, -1));
  });
});

describe('entries serialised as objects and pairs inside objects', () => {
  it('reads {"0": name, "1": value} as a pair', () => {
    expect(props({ f: { 0: 'last_name', 1: 'Ravenscroft' } })).not.toContain('Ravenscroft');
    expect(props({ e: { 0: { 0: 'surname', 1: 'Ravenscroft' } } })).not.toContain('Ravenscroft');
  });

  it('reads a [name, value] entry under a key', () => {
    expect(props({ form: { a: ['lastName', 'Ravenscroft'] } })).not.toContain('Ravenscroft');
  });

  it('keeps lists of field names and entries naming nothing', () => {
    const out = props({ cols: ['name', 'email'], b: ['plan', 'gold'], o: { 0: 'plan', 1: 'gold' } });
    expect(out).toContain('["name","email"]');
    expect(out).toContain('["plan","gold"]');
    expect(out).toContain('{"0":"plan","1":"gold"}');
  });
});

describe('form markup kept as text', () => {
  it.each([
    ['a named input', '<input name="last_name" value="Thistlewood">', /Thistlewood/],
    ['an input named by id, value first', "<input value='Thistlewood' id='surname'>", /Thistlewood/],
    ['an autocomplete hint', '<input autocomplete="family-name" value="Thistlewood">', /Thistlewood/],
    ['an email input', '<input type="email" value="t.wood@mail.example">', /t\.wood/],
  ])('redacts %s', (_why, text, leaked) => {
    expect(step(text)).not.toMatch(leaked);
  });

  it('keeps markup without personal values', () => {
    for (const text of ['<input type="submit" value="Send">', '<button class="btn" data-track="cta">Book</button>']) {
      expect(step(text)).toContain(JSON.stringify(text).slice(1, -1));
    }
  });
});

describe('GraphQL variables named by position', () => {
  it('reads each variable as the argument it fills', () => {
    const out = props({ gql: { query: 'mutation($x: String!, $y: String) { lead(familyName: $x, plan: $y) { id } }', variables: { x: 'Fairweather', y: 'gold' } } });
    expect(out).not.toContain('Fairweather');
    expect(out).toContain('"y":"gold"');
  });
});

describe('postal codes and registrations with fewer marks', () => {
  it.each([
    ['a glued Canadian code after a cue', 'postal code v6b4y8', /v6b4y8/],
    ['after code postal', 'code postal: H2X1Y4', /H2X1Y4/],
    ['a UK registration after reg:', 'reg: KP19 XZT', /KP19/],
    ['a registration after a vehicle word', 'car reg BD51 SMR', /BD51/],
  ])('redacts %s', (_why, text, leaked) => {
    expect(step(text)).not.toMatch(leaked);
  });

  it('keeps glued codes without a cue and tags without a vehicle', () => {
    for (const text of ['promo m5v3l9', 'price tag 25', 'reg fee 12 GBP']) expect(step(text)).toContain(text);
  });
});
