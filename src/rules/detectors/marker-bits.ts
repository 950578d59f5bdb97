// The prefilter's marker bits (markers.ts sets them, prefilter.ts gates detectors on them) and
// the character helpers the marker functions share.

export const AT = 1;
export const COLON = 2;
export const EQ = 4;
export const DASH = 8;
export const DOT = 16;
export const PCT40 = 32; // `%40`
export const PCT3 = 64; // `%3`
export const HTTP = 128; // `http`, any case
export const WWW = 256; // `www`, any case
export const EYJ = 512; // `eyJ`
export const EARER = 1024; // `earer` or `EARER` (bearer's own precheck)
/** Any character beyond ASCII: the text may hold compatibility forms (fullwidth `＠１２３`). */
export const NON_ASCII = 2048;
export const MASK = 4096; // `*`, `#`, `xx`/`XX`: masked digits (`***-**-0053`)
export const SSN_WORD = 8192; // `ssn`, `ss#`, `soc`, any case
export const DOT_WORD = 16384; // `dot`, any case (`lee at example dot org`)
export const APOS = 32768; // `'`: two-digit years (`Mar '61`)
// born, birth, `b.`, dob, died, death, deceased, discharged, diagnosed, admitted, surg(ery), ap(p)t/ap(p)ointment, delivered, hospitali(zed)
export const DATE_CUE = 65536;
// name, nombre, nome, nom, llamo, chiamo, m'appelle, heiße, I'm, I am, this is, patient, pt, my,
// Mr/Mrs/Ms, dear, `caller:`/`mother:`/`attn:`..., a sign-off before `,`
export const NAME_CUE = 131072;
// `:`/`-` with the same 3 before and after (`2B:3C:4D`), a `.` 5 after another (`2b3c.4d5e`)
export const MAC_SHAPE = 262144;
export const PHONE_CUE = 524288; // call, cell, cel, tel, phone, ph, mobile, mob, text, fax, pager, beeper, número (foreign-digits.ts)
export const AGE_NUM = 1048576; // a number from 90 to 119 (two digits starting with 9, or 10x/11x)
export const IMG_EXT = 2097152; // `.jpg`, `.png`, `.webp`...: an image file's extension (photo paths)
export const GEOCODE = 4194304; // `G8MJ+XR` (a plus code's `+`), `///word.word.word` (what3words)
export const MRZ_FILL = 8388608; // `<<`: a machine-readable zone's fillers (mrz.ts)
export const HANDLE_MARK = 16777216; // `_`, `$` or `u/`: a handle's underscore, a cashtag, a Reddit user (online-handle.ts)
/** The markers online_handle's gate takes (with any digit): its detector asks the same of a plain name after `is`. */
export const HANDLE_GATE = AT | COLON | EQ | DOT | HANDLE_MARK | NAME_CUE;

import { codeAt } from '../../common/code-at.js';
export { codeAt };

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
export const lower = (c: number): number => c | 0x20;
export const isLetter = (c: number): boolean => lower(c) >= 97 && lower(c) <= 122;

export function matchesAt(text: string, i: number, word: string, anyCase: boolean): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = codeAt(text, i + k);
    if ((anyCase ? lower(c) : c) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Whether `text` at `i` holds one or more spaces and then `in ` (`we're  in Oskmere`: the residence pattern takes `[ ]+in`). */
export function spacesThenIn(text: string, i: number): boolean {
  if (codeAt(text, i) !== 32) return false;
  const j = afterNowWord(text, afterSpaces(text, i + 1));
  return matchesAt(text, j, 'in ', true);
}

const afterSpaces = (text: string, j: number): number => {
  while (codeAt(text, j) === 32) j++;
  return j;
};

// `I'm currently in Reno`, `we're now in Sparks`, `I'm based in Chico`: a word saying when or how someone is there may stand
// between `I'm` and `in` (residence.ts builds its pattern's NOW_WORD from this list).
export const NOW_WORDS: readonly string[] = ['currently', 'now', 'still', 'also', 'presently', 'temporarily', 'based', 'located'];

/** The index after one of NOW_WORDS and its spaces at `j`, else `j`. */
function afterNowWord(text: string, j: number): number {
  for (const w of NOW_WORDS) {
    if (matchesAt(text, j, w, true) && codeAt(text, j + w.length) === 32) return afterSpaces(text, j + w.length);
  }
  return j;
}

/** Whether the lower-cased text just before `i` ends with `word` (written in lower case). */
export function endsAt(text: string, i: number, word: string): boolean {
  return i >= word.length && matchesAt(text, i - word.length, word, true);
}

/** spacesThenIn, or `at ` in its place (`I'm at the corner of Oak and Main`: a corner may follow, dwelling.ts). */
export function spacesThenInOrAt(text: string, i: number): boolean {
  if (codeAt(text, i) !== 32) return false;
  const j = afterNowWord(text, afterSpaces(text, i + 1));
  return matchesAt(text, j, 'in ', true) || matchesAt(text, j, 'at ', true);
}

/** Whether `text` at `i` is the `moi` of `c'est moi` (either apostrophe), before one's own name (person-name.ts). */
export function cestMoiAt(text: string, i: number): boolean {
  const apos = codeAt(text, i - 5);
  return (apos === 39 || apos === 8217) && lower(codeAt(text, i - 6)) === 99 && matchesAt(text, i - 4, 'est moi', true);
}

/** The dot's names in other languages, as email.ts's DOT_WORDS spells them, with the space after them. */
export const DOT_WORDS_AT: readonly string[] = ['punto ', 'punkt ', 'punt ', 'point ', 'ponto ', 'pont ', 'punct ', 'punktum '];

/** Whether the `b` at `i` is the one of a whole word `arroba` or `arobase`. */
export function arrobaAt(text: string, i: number): boolean {
  if (lower(codeAt(text, i - 1)) !== 111) return false;
  const at = lower(codeAt(text, i - 2)) === 114 && lower(codeAt(text, i - 3)) === 114 ? i - 4 : i - 3;
  return !isLetter(codeAt(text, at - 1)) && (matchesAt(text, at, 'arroba ', true) || matchesAt(text, at, 'arobase ', true));
}

/** DOT_WORD where the whole word `word` (with its space after) begins at `i`: pl `kropka`, tr `nokta` (email.ts DOT_WORDS). */
export function dotWordAt(text: string, i: number, word: string): number {
  return !isLetter(codeAt(text, i - 1)) && matchesAt(text, i, word, true) ? DOT_WORD : 0;
}
