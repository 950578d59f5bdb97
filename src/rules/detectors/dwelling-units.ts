import { push, scanCorners } from './dwelling.js';
import { anyCase } from './residence.js';
import type { Detection } from './types.js';

// Where someone stays, told by its room, unit or lot (Safe Harbor B; dwelling.ts takes the forms without digits): a lodging
// named after a stay's verb with its room or unit (`I'm staying at the Marriott on Stevens Creek Blvd, room 812`, `my mom is at
// Rosewood Manor nursing home, room 12B`, `we are in the Parkview Towers, apt 1203`, `I live in Whitmore Hall room 311`), a lot or
// space in a mobile-home, trailer or RV park (`lot 42 at Sunset Palms mobile home park`), a block (`we are on the 300 block of
// Poplar Ave`) and a unit before a street written without its type (`apartment 7C, 412 E 83rd`). A hospital's own rooms and
// units (`my mom is in the ICU room 12`, `Pediatrics Unit 3, Room 204`) have no stay's verb or are the hospital's word: they stay.
const CAP = "\\p{Lu}[\\p{L}'\u2019.-]*";
// A hospital's own places: a patient there is in the care, not at a home.
const HOSPITAL = '(?:ICU|NICU|PICU|ER|ED|OR|PACU|Hospital|Clinic|Emergency|Cardiology|Oncology|Pediatrics|Maternity|Surgery|Radiology|Rehab|Main|East|West|North|South|Tower|Pavilion|Wing)';
const LODGING = `(?!${HOSPITAL}(?![\\p{L}]))${CAP}(?:[ ](?:${CAP}|[0-9]{1,3}))?(?:[ ]${CAP}){0,2}(?:[ ][a-z]+){0,3}`;
const UNIT = `${anyCase('(?:room|rm|unit|apt|apartment|suite|ste|space|lot|site)')}\\.?[ ]?#?[0-9]{1,5}[A-Za-z]?(?![\\p{L}\\p{N}])`;
// The street types a lodging's street is named with (ON_STREET adds the numbered roads').
const LODGING_STREET_TYPES = 'street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way';
const ON_STREET = `[ ]on[ ](?:${CAP}[ ]){1,3}${anyCase(`(?:${LODGING_STREET_TYPES}|highway|hwy|route)`)}\\.?(?:[ ][0-9]{1,4})?`;
const LOWER_ON_STREET = '[ ]on[ ](?:route|rte|highway|hwy)[ ][0-9]{1,4}';
const STAY = "(?:staying|stay(?:s)?|live[sd]?|living|sleep(?:s|ing)?|i['\u2019]m|we['\u2019]re|they['\u2019]re|i[ ]am|we[ ]are|they[ ]are|is|was)";
const STAY_RE = new RegExp(
  `(?<![\\p{L}])${anyCase(STAY)}[ ](?:at|in)[ ](?:the[ ])?((?:${LODGING}|(?:motel|hotel|inn|hostel)[ ][0-9]{1,3})(?:${ON_STREET}|${LOWER_ON_STREET})?,?[ ]${UNIT})`,
  'gu',
);
// Without a room, a lodging on its street after a verb only a stay uses (`I sleep at the Harbor Light shelter on 6th street`).
const STREET_STAY_RE = new RegExp(
  `(?<![\\p{L}])${anyCase('(?:staying|stay(?:s)?|live[sd]?|living|sleep(?:s|ing)?)')}[ ](?:at|in)[ ](?:the[ ])?(${LODGING}[ ]on[ ]` +
    `(?:(?:${CAP}[ ]){1,3}|[0-9]{1,3}(?:st|nd|rd|th)[ ])${anyCase(`(?:${LODGING_STREET_TYPES})`)}\\.?)(?![\\p{L}])`,
  'gu',
);
// A residence named by its kind, then a resident's unit, needs no verb (`the Oakwood senior apartments unit 12`, `Maplecrest
// Assisted Living, room 108`); a suite is an office's (`… Senior Living, Suite 200` stays).
const RESIDENCE_UNIT_RE = new RegExp(
  `(?<![\\p{L}])${CAP}(?:[ ]${CAP}){0,3}[ ]${anyCase('(?:(?:senior[ ])?apartments|apartment[ ]homes|assisted[ ]living|nursing[ ]home|retirement[ ]home|senior[ ]living|condos|residences|towers)')}` +
    `,?[ ]${anyCase('(?:unit|apt|apartment|room|rm)')}\\.?[ ]?#?[0-9]{1,5}[A-Za-z]?(?![\\p{L}\\p{N}])`,
  'gu',
);
const PARK_RE = new RegExp(
  `(?<![\\p{L}])${anyCase('(?:lot|space|site|pad)')}[ ]?#?[0-9]{1,4}[A-Za-z]?[ ](?:at|in)[ ](?:the[ ])?${CAP}(?:[ ]${CAP}){0,3}[ ]` +
    `${anyCase('(?:mobile[ ]home|trailer|rv|manufactured[ ]home)[ ](?:park|court|community|estates|village|resort)')}(?![\\p{L}])`,
  'gu',
);
const BLOCK_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])([0-9]{2,5}[ ]block[ ]of[ ](?:${CAP}|[0-9]{1,3}(?:st|nd|rd|th))(?:[ ]${CAP}){0,2})(?![\\p{L}])`,
  'gu',
);
const UNIT_FIRST_RE = new RegExp(
  `(?<![\\p{L}])${anyCase('(?:apt|apartment|unit|suite|ste)')}\\.?[ ]?#?[0-9]{1,5}[A-Za-z]?,?[ ]+[0-9]{1,6}[ ](?:[NSEWnsew]\\.?|${anyCase('(?:north|south|east|west)')})[ ][0-9]{1,3}(?:st|nd|rd|th)(?![\\p{L}\\p{N}])`,
  'gu',
);
const PERSONAL = /(?<![\p{L}])(?:i|i['\u2019]m|me|my|we|we['\u2019]re|our|us|he|she|his|her|they|their|mom|mum|mother|dad|father|husband|wife|son|daughter|parents?|grand(?:ma|pa|mother|father)|sister|brother|aunt|uncle)(?![\p{L}])/iu;
const STAY_HINT = /room|rm|unit|apt|apartment|suite|ste|space|lot|site/i;
const BLOCK_HINT = /block of/i;
const STREET_STAY_HINT = /(?:stay|liv|sleep)[a-z]*[ ](?:at|in)[ ]/i;

/** Lodgings with a room, unit or lot, park lots, blocks and units before a bare street (see above), in someone's own words. */
export function scanDwellingUnits(text: string, out: Detection[], kind: string): void {
  const units = STAY_HINT.test(text);
  const block = BLOCK_HINT.test(text);
  scanCorners(text, out, kind);
  if (!units && !block && !STREET_STAY_HINT.test(text)) return;
  if (units) {
    push(PARK_RE, text, out, kind);
    push(RESIDENCE_UNIT_RE, text, out, kind);
    push(UNIT_FIRST_RE, text, out, kind);
  }
  if (!PERSONAL.test(text)) return;
  if (units) push(STAY_RE, text, out, kind);
  if (STREET_STAY_HINT.test(text)) push(STREET_STAY_RE, text, out, kind);
  if (block) push(BLOCK_RE, text, out, kind);
}
