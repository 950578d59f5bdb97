import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 37 (.tmp/h177): a day and month without a year in a person's own account, and a relative's name typed in lower case.
// Every event goes to an open destination (no BAA, every field allowed) under keys no free-text rule drops; the look-alikes stay.
const { props } = allowAllProbe('s37');

describe('a day and month without a year in someone\'s own account', () => {
  it.each([
    ['on 4/17 i had my endoscopy and still feel bloated', '4/17'],
    ['On April 17 I had my endoscopy', 'April 17'],
    ['My dad fell on January 8 and hurt his shoulder', 'January 8'],
    ['since 5/29 i have had a rash', '5/29'],
    ['from 2/4 to 2/7 i was admitted upstairs', '2/7'],
    ['she passed away 8/11 at home', '8/11'],
    ['my last period was 11/2, should i test', '11/2'],
    ['le 19/06 j\'ai fait une échographie', '19/06'],
    ['el 21/07 tuve una consulta', '21/07'],
    ['on the 2nd of august i had my gallbladder out', '2nd of august'],
    ['My husband was seen on Oct. 23 in your ER', 'Oct. 23'],
    ['am 22.09. hatte ich eine Darmspiegelung', '22.09.'],
    ['el 8 de abril mi padre se cayó', '8 de abril'],
    ['le 12 juin ma fille a été opérée', '12 juin'],
    ['last menstrual period 9/27', '9/27'],
    ['I was in the ER on 7/30... then again 8/4', '8/4'],
    ['<p>Since 5/3 my son has had a cough</p>', '5/3'],
  ])('drops it from %j', (text, date) => {
    expect(props({ chat_line: text })).not.toContain(date);
  });

  it('keeps a site\'s own dates, fractions, scores, doses and measures', () => {
    const texts = ['Join our webinar on May 19', 'Flu shot clinic on 10/21 at the north campus', 'offer ends 11/30', 'sale 11/28 - 12/3',
      'add 1/2 cup of broth', 'take 1/2 tablet at bedtime', 'ratio 3/14 of patients', 'page 3/14', 'i would rate my pain 6/10',
      'I noticed the blood drive is 1/22, can I sign up?', 'is the 24/7 line staffed', 'my blood pressure was 131/84', 'I give it 4/5 stars',
      'about 2/3 of us', 'Registration closes June 2', 'Holiday hours 12/24', 'my vision is 20/30', 'ages 12-17 welcome', 'i take 1-2 pills',
      "Mother's Day brunch May 10", 'Boston, MA on 3/14 we open', 'Our PA sees patients on 3/14', 'Mon 3/14 walk-in', 'Hospital Week May 10'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });

  it('runs wherever a text holds a digit (the prefilter keeps what every detector finds)', () => {
    const parts = ['on ', '3/14', ' i ', 'my ', 'mom ', 'fell ', 'March ', '3 ', 'webinar ', '1/2 ', 'cup', '. ', 'he ', '6/9', 'le ', '14/03 ',
      "j'ai ", '14.03. ', 'ich ', '5. Juni ', 'page ', 'x', '24/7', '\n', 'er '];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 1500, examples: [['he 6/9'], ['i 6/9'], ['on 3/14 i had'], ['my mom fell March 3']] });
  });
});

describe('a relative\'s name typed in lower case', () => {
  it.each([
    ['my wife olivia trevannion is in room 508', 'trevannion'],
    ['my son noah needs his inhaler refilled', 'noah'],
    ['writing for my father, george ashcombe, about his bill', 'ashcombe'],
    ['my grandmother dorothy is on 3 west', 'dorothy'],
    ['her husband michael pettigrew called twice', 'pettigrew'],
    ['my daughter emma\'s school form', 'emma'],
    ['my mother-in-law linda harcastle is visiting', 'harcastle'],
    ['mi esposo daniel quirarte está en la sala 4', 'quirarte'],
    ['ma fille chloé a de la fièvre', 'chlo'],
    ['minha mãe teresa precisa de uma consulta', 'teresa'],
  ])('drops it from %j', (text, name) => {
    expect(props({ chat_line: text })).not.toContain(name);
  });

  it('keeps the words a sentence goes on with', () => {
    const texts = ['my husband really needs a ride', 'my daughter just turned 7', 'my son has been sick', 'my mom said to call',
      'my wife and i are moving', 'my son will start therapy', 'my mom may need a wheelchair', 'my daughter still has a cough',
      'my father in law is here', 'mi esposo necesita una cita', 'ma mère est malade', 'mi hijo tiene fiebre'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });

  it('keeps the prefilter sound', () => {
    const parts = ['my ', 'her ', 'husband ', 'daughter ', 'emma', 'john ', 'smith', ', ', 'needs ', 'x', "'s", 'mi ', 'ma ', 'esposo ', 'fille ', 'chloé', 'juan '];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 1000, examples: [['my daughter emma'], ['her husband john smith'], ['mi esposo juan'], ['ma fille chloé']] });
  });
});
