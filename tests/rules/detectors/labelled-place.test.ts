import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, redactText } from '../../../src/rules/detectors/index.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';

// A town or county after its label in a note or a pasted form went out while everything around it went (`Name: [NAME]\nDOB:
// [DATE]\nCity: Oakland\nZip: [ZIP]`): Safe Harbor removes every subdivision smaller than a state.
const redact = (text: string): string => redactText(text, ALL_DETECTORS).text;

describe('a place after its label', () => {
  it.each([
    ['City: Oakland', 'City: [GEO]'],
    ['County: Alameda; City: Oakland', 'County: [GEO]; City: [GEO]'],
    ['Name: Linda Chen, City: Oakland, CA', 'Name: [NAME], City: [GEO], CA'],
    ['city: fresno', 'city: [GEO]'],
    ["City = Coeur d'Alene", 'City = [GEO]'],
    ['Town: Stratford upon Avon', 'Town: [GEO]'],
    ['Ciudad: Zapopan', 'Ciudad: [GEO]'],
    ['Place of birth: Lagos, Nigeria', 'Place of birth: [GEO], Nigeria'],
  ])('redacts %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps placeholders, words that end in a label, and prose after one', () => {
    for (const text of ['City: N/A', 'city: not sure yet, will update', 'Electricity: on', 'Capacity: 40', 'Citation: Smith 2020', 'city:']) expect(redact(text)).toBe(text);
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    const parts = ['City', 'county', 'Ciudad', 'Electricity', ': ', ' = ', '=', 'Oakland', 'fresno', ' upon ', 'Avon', ', ', '\n', 'N/A', ' '];
    expectPrefilterSound(parts, { maxLength: 8, numRuns: 3000 });
  });
});
