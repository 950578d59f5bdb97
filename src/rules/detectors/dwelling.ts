import { codeAt } from '../../common/code-at.js';
import { anyCase } from './residence.js';
import { push } from './scan.js';
import { scanPlacesSaid } from './place-said.js';
import type { Detection } from './types.js';

// Where someone lives or stays, said without a full street address (Safe Harbor B: a street, a neighbourhood and a lodging
// are subdivisions smaller than a state). Each form needs a word that says it is someone's home or stay, which a site's own
// directions never use: a home's word before `on`/`off` and a street (`my home is on Juniper Avenue`, `my house is the blue one
// on Thistlewood Lane`, `she lives over on Dellbrook Drive`, `i live off of County Road 14`, `the gray house at the end of
// Quillan Way`), a residence verb before a neighbourhood (`i live in the Mission district`, `we live in the Laurelhurst
// neighborhood`), a corner after `corner of`, `cross streets` or a residence verb (`we're at the corner of Fremont and 3rd`,
// `I live at Hawthorne and 22nd`), a lodging with its room, unit or lot (`I'm staying at the Marriott on Stevens Creek Blvd, room
// 812`, `lot 42 at Sunset Palms mobile home park`), a block (`on the 1400 block of Alder Street`) and a unit before a street
// without its type (`apartment 7C, 412 E 83rd`). `Parking is on Dellwood Drive`, `Our Linden Street clinic`, `Main Campus,
// Fremont and 5th` and `the Ronald McDonald House on Elm St` (capitalised: a name) stay.
const CAP = "\\p{Lu}[\\p{L}'\u2019.-]*";
const NAME = `${CAP}(?:[ ]${CAP}){0,3}`;
const SUFFIX = anyCase('(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|way|terrace|ter|place|pl|parkway|pkwy|' +
  'highway|hwy|circle|cir|trail|trl|loop|pike|row|ridge|crescent|close|grove|path|alley|square|sq|crossing|plaza)');
const ROAD_NUMBER = `${anyCase('(?:county[ ]road|farm[ ]road|state[ ]route|state[ ]road|highway|hwy|route|rte|cr|fm|sr|us)')}[ -]?[0-9]{1,4}(?![0-9])`;
const ORDINAL = '[0-9]{1,3}(?:st|nd|rd|th)';
const STREET = `(?:${ROAD_NUMBER}|${NAME}[ ]${SUFFIX}\\.?|${ORDINAL}[ ]${SUFFIX}\\.?)(?![\\p{L}\\p{N}])`;
// Typed without capitals (`i live on maple ct`): one or two words, none a word a sentence puts there (`live on my own way`).
const LOWER_STREET = `(?!(?:a|an|the|my|our|his|her|their|your|own|this|that|a)[ ])[a-z][a-z'-]{1,24}(?:[ ][a-z][a-z'-]{1,24})?[ ]${SUFFIX}\\.?(?![\\p{L}\\p{N}])`;
// The verbs in either case; the nouns in lower case only (`the Ronald McDonald House on Elm St` is a name). Not `stay on` (a
// direction: `Stay on Highway 9`), `take place on` (an event's) nor `open house on`.
const HOME_CUE = `(?<![\\p{L}])(?:${anyCase('(?:live[sd]?|living|staying)')}|home|(?<!open[ ])house|(?:my|our|his|her|their)[ ]place|apartment|condo|trailer)(?:[ ](?:is|was|are))?(?:[ ]the[ ][a-z]+(?:[ ][a-z]+)?[ ]one)?` +
  '(?:[ ](?:over|right|just|out|down|up))?[ ](?:on|off(?:[ ]of)?|at[ ]the[ ]end[ ]of|along)[ ](?:the[ ])?';
