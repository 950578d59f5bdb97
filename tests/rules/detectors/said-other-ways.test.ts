import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, redactText } from '../../../src/rules/detectors/index.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';

// Identifiers in free text said in ways the detectors or the prefilter missed: the prefilter skipped `bday 3/61` and a corner
// after `corner of` (both found by every detector run alone); a pager's number, a masked SSN showing its group and serial, an SSN's
// last four right after its label, a ZIP after `zip is`, and ages over 89 as an ordinal birthday, beside the sex or between commas.
const redact = (text: string): string => redactText(text, ALL_DETECTORS).text;

describe('identifiers said in other ways', () => {
  it.each([
    ['bday 3/61', 'bday [DATE]'],
    ["my bday: Mar '61", 'my bday: [DATE]'],
    ['pick me up at the corner of Shaw and Blackstone', 'pick me up at the corner of [GEO]'],
    ['intersection of Shaw and Blackstone', 'intersection of [GEO]'],
    ['pager 555-0142', 'pager [PHONE]'],
    ['beeper: 555-0142 after 6', 'beeper: [PHONE] after 6'],
    ['SSN: XXX-45-6789', 'SSN: [SSN]'],
    ['ITIN: 9XX-78-1234', 'ITIN: [SSN]'],
    ['ssn#6789', 'ssn#[SSN]'],
    ['my ssn is 6789', 'my ssn is [SSN]'],
    ['last4ssn=6789', 'last4ssn=[SSN]'],
    ['my zip is 94110, thanks', 'my zip is [ZIP], thanks'],
    ['my zip code is 94110 and I need a doctor', 'my zip code is [ZIP] and I need a doctor'],
    ['F/93 fell at home', 'F/[AGE] fell at home'],
    ['pt 93/M', 'pt [AGE]/M'],
    ['pt is 96 y female', 'pt is [AGE] y female'],
    ['my mom, 96, fell', 'my mom, [AGE], fell'],
    ["grandma's 95th birthday party", "grandma's [AGE] birthday party"],
    ['my grandpa who is 97 needs a ride', 'my grandpa who is [AGE] needs a ride'],
    ['prescription #RX-554433 is ready', 'prescription #[ID] is ready'],
    ['auth # PA-778812', 'auth # [ID]'],
    ['phone: 617 - 555 - 0142', 'phone: [PHONE]'],
    ['DOB 3 / 4 / 1961', 'DOB [DATE]'],
    ['DOB 03 04 1961', 'DOB [DATE]'],
    ['dob: 03_04_1961', 'dob: [DATE]'],
    ['ZIP 02115 1234', 'ZIP [ZIP]'],
  ])('redacts %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps years, temperatures, decades and counts', () => {
    for (const text of ['ssn 2024 form W-2', 'social security 2025 changes', 'temp 93/F', 'F/90s playlist', 'Stats, 95, 97 and 99', 'his 95th anniversary',
      'who is 95 minutes late', 'the zip is required', 'Rx #3', 'auth #1 priority', 'pages 201 - 299', 'appointment 3 4 times a week', 'our clinic is at the corner of Oak and 5th']) expect(redact(text)).toBe(text);
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    const parts = ['bday ', '3/61', 'corner of ', 'intersection of ', 'Shaw', ' and ', 'Elm', 'pager ', 'beeper ', '555-0142', 'ssn', '#', ': ', 'XXX-45-6789', '6789',
      'zip is ', '94110', 'F/', '93', '/M', ' y female', 'my mom, ', ', ', '95th', ' birthday', 'who is ', ' '];
    expectPrefilterSound(parts, { maxLength: 8, numRuns: 4000 });
  });
});
