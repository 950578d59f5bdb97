import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, personNameDetector, redactText } from '../../../src/rules/detectors/index.js';
import { matches } from './helpers.js';

// After a label that says a person's name follows, `Surname, Given` is one name: the given name after the comma went out
// (`Patient: Okafor, Kenji` -> `Patient: [NAME], Kenji`) unless it was a common given name (record-name.ts).

describe('a labelled name written surname first', () => {
  it.each([
    ['Patient: Okafor, Kenji', 'Okafor, Kenji'],
    ['Name: Okafor, Kenji M.', 'Okafor, Kenji M.'],
    ['Patient name: Okafor, Mary Ann', 'Okafor, Mary Ann'],
    ['my name is Okafor, Kenji', 'Okafor, Kenji'],
    ['Emergency contact - Okafor, Amara', 'Okafor, Amara'],
    ['Patient: Okafor, Kenji, age 45', 'Okafor, Kenji'],
    ['pt: Nwachukwu,Chidi', 'Nwachukwu,Chidi'],
  ])('takes the given name with the surname in %s', (text, name) => {
    expect(matches(personNameDetector, text)).toContain(name);
  });

  it('leaves no part of the name in the redacted text', () => {
    expect(redactText('Patient: Okafor, Kenji', ALL_DETECTORS).text).toBe('Patient: [NAME]');
    expect(redactText('Caller = Haddad, Siobhan; reason: refill', ALL_DETECTORS).text).toBe('Caller = [NAME]; reason: refill');
  });

  it('keeps what follows a comma when it is no given name, or when no label came before', () => {
    expect(matches(personNameDetector, 'Patient: Portland, Oregon')).toEqual(['Portland']);
    expect(matches(personNameDetector, 'Caller: Smith, Cardiology')).toEqual(['Smith']);
    expect(matches(personNameDetector, 'Dear Okafor, Thanks for visiting')).toEqual(['Okafor']);
    expect(matches(personNameDetector, 'Mrs. Okafor, Tobenna said')).toEqual(['Okafor']);
    expect(matches(personNameDetector, 'Patient: Jane Okafor, Tobenna')).toEqual(['Jane Okafor']);
    expect(matches(personNameDetector, 'Offices in Portland, Oregon')).toEqual([]);
  });
});