const HOME_STREET_RE = new RegExp(`${HOME_CUE}(${STREET})`, 'gu');
const LOWER_HOME_STREET_RE = new RegExp(`${HOME_CUE}(${LOWER_STREET})`, 'gu');
const RESIDE = "(?:live[sd]?|living|stay(?:s|ing)?|i['\u2019]m|we['\u2019]re|they['\u2019]re|i[ ]am|we[ ]are|they[ ]are)";
const DISTRICT_NOT = '(?:same|safe|nice|bad|good|poor|rural|local|next|this|that|new|old|school|historic|downtown|business|medical|shopping|waiting|' +
  'service|surrounding|greater|metro|general|whole|entire|immediate|other|wrong|right|best|worst|quiet|busy)';
const DISTRICT_NAME = `(?:${NAME}|(?!${DISTRICT_NOT}[ ])[a-z][a-z'-]{2,24}(?:[ ](?!${DISTRICT_NOT}[ ])[a-z][a-z'-]{2,24})?)`;
const NEIGHBOURHOOD_RE = new RegExp(
  `(?<![\\p{L}])(?:${anyCase(RESIDE)}[ ]in|${anyCase('from')})[ ]the[ ](${DISTRICT_NAME}[ ]${anyCase('(?:district|neighborhood|neighbourhood|barrio|section|projects)')})(?![\\p{L}])`,
  'gu',
);
const CORNER_SIDE = `(?:${CAP}(?:[ ]${CAP})?|${ORDINAL})`;
const CORNER_RE = new RegExp(
  `(?<![\\p{L}])(?:${anyCase("(?:corner[ ]of|cross[ -]?streets?(?:[ ](?:are|is))?:?|intersection[ ]of|live[sd]?[ ]at|living[ ]at|i['\u2019]m[ ]at|we['\u2019]re[ ]at|we[ ]are[ ]at)")})` +
    `[ ](?:the[ ]corner[ ]of[ ])?(${CORNER_SIDE}[ ](?:and|&|\\+|/|@)[ ]${CORNER_SIDE})(?![\\p{L}\\p{N}])`,
  'gu',
);
// A site's own corner (`Our clinic is at the corner of Oak and 5th`, `Located at the corner of …`): the text names its building or
// its directions.
const ORG_WORD = /(?<![\p{L}])(?:clinic|hospital|campus|center|centre|office|pharmacy|practice|building|entrance|parking|garage|locations?|located|urgent care|medical|visit us|find us|directions|hours)(?![\p{L}])/iu;
const HINT = /liv|hom|hous|plac|apartm|condo|trail|stay|corner|cross|intersect|from the|in the|'m at|'re at|\u2019m at|\u2019re at|are at/i;

/** Streets, neighbourhoods and corners said to be someone's own (see above): no digit needed, read where the geocode gate opens. */
export function scanDwellings(text: string, out: Detection[], kind: string): void {
  scanPlacesSaid(text, out, kind); // `born and raised in oroville`, `from yreka, ca`, `the Hyatt on El Camino` (place-said.ts)
  if (!HINT.test(text)) return;
  push(HOME_STREET_RE, text, out, kind);
  if (!HAS_CAPITAL.test(text)) push(LOWER_HOME_STREET_RE, text, out, kind);
  push(NEIGHBOURHOOD_RE, text, out, kind);
  scanCorners(text, out, kind);
}

/** Corners after `corner of`, `cross streets` or a residence verb, unless the text names the site's building (ORG_WORD). */
export function scanCorners(text: string, out: Detection[], kind: string): void {
  if (CORNER_HINT.test(text) && !ORG_WORD.test(text)) push(CORNER_RE, text, out, kind);
}
const CORNER_HINT = /corner|cross|intersect|live|living|[m\u2019'] at|re at|are at/i;
const HAS_CAPITAL = /\p{Lu}/u;

export { push };

/** GEOCODE at the `h` of `home` or `house` in lower case (a home's word before its street, see HOME_CUE; markers.ts hCue). */
export function homeAt(text: string, i: number): boolean {
  const p = codeAt(text, i - 1);
  return codeAt(text, i) === 104 && !((p | 32) >= 97 && (p | 32) <= 122) && (text.startsWith('home ', i) || text.startsWith('house ', i));
}
