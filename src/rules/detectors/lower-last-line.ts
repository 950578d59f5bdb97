import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// An address's last line typed in lower case (`we drove in from fresno, ca 93722`, `i live in walnut creek ca 94597`,
// `mail it to lodi, ca 95240`): the one or two words before a state's code and a ZIP are the city, which goes (Safe Harbor B);
// the state stays and the ZIP is the zip detector's (its ZIP-3 stays, zip.ts LOWER_STATE_RE). The capitalised line is
// street-address.ts's LAST_LINE_RE.

// US states' codes typed in lower case, less those that are also words (`in`, `or`, `me`, `oh`, `hi`, `ok`, `id`, `de`, `la`, `co`).
export const LOWER_STATES = 'al|ak|az|ar|ca|ct|dc|fl|ga|ia|ks|ky|md|ma|mi|mn|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|pr';
export const STATE_CODES = `${LOWER_STATES}|A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|PR|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]`;
// Words before a city that are no part of it: prepositions, and the verbs and adverbs a message puts there (`visit fresno`).
const NOT_CITY = '(?:in|for|of|to|the|and|or|with|on|at|by|from|into|your|our|my|his|her|their|is|are|was|were|near|off|over|out|up|down|' +
  'back|here|there|home|area|around|outside|downtown|just|still|now|live|lives|living|moved|moving|move|stay|staying|visit|visiting|drive|' +
  'drove|come|came|send|mail|ship|bill|statement|records|am)';
const CITY_WORD = `(?!${NOT_CITY}[ ,])[a-z][a-z'\u2019-]{2,24}`;
const LOWER_LAST_LINE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}'\u2019.-])(${CITY_WORD}(?:[ ]${CITY_WORD})?),?[ ]{1,2}(?:${STATE_CODES}),?[ ]{1,2}[0-9]{5}(?:-[0-9]{4})?(?![0-9])`,
  'gu',
);
// The codes left out above (`il`, `in`, `or`, `me`, ...) typed in lower case, where the line is still an address's: the city
// after a comma closing a street with its number (`1427 w fulton st apt 3r, chicago il 60607`), the city before a comma
// with the line ending at the ZIP (`boise, id 83702`), or, with neither, a ZIP in the state's own USPS range (blind pass 50:
// `moving back to bend or 97701`, `portland or 97209`). `patients in 12000 homes` and `see you in 10000` have none of them
// (120 and 100 are New York's), and a count (`patients in 46204 homes`) is not a ZIP.
const WORD_STATES = 'co|de|hi|id|il|in|la|me|ms|oh|ok|or';
const WORD_STATE_LINE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}'\u2019.-])(${CITY_WORD}(?:[ ]${CITY_WORD})?)(,?)[ ]{1,2}(${WORD_STATES}),?[ ]{1,2}[0-9]{5}(-[0-9]{4})?(?![0-9])`,
  'gu',
);
// Each word state's ZIP-3 prefixes, first and last (USPS).
const WORD_STATE_ZIP3: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['co', [800, 816]], ['de', [197, 199]], ['hi', [967, 968]], ['id', [832, 838]], ['il', [600, 629]], ['in', [460, 479]],
  ['la', [700, 714]], ['me', [39, 49]], ['ms', [386, 397]], ['oh', [430, 459]], ['ok', [730, 749]], ['or', [970, 979]],
]);
const COUNT_AFTER = /^[ ]+(?:patients|people|persons|members|visits|users|cases|homes|households|residents|students|steps|times|units|dollars|usd|miles|mi|km|mg|ml)(?![a-z])/;

/** Whether the ZIP at `zip` lies in the range of the word state `state` and no count word follows it (`in 46204 homes`). */
function stateZip(text: string, state: string, zip: number, end: number): boolean {
  const range = WORD_STATE_ZIP3.get(state);
  const zip3 = Number(text.slice(zip, zip + 3));
  return range !== undefined && zip3 >= range[0] && zip3 <= range[1] && !COUNT_AFTER.test(text.slice(end, end + 12));
}
const LINE_END = /^[ ]*(?:$|[,.;:)\n]|usa(?![a-z]))/;
const NUMBERED_BEFORE = /[0-9][^\n,]{2,60},[ ]?$/;

/** Lower-case last lines with a state code that is also a word (WORD_STATE_LINE_RE): `found(cityStart, cityEnd, zipStart, zipEnd)`. */
export function scanWordStateLines(text: string, found: (city: number, cityEnd: number, zip: number, zipEnd: number) => void): void {
  if (!HINT.test(text)) return;
  const re = resetAt(WORD_STATE_LINE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    const zip = end - (m[4]?.length ?? 0) - 5;
    const lineEnds = m[2] === ',' && LINE_END.test(text.slice(end, end + 8));
    if (lineEnds || NUMBERED_BEFORE.test(text.slice(Math.max(0, m.index - 64), m.index)) || stateZip(text, m[3] as string, zip, end)) {
      found(m.index, m.index + (m[1] as string).length, zip, end);
    }
  }
}

// The shape's bones without the word lists: a lower-case letter, a code of two letters and five digits.
const HINT = /[a-z],?[ ]{1,2}[A-Za-z]{2},?[ ]{1,2}[0-9]{5}(?![0-9])/;

/** The city before a state's code and a ZIP, in lower case (LOWER_LAST_LINE_RE). */
export function scanLowerLastLines(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  const re = resetAt(LOWER_LAST_LINE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[1].length, kind });
  scanWordStateLines(text, (start, end) => out.push({ start, end, kind }));
}
