import { describe, expect, it } from 'vitest';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';
import { personNameDetector } from '../../../src/rules/detectors/index.js';
import { formPartName } from '../../../src/rules/form-part-keys.js';
import { matches } from './helpers.js';

// Blind pass 16 (H66): names written surname first in mixed case, and Gravity Forms' part keys.

describe('a name written surname first in mixed case', () => {
  it.each([
    ['Mensah, Dorothy', 'Mensah, Dorothy'],
    ["O'Neill-Mensah, Mary Ann", "O'Neill-Mensah, Mary Ann"],
    ['Remove Mensah, Walter from list', 'Mensah, Walter'],
    ['Mensah,Dorothy (self)', 'Mensah,Dorothy'],
    ['MENSAH, Kofi', 'MENSAH, Kofi'],
    ['Chart: MENSAH, Kofi | 2026', 'MENSAH, Kofi'],
  ])('finds the name in %s', (text, name) => {
    expect(matches(personNameDetector, text)).toEqual([name]);
  });

  it('leaves places, lists and shop copy', () => {
    for (const text of ['Portland, Oregon', 'Vitamins, Supplements', 'Hello, World', 'SALE, Today only', 'Sale: SHOES, Bags today', 'Monday, June 3',
      'Raleigh, Charlotte', 'Austin, Texas', 'Tylenol, Max Strength', 'SALEM, Or']) {
      expect(matches(personNameDetector, text)).toEqual([]);
    }
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    const parts = ['Mensah', 'MENSAH', 'Dorothy', 'Kofi', 'Walter', 'Oregon', 'Émile', 'Ñ', 'é', ',', ', ', ' ', 'Results for ', 'Chart: ', '|', '\n', "O'", '-', 'M', '.', 'Ann'];
    expectPrefilterSound(parts, { maxLength: 8, numRuns: 4000 });
  });
});

describe("Gravity Forms' part keys", () => {
  it.each([['input_7_3', 'first'], ['input_7.6', 'last'], ['12.3', 'first'], ['input_2_5', 'zip'], ['input_2_1', 'address1']])('reads %s as %s', (key, name) => {
    expect(formPartName(key)).toBe(name);
  });

  it.each(['input_8', '7_3', 'input_5_7', 'input_5_12', 'v1.3', '1.3.5', 'price_1.5'])('leaves %s to the detectors', (key) => {
    expect(formPartName(key)).toBeUndefined();
  });
});
