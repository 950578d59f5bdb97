import { describe, expect, it } from 'vitest';
import { HOME_PAGE, openPlanProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 18 (.tmp/h71): identifiers written the way other countries write them, as a hospital abroad or an
// international patient's form sends them, in values under neutral keys and in free text. Each test uses
// its own spellings, not the generator's; every event goes to the open destination (no BAA).
const { sent } = openPlanProbe('i18');
const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Form Interaction', properties, ...HOME_PAGE });

describe('Spanish DNI and NIE numbers (a control letter after the digits)', () => {
  it.each([
    ['a bare DNI', '70412953V', '70412953'],
    ['a DNI in lower case', '70412953v', '70412953'],
    ['a dotted DNI with a dash before its letter', '33.087.716-P', '087.716'],
    ['a bare NIE', 'X5931847D', '5931847'],
    ['an NIE with dashes', 'x-5931847-d', '5931847'],
  ])('removes %s under a neutral key', (_what, value, digits) => {
    expect(sent(track({ doc: value }))).not.toContain(digits);
  });

  it('removes one in free text', () => {
    expect(sent(track({ note: 'Paciente extranjero, documento 70412953V, pide cita' }))).not.toContain('70412953');
  });

  it('keeps codes of the same shape whose letter is not the control letter', () => {
    const out = sent(track({ sku: '70412953A', ref: 'ref 33.087.716-Q', part: 'Y5931847B' }));
    for (const v of ['70412953A', '33.087.716-Q', 'Y5931847B']) expect(out).toContain(v);
  });
});

describe('Brazilian CEP postcodes', () => {
  it('removes a CEP at the end of an address line and after its label', () => {
    const out = sent(track({ address_text: 'Centro, Rio de Janeiro - RJ, 20010-010', note: 'entregar no CEP 30130-110' }));
    expect(out).not.toMatch(/20010-010|30130-110/);
  });

  it('keeps part and order numbers of the same shape', () => {
    const out = sent(track({ part: 'Part 20010-010', order: 'Order 30130-110 shipped' }));
    expect(out).toContain('Part 20010-010');
    expect(out).toContain('Order 30130-110 shipped');
  });
});

describe('the prefilter with these shapes', () => {
  it('skips no detector that would find a DNI, an NIE or a CEP', () => {
    const parts = ['70412953', '5931847', 'V', 'v', 'D', 'X', 'x', 'Q', '-', ' ', '.', '33.087.716', '20010-010', 'RJ, ', 'SP ', 'CEP ', 'Rio', ', '];
    expectPrefilterSound(parts, { maxLength: 8, numRuns: 3000, examples: [['X5931847D'], ['33.087.716-P'], ['Rio - RJ, 20010-010']] });
  });
});
