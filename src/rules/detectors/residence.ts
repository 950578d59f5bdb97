import { NOW_WORDS, codeAt, isLetter, lower, matchesAt, spacesThenIn } from './marker-bits.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';
import { STATE_NAME } from './zip.js';

const LOWER_LETTER_OUTSIDE_CLASS = /[a-z](?![^[]*\])/g;
const TRAILING_DOTS_AND_COMMAS = /[.,]+$/;
const SPACE_OR_COMMA_RUNS = /[ ,]+/;
const TRAILING_STATE_CODE = /,? [A-Z]{2}$/;

// A place a person says they live in or come from (Safe Harbor B: a city is a geographic subdivision
// smaller than a state): `my mom lives in Maple Grove, MN`, `Moved here from Tacoma last year`,
// `we're from Bellingham`, `I live in Eden Prairie`, `vivo en Zapopan`, `wohne in Bad Homburg`. The
// signal is the residence verb: it says whose place it is (the writer's, or a relative's), which a
// clinic's own copy never says of a town (`New clinic opening in Plymouth, MN`, `Serving patients from
// Everett to Lynnwood`, `pediatrician in Minnetonka` stay). The place: one to three capitalised words
// (a lower-case particle between them: `Coeur d'Alene`, `Lake of the Woods`), and a state or province
// code after a comma or a space (`, MN`). Marked by the prefilter at the `v` of the verb or the `m` of
// `from` (residenceAt), the detector's own gate (geocode.ts).
// Verbs that say where someone lives (`lives in`, `moved here from`, `vivo en`), and words before `from` that say where
// someone comes from (`I'm from`, `originally from`): the latter take only `from` (`I'm in Tacoma` is where they are today).
const VERB = '(?:lives?|lived|living|staying|reside[sd]?|residing|moved(?:[ ]here|[ ]over|[ ]back)?|vivo|vive|vivimos|viven|moro|mora|moramos|wohne|wohnt|wohnen|habite|habitons|habitent)';
const FROM_VERB = "(?:i['\u2019]m|i[ ]am|we['\u2019]re|we[ ]are|they['\u2019]re|he['\u2019]s|she['\u2019]s|(?:i['\u2019]m[ ])?originally|comes?|came|commut(?:e|es|ed|ing))";
// `lives out in`, `we are up in` (H181): where someone lives, said with a direction.
const ADVERB = '(?:(?:right|just|here|out|up|over|down|back)[ ]+)?';
const PREP = '(?:in|from|to|near|outside(?:[ ]of)?|en|em|no|na|in[ ]der[ ]nähe[ ]von|à|a|près[ ]de|cerca[ ]de)';
// The pattern is case-sensitive (a place's words must be capitals: `\p{Lu}` under the `i` flag is any letter), so the
// verb's and preposition's letters take either case here (dwelling.ts's patterns too).
export const anyCase = (src: string): string => src.replace(LOWER_LETTER_OUTSIDE_CLASS, (c) => `[${c}${c.toUpperCase()}]`);
export const PLACE_WORD = "\\p{Lu}[\\p{L}\\p{M}'\u2019.-]*";
const WORD = PLACE_WORD;
// `I'm in Oskmere`, `we're in Zellby`, `I am in Tarnfield`: where the writer is (a city is as identifying as a home town); NOT_PLACE and IN_NOT_PLACE
// keep the rooms, departments and states of being (`I'm in Cardiology`, `I'm in Pain Management`, `I'm in Network`).
// `we are in`, `they're in`, `they are in` say it of the writer's household as `we're in` does.
// A word saying when or how may stand before `in` (`I'm currently in Reno`, `we're now in Sparks`): the prefilter's own list.
const NOW_WORD = `(?:(?:${NOW_WORDS.join('|')})[ ]+)?`;
const IN_VERB = `(?:i['\u2019]m|(?:we|they)['\u2019]re|i[ ]am|(?:we|they)[ ]are)[ ]+${NOW_WORD}in`;
const RESIDENCE_RE = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${anyCase(VERB)}[ ]+${ADVERB}${anyCase(PREP)}|${anyCase(FROM_VERB)}[ ]+${anyCase('from')}|${anyCase(IN_VERB)}|${anyCase('residents?[ ]of')})[ ]+` +
    `((?:${WORD})(?:[ ](?:(?:of[ ]the|d['\u2019]|de|del|la|le|am|an[ ]der)[ ]?)?${WORD}){0,2}(?:,?[ ][A-Z]{2}(?![\\p{L}\\p{M}]))?)`,
  'gu',
);
// Whose place it is: a first-person word, a relative or a pronoun for a person somewhere in the text (a first-person
// verb says it by itself: vivo, moro, wohne, habite). Without one (`Patients living in Rural Areas`, `Live in Concert`)
// the text is a site's copy, not someone's own words.
export const PERSONAL = /(?<![\p{L}\p{M}])(?:i|i['\u2019]m|me|my|mine|we|we['\u2019]re|our|us|he|she|his|her|they|their|mom|mum|mother|dad|father|husband|wife|son|daughter|parents?|grand(?:ma|pa|mother|father)|sister|brother|aunt|uncle|mi|mis|yo|vivo|vivimos|meu|minha|eu|moro|moramos|ich|mein|meine|wohne|je|j['\u2019]habite|mon|ma|nous|sono|mio|mia|mijn|jag|jeg|mitt|moja|mój)(?![\p{L}\p{M}])/iu;
// Capitalised words after a residence verb that are not a place: a pronoun, a weekday or month, an institution.
export const NOT_PLACE = new Set(['i', 'the', 'a', 'my', 'our', 'your', 'this', 'that', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'hospital', 'clinic', 'room', 'unit', 'ward', 'icu', 'er', 'medicare', 'medicaid', 'assisted', 'memory', 'hospice', 'home', 'apt', 'apartment',
  'suite', 'member', 'members', 'services', 'service', 'billing', 'support', 'team', 'department', 'dept', 'office', 'health', 'care', 'center',
  'centre', 'pharmacy', 'insurance', 'network', 'portal', 'app', 'website', 'facebook', 'google']);

// A place where someone was born (`Ich bin geboren am 3.4.1961 in Wuppertal`, `née le 14 mars 1958 à Lyon`, `nacido en
// Sevilla`, `born in Fresno`): a birth word, optionally its date (up to 30 characters, no comma), then `in`/`à`/`en`/`te`…
// and the place. Read where the text is someone's own words (PERSONAL) or a date stands between word and place
// (`geb. 17.09.1955 in Bielefeld`), so site copy (`Babies born in Portland hospitals`) stays.
// Words that are also other words in capitals (`NATO`) are read in lower case or with a capital only.
const BIRTH = `(?:${anyCase('(?:born|geboren|geb\\.)')}|[Nn]ée?|[Nn]acid[oa]|[Nn]ascid[oa]|nat[oa]|født|född)`;
const BIRTH_PREP = '(?:in|à|a|en|em|no|na|te|at|i|w)';
const BIRTH_RE = new RegExp(
  `(?<![\\p{L}\\p{M}])${BIRTH}((?:[ \\t]+[^,;\\n]{0,30}?)?)[ \\t]+${anyCase(BIRTH_PREP)}[ \\t]+` +
    `((?:${WORD})(?:[ ](?:(?:d['\u2019]|de|del|la|le|am|an[ ]der)[ ]?)?${WORD}){0,2}(?:,?[ ][A-Z]{2}(?![\\p{L}\\p{M}]))?)`,
  'gu',
);
// A state, province or country named alone is no subdivision smaller than a state (README: the state is kept):
// `I moved to Texas`, `born in Mexico`, `we're from Ontario`.
export const REGION_RE = new RegExp(
  `^(?:${STATE_NAME}|[A-Z]{2}|Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland|Nova Scotia|Ontario|Qu[eé]bec|Saskatchewan|Yukon|` +
    'the (?:US|USA|U\\.S\\.|UK|States|Philippines|Netherlands)|America|USA|Canada|Mexico|England|Scotland|Wales|Ireland|Germany|France|Spain|Italy|' +
    'Portugal|Poland|Ukraine|Russia|India|China|Japan|Korea|Vietnam|Brazil|Colombia|Peru|Cuba|Guatemala|Honduras|El Salvador|Nicaragua|' +
    'Venezuela|Argentina|Chile|Haiti|Jamaica|Nigeria|Ghana|Kenya|Ethiopia|Somalia|Iran|Iraq|Syria|Afghanistan|Pakistan|Bangladesh|Nepal|' +
    'Thailand|Cambodia|Laos|Taiwan|Australia|New Zealand|Deutschland|Frankreich|Espa[nñ]a|Italia|Alemania|Allemagne|Espagne|Italie)$',
);

// Words before `from` that make it a residence (`I'm from`, `moved here from`, `originally from`).
const FROM_BEFORE = /(?:['\u2019](?:m|re|s)|\bam|\bare|\bis|originally|here|over|back|moved|come|comes|came|live[sd]?|commut(?:e|es|ed|ing))[ ]+$/i;

/**
 * GEOCODE where a residence verb may start a place (the prefilter's walk, see above): at the `v` of live, living,
 * moved, vive, vivo; the `m` of `from` (after `I'm`, `moved here`...) and of moro/mora; the `d` of reside; the
 * `w` of wohne; the `h` of habite.
 */
export function residenceAt(text: string, i: number): boolean {
  const c = lower(codeAt(text, i));
  const p1 = lower(codeAt(text, i - 1));
  const p2 = lower(codeAt(text, i - 2));
  if (c === 118) return p1 === 105 ? (p2 === 108 || p2 === 118) && !isLetter(codeAt(text, i - 3)) : p1 === 111 && p2 === 109 && !isLetter(codeAt(text, i - 3));
  if (c === 109) {
    // `I am in` (a place may follow, as after `I'm in`: cue-at.ts marks that one at its apostrophe)
    if (p1 === 97 && p2 === 32 && lower(codeAt(text, i - 3)) === 105 && !isLetter(codeAt(text, i - 4))) return spacesThenIn(text, i + 1);
    if (p1 === 111 && p2 === 114 && lower(codeAt(text, i - 3)) === 102) return codeAt(text, i + 1) === 32 && FROM_BEFORE.test(text.slice(Math.max(0, i - 20), i - 3));
    return !isLetter(p1) && (matchesAt(text, i, 'moro ', true) || matchesAt(text, i, 'mora ', true) || matchesAt(text, i, 'moramos ', true));
  }
  if (c === 100) return p1 === 105 && matchesAt(text, i - 4, 'resid', true) && !isLetter(codeAt(text, i - 5));
  if (c === 119) return !isLetter(p1) && matchesAt(text, i, 'wohn', true);
  return c === 104 && !isLetter(p1) && matchesAt(text, i, 'habit', true);
}

/** GEOCODE at the `w` of `work` (a workplace's town may follow, native-place.ts). */
export function workAt(text: string, i: number): boolean {
  return matchesAt(text, i, 'work', true) && !isLetter(codeAt(text, i - 1));
}

/** GEOCODE at the `y` of `staying` before `in`/`at` (`we are staying in novato`; H181). */
export function stayingAt(text: string, i: number): boolean {
  return matchesAt(text, i - 3, 'stayi', true) && !isLetter(codeAt(text, i - 4)) && matchesAt(text, i + 1, 'ing ', true);
}

/** GEOCODE at the `w` of `we are in` or the `h` of `they are in` (a place may follow, as after `we're in`). */
export function areInAt(text: string, i: number): boolean {
  const they = lower(codeAt(text, i)) === 104;
  const start = they ? i - 1 : i;
  return !isLetter(codeAt(text, start - 1)) && matchesAt(text, start, they ? 'they are' : 'we are', true) && spacesThenIn(text, start + (they ? 8 : 6));
}

// Typed all in lower case (`i live in tarnfield need pcp`, `we live in essex county`): one word after the verb, with `county`
// or a state's code after it if they follow; read only when the text has no capital at all, and never a word that says
// how or with whom someone lives (`live in fear`, `living in pain`, `live in an apartment`, `i'm in the lobby`).
// A place of two words when the first says so (`san jose`, `los gatos`, `fort bragg`) or the second (`walnut creek`, `hood river`,
// `daly city`); `at` after `i'm`/`we're` too for a two-word place (`i'm at walnut creek`; one word there is a spot: `i'm at costco`).
export const LOWER_PREFIX = '(?:san|santa|los|las|st|saint|fort|port|mount|mt|lake|palm|grand)[ ]';
export const LOWER_NOUN = '(?:county|parish|borough|township|twp|city|river|creek|falls|springs|beach|hills|heights|valley|harbor|bay|point|village|grove|ridge|junction)';
const LOWER_IN_VERB = `(?:i['\u2019]m|(?:we|they)['\u2019]re|i[ ]am|(?:we|they)[ ]are)[ ]+${NOW_WORD}${ADVERB}(?:in|at)`;
const LOWER_RESIDENCE_RE = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${VERB}[ ]+${ADVERB}(?:in|near|outside(?:[ ]of)?)|${FROM_VERB}[ ]+from|${LOWER_IN_VERB}|resident[ ]of)[ ]+` +
    `((?:${LOWER_PREFIX})?[a-z][a-z'\u2019-]{2,24}(?:[ ]${LOWER_NOUN})?)(?![\\p{L}\\p{M}])`,
  'gu',
);
const AT_END = /[ ]at[ ]+$/;
const AT_NOT_PLACE = new Set(['work', 'home', 'school', 'church', 'lunch', 'dinner', 'breakfast', 'practice', 'gym', 'store', 'mall', 'airport',
  'office', 'desk', 'risk', 'capacity', 'ease', 'fault', 'least', 'most', 'best', 'worst', 'wits', 'end', 'loss', 'odds', 'stake', 'war', 'night',
  'noon', 'all', 'about', 'around', 'level', 'stage', 'point', 'step', 'hospital', 'clinic', 'pharmacy', 'urgent', 'rehab', 'this', 'that', 'its',
  'full', 'max', 'mom', 'dad', 'moms', 'dads', 'grandmas', 'grandpas', 'friends', 'sisters', 'brothers', 'daycare', 'camp', 'college', 'university',
  'counter', 'window', 'kiosk', 'reception', 'registration', 'checkin', 'appointment', 'visit', 'visiting', 'halfway', 'peace', 'rest', 'times',
  'high', 'low', 'increased', 'greater', 'week', 'weeks', 'day', 'days', 'month', 'cycle', 'dose', 'round', 'phase', 'mile', 'first', 'last', 'one']);
const HAS_CAPITAL = /\p{Lu}/u;
const RESIDENT_OF = /(?<![\p{L}\p{M}])resident[ ]of[ ]/iu;
export const LOWER_NOT_PLACE = new Set(['fear', 'pain', 'hope', 'peace', 'denial', 'agony', 'poverty', 'terror', 'dread', 'constant', 'chronic', 'severe',
  'bed', 'town', 'city', 'area', 'here', 'there', 'shelter', 'house', 'nursing', 'rural', 'group', 'foster', 'one', 'two', 'same', 'different',
  'another', 'such', 'what', 'which', 'line', 'queue', 'lobby', 'waiting', 'recovery', 'labor', 'surgery', 'triage', 'emergency', 'network',
  'touch', 'need', 'trouble', 'charge', 'shock', 'tears', 'love', 'school', 'college', 'jail', 'prison', 'treatment', 'therapy', 'rehab', 'remission',
  'isolation', 'quarantine', 'public', 'private', 'sin', 'luck', 'debt', 'limbo', 'bad', 'good', 'much', 'too', 'so', 'his', 'hers', 'theirs',
  'it', 'them', 'him', 'her', 'us', 'you', 'an', 'order', 'case', 'person', 'time', 'between', 'front', 'back', 'new', 'north', 'south', 'west', 'rhode',
  'and', 'or', 'but', 'on', 'at', 'with', 'for', 'to', 'of', 'no', 'not', 'all', 'any', 'some', 'favor', 'favour', 'support', 'contact', 'control',
  'danger', 'distress', 'crisis', 'great', 'shape', 'process', 'progress', 'stock', 'agony', 'misery', 'tears', 'need', 'open', 'session',
  'agreement', 'place', 'effect']);

/** Places after a residence verb (see above). */
export function scanResidence(text: string, out: Detection[], kind: string): void {
  // `Resident of Wexstead County` says it of one person (`Residents of … may apply` is a site's copy).
  const personal = PERSONAL.test(text) || RESIDENT_OF.test(text);
  if (personal) scanPlaces(resetAt(RESIDENCE_RE, 0), 1, text, out, kind);
  if (personal && !HAS_CAPITAL.test(text)) scanLowerPlaces(text, out, kind);
  if (BIRTH_HINT.test(text)) scanPlaces(resetAt(BIRTH_RE, 0), 2, text, out, kind, personal);
}

const BIRTH_HINT = /born|geb|né|nac|nasc|nat|f[øö]d/i;
const DIGIT = /[0-9]/;

/** Each place the regex's group `g` holds (a birth's needs PERSONAL or a date in group 1: `personal` given). */
function scanPlaces(re: RegExp, g: number, text: string, out: Detection[], kind: string, personal?: boolean): void {
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const place = m[g];
    if (personal === false && !DIGIT.test(m[1])) continue;
    const bare = place.replace(TRAILING_DOTS_AND_COMMAS, '');
    if (place.split(SPACE_OR_COMMA_RUNS).some((w) => NOT_PLACE.has(w.toLowerCase())) || REGION_RE.test(bare.replace(TRAILING_STATE_CODE, ''))) continue;
    if (IN_START.test(m[0]) && notPlaceIn(place.split(SPACE_OR_COMMA_RUNS)[0].toLowerCase())) continue;
    const start = m.index + m[0].length - place.length;
    // The ZIP code after the place is that person's too (`I live in Beverly Hills 90210`): no state stands between
    // them for the ZIP detector's address tail, so it goes with the place.
    const zip = ZIP_AFTER.exec(text.slice(start + bare.length, start + bare.length + 13));
    out.push({ start, end: start + bare.length + (zip === null ? 0 : zip[0].length), kind });
  }
}
const ZIP_AFTER = /^,?[ ][0-9]{5}(?:-[0-9]{4})?(?![0-9])/;

// After `I'm in` a capitalised word is as often a department, a program or a state of being as a town: such words stay.
const IN_START = /^(?:(?:i|we|they)['\u2019]|i[ ]am|(?:we|they)[ ]are)/i;
const IN_NOT_PLACE = new Set(['pain', 'labor', 'delivery', 'network', 'touch', 'trouble', 'charge', 'shock', 'love', 'school', 'college', 'class',
  'treatment', 'remission', 'quarantine', 'isolation', 'bed', 'building', 'tower', 'wing', 'lab', 'lobby', 'line', 'queue', 'ob', 'obgyn', 'l&d',
  'nicu', 'picu', 'pacu', 'pre-op', 'post-op', 'outpatient', 'inpatient', 'rehab', 'dialysis', 'urgent', 'physical', 'occupational', 'maternity',
  'admissions', 'registration', 'radiology', 'recovery', 'surgery', 'triage', 'emergency', 'the', 'a', 'an', 'my', 'our', 'her', 'his', 'their',
  // a stage of something (`I'm in Phase 2 of the trial`, `I'm currently in Week 4`, `we're in Grade 5`)
  'phase', 'stage', 'week', 'weeks', 'step', 'grade', 'level', 'round', 'cycle', 'year', 'month', 'day', 'group', 'tier', 'part', 'trimester',
  'module', 'session', 'chapter', 'block', 'cohort', 'arm', 'wave', 'tranche', 'course', 'period', 'semester', 'term', 'quarter']);
const IN_NOT_PLACE_SUFFIX = /(?:ology|iatrics|ics|ery|ing|ment|ation|ness|ity|care)$/;
export const notPlaceIn = (word: string): boolean => IN_NOT_PLACE.has(word) || IN_NOT_PLACE_SUFFIX.test(word);

/** The lower-case place after a residence verb in a text typed without capitals (LOWER_RESIDENCE_RE). */
function scanLowerPlaces(text: string, out: Detection[], kind: string): void {
  const re = resetAt(LOWER_RESIDENCE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const word = m[1].split(' ')[0];
    if (NOT_PLACE.has(word) || LOWER_NOT_PLACE.has(word) || REGION_LOWER.test(m[1]) || (IN_START.test(m[0]) && notPlaceIn(word))) continue;
    // One word after `at` is where someone is right now, a store or a spot (`i'm at costco`): a business is no place smaller than
    // a state, and a town is said with `in`; a town's two-word shape after `at` still goes (`we're at walnut creek`).
    if ((AT_NOT_PLACE.has(word) || word === m[1]) && AT_END.test(m[0].slice(0, m[0].length - m[1].length))) continue;
    out.push({ start: m.index + m[0].length - m[1].length, end: m.index + m[0].length, kind });
  }
}
// A state's or country's name alone stays (`i live in texas`, `i'm in ohio`).
export const REGION_LOWER = new RegExp(`^(?:${STATE_NAME.toLowerCase()}|america|usa|canada|mexico|[a-z]{2})$`);
