import { commonWord } from './file-name.js';
import { GIVEN_NAMES } from './given-names.js';

// A whole short value that is a person's name and nothing else (`Jane Doe`, `Mary Ann Smith`,
// `Robert J. Brightwater`), under a key that names nothing (`eVar12`, `label`, `dimension3`): a
// common given name (given-names.ts leaves out the ones that are also words, places or months),
// an optional second given name or initial, then a capitalised surname that is not a word a site's
// titles are made of (`Jennifer Health`, `Maria Clinic`, `Summer Sale` stay; `O'Neill`, `McDonald` are surnames). Only the whole value:
// a name inside text needs a cue (person-name.ts).
const BARE_NAME = /^(\p{Lu}\p{Ll}{1,20}) (?:(\p{Lu}\.?|\p{Lu}\p{Ll}{1,20}) )?(\p{Lu}[\p{L}'’]{1,30}(?:-\p{Lu}[\p{L}'’]{1,30})?)$/u;
export const BARE_NAME_MAX = 48;

/** The prefilter's check: short, no digits, a capital then a small letter, and a common given name first. */
export function bareNameStart(text: string, digits: number): boolean {
  const n = text.length;
  if (digits > 0 || n < 6 || n > BARE_NAME_MAX) return false;
  const a = text.charCodeAt(0), b = text.charCodeAt(1);
  if (a < 65 || a > 90 || b < 97 || b > 122) return false;
  const sp = text.indexOf(' ', 2);
  return sp > 0 && sp <= 21 && GIVEN_NAMES.has(text.slice(0, sp).toLowerCase());
}

/** Whether the whole text is a person's name as above. */
export function bareName(text: string): boolean {
  // What the prefilter checked (so it never skips a text this reads as a name), then the whole shape.
  if (!bareNameStart(text, 0)) return false;
  const m = BARE_NAME.exec(text);
  // The first word is the one bareNameStart found among the given names.
  if (m === null) return false;
  const middle = m[2];
  if (middle !== undefined && middle.length > 2 && !GIVEN_NAMES.has(middle.toLowerCase())) return false;
  for (const part of m[3].toLowerCase().split('-')) if (commonWord(part)) return false;
  return true;
}
