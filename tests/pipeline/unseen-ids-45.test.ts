import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 45 (.tmp/h196): newborns' and children's names, and a day and month without a year after a care or life event's word.
// Every event goes to an open destination (no BAA, every field allowed) under keys no free-text rule drops, so the detectors,
// not field drops, do the work.
const { props } = allowAllProbe('s45');

describe("a newborn's or a child's name in a family's own words", () => {
  it.each([
    ['we named him Augustin Pierce', ['Augustin', 'Pierce']],
    ['baby Thaddeus arrived at 5am', ['Thaddeus']],
    ['welcome baby Clementine!', ['Clementine']],
    ["It's a girl! Marigold Wren, 6 lb 11 oz", ['Marigold', 'Wren']],
    ['twins Percival and Ottoline came home', ['Percival', 'Ottoline']],
    ['meet Bartholomew, 2 weeks old', ['Bartholomew']],
    ['my kids Leopold and Ignatius have strep', ['Leopold', 'Ignatius']],
    ['Cosimo (5) and Anselm (3) need checkups', ['Cosimo', 'Anselm']],
    ['little Evander has a cough again', ['Evander']],
    ['our newborn Seraphina is jaundiced', ['Seraphina']],
    ['my 5 year old Leander has a rash', ['Leander']],
    ['my 4-month-old Marisol has a fever', ['Marisol']],
    ['Happy 1st birthday Florian!', ['Florian']],
    ['Isidore is 5 weeks old and fussy', ['Isidore']],
    ['NICU grad Lysander goes home today', ['Lysander']],
    ["Wilhelmina's 4 month shots are due", ['Wilhelmina']],
    ['se llama Ximena Itzel', ['Ximena']],
    ['Welcome to the world, Octavia!', ['Octavia']],
    ['baby cecilia came home yesterday', ['cecilia']],
    ['Rosalind, born 10/27 at 4:02 am, 7 lb 1 oz', ['Rosalind', '10/27']],
    ['big sister Philippa is so proud', ['Philippa']],
    ['Hyacinth (age 6) needs a school form', ['Hyacinth']],
  ])('drops the name from %j', (text, gone) => {
    const out = props({ visitor_says: text });
    for (const g of gone) expect(out).not.toContain(g);
  });
});

describe("a relative's given name that is also a word or a month", () => {
  it.each([
    ['flowers for my aunt charity', 'charity'],
    ['please tell my mother april.', 'april'],
    ['my sister summer is driving me', 'summer'],
  ])('drops the name from %j', (text, gone) => {
    expect(props({ visitor_says: text })).not.toContain(gone);
  });
});

describe('a day and month after a care or life event', () => {
  it.each([
    ['due date 9/23, twins', '9/23'],
    ['bday 2/17, free dessert?', '2/17'],
    ['seen on 5-8 for an ear ache', '5-8'],
    ['last seen 10/19 by the NP', '10/19'],
    ['follow up on 1/22 with ortho', '1/22'],
    ['seen in clinic 2/5 for wheezing', '2/5'],
    ['EDD 7/30', '7/30'],
    ['f/u 3/11 derm', '3/11'],
    ['tested positive 10/4 and still tired', '10/4'],
    ['x-ray done 9/29 at urgent care', '9/29'],
    ['labs drawn 10/8, no news', '10/8'],
    ['follow-up Jan 9th', 'Jan 9'],
    ['b-day Sept 14', 'Sept 14'],
  ])('drops the date from %j', (text, gone) => {
    expect(props({ visitor_says: text })).not.toContain(gone);
  });
});

describe('what flows', () => {
  it('keeps words that only look like the above', () => {
    const texts = ['3/4 cup flour', 'ratio 3/4', 'pages 12/15', '1/2 tablet', 'Open 24/7', 'pain 9/10', 'size 4/5', '6/0 sutures', 'baby formula',
      'Baby Steps class', 'little league physicals', 'Baby Dove lotion', 'twins run in my family', 'faith-based care', 'June 2026 classes',
      'Baby Bjorn carrier', 'Little Mermaid story time', 'Baby Einstein is on sale', 'a toddler Bed Rail', 'Welcome Baby Program', 'Meet Our Midwives',
      'Twins and multiples class', "It's a Girl Baby Shower Kit", 'Baby & Me yoga starts 12/3', 'Newborn care class 1/14', 'follow up in 2-3 weeks',
      'payment is due 12/15', 'forms due 12/1', 'seen 3/4 of patients', 'Happy 75th birthday Northbay!', 'Dr. Helena Marsh, born in Ohio',
      'Your baby at 3 weeks old', "Children's 2 month checkup guide", 'Tylenol (2) tablets', 'Room (2) is ready', 'my mom may call', 'my son will drive'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });

  it('runs wherever its cue is (the prefilter keeps what every detector finds)', () => {
    const parts = ['baby ', 'Baby ', 'bébé ', 'little ', 'newborn ', 'preemie ', 'toddler ', 'NICU grad ', 'big sister ', 'we named her ', 'se llama ',
      "It's a girl! ", 'welcome to the world, ', 'Happy 2nd birthday ', 'twins ', 'triplets ', 'my kids ', 'our sons ', 'my 3yo ', 'our 6 mo ',
      'my 2 month old ', 'our 3-mo ', 'our 4yo ', 'Chrome/125.0 Mobile ', 'Ava', 'Zane', 'olivia', ' and ', ', ', ' (4)', ' (age 7)', ' is 3 weeks old', ', 2 months old', "'s 4 month shots",
      ', born 11/28', ' was born at 3am', ', 7 lb 2 oz', ' has a cough', '!', '.', ' ', 'due date ', 'seen on ', 'f/u ', '3/7', '3-4', 'Nov 23',
      ' of ', 'weeks', 'my sister ', 'faith', 'june', ' is here'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 3000, examples: [['baby Ava has a cough'], ['twins Ava and Zane'], ['Zane (4) and Ava (4)'],
      ['Zane is 3 weeks old'], ["Ava's 4 month shots"], ['Ava, born 11/28'], ['my 3yo Zane has a cough'], ['se llama Ava'], ['due date 3/7'],
      ['my sister faith'], ['Ava, 7 lb 2 oz'], ['our 6 mo Ava has a cough']] });
  });
});
