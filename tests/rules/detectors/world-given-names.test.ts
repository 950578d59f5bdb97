import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, personNameDetector, redactText } from '../../../src/rules/detectors/index.js';
import { GIVEN_NAMES } from '../../../src/rules/detectors/given-names.js';
import { matches } from './helpers.js';

// The common given names were US birth records only: `Okafor, Kenji` or `Remove Raman, Priya from list` went out whole
// where `Doe, Jane` went, because a mixed-case `Surname, Given` pair is told from a place by a known given name.

describe('given names common among patients born elsewhere', () => {
  it.each([
    ['Appointment for Okafor, Kenji on 12/04', 'Okafor, Kenji'],
    ['Remove Raman, Priya from list', 'Raman, Priya'],
    ['Haddad, Siobhan', 'Haddad, Siobhan'],
    ['Nwosu, Chiamaka (self)', 'Nwosu, Chiamaka'],
    ['Nguyen, Thanh', 'Nguyen, Thanh'],
    ['Welcome back, Priya | MyChart', 'Priya'],
  ])('reads the name in %s', (text, name) => {
    expect(matches(personNameDetector, text)).toContain(name);
  });

  it('redacts them in a form line', () => {
    expect(redactText('Okafor | Chidi | 1961-03-04', ALL_DETECTORS).text).not.toMatch(/Okafor|Chidi/);
  });

  it('leaves out names that are also words or places after a comma', () => {
    for (const word of ['dev', 'hong', 'jun', 'li', 'said', 'can', 'sun', 'min', 'dung']) expect(GIVEN_NAMES.has(word)).toBe(false);
    for (const text of ['Kowloon, Hong Kong', 'Portland, Oregon', 'Staging, Dev', 'Vitamins, Supplements']) expect(matches(personNameDetector, text)).toEqual([]);
  });
});
