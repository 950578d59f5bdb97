import { resetAt } from './scan.js';
import { NOT_PLACE, PERSONAL, PLACE_WORD, REGION_RE, anyCase, notPlaceIn } from './residence.js';
import type { Detection } from './types.js';

// Two ways someone says their town without a residence verb.
// 1. A town said before the word for someone who lives there or comes from there (Safe Harbor B): `I'm a Reno native`, `my dad is a
// lifelong Fresno County resident`, `as an Oakland resident`. Read only in someone's own words (PERSONAL), so a site's copy
// (`Fresno County residents may apply`: plural too) stays, and never a doctor's training (`I'm a Surgery resident`, `a PGY-2
// resident`, `an Internal Medicine resident`) or a state (`a Texas native`). Marked by the prefilter at the `d` of `resident`
// (residence.ts residenceAt) and the `n` of `native` (cue-at.ts nCue).
// 2. The town of someone's workplace after the employer's name (`I work at Walmart in Bakersfield`, `my wife works at Kaiser
// Permanente in Oakland`; employer-name.ts takes the employer): a ward or a store's part stays (`at Walmart in Produce`), and so
// does a provider's copy (`Dr. Lee works at our clinic in Oakland`: no capitalised employer). Marked at the `w` of `work`
// (markers.ts wCue).
const WORD = PLACE_WORD;
const NATIVE_RE = new RegExp(
  `(?<![\\p{L}\\p{M}])${anyCase('(?:a|an)')}[ ]+(?:${anyCase('(?:lifelong|longtime|long-time|proud|local)')}[ ]+)?` +
    `(${WORD}(?:[ ]${WORD}){0,2})[ ]+${anyCase('(?:resident|native)')}(?![\\p{L}\\p{M}])`,
  'gu',
);
const HINT = /resident|native/i;
const EMPLOYER = `(?:${WORD}|&)(?:[ ](?:${WORD}|&|of)){0,4}`;
const WORKPLACE_TOWN_RE = new RegExp(
  `(?<![\\p{L}\\p{M}])${anyCase('(?:works?|worked|working|employed)[ ]+(?:at|for|by)[ ]+(?:the[ ]+)?')}${EMPLOYER}[ ]+${anyCase('in')}[ ]+` +
    `(${WORD}(?:[ ]${WORD}){0,2})`,
  'gu',
);
const WORK_HINT = /work|employed/i;
// A store's or a plant's part, a ward or a line of work after `in`: no town.
const NOT_TOWN = new Set(['produce', 'pharmacy', 'deli', 'bakery', 'shipping', 'receiving', 'sales', 'retail', 'finance', 'it', 'hr', 'tech',
  'accounting', 'billing', 'admin', 'administration', 'customer', 'maintenance', 'security', 'housekeeping', 'dietary', 'food', 'kitchen',
  'warehouse', 'operations', 'management', 'human', 'real', 'legal', 'research', 'production', 'quality', 'support', 'education', 'healthcare', 'public']);
// A doctor's or a student's training, a ward or a program before `resident`: no town.
const TRAINING = new Set(['surgery', 'surgical', 'medicine', 'medical', 'internal', 'family', 'pediatric', 'pediatrics', 'psychiatry', 'psych',
  'anesthesia', 'anesthesiology', 'ob', 'obgyn', 'ob/gyn', 'chief', 'senior', 'junior', 'first-year', 'second-year', 'third-year', 'fourth-year',
  'dental', 'pharmacy', 'nursing', 'neurology', 'radiology', 'cardiology', 'dermatology', 'orthopedic', 'orthopedics', 'ortho', 'general',
  'transitional', 'preliminary', 'er', 'ed', 'icu', 'emergency', 'permanent', 'legal', 'non', 'us', 'u.s.', 'american', 'native', 'assisted',
  'nursing-home', 'long-term', 'care', 'former', 'current']);
const TRAINING_CODE = /^(?:PGY|R)-?[0-9]/;

/** Towns before `resident`/`native` and after a workplace (see above). */
export function scanNativePlaces(text: string, out: Detection[], kind: string): void {
  if (!PERSONAL.test(text)) return;
  if (HINT.test(text)) pushTowns(NATIVE_RE, text, out, kind, TRAINING);
  if (WORK_HINT.test(text)) pushTowns(WORKPLACE_TOWN_RE, text, out, kind, NOT_TOWN);
}

function pushTowns(pattern: RegExp, text: string, out: Detection[], kind: string, notTown: ReadonlySet<string>): void {
  const re = resetAt(pattern, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const place = m[1] as string;
    const words = place.toLowerCase().split(' ');
    if (words.some((w) => NOT_PLACE.has(w) || notTown.has(w)) || TRAINING_CODE.test(place) || REGION_RE.test(place) || notPlaceIn(words[0])) continue;
    const start = m.index + m[0].lastIndexOf(place);
    out.push({ start, end: start + place.length, kind });
  }
}
