import { defineDetector } from './define.js';
import { hasDigits, isAsciiLetter, isDigit, resetAt } from './scan.js';
import type { Detection } from './types.js';

// A street address in free text: a post office box (`P.O. Box 4471`), or a house number, one
// to four name words and a USPS street suffix, then an optional unit (`3409 Evergreen Terrace
// Apt 5`, `12B N Main St., Suite 200`). Text without a space, tab or `+` is never scanned.
// Field names catch addresses sent under `street`/`address`; this catches the ones typed into
// comments, copied into event names and campaign values, or sent under names no list has.
// Gaps are spaces, tabs or `+` (a form-encoded space). Prose words (`in`, `for`, `the`...) may
// not be name words, so "10 Tips for a Healthy Way" is not an address.
const SUFFIX =
  '(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|way|terrace|terr|ter|place|pl|parkway|pkwy|' +
  'highway|hwy|circle|cir|trail|trl|square|sq|loop|pike|plaza|plz|alley|aly|crescent|cres|row|ridge|crossing|xing|' +
  'expressway|expy|turnpike|tpke)';
const UNIT = '(?:apt|apartment|suite|ste|unit|fl|floor|rm|room|bldg|building|#)';
// Spaces, tabs and `+`: the same characters isGap looks for.
const SP = '[ \\t+]';
const GAP = `${SP}{1,3}`;
const STOP = '(?:in|for|of|to|the|a|an|and|or|with|on|at|by|from|your|our|my|is|are|was|per|near|off|top|best|ways?)';
// A name word, or a numbered street (`W 4th St`).
const WORD = `(?:[0-9]{1,3}(?:st|nd|rd|th)|(?!${STOP}(?![A-Za-z]))[A-Za-z][A-Za-z'.-]{0,24})`;
// French number-first addresses (`12 rue de la Paix`, `3 bis, boulevard Voltaire`): the type
// word comes first, then an optional article and a name word, which must be capitalised (see
// scan), so `2 place settings` stays prose.
const FR_LETTERS = 'A-Za-z\\u00c0-\\u024f';
const FR_LETTER = `[${FR_LETTERS}]`;
const FR_WORD = `[${FR_LETTERS}'-]{1,24}`; // after the first letter
const FR_TYPE = '(?:rue|boulevard|bd|chemin|all[ée]e|impasse|quai|avenue|place|cours)';
const FR_ARTICLE = `(?:(?:de${SP}la|des|de|du|la|le)${GAP}|l['\u2019]|d['\u2019])`;
export const ADDRESS_RE = new RegExp(
  `(?<![A-Za-z])(?:p\\.?${SP}?o\\.?|post${SP}office)${SP}{0,2}box${SP}{0,2}#?${SP}{0,2}[0-9]{1,8}(?![0-9])|` +
  `(?<![0-9A-Za-z#.-])[0-9]{1,6}[A-Za-z]?(?:-[0-9]{1,5})?${GAP}(?:${WORD}${GAP}){1,4}${SUFFIX}\\.?(?![A-Za-z0-9])` +
    `(?:,?${GAP}${UNIT}\\.?${SP}{0,3}#?${SP}{0,2}[A-Za-z0-9-]{1,8}(?![A-Za-z0-9]))?|` +
  `(?<![0-9A-Za-z#.-])[0-9]{1,5}(?:${SP}?(?:bis|ter))?,?${GAP}${FR_TYPE}${GAP}${FR_ARTICLE}?(${FR_LETTER}${FR_WORD})`,
  'gi',
);
const UPPER = /^\p{Lu}/u;

const isGap = (c: number): boolean => c === 32 || c === 43 || c === 9;

/**
 * Whether the text has what either alternative of ADDRESS_RE starts with: a digit run (not glued
 * to a letter, `.`, `#` or `-` before it) followed by a gap, after at most a letter or a `-NN`
 * part; or the word `box`. User agents, timestamps and version strings have digits and spaces
 * but neither, and are the most common texts with both: they skip the regex.
 */
export function mayHoldAddress(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text.charCodeAt(i))) continue;
    const before = i === 0 ? 32 : text.charCodeAt(i - 1);
    let j = i;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    if (!(isDigit(before) || isAsciiLetter(before) || before === 35 || before === 46 || before === 45)) {
      if (j < text.length && isAsciiLetter(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 45) { j++; while (j < text.length && isDigit(text.charCodeAt(j))) j++; }
      if (j < text.length && isGap(text.charCodeAt(j))) return true;
    }
    i = j;
  }
  return BOX.test(text);
}
const BOX = /box/i;

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 8 || !hasDigits(text, 1) || !mayHoldAddress(text)) return;
  const re = resetAt(ADDRESS_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined && !UPPER.test(m[1])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** Street addresses (B) in free text: house number, street name, street suffix, optional unit. */
export const streetAddressDetector = defineDetector('street_address', '[ADDRESS]', 'B', scan);
