import { describe, expect, it } from 'vitest';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';
import {
  ageOver89Detector,
  creditCardDetector,
  dateDetector,
  emailDetector,
  labelledIdDetector,
  partialDateDetector,
  personNameDetector,
  phoneDetector,
  ssnDetector,
  streetAddressDetector,
  zipDetector,
} from '../../../src/rules/detectors/index.js';
import { folded, formDecoded } from '../../../src/rules/form-decoded.js';
import { matches, withLuhnDigit } from './helpers.js';

describe('ages over 89', () => {
  it.each([
    ['she is 96 years old', '96'], ['Age: 91', '91'], ['age=104', '104'], ['93yo F', '93'], ['90 y/o', '90'], ['a 99-year-old', '99'],
    ['aged 95', '95'], ['edad: 92', '92'], ['he is 101 yrs', '101'], ['92 y.o.', '92'], ['Alter 97', '97'],
  ])('finds the age in "%s"', (text, age) => {
    expect(matches(ageOver89Detector, text)).toEqual([age]);
  });

  it('leaves ages of 89 and under, ranges, counts and durations', () => {
    for (const t of ['Age: 89', '45 years old', 'Ages 90 and up', 'age 90+', '100 years of service', '90-day supply', 'Route 90', 'age: 9000', '$95 yo-yo']) {
      expect(matches(ageOver89Detector, t), t).toEqual([]);
    }
  });

  it('a birth year is redacted only when it shows an age over 89', () => {
    const old = new Date().getUTCFullYear() - 95;
    expect(matches(partialDateDetector, `born in ${old}`)).toEqual([String(old)]);
    expect(matches(partialDateDetector, 'born in 1985')).toEqual([]);
    expect(matches(partialDateDetector, `died in ${old}`)).toEqual([]);
  });
});

describe('dates in other languages', () => {
  it.each([
    '3 de agosto de 1951', '1er avril 1949', '22 septembre 1960', '9 luglio 1944', '5. Oktober 1938', '12 de março de 1957', '30 décembre 1941',
  ])('finds "%s" whole', (text) => {
    expect(matches(dateDetector, `DOB ${text}`)).toEqual([text]);
  });

  it('German 2-digit years and dashed US dates after a birth cue', () => {
    expect(matches(partialDateDetector, 'geb. 03.04.41')).toEqual(['03.04.41']);
    expect(matches(partialDateDetector, 'DOB 4-17-52')).toEqual(['4-17-52']);
    expect(matches(dateDetector, 'version 03.04.41')).toEqual([]);
  });
});

describe('email spellings', () => {
  it.each([
    ['"ada lin"@relay.example', '"ada lin"@relay.example'], ['ada@[203.0.113.4]', 'ada@[203.0.113.4]'],
    ['ada @ relay . org', 'ada @ relay . org'], ['ada [@] relay [.] org', 'ada [@] relay [.] org'], ['ada -at- relay -dot- org', 'ada -at- relay -dot- org'],
    ['reach ada.lin at relay.org today', 'ada.lin at relay.org'],
  ])('finds the address in "%s"', (text, address) => {
    expect(matches(emailDetector, text)).toEqual([address]);
  });

  it('leaves prose with `at` before a site name', () => {
    for (const t of ['details at northbay.org', 'Learn more at northbay.org', 'Visit us at northbay.org']) expect(matches(emailDetector, t), t).toEqual([]);
  });

  it('a plus tag is not read as a form-encoded space', () => {
    expect(formDecoded('ada.lin+news@relay.org')).toBeUndefined();
    expect(formDecoded('ada+lin+555+0100')).toBe('ada lin 555 0100');
  });

  it("keeps a mailbox's +tag before a spelled-out, spaced, fullwidth or twice-escaped @ (probe C: the part before it went out)", () => {
    expect(formDecoded('yuki_smith+appt(at)icloud.com')).toBeUndefined();
    expect(formDecoded('ingrid_castellanos+appt @ gmail.com')).toBeUndefined();
    expect(formDecoded('kenji_castellanos+appt\uff20mailbox.example')).toBeUndefined();
    expect(formDecoded('jane_lopez+appt%2540yahoo.com')).toBe('jane_lopez+appt@yahoo.com');
  });
});

