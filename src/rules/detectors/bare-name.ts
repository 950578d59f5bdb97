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
