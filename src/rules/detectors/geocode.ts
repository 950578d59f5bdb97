import { defineDetector } from './define.js';
import { GEOCODE, isLetter, matchesAt, codeAt } from './marker-bits.js';
import { resetAt } from './scan.js';
import { scanResidence } from './residence.js';
import { scanDwellings } from './dwelling.js';
import { scanLabelledPlaces } from './labelled-place.js';
import { scanNativePlaces } from './native-place.js';
import { scanBareW3w } from './what3words.js';
import type { Detection } from './types.js';

// Geocodes that are not coordinates (Safe Harbor B): an Open Location Code ("plus code", what
// Google Maps shows for a place: `84QVG8MJ+XR`, or `G8MJ+XR Portland` short) pins about 14 m, a
// house; a what3words address (`///index.home.raft`) pins 3 m. Both are the visitor's location
// when a locator widget or a delivery form sends them.
const OLC = '[2-9CFGHJMPQRVWX]';
// 8 characters before the `+` (full), or 4/6 (short, read against a nearby town); at least one
// letter, so arithmetic (`3456+78`) is not a code.
const PLUS_RE = new RegExp(`(?<![0-9A-Za-z+])(?=[2-9]*[CFGHJMPQRVWXcfghjmpqrvwx])(?:${OLC}{8}\\+${OLC}{0,3}|(?:${OLC}{4}|${OLC}{6})\\+${OLC}{2,3})(?![0-9A-Za-z+])`, 'gi');
const W3W_RE = /(?<![:/])\/\/\/\p{L}+\.\p{L}+\.\p{L}+(?![.\p{L}])/gu;
// A geohash after its own name (`geohash: c20g8x7g`, `location (geohash) 9q8yyk8`): 5 characters pin ~5 km, 7 ~150 m.
// Without the word, a short base32 token is any code (a commit, a slug) and stays.
const GEOHASH_RE = /(?<![A-Za-z])geo[ _-]?hash(?:[ ]*\))?(?:[ ]*[:=][ ]*|[ ]+)([0-9b-hjkmnp-zB-HJKMNP-Z]{5,12})(?![0-9A-Za-z])/gi;

// Characters of the code alphabet (either case), for the prefilter's mark at a `+`.
const IN_OLC = new Uint8Array(128);
for (const c of '23456789CFGHJMPQRVWXcfghjmpqrvwx') IN_OLC[c.charCodeAt(0)] = 1;
const olc = (c: number): boolean => c < 128 && IN_OLC[c] === 1;

const GEOCODE_WORD = /geo[ _-]?hash/i;

/** GEOCODE at the `g` of `geohash` (`geo hash`, `geo_hash`). */
export function geohashAt(text: string, i: number): boolean {
  if (!matchesAt(text, i, 'geo', true)) return false;
  const j = codeAt(text, i + 3) === 32 || codeAt(text, i + 3) === 95 || codeAt(text, i + 3) === 45 ? i + 4 : i + 3;
  return matchesAt(text, j, 'hash', true);
}

/** GEOCODE at a `+` with four code characters before it (a full code may end at its `+`), or at the first `/` of `///word`. */
export function geocodeAt(text: string, i: number, c: number): number {
  if (c === 47) {
    return codeAt(text, i + 1) === 47 && codeAt(text, i + 2) === 47 && codeAt(text, i - 1) !== 58 && codeAt(text, i - 1) !== 47 &&
      (isLetter(codeAt(text, i + 3)) || codeAt(text, i + 3) >= 128) ? GEOCODE : 0;
  }
  return i >= 4 && olc(codeAt(text, i - 1)) && olc(codeAt(text, i - 2)) && olc(codeAt(text, i - 3)) && olc(codeAt(text, i - 4)) ? GEOCODE : 0;
}

function scan(text: string, out: Detection[], kind: string): void {
  let m: RegExpExecArray | null;
  if (text.indexOf('+') >= 0) {
    const re = resetAt(PLUS_RE, 0);
    while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  if (GEOCODE_WORD.test(text)) {
    const re = resetAt(GEOHASH_RE, 0);
    while ((m = re.exec(text)) !== null) out.push({ start: m.index + m[0].length - m[1].length, end: m.index + m[0].length, kind });
  }
  if (text.indexOf('///') >= 0) {
    const re = resetAt(W3W_RE, 0);
    while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  if (text.indexOf('.') >= 0) scanBareW3w(text, out, kind); // `parked at filled.count.soap` (what3words.ts)
  scanResidence(text, out, kind);
  scanDwellings(text, out, kind); // `my home is on Juniper Avenue`, `i live in the Mission district` (dwelling.ts)
  scanLabelledPlaces(text, out, kind); // `City: Oakland`, `County: Alameda` (labelled-place.ts)
  scanNativePlaces(text, out, kind); // `I'm a Reno native`, `a lifelong Fresno County resident` (native-place.ts)
}

/** Plus codes, what3words addresses (with or without `///`), geohashes after their name and places after a residence verb (B; residence.ts). */
export const geocodeDetector = defineDetector('geocode', '[GEO]', 'B', scan);