describe('typed separators', () => {
  it('typographic dashes and invisible characters fold to what a reader sees', () => {
    expect(folded('617\u2011555\u20130100')).toBe('617-555-0100');
    expect(folded('617\u2212555\u00ad0100')).toBe('617-5550100');
    expect(folded('plain text')).toBeUndefined();
  });

  it('phone lines with a letter O, SSNs with spaced dashes, cards with doubled spaces and dots', () => {
    expect(matches(phoneDetector, 'ring 212-555-O1O9')).toEqual(['212-555-O1O9']);
    expect(matches(phoneDetector, '212-555-OOOps')).toEqual([]);
    expect(matches(ssnDetector, 'ss# 212 - 47 - 3390')).toEqual(['212 - 47 - 3390']);
    expect(matches(ssnDetector, '212  47  3390')).toEqual(['212  47  3390']);
    const pan = withLuhnDigit('411111111111111');
    const spaced = pan.replace(/(\d{4})(?=\d)/g, '$1  ');
    const dotted = pan.replace(/(\d{4})(?=\d)/g, '$1.');
    expect(matches(creditCardDetector, spaced)).toEqual([spaced]);
    expect(matches(creditCardDetector, dotted)).toEqual([dotted]);
  });
});

describe('labelled values in groups, names after more cues, addresses and ZIPs', () => {
  it('grouped, dotted and masked record numbers; serials after SN', () => {
    expect(matches(labelledIdDetector, 'MRN: 4471 2093')).toEqual(['4471 2093']);
    expect(matches(labelledIdDetector, 'MRN 33.871.290')).toEqual(['33.871.290']);
    expect(matches(labelledIdDetector, 'MRN ***77213')).toEqual(['***77213']);
    expect(matches(labelledIdDetector, 'S/N: K9Q44817')).toEqual(['K9Q44817']);
    expect(matches(labelledIdDetector, 'claim no. 12 apples')).toEqual([]);
  });

  it.each([
    "je m'appelle Odile Brassart", 'ich heiße Odile Brassart', 'mi chiamo Odile Brassart', 'meu nome é Odile Brassart', 'Nom : Odile Brassart',
    'Dear Odile Brassart,', 'Attn: Odile Brassart', 'Mrs. Odile Brassart', 'my wife Odile Brassart', 'their son Odile Brassart', 'Father: Odile Brassart', 'Signed,\nOdile Brassart',
  ])('finds the name in "%s"', (text) => {
    expect(matches(personNameDetector, text)).toEqual(['Odile Brassart']);
  });

  it('leaves salutations and relatives without a name', () => {
    for (const t of ['Dear Valued Patient,', 'my husband will drive', "my Mother's Day gift", 'Dear Friends of Northbay']) expect(matches(personNameDetector, t), t).toEqual([]);
  });

  it('ZIPs after a state code without a comma or after a state name; French street addresses', () => {
    expect(matches(zipDetector, 'Salem MA 01970')).toEqual(['01970']);
    expect(matches(zipDetector, 'Lowell, MA, 01852')).toEqual(['01852']);
    expect(matches(zipDetector, 'Austin, Texas 78701')).toEqual(['78701']);
    expect(matches(zipDetector, 'PLAN MA 01970')).toEqual(['01970']);
    // The city closing the text after the street's comma goes with it (blind pass 32).
    expect(matches(streetAddressDetector, 'au 18 rue Daguerre, Paris')).toEqual(['18 rue Daguerre, Paris']);
    expect(matches(streetAddressDetector, '4 bis, boulevard de la Villette')).toEqual(['4 bis, boulevard de la Villette']);
    expect(matches(streetAddressDetector, 'set 2 place settings')).toEqual([]);
  });
});

describe('prefilter gates for the new cues', () => {
  it('never skips a detector that would fire', () => {
    const parts = ['Age: ', '9', '1', '0', '3', ' years old', 'yo', ' y/o', 'aged ', ' is ', ' of ', ' was ', 'edad', 'alter ', 'età ', '=', '-', 'Y', ' this ', 'born in ', '19', '29', 'geb. ', '03.04.41', ' de ', 'marzo', 'mars ', ' ',
      "je m'appelle ", 'ich heiße ', 'mi chiamo ', 'Nom : ', 'Dear ', 'Attn: ', 'Mrs. ', 'Mr ', 'my husband ', 'her ', 'his ', 'their ', 'our ', 'son ', 'wife ', 'This is ', 'Mother: ', 'Mom: ', 'sister=', 'Dad\u2013', 'Partner : ', 'signed,', 'Odile ', 'Brassart',
      ' at ', ' AT ', '\t', 'relay', '.org', '.com', '.info', '.care', ' . ', ' dot ', '[@]', '[.]', '-at-', '-dot-', '"', '@', '212', '-555-', 'O1O9', '\u2011', '\u2013', ' - ', '  ', 'MA ', ', Texas ', '01970', 'rue ', 'Daguerre'];
    expectPrefilterSound(parts, { maxLength: 8, numRuns: 4000 });
  });
});
