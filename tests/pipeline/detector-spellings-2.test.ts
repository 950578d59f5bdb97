import { describe, expect, it } from 'vitest';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { openPlan } from '../helpers/open-plan.js';

// A third set of identifier spellings (H30 red team: values, not names or paths), end to end
// through the bundled rules with a destination that allows every field and has no BAA, so
// only the value detectors stand between the values and the output.
const plan = openPlan('["**"]');
const SITE = 'https://www.example-health.org';

function sent(properties: Record<string, unknown>, title = 'Contact us'): string {
  const page = { path: '/contact', url: `${SITE}/contact`, title };
  const rows = dryRunLine({ type: 'track', event: 'Form Submitted', messageId: 'd2', anonymousId: 'a-2', properties, context: { page } } as never, plan, { idFor: () => 'pw' });
  return JSON.stringify(rows.map((r) => r.payload));
}

describe('identifier values spelled the way people type them', () => {
  it('phone numbers with typographic dashes and spaces, or a letter O for zero', () => {
    const t = sent({ cta: '413\u2011555\u20110172', value: 'call 413\u2013555\u20130173', step: '413\u2212555\u22120174', category: '413-555-O175' }, '413\u2014555\u20140176');
    for (const v of ['0172', '0173', '0174', 'O175', '0176']) expect(t).not.toContain(v);
  });

  it('emails: plus tags, quoted local parts, address literals, spaced and hyphenated spellings', () => {
    const t = sent({
      cta: 'thea.varga+clinic@postbox.example', value: '"thea varga"@postbox.example', step: 'reply tvarga@[198.51.100.9]',
      category: 'tvarga2 @ postbox . org', method: 'tvarga3 [@] postbox [.] org', language: 'tvarga4 -at- postbox -dot- org',
      detail: 'write to tvarga5 at postbox.org please',
    });
    for (const v of ['thea', 'varga']) expect(t).not.toContain(v);
  });

  it('dates of birth in Spanish, French, Italian, German and Portuguese, and German 2-digit years', () => {
    const t = sent({
      cta: 'nacida el 7 de octubre de 1948', value: 'née le 1er février 1952', step: 'nato il 30 giugno 1939',
      category: 'geboren am 4. März 1950', method: 'geb. 11.09.47', language: 'nascido em 2 de setembro de 1960',
    });
    for (const v of ['octubre', 'février', 'giugno', 'März', '11.09.47', 'setembro']) expect(t).not.toContain(v);
  });

  it('ages over 89 and a birth year that shows one', () => {
    const t = sent({ cta: 'my dad is 94 years old', value: 'Age: 97', step: '91yo male', category: 'a 103-year-old', method: 'aged 92', language: 'born in 1929' });
    // Whole phrases: a bare `91` could also be part of the receivedAt timestamp.
    for (const v of ['94 years', 'Age: 97', '91yo', '103-year', 'aged 92', 'in 1929']) expect(t).not.toContain(v);
    expect(t).toContain('my dad is [AGE] years old');
  });

  it('keeps ages of 89 and under, age ranges, counts and birth years of younger people', () => {
    const t = sent({ cta: 'Age: 45', value: 'Ages 90 and up: home visits', step: 'celebrating 100 years of care', category: '90-day supply', method: 'born in 1975' });
    for (const v of ['Age: 45', 'Ages 90 and up', '100 years of care', '90-day supply', 'born in 1975']) expect(t).toContain(v);
  });

  it('SSNs and card numbers with spaced dashes, doubled spaces or dots', () => {
    const t = sent({ cta: 'ss# 212 - 47 - 3390', value: 'SSN 212  47  3391', step: '5500  0000  0000  0004', category: '5500.0000.0000.0004' });
    for (const v of ['3390', '3391', '0004']) expect(t).not.toContain(v);
  });

  it('record numbers printed in groups, masked, and device serials after SN', () => {
    const t = sent({ cta: 'MRN: 4471 2093', value: 'Policy # QXR 8812 4409', step: 'MRN 33.871.290', category: 'MRN ***77213', method: 'pump SN K9Q44817' });
    for (const v of ['2093', '4409', '871.290', '77213', 'K9Q44817']) expect(t).not.toContain(v);
  });

  it('names after cues in French, German, Italian and Portuguese, and after salutations and relatives', () => {
    const t = sent({
      cta: "je m'appelle Odile Brassart", value: 'ich heiße Odile Brassart', step: 'mi chiamo Odile Brassart', category: 'meu nome é Odile Brassart',
      method: 'Nom : Odile Brassart', language: 'Dear Odile Brassart,', detail: 'Attn: Odile Brassart', label: 'for Mrs. Odile Brassart',
      note2: 'my husband Odile Brassart will call', note3: 'mother: Odile Brassart', note4: 'signed, Odile Brassart',
    });
    for (const v of ['Odile', 'Brassart']) expect(t).not.toContain(v);
  });

  it('keeps salutations and relatives without a name', () => {
    const t = sent({ cta: 'Dear Valued Patient, our hours are changing', value: 'Bring your husband or partner', step: "a gift for my Mother's Day brunch" });
    for (const v of ['Dear Valued Patient', 'Bring your husband or partner', "my Mother's Day brunch"]) expect(t).toContain(v);
  });

  it('ZIPs after a state without a comma, after a state name, and French street addresses', () => {
    const t = sent({ cta: 'Salem MA 01970', value: 'Worcester, Massachusetts 01608', step: 'Lowell, MA, 01852', category: '18 rue Daguerre, Paris' });
    for (const v of ['01970', '01608', '01852', 'Daguerre']) expect(t).not.toContain(v);
    expect(sent({ cta: 'set 2 place settings per table' })).toContain('2 place settings');
  });
});
