import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, redactText } from '../../../src/rules/detectors/index.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';

// A patient's town or a relative's employer said without a residence verb went out (Safe Harbor A names employers of the
// individual's relatives and household; B removes every place smaller than a state).
const redact = (text: string): string => redactText(text, ALL_DETECTORS).text;

describe('towns and employers said without a residence verb', () => {
  it.each([
    ["I'm currently in Reno", "I'm currently in [GEO]"],
    ['we are now in Sparks for the winter', 'we are now in [GEO] for the winter'],
    ["i'm currently in reno", "i'm currently in [GEO]"],
    ["I'm based in Chico", "I'm based in [GEO]"],
    ["I'm a Reno native", "I'm a [GEO] native"],
    ['my dad is a lifelong Fresno County resident', 'my dad is a lifelong [GEO] resident'],
    ['I work at Walmart in Bakersfield', 'I work at [NAME] in [GEO]'],
    ['my husband works at Costco', 'my husband works at [NAME]'],
    ['My wife works for Boeing in Everett, WA', 'My wife works for [NAME] in [GEO], WA'],
    ['I work for the City of Fresno', 'I work for the [NAME]'],
  ])('redacts %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps stages, trainings, states, wards and a provider\'s copy', () => {
    for (const text of [
      "I'm still in Phase 2 of the trial", "I'm currently in Week 4", "I'm in Grade 5", "I'm now in remission", "I'm currently in Cardiology",
      "I'm a Surgery resident", "I'm a PGY-2 resident", "I'm an Internal Medicine resident", "I'm a Texas native", 'Fresno County residents may apply',
      "I'm a Native American", 'Dr. Lee works at our clinic in Oakland',
      'my daughter works at night', 'my mom works for herself', 'my husband works at the hospital',
    ]) expect(redact(text)).toBe(text);
  });

  it('takes the employer but not a ward or a line of work after it', () => {
    expect(redact('I work at Walmart in Produce')).toBe('I work at [NAME] in Produce');
    expect(redact('I worked at Sears in Sales')).toBe('I worked at [NAME] in Sales');
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    const parts = ["I'm", 'we are', 'my husband', ' currently', ' now', ' in ', ' a ', ' an ', 'Reno', 'Fresno County', ' native', ' resident', ' works at ',
      'I work at ', 'Walmart', ' of ', 'Fresno', 'Phase 2', ', WA', ' '];
    expectPrefilterSound(parts, { maxLength: 8, numRuns: 3000 });
  });
});
