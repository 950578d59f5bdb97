import { describe, expect, it } from 'vitest';
import { allowAllProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Pass 39 (.tmp/h181): places and ages over 89 in people's own words. Every event goes to an open destination (no BAA, every
// field allowed) under keys no free-text rule drops; the site's own places and the look-alikes stay.
const { props } = allowAllProbe('s39');

describe('a city, state and ZIP typed in lower case, and a ZIP said as an area', () => {
  // The ZIP after a state goes whole, as after a capitalised state (`Fresno, CA 93722`); before `area` it keeps its ZIP-3.
  it.each([
    ['we came up from visalia, ca 93291 for the scan', ['visalia', '93291']],
    ['i live in citrus heights ca 95610 is there a pediatrician', ['citrus heights', '95610']],
    ['relocating to olympia wa 98501 in march', ['olympia', '98501']],
    ['send the statement to waco, tx 76701 please', ['waco', '76701']],
    ['looking for a cardiologist in the 94704 area', ['94704']],
    ['94536 area urgent care', ['94536']],
  ])('drops the city and the ZIP from %j', (text, gone) => {
    const out = props({ visitor_says: text });
    for (const g of gone) expect(out).not.toContain(g);
  });

  it('keeps the state, and the ZIP-3 of an area', () => {
    expect(props({ visitor_says: 'i live in citrus heights ca 95610 is there a pediatrician' })).toContain('i live in [ADDRESS] ca [ZIP] is');
    expect(props({ visitor_says: 'looking for a cardiologist in the 94704 area' })).toContain('in the 947 area');
  });
});

describe('a street without its number, a corner, a neighbourhood', () => {
  it.each([
    ['my home is on Sycamore Avenue, the one with the ramp', 'Sycamore'],
    ['our house is the white one on Bramblewood Lane', 'Bramblewood'],
    ['my grandma lives over on Fennimore Drive', 'Fennimore'],
    ['i live on poplar ct near the school', 'poplar'],
    ['we live off of State Route 29 past the dairy', 'Route 29'],
    ['the green house at the end of Tolliver Way', 'Tolliver'],
    ["we're at the corner of Kearny and 4th, third floor", 'Kearny'],
    ["I'm at Clement and Arguello", 'Arguello'],
    ['I live at Belmont and 39th', 'Belmont'],
    ['i live in the Bayview district', 'Bayview'],
    ['we live in the Ravenna neighborhood', 'Ravenna'],
    ['our place is on the 2200 block of Hawthorne Street', '2200 block'],
    ['send it to apt 9D, 215 W 94th', '215 W 94th'],
    ['we are staying in eureka with my cousin', 'eureka'],
  ])('drops the place from %j', (text, place) => {
    expect(props({ visitor_says: text })).not.toContain(place);
  });
});

describe('where someone stays', () => {
  it.each([
    ['lot 23 at Evergreen Terrace mobile home park', 'Evergreen'],
    ['space 14 at Riverbend RV park', 'Riverbend'],
    ["I'm staying at the Westin on Powell St, room 1411", 'Powell'],
    ['my dad is at Crestview Manor nursing home, room 7A', 'Crestview'],
    ['she lives at the Oakhurst senior apartments unit 118', 'Oakhurst'],
    ['we are in the Lakeside Towers, apt 902', 'Lakeside'],
    ['I sleep at the Hope House shelter on 8th street', '8th street'],
    ['the Briarcliff senior apartments unit 31', 'Briarcliff'],
  ])('drops the lodging from %j', (text, place) => {
    expect(props({ visitor_says: text })).not.toContain(place);
  });

  it('drops a lodging, a park and a corner sent under their own keys', () => {
    const out = props({ hotel_name: 'Hyatt Regency', hotel_room: '1204', mobile_home_park: 'Willow Creek Estates', fields: [{ label: 'Cross street / intersection', value: 'Pine & Leavenworth' }] });
    for (const v of ['Hyatt', '1204', 'Willow Creek', 'Leavenworth']) expect(out).not.toContain(v);
  });
});

describe('an age over 89 said loosely', () => {
  it.each([
    ['my great uncle is in his late 90s', 'late 90s'],
    ['grandma is in her mid-nineties', 'mid-nineties'],
    ['my father is in his early nineties', 'early nineties'],
    ["she's pushing 96 and lives alone", '96'],
    ['he is almost 99', '99'],
    ["mom's nearly 101", '101'],
    ['my aunt will be 94 next month', '94'],
    ['grandpa just hit 92', '92'],
    ["she's going on 98", '98'],
    ['patient aged between 92 and 95', '95'],
    ['he is between 91 and 93', '93'],
  ])('drops the age from %j', (text, age) => {
    expect(props({ visitor_says: text })).not.toContain(age);
  });

  it('drops an age described under an age key', () => {
    expect(props({ age_description: 'late nineties', relation: 'mother' })).not.toContain('nineties');
  });
});

describe("the site's own places and numbers that are not ages", () => {
  it('keeps them', () => {
    const texts = ['Our Sycamore Avenue clinic is open Sundays', 'Parking is on Fennimore Drive', 'Main Campus, Kearny and 5th',
      'Oakland Medical Center', 'Downtown Clinic | Market St | Mon-Fri', 'Many of our patients are in their 90s',
      'residents in their late 90s', '95% of patients', 'Nurse Ana, class of 95', 'Take the Highway 9 exit', "i'm at work until 5",
      "i'm at the front desk", 'i live on a fixed income', 'his oxygen is in the low 90s', 'my fever was in the high 90s',
      'she is in her late 30s', 'we are pushing 40 people', "it's pushing 95 degrees", 'Our clinic is at the corner of Oak and 5th',
      'the Ronald McDonald House on Elm St', 'Our conference is at the Hilton on Market St', 'Lot 4 is full, use Lot B',
      'Pediatrics Unit 3, Room 204', 'Glenwood Senior Living, Suite 200', 'in 12000 patients', 'New clinic in the Mission District', 'ages 12-17 welcome',
      'Located at the corner of Fremont and 3rd', 'Stay on Highway 9 until exit 23', 'Join our open house on Harbor Blvd',
      'my son hit 100 on his spelling test', "i'm at high risk", "i'm at week 12",
      'we are staying in touch', 'Tips for Staying in Shape'];
    const out = props(Object.fromEntries(texts.map((t, i) => [`t${i}`, t])));
    for (const t of texts) expect(out).toContain(t);
  });

  it('runs wherever its cue is (the prefilter keeps what every detector finds)', () => {
    const parts = ['my ', 'home ', 'house ', 'is ', 'on ', 'Elm ', 'Street', "I'm ", "we're ", 'at ', 'Oak ', 'and ', '5th', 'late ', 'early ',
      '90s', 'nineties', 'almost ', 'nearly ', 'hit ', 'going on ', 'between ', '95', ' ', 'her ', 'fresno', ', ca ', '93722', 'area', 'lot 4 ', 'staying ', 'in ', 'eureka'];
    expectPrefilterSound(parts, { maxLength: 6, numRuns: 1500, examples: [['my home is on Elm Street'], ['her early nineties'],
      ["I'm at Oak and 5th"], ['almost 95'], ['fresno, ca 93722'], ['we staying in eureka']] });
  });
});
