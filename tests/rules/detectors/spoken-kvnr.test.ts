import { describe, expect, it } from 'vitest';
import { kvnrDetector, spokenDateDetector } from '../../../src/rules/detectors/index.js';
import { kvnrValid } from '../../../src/rules/detectors/health-number.js';
import { matches } from './helpers.js';

describe('kvnr detector', () => {
  it('validates the check digit (letter position, weights 1,2, digit sums, mod 10)', () => {
    expect(kvnrValid('A123456780')).toBe(true);
    expect(kvnrValid('T482019373')).toBe(true);
    expect(kvnrValid('A123456781')).toBe(false);
    expect(kvnrValid('B739201841')).toBe(false);
  });
  it('finds a whole KVNR, its letter too, and no code of the same shape whose check fails', () => {
    expect(matches(kvnrDetector, 'KVNR A123456780, Gutschein B739201841, xA123456780')).toEqual(['A123456780']);
    expect(kvnrDetector.safeHarbor).toBe('I');
  });
});

describe('spoken_date detector', () => {
  it('finds the day and month of a birth date in words', () => {
    expect(matches(spokenDateDetector, 'my date of birth is march third nineteen sixty one')).toEqual(['march third']);
    expect(matches(spokenDateDetector, 'I was born on the third of March sixty-one')).toEqual(['the third of March']);
    expect(matches(spokenDateDetector, 'Geburtsdatum: der einundzwanzigste Juli')).toEqual(['einundzwanzigste Juli']);
    expect(matches(spokenDateDetector, 'née le vingt-deux mai')).toEqual(['vingt-deux mai']);
    expect(matches(spokenDateDetector, 'fecha de nacimiento: cinco de agosto')).toEqual(['cinco de agosto']);
  });
  it('needs a birth word before the date', () => {
    expect(matches(spokenDateDetector, 'the march third banner, the first of June opening')).toEqual([]);
    expect(matches(spokenDateDetector, 'march third, then I was born')).toEqual([]);
  });
});
