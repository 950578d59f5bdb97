import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 38 (.tmp/h180): the names of a patient's relatives, household members and employer that people type in passing —
// a relative's lone given name in lower case or in another language, people who live with or look after the patient, the
// names a card is signed with, a family's plural surname, and the employer in the writer's own words. Every event goes to an
// open destination (no BAA, every field allowed) under keys no free-text rule drops; the look-alikes stay.
const { props } = allowAllProbe('s38');

const keepsAll = (texts: readonly string[]): void => {
  const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
  for (const t of texts) expect(out).toContain(t);
};

describe('a relative\'s or a household member\'s name said in passing', () => {
  it.each([
    ['my daughter hope has strep again', 'hope'],
    ['my son jordan is in the nicu', 'jordan'],
    ['our son mason was admitted last night', 'mason'],
    ['our baby girl Harper is in the NICU', 'Harper'],
    ['mein Sohn Jonas hat seit gestern Fieber', 'Jonas'],
    ['meine tochter leonie hat husten', 'leonie'],
    ['mein sohn matthias', 'matthias'],
    ['mijn dochter fleur heeft koorts', 'fleur'],
    ['la mia figlia chiara ha la febbre', 'chiara'],
    ['my niece, skye, needs her shots', 'skye'],
    ['my twins liam and ivy have a rash', 'ivy'],
    ['my housemate Declan Farrow took me to urgent care', 'Farrow'],
    ['our neighbour, Gwen Adair, called the ambulance', 'Adair'],
    ['my landlord mr. pennington locked me out', 'pennington'],
    ['meine Nachbarin frau vogelsang hat mich gefunden', 'vogelsang'],
    ['my home health aide bronwyn keeps my pill box', 'bronwyn'],
    ['my sitter, wren, stays overnight', 'wren'],
    ['my neighbor\'s son Corbin drove me here', 'Corbin'],
  ])('drops it from %j', (text, name) => {
    expect(props({ chat_line: text })).not.toContain(name);
  });

  it('keeps the words a sentence goes on with, a title\'s capitals and a German subordinate clause', () => {
    keepsAll(['my daughter really needs a refill', 'my son has been coughing', "our neighbor's dog bit me", 'our son was seen yesterday',
      'my roommate has the flu too', 'my landlord will not fix the heat', 'my neighbor drove me home', 'my husband, however, is late',
      'Our Partner Hospitals are great', 'Our Father who art in heaven', 'our Mother Baby Unit is open', 'mein Sohn hat Fieber',
      'ob meine Mutter Hilfe braucht', 'weil mein sohn schläft', 'mein sohn krank', 'meine Tochter braucht einen Termin', 'my daughter often has headaches', 'my son plays soccer']);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['our ', 'my ', 'son ', 'neighbor', "'s ", 'mason', 'Harper ', ' was', ' has ', ', ', 'mr. ', 'hope ', 'mein ', 'Sohn ', 'Jonas ', 'hat ', 'x', 'and '];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 1500, examples: [['our son mason was'], ['our son Harper  has '], ['my neighbor, mr. hope ']] });
  });
});

describe('a card\'s signature, a family\'s surname and an occupant', () => {
  it.each([
    ['Get well soon! love, grandma ruth', 'ruth'],
    ['xoxo papa lou', 'lou'],
    ['Love always, Aunt Marisol & Uncle Dev', 'Marisol'],
    ['Thank you so much, Philippa', 'Philippa'],
    ['con cariño, tu abuelo chuy', 'chuy'],
    ['Thinking of you, from the Vasquez-Ortegas', 'Vasquez'],
    ['Balloons for the Lindqvists (room 7C)', 'Lindqvist'],
    ['the patient in bed 9 is Mortimer', 'Mortimer'],
    ['hey it\'s Priya from apt 3C, is the pharmacy open', 'Priya'],
    ['the Okonjo family is in the waiting room', 'Okonjo'],
  ])('drops it from %j', (text, name) => {
    expect(props({ chat_line: text })).not.toContain(name);
  });

  it('keeps a site\'s own warm words, a place\'s plural and a building\'s family name', () => {
    keepsAll(['love this clinic, the staff are great', 'love, the Northbay care team', 'love, your care team at Northbay',
      'Best wishes from all of us at Northbay', 'Greetings from the Rockies', 'Postcards from the Philippines', 'the patient in bed 4 is stable',
      'the Smith Family Birth Center', 'The Johnson Family Pavilion is closed', 'Update from the team at Northbay']);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['love', ', ', 'xoxo ', 'nana ', 'ruth', 'Aunt ', 'Carol', ' & ', 'from the ', 'Nguyens', ' (room 2)', 'in bed 4 ', 'is ', 'Robert', "it's ", 'Kim ', 'from 4B', '\n'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 1500, examples: [['love, nana ruth'], ['from the Nguyens (room 2)'], ['in bed 4 is Robert'], ["it's Kim from 4B"]] });
  });
});

describe('the employer in the writer\'s own words', () => {
  it.each([
    ['I work at Rivian in Normal as a technician', 'Rivian'],
    ['my employer is Providence St. Joseph', 'Providence'],
    ["I'm a paralegal at Whitcombe & Hale", 'Whitcombe'],
    ['i\'m employed by Nordstrom and need a note', 'Nordstrom'],
    ['I drive for Lyft nights', 'Lyft'],
    ['trabajo en Costco desde 2019', 'Costco'],
    ['je travaille chez Michelin', 'Michelin'],
    ['ich arbeite bei Bosch als Elektriker', 'Bosch'],
    ['i work at kroger as a stocker', 'kroger'],
  ])('drops it from %j', (text, name) => {
    expect(props({ chat_line: text })).not.toContain(name);
  });

  it('keeps a provider\'s and a site\'s words and work without an employer', () => {
    keepsAll(['Dr. Lee works at our Oakland clinic on Tuesdays', 'Careers at Northbay', 'we work with most insurers', 'I work from home',
      'I work nights, can I book a morning slot', 'I work at a school', 'I work in construction', "I'm a new patient at Northbay",
      "I'm a returning patient at the Eastside clinic", 'My employer is self-insured, is that covered?', 'Our employer partners program']);
  });

  it('is found by the prefilter wherever the detectors find it', () => {
    const parts = ['I ', 'work ', 'at ', 'Rivian', ' as a ', 'kroger', "I'm ", 'a ', 'nurse ', 'trabajo ', 'en ', 'chez ', 'Bosch', 'ich arbeite ', 'bei ', 'my ', 'employer ', 'is '];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 1500, examples: [['I work at Rivian'], ["I'm a nurse at Bosch"], ['trabajo en Bosch'], ['ich arbeite bei Bosch']] });
  });
});
