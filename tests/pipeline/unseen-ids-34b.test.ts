import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 34b (.tmp/h170): what pass 34 left, fixed as classes. Every event goes to an open destination (no BAA, every field
// allowed) under keys no free-text rule drops; the look-alikes stay.
const { props } = allowAllProbe('s34b');

describe('a Dutch, Flemish or Nordic street typed in lower case with its number after the name', () => {
  it.each([
    ['wij wonen op keizersgracht 123', 'keizersgracht'],
    ['kalverstraat 92, amsterdam', 'kalverstraat'],
    ['adres: dorpsstraat 5a', 'dorpsstraat'],
    ['bor på storgatan 12 i umeå', 'storgatan'],
    ['vesterbrogade 4, 2. tv', 'vesterbrogade'],
    ['adresse karl johans gate 22', 'johans'],
    ['ik woon aan de beukenlaan 17', 'beukenlaan'],
    ['sveavägen 44', 'sveavägen'],
    ['bor i kirkeveien 5b', 'kirkeveien'],
    ['kongens gate 3, oslo', 'kongens'],
    ['Karl Johans gate 22', 'Johans'],
    ['bor i olav kyrres vei 5', 'kyrres'],
  ])('drops it from %j', (text, word) => {
    expect(props({ chat_line: text })).not.toContain(word);
  });

  it('keeps gates, platforms, durations and words that only end like a street', () => {
    const texts = ['schiphol 2 hours delay', 'gate 22 boarding now', 'plein 5 minutes', 'boarding gate 22', 'we are at arrivals gate 3',
      'renegade 2 trim', 'kade 4 is closed', 'the weg 3 route', 'meet at the main gate 12',
      'Boarding gate 22', 'At Arrivals gate 3', 'Departures gate 5 closes', 'the main gate 4'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });
});

describe('a lower-case name with particles after a caller\'s words', () => {
  it.each([
    ['hello this is maria del carmen ostrova, about my refill', 'ostrova'],
    ['my name is juan de la cruz', 'cruz'],
    ['i am pieter van der steenhoven, calling about my results', 'steenhoven'],
    ['this is anna von trubitz dob 3/4/71', 'trubitz'],
    ['this is omar bin tariq calling', 'tariq'],
  ])('drops it from %j', (text, name) => {
    expect(props({ chat_line: text })).not.toContain(name);
  });

  it('keeps plain words, particles among them', () => {
    const texts = ['this is not about the bill', 'this is due to the van', 'i am in la this week', 'this is about de la salle high',
      'my name is on the list'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });
});

describe('a hospital price-transparency file name', () => {
  it('keeps the hospital\'s tax id before `_<name>_standardcharges` (the CMS naming convention)', () => {
    const texts = ['043212345_northbay-hospital_standardcharges.json', '12-3456789_st-anne-medical-center_standardcharges.csv',
      'downloads/987654321_lakeside-regional_standardcharges.zip', '043212345_northbay_standardcharges.json'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });

  it('still drops an SSN elsewhere in a file name', () => {
    for (const [text, digits] of [['scan_123-45-6789_intake.pdf', '6789'], ['claim-123456789-form.pdf', '123456789'],
      ['123456789_jane-doe_labresults.json', '123456789'], ['043212345_northbay_results.json', '043212345'],
      ['123-45-6789_northbay_standardcharges.json', '6789']]) {
      expect(props({ file_name: text })).not.toContain(digits);
    }
  });
});

describe('the prefilter lets through every text these detectors redact', () => {
  it('on lower-case Dutch and Nordic streets and particle names built from parts', () => {
    const parts = ['keizers', 'gracht', ' 12', 'karl ', 'johans ', 'gate', ' 22', 'this is ', 'juan', ' de', ' la', ' cruz',
      'storgatan', ' 5a', 'kyrres ', 'vei', 'Johans ', ',', ' ', 'x'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 1500, examples: [['keizersgracht 123'], ['karl johans gate 22'],
      ['this is juan de la cruz'], ['my name is maria del carmen ostrova'], ['storgatan 12'], ['Karl Johans gate 22'],
      ['olav kyrres vei 5']] });
  });
});
