import { commonWord } from './file-name.js';
import { GIVEN_NAMES, givenWord } from './given-names.js';

// A whole short value that is a person's name and nothing else (`Jane Doe`, `Mary Ann Smith`,
// `Robert J. Brightwater`), under a key that names nothing (`eVar12`, `label`, `dimension3`): a
// common given name (given-names.ts leaves out the ones that are also words, places or months),
// an optional second given name or initial, then a capitalised surname that is not a word a site's
// titles are made of (`Jennifer Health`, `Maria Clinic`, `Summer Sale` stay; `O'Neill`, `McDonald` are surnames). Only the whole value:
// a name inside text needs a cue (person-name.ts).
// Accents fold and a hyphenated given name counts by its first part (`María José García-López`, `Zoë Müller-Schmidt`, `Jean-Luc
// Béranger`): `São Paulo`, `Baden-Württemberg` stay (no given name first).
const BARE_NAME = /^(\p{Lu}[\p{Ll}\p{M}]{1,20}(?:-\p{Lu}[\p{Ll}\p{M}]{1,20})?) (?:(\p{Lu}\.?|\p{Lu}[\p{Ll}\p{M}]{1,20}) )?(\p{Lu}[\p{L}\p{M}'’]{1,30}(?:-\p{Lu}[\p{L}\p{M}'’]{1,30})?)$/u;
export const BARE_NAME_MAX = 48;

/** Whether the word holds a letter outside ASCII or a hyphen (only then can folding make it a listed given name). */
function foldable(word: string): boolean {
  for (let i = 1; i < word.length; i++) { const c = word.charCodeAt(i); if (c >= 128 || c === 45) return true; }
  return false;
}

/** The prefilter's check: short, no digits, a capital then a small letter, and a common given name first. */
export function bareNameStart(text: string, digits: number): boolean {
  const n = text.length;
  if (digits > 0 || n < 6 || n > BARE_NAME_MAX) return false;
  const a = text.charCodeAt(0), b = text.charCodeAt(1);
  if (a < 65 || a > 90 || ((b < 97 || b > 122) && b < 192)) return false;
  const sp = text.indexOf(' ', 2);
  if (sp <= 0 || sp > 21) return false;
  const first = text.slice(0, sp);
  return GIVEN_NAMES.has(first.toLowerCase()) || (foldable(first) && givenWord(first));
}

/** Whether the whole text is a person's name as above. */
export function bareName(text: string): boolean {
  // What the prefilter checked (so it never skips a text this reads as a name), then the whole shape.
  if (!bareNameStart(text, 0)) return false;
  const m = BARE_NAME.exec(text);
  // The first word is the one bareNameStart found among the given names.
  if (m === null) return false;
  const middle = m[2];
  if (middle !== undefined && middle.length > 2 && !givenWord(middle)) return false;
  for (const part of m[3].toLowerCase().split('-')) if (commonWord(part)) return false;
  return true;
}

// A short label closing with a name (`Reminder Sent Siobhan Haddad`, `Form Submitted - Jane Doe`, `Email Jane Lindqvist`,
// `Confirmation for Wei Brennan`) or opening with one's possessive (`Diego Okafor's Care Plan`): an event's name or a button's
// text made from a template with the person filled in. The name is read as a whole value is (above); a titled provider stays
// (`Book with Dr. Jane Lee`), and so does a label with digits, a sentence's stop before the name, or more than eight words.
const LABEL_MAX = 64;
const STOP_BEFORE = /[.!?]/;
const TITLE_BEFORE = /(?:^|[ (])(?:dr\.?|doctor|nurse|np|pa|prof\.?|professor|rev\.?|sr\.?|dra\.?)[ ]$/i;
const POSSESSIVE = /['\u2019]s /;

/** Where a name closing or opening a short label starts and ends (see above), or undefined. */
export function labelName(text: string, digits: number): { start: number; end: number } | undefined {
  if (digits > 0 || text.length > LABEL_MAX || text.length < 9) return undefined;
  const last = text.lastIndexOf(' ');
  const prev = last > 0 ? text.lastIndexOf(' ', last - 1) : -1;
  if (prev < 0) return undefined;
  // Three words first (`Visit Mary Ann Smith`), then two.
  for (const start of [text.lastIndexOf(' ', prev - 1) + 1, prev + 1]) {
    if (start <= 0 || !tailOpens(text, start)) continue;
    if (bareName(text.slice(start))) return { start, end: text.length };
  }
  const own = POSSESSIVE.exec(text);
  if (own !== null && own.index >= 5 && bareName(text.slice(0, own.index))) return { start: 0, end: own.index };
  return undefined;
}

/** Whether a name may open at `start` (after a space) of a label: no stop, title or long sentence before it. */
function tailOpens(text: string, start: number): boolean {
  const before = text.slice(0, start);
  if (STOP_BEFORE.test(before) || TITLE_BEFORE.test(before)) return false;
  let words = 1;
  for (let i = 0; i < start; i++) if (text.charCodeAt(i) === 32) words++;
  return words <= 8;
}
