import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 40 (.tmp/h184): numbers read out in words after their label, and numbers typed with look-alike letters. Every
// event goes to an open destination (no BAA, every field allowed) under keys no free-text rule drops; the look-alikes stay.
const { props } = allowAllProbe('s40');

describe('a number read out in words after the label that says what it is', () => {
  it.each([
    ['my social security number is three one nine, four four, eight zero two six', 'eight zero two six'],
    ['ssn: seven zero four one one six six two nine', 'six six two nine'],
    ['SSN two three eight dash five five dash one nine nine four, thanks', 'one nine nine four'],
    ['the last four of my social are three nine one seven', 'three nine one seven'],
    ['soc sec is double four one, two six, zero three three eight', 'zero three three eight'],
    ['zip code eight oh two one five', 'eight oh two one five'],
    ['my zip is three three one four nine', 'three three one four nine'],
    ['member id R seven one one four nine zero six two', 'nine zero six two'],
    ['MRN zero zero six one eight eight four two', 'six one eight eight four two'],
    ['medical record number is five five one three zero seven seven', 'three zero seven seven'],
    ['I paid with the card ending in six two zero eight', 'six two zero eight'],
    ['account #: four four nine one two zero eight', 'nine one two zero eight'],
    ['Policy number: H nine one one four two seven three', 'four two seven three'],
    ['DOB one one slash zero three slash one nine six two', 'one nine six two'],
    ['Social Security No. five-two-nine-one-one-four-eight-eight-three', 'four-eight-eight-three'],
    ['mi número de seguro social es seis dos uno, cero cuatro, ocho ocho siete tres', 'ocho ocho siete tres'],
    ['<p>ssn is seven one two, two two, nine nine four oh</p>', 'nine nine four oh'],
    ['ssn: four hundred twelve, thirty three, fifty one eighty', 'fifty one eighty'],
    ['my ssn is 318 four four 2291', 'four 2291'],
    ['subscriber id: one E G four T E five M K seven three', 'five M K seven three'],
  ])('drops it from %j', (text, number) => {
    expect(props({ chat_line: text }).toLowerCase()).not.toContain(number.toLowerCase());
  });

  it('keeps counts, ratings, doses and labels with no number read out after them', () => {
    const texts = ['ready, set: one two three, go team', 'five stars, would come again', 'Flu clinic: two doses for kids under nine',
      'ZIP code search is not working', 'my zip code is the same as before', 'I lost my member id card', 'social worker: two visits per week',
      'social: five of us are coming to the gala', 'SSN not required for the flu clinic', 'ssn: none, I am an international student',
      'zip code nine digits or five?', 'born in nineteen fifty eight', 'account number field missing on the pay bill form',
      'count with me: one two three four', 'the card has two or three chips', 'Claim: one of the best hospitals'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });

  it('runs wherever a label and a number read out meet (the prefilter keeps what every detector finds)', () => {
    const parts = ['ssn ', 'social ', 'zip ', 'mrn ', 'member id ', 'card ending in ', 'dob ', 'is ', 'one', 'two', 'three', 'four', 'oh', 'nine',
      'cinco', 'dash', 'slash', 'double', 'hundred', 'o', ' ', ', ', '-', 'K ', '12', 's.s.n. '];
    expectPrefilterSound(parts, { maxLength: 9, numRuns: 2500, examples: [['ssn one two three four'], ['mrn oh nine nine four'],
      ['social cinco cinco cinco cinco'], ['s.s.n. one dash two dash three dash four'], ['zip one 12 two 12 three']] });
  });
});

describe('a number typed with letters that look like digits', () => {
  it.each([
    ['SSN: 3I8-O2-7745 for the form', '3I8-O2-7745'],
    ['my ss# is 5O2 77 S193', '5O2 77 S193'],
    ['social security no. 4B1-6Z-3308', '4B1-6Z-3308'],
    ['my cell is 7I3-555-O162, text me', '7I3-555-O162'],
    ['phone (3l2) 555-Ol84', '555-Ol84'],
    ['call 9I6.555.O137 after 5', '9I6.555.O137'],
    ['DOB: O9/1I/1961', 'O9/1I/1961'],
    ['date of birth I2-O5-I977', 'I2-O5-I977'],
    ['zip 6O6I4 please', '6O6I4'],
    ['my ssn: 6|4-55-2O09', '6|4-55-2O09'],
    ['ssn: 4I2O83391', '4I2O83391'],
    ['SSN #: 9I2-34-5678', '9I2-34-5678'],
    ['call me at 555-O1I4', '555-O1I4'],
    ['cell 7I35550162', '7I35550162'],
  ])('drops it from %j', (text, number) => {
    expect(props({ chat_line: text })).not.toContain(number);
  });

  it('keeps words, codes and measures with those letters that are not numbers', () => {
    const texts = ['room B12', 'SOLO 2024', 'ISO 9001', 'B-12 shots', 'H1N1 season', 'BIOS update, OBS stream', 'promo code SOLO2O24',
      'Room 2O4 has a broken TV', 'route 1O1 closed', 'suite 2OO', 'Take I-95 to exit 4', 'model B-52 concentrator', 'SOS-12-2024 drill',
      'Win10 laptop 1O GB', 'SKU IOS-555-OBBO', 'text STOP to 2O2O2', 'call me at 8 or 9 tonight', 'cell block B-2O1', 'order 9I2-34-5678 shipped'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });

  it('runs wherever a look-alike sits beside a digit (the prefilter keeps what every detector finds)', () => {
    const parts = ['2', '3', '9', '1', 'O', 'I', 'l', '|', 'S', 'Z', 'B', '-', '/', ' ', '(', ')', 'zip ', 'ssn ', 'call me at ', '555', '.'];
    expectPrefilterSound(parts, { maxLength: 14, numRuns: 2500, examples: [['2I9-O5-4471'], ['zip 9O21O'], ['(2l2) 555-Ol97'], ['O3/O4/1961'], ['B.2/2']] });
  });
});
