import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, redactText } from '../../../src/rules/detectors/index.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';

// Names a probe of hand-written messages found going out in part or whole: initials run together (`my name is J.R. Smith` left
// `R. Smith`), a Portuguese particle (`Thanks, Maria dos Santos` left `dos Santos`), a relative named by `is` (`my husband is Sean
// O'Neil`); and words taken for a name after a relative's word (`my son Adderall refill`, `my wife OB appointment`, `this is Urgent`).
const redact = (text: string): string => redactText(text, ALL_DETECTORS).text;

describe('names after cues, read whole', () => {
  it.each([
    ['my name is J.R. Smith', 'my name is [NAME]'],
    ['patient: A.J. Brown', 'patient: [NAME]'],
    ['Thanks, Maria dos Santos', 'Thanks, [NAME]'],
    ['Name: van der Berg', 'Name: [NAME]'],
    ["my husband is Sean O'Neil and he has a fever", 'my husband is [NAME] and he has a fever'],
    ['my mother is Linda Park', 'my mother is [NAME]'],
    ['my mom is Linda', 'my mom is [NAME]'],
    // a surname opening with two particles after a label (`Patient: de la Cruz, Juan` left `de la`)
    ['Patient: de la Cruz', 'Patient: [NAME]'],
    ['Patient: de los Santos', 'Patient: [NAME]'],
    ['my name is Maria de las Mercedes Ortiz', 'my name is [NAME]'],
  ])('redacts %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps what follows a relative or a cue when it is no name', () => {
    for (const text of ['my son Adderall refill', 'refill for my mom Lipitor', 'my husband MRI results', 'my mom Medicare card', 'my wife OB appointment',
      'my husband is Catholic', 'my mother is Diabetic', 'my dad is Korean', 'this is Urgent', "I'm U.S. based"]) expect(redact(text)).toBe(text);
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    const parts = ['my ', 'her ', 'husband ', 'mom ', 'is ', 'was ', 'Sean', "O'Neil", 'Linda', 'Park', 'Catholic', ' ', 'name is ', 'J.R.', 'Thanks, ', 'dos ', 'Santos', 'Patient: ', 'de ', 'la ', 'los ', 'Cruz'];
    expectPrefilterSound(parts, { maxLength: 8, numRuns: 3000 });
  });
});
