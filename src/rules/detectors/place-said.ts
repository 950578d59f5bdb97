import { resetAt } from './scan.js';
import { GEOCODE, isLetter, lower, matchesAt, codeAt } from './marker-bits.js';
import { LOWER_NOT_PLACE, LOWER_NOUN, LOWER_PREFIX, NOT_PLACE, PERSONAL, REGION_LOWER, REGION_RE, anyCase } from './residence.js';
import { LOWER_STATES, STATE_CODES } from './lower-last-line.js';
import type { Detection } from './types.js';

// Places said loosely in someone's own words (Safe Harbor B: a city or a street is smaller than a state), where residence.ts
// and dwelling.ts see none:
//  - where someone grew up (`born and raised in oroville`, `grew up in Weaverville`, `nací y crecí en tlaquepaque`, `geboren
//    und aufgewachsen in lüdenscheid`), unless the text is a clinician's biography (`Dr. Lee grew up in Chico`);
//  - a town and its state's code closing the text or a line, with no ZIP (`retired teacher from yreka, ca`; capitalised where the
//    text is someone's own: `my mom is from Chico, CA`);
//  - the street a hotel stands on after a stay's words, without the street's type (`staying at the Hyatt on El Camino`, `we're
//    at the Marriott on Sand Hill, room 12`); `Our conference is at the Hilton on Market St` says no one stays there.
// A state or a country alone stays (`grew up in texas`, `born and raised in Mexico`), and so do `born and raised here`, `grew up
// in a small town`, `from california`.
const CAP = "\\p{Lu}[\\p{L}\\p{M}'\u2019.-]*";
const CAP_PLACE = `${CAP}(?:[ ](?:(?:de|del|la|le|am|an[ ]der)[ ])?${CAP}){0,2}`;
const LOWER_PLACE = `(?:${LOWER_PREFIX})?[a-z\u00e0-\u00ff][a-z\u00e0-\u00ff'\u2019-]{2,24}(?:[ ]${LOWER_NOUN})?`;
// Each is marked by the prefilter: `born` and `geboren` (cue-at.ts bCue), `nací y` (nCue), `grew up` and `grandi` (placeCueAt).
const GREW_UP = anyCase("(?:born[ ]and[ ]raised|grew[ ]up|nac[íi][ ]y[ ]crec[íi]|geboren[ ]und[ ]aufgewachsen|j['\u2019]ai[ ]grandi)");
const GREW_UP_RE = new RegExp(`(?<![\\p{L}\\p{M}])${GREW_UP}[ ]+${anyCase('(?:in|en|em|à|a)')}[ ]+(${CAP_PLACE}|${LOWER_PLACE})(?![\\p{L}\\p{M}])`, 'gu');
const GREW_HINT = /raised|grew|crec|aufgewachsen|grandi/i;
const BIOGRAPHY = /(?<![\p{L}])(?:dr\.?|doctor|md|do|np|pa-c|rn|physician|surgeon|residency|fellowship|medical[ ]school|board[ -]certified|joined)(?![\p{L}])/iu;
const CITY = "[\\p{L}][\\p{L}\\p{M}'\u2019-]{2,24}";
const CITY_STATE_RE = new RegExp(`(?<![\\p{L}\\p{M}])${anyCase('(?:from|in|near|outside|of)')}[ ]+(${CITY}(?:[ ]${CITY})?),[ ]?(?:${STATE_CODES})(?=[ .!]*(?:$|\\r?\\n))`, 'gu');
const LODGING_STREET_RE = new RegExp(
  `(?<![\\p{L}])${anyCase("(?:staying|i['\u2019]m|we['\u2019]re)")}[ ]+at[ ]+the[ ]+${CAP}(?:[ ]${CAP}){0,3}[ ]+on[ ]+(${CAP}(?:[ ]${CAP}){0,2})(?![\\p{L}\\p{M}])`,
  'gu',
);
const LODGING_HINT = /[ ]at[ ]the[ ].*[ ]on[ ]\p{Lu}/u;

function notPlace(place: string): boolean {
  const first = place.split(' ')[0]?.toLowerCase() ?? '';
  return NOT_PLACE.has(first) || LOWER_NOT_PLACE.has(first) || REGION_LOWER.test(place.toLowerCase()) || REGION_RE.test(place);
}

/** The places above, each group 1 of its pattern. */
export function scanPlacesSaid(text: string, out: Detection[], kind: string): void {
  if (GREW_HINT.test(text) && !BIOGRAPHY.test(text)) pushPlaces(GREW_UP_RE, text, out, kind);
  // A capitalised town is as often a site's copy (`New clinic opening in Plymouth, MN`): it needs someone's own words in the text.
  if (text.indexOf(',') >= 0) pushPlaces(CITY_STATE_RE, text, out, kind, PERSONAL.test(text));
  if (LODGING_HINT.test(text)) pushPlaces(LODGING_STREET_RE, text, out, kind);
}

function pushPlaces(re: RegExp, text: string, out: Detection[], kind: string, capitals = true): void {
  const r = resetAt(re, 0);
  let m: RegExpExecArray | null;
  while ((m = r.exec(text)) !== null) {
    const place = m[1] as string;
    if (notPlace(place) || (!capitals && place !== place.toLowerCase())) continue;
    const start = m.index + m[0].lastIndexOf(place); // a state's code may follow the place (CITY_STATE_RE)
    out.push({ start, end: start + place.length, kind });
  }
}

const LOWER_STATE_SET = new Set(LOWER_STATES.split('|'));

/**
 * The prefilter's GEOCODE for the places above and dwelling.ts's corners: the `c` of `cross street` (`cross streets are Ventura and
 * Coldwater`), the `g` of `grew up` and `grandi`, and a comma before a state's code closing the text or a line (`from yreka, ca`).
 */
export function placeCueAt(text: string, i: number, c: number): number {
  if (c === 44) {
    const j = codeAt(text, i + 1) === 32 ? i + 2 : i + 1;
    const after = codeAt(text, j + 2);
    if (isLetter(after) || !(j + 2 >= text.length || after === 10 || after === 13 || after === 32 || after === 46 || after === 33)) return 0;
    const a = codeAt(text, j), b = codeAt(text, j + 1);
    return (a >= 65 && a <= 90 && b >= 65 && b <= 90) || LOWER_STATE_SET.has(text.slice(j, j + 2)) ? GEOCODE : 0;
  }
  if (lower(c) === 99) return matchesAt(text, i, 'cross', true) && !isLetter(codeAt(text, i - 1)) ? GEOCODE : 0;
  return (matchesAt(text, i, 'grew up ', true) && !isLetter(codeAt(text, i - 1))) || matchesAt(text, i, 'grandi ', true) ? GEOCODE : 0;
}
