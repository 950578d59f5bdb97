import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// Identifier spellings the value detectors did not know, end to end through the bundled rules:
// a destination without a BAA that allows every field, so only the detectors stand between the
// values and the output. Our own spellings, not a generator's.
const plan = compileRules(loadConfig(writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
zip3_restricted: ["036", "059", "063", "102", "203", "205", "369", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893"]
destinations:
  open: { type: file, baa: false, allow: ["**"] }
`)).rules, { dataDir: tempDir() });
const SITE = 'https://www.example-health.org';

function sent(properties: Record<string, unknown>, traits: Record<string, unknown> = {}): string {
  const rows = dryRunLine({ type: 'track', event: 'Form Submitted', messageId: 'd1', anonymousId: 'a-1', properties, traits, context: { page: { path: '/contact', url: `${SITE}/contact` } } } as never, plan, { idFor: () => 'pw' });
  return JSON.stringify(rows.map((r) => r.payload));
}

describe('identifier spellings in free text and under names that say nothing', () => {
  it('partial SSNs: masked forms and announced last four digits', () => {
    const t = sent({ cta: 'verify ***-**-6604', value: 'ssn ending in 6604', step: 'XXX-XX-7120' }, { misc: 'last four of my social: 5581', other: '447-81-XXXX' });
    for (const v of ['6604', '7120', '5581', '447-81']) expect(t).not.toContain(v);
  });

  it('emails spelled out, spaced, or with international characters', () => {
    const t = sent(
      { cta: 'mail ines at postbox dot org', value: 'ines[at]postbox[dot]org', step: 'ines @ postbox.org', category: 'ines@postbox dot org' },
      { misc: 'in\u00e9s@correo.es', other: 'nutzer@b\u00fccher.de', more: '\u7528\u6237@\u4f8b\u5b50.\u4e2d\u56fd', puny: 'ines@xn--bcher-kva.de' },
    );
    for (const v of ['ines', 'postbox', 'correo', 'b\u00fccher', '\u7528\u6237', 'xn--']) expect(t).not.toContain(v);
  });

  it('month-and-year dates after a cue, redacted month and year', () => {
    const t = sent({ cta: 'born June 1949', value: 'DOB: 06/1949', step: "b. Jun '49", category: 'admitted 2023-11' });
    for (const v of ['June', '06/1949', "Jun '49", '2023-11']) expect(t).not.toContain(v);
  });

  it('keeps month-year values that are not tied to a person', () => {
    const t = sent({ campaign_name: 'spring-2024', cta: '2024-03 newsletter', value: 'March 2024 Health Fair', step: 'expires 03/2027' });
    for (const v of ['spring-2024', '2024-03 newsletter', 'March 2024 Health Fair', 'expires 03/2027']) expect(t).toContain(v);
  });

  it('ZIP+4 anywhere; a value of five digits alone becomes its ZIP-3 (000 when restricted)', () => {
    const t = sent({ cta: 'ship to 02139-4307' }, { loc: '02139', area: '20588', picks: ['94110'] });
    expect(t).not.toContain('4307');
    expect(t).toContain('"loc":"021"');
    expect(t).toContain('"area":"000"');
    expect(t).toContain('["941"]');
    expect(sent({ cta: 'walked 10000 steps' })).toContain('walked 10000 steps');
  });

  it('names after a cue, in English and Spanish', () => {
    const t = sent({
      cta: 'my name is Wendell Ashcombe', value: "I'm Wendell Ashcombe", step: 'this is Wendell Ashcombe calling',
      category: 'Patient: Wendell Ashcombe', method: 'Pt name - Wendell Ashcombe', language: 'Sincerely, Wendell Ashcombe',
    }, { misc: 'Nombre: Rosal\u00eda Ibarg\u00fcen' });
    for (const v of ['Wendell', 'Ashcombe', 'Rosal\u00eda', 'Ibarg\u00fcen']) expect(t).not.toContain(v);
  });

  it('keeps titles and labels that only look like name cues', () => {
    const t = sent({ cta: "I'm Looking For A Doctor", value: 'This is Your Health', step: 'Patient Portal Login', category: 'Service name: Cardiology' });
    for (const v of ["I'm Looking For A Doctor", 'This is Your Health', 'Patient Portal Login', 'Service name: Cardiology']) expect(t).toContain(v);
  });

  it('local phone numbers after a phone word, and labelled certificate, plate and plan numbers', () => {
    const t = sent({ cta: 'call me at 555-0187', value: 'cert # 551029', step: 'plate: KTX 4410' }, { misc: 'health plan id: QWM551029' });
    for (const v of ['555-0187', '551029', 'KTX', 'QWM']) expect(t).not.toContain(v);
  });

  it('MAC addresses in free text and under unknown names', () => {
    const t = sent({ cta: 'paired 3c:22:fb:91:0e:7a' }, { hw: '3C-22-FB-91-0E-7A', wifi: '3c22.fb91.0e7a' });
    for (const v of ['fb:91', 'FB-91', 'fb91']) expect(t).not.toContain(v);
  });
});
