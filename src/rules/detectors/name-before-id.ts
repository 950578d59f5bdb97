import { commonWord } from './file-name.js';
import { titleWord } from './item-name.js';
import { isLetter, codeAt } from './marker-bits.js';
import type { Detection } from './types.js';

const POSSESSIVE_BEFORE_END = /(?:^|[^\p{L}])(my|her|his)$/iu;
const INITIALS_PREFIX = /^\p{Lu}\.\p{Lu}/u;

// A full name with no label before it, followed by the person's own identifier (Safe Harbor A): `Dr. Amelia Stone,
// DOB 04/12/1961`, `Stone, Amelia (DOB 4/12/61)`, `Portal summary for Jane Okafor, DOB …`, `Rufus Abernethy MRN
// 7734021`, `Dr. Anouk Verhoeven cell 415-555-0178`. A birth date, a record number or a personal phone right after a
// name says whose they are: the person's, a patient's even when a doctor (a clinician's title spares a provider
// named on a page, person-name.ts, not someone whose birth date or chart number is given). The identifier must be
// there (a digit or a month after the cue), so a bio's `Dr. Helena Marsh, born in Ohio` stays.

// The walk marks each of these cues (cue-at.ts), so the scan runs only where one stands after a capitalised word.
// A death's verb too (`Thaddeus Oskhollow passed away on March 14, 2026`, `Harriet Quarnby died peacefully Nov. 2`): an obituary's
// or a memorial's subject, whose name and date of death are the decedent's identifiers.
const CUE_RE = /(?<![\p{L}])(?:(d[ .-]?o[ .-]?b\.?|date[ ]of[ ]birth|birth[ ]?date|birthday(?:[ ]is)?|born(?:[ ]on)?)|(mrn#?|cell|mobile)|(passed[ ]away|died|passed))(?![\p{L}])/giu;
// What a birth cue's value opens with (a digit, or a month's name: `1 March 1958`, `March 1, 1958`), within a few characters.
const BIRTH_VALUE = /^[ :#=,-]{0,4}(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[ ]+\d)/i;
// What a death's verb is followed by: a date (perhaps after `peacefully` and `on`) or an age (`at the age of 94`, `aged 94`).
const DEATH_VALUE = /^[ ,]{0,2}(?:(?:peacefully|suddenly|unexpectedly|quietly|at[ ]home)[ ,]+){0,2}(?:on[ ]+|at[ ]the[ ]age[ ]of[ ]+|aged[ ]+)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ ]+\d)/i;
// A record number or phone: four digits or more, separators aside.
const ID_VALUE = /^[ :#=.,-]{0,4}\(?\d[\d ().-]{3,}/;
// The name: up to three capitalised words (an initial too), or `Surname, Given`, a title before either.
const NAME_TAIL = /(?:(\p{Lu}[\p{L}\p{M}'\u2019-]+),[ ]+)?(?:(?:Dr|Prof|Rev|Mr|Mrs|Ms|Mx)\.?[ ]+)*((?:\p{Lu}[\p{L}\p{M}'\u2019-]*\.?[ ]){0,2}(?:\p{Lu}\.)?\p{Lu}[\p{L}\p{M}'\u2019-]+)$/u;
const TITLE = /^(?:dr|prof|rev|mr|mrs|ms|mx)\.?$/i;
const REACH = 64;

/** Start of the text before a cue at `at` once the separators between a name and its cue are skipped (`, `, ` (`, ` - `). */
function beforeSeparators(text: string, at: number): number {
  let j = at;
  let marks = 0;
  while (j > 0 && at - j < 5) {
    const c = codeAt(text, j - 1);
    if (c === 32) { j--; continue; }
    if ((c === 44 || c === 40 || c === 45 || c === 0x2013 || c === 0x2014 || c === 58 || c === 47 || c === 124) && marks++ === 0) { j--; continue; }
    break;
  }
  // Whose it is may stand between (`Jane Okafor, my birthday is …`, `… her DOB …`).
  const own = j < at && POSSESSIVE_BEFORE_END.exec(text.slice(Math.max(0, j - 4), j));
  return own ? beforeSeparators(text, j - own[1].length) : j;
}

/** NAME_CUE at a cue word starting at `at` (cue-at.ts): a capitalised word ends right before it. A necessary condition of scanNameBeforeId. */
export function nameBeforeIdAt(text: string, at: number): boolean {
  const j = beforeSeparators(text, at);
  // Letters beyond ASCII count as letters (`Jana Müller, DOB …`, `Bébé Garçon born …`): a capital among them may open the word.
  const letter = (c: number): boolean => isLetter(c) || c >= 192;
  if (j === 0) return false;
  // NAME_TAIL's last word may end in a hyphen or an apostrophe (`Ama Mensah--birthday 3/14` is `Ama Mensah-` and `-birthday`).
  let w = j;
  while (w > 0 && (letter(codeAt(text, w - 1)) || codeAt(text, w - 1) === 45 || codeAt(text, w - 1) === 39)) w--;
  const c = codeAt(text, w);
  return j - w >= 2 && ((c >= 65 && c <= 90) || c >= 192);
}

/** Whether the words are a person's name: two or more (an initial glued to a surname, `J.Okafor`, is two), none a common, title or honorific word. */
function nameWords(given: readonly string[]): boolean {
  const words = given.flatMap((w) => (INITIALS_PREFIX.test(w) ? [w.slice(0, 2), w.slice(2)] : [w]));
  return words.length >= 2 && words.every((w) => !TITLE.test(w) && !commonWord(w.toLowerCase()) && !titleWord(w.toLowerCase()));
}

/** The name ending at `end` (see NAME_TAIL) as [start, end], or undefined. */
function nameBefore(text: string, end: number): [number, number] | undefined {
  const from = Math.max(0, end - REACH);
  const m = NAME_TAIL.exec(text.slice(from, end));
  if (m === null) return undefined;
  let words = m[2].split(' ');
  // Words a sentence opens with before the name (`Called Jane Okafor, DOB …`) are dropped from its front.
  while (words.length > 2 && (commonWord(words[0].toLowerCase()) || TITLE.test(words[0]))) words = words.slice(1);
  const all = m[1] !== undefined ? [m[1], ...words] : words;
  if (!nameWords(all)) return undefined;
  const start = m[1] !== undefined ? from + m.index : end - words.join(' ').length;
  return [start, end];
}

/** Names right before their person's birth date, record number or phone (see above). */
export function scanNameBeforeId(text: string, out: Detection[], kind: string): void {
  const re = CUE_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    if (!(m[1] !== undefined ? BIRTH_VALUE : m[3] !== undefined ? DEATH_VALUE : ID_VALUE).test(after)) continue;
    const end = beforeSeparators(text, m.index);
    if (end === m.index && end > 0 && codeAt(text, end - 1) !== 32) continue;
    const span = nameBefore(text, end);
    if (span !== undefined && !out.some((d) => d.start <= span[0] && d.end >= span[1])) out.push({ start: span[0], end: span[1], kind });
  }
}

/** Whether the text may hold a cue scanNameBeforeId reads (its own precheck). */
export const NAME_ID_HINT = /d[ .-]?o[ .-]?b|birth|born|mrn|cell|mobile|died|passed/i;
