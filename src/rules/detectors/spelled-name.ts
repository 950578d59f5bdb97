import { isLetter, matchesAt, codeAt } from './marker-bits.js';
import type { Detection } from './types.js';

const LETTER = /\p{L}/u;
const SPELLING_SEPARATORS = /[ .-]/g;

// A name spelled out letter by letter, as a caller does and speech to text writes it (Safe Harbor A): `this is bertrand
// calloway spelled c a l l o w a y`, `last name's spelled O-K-A-F-O-R`, `spelling: m.c.a.l.l.i.s.t.e.r`. The letters are
// the name, so they go; so does every word of the text they spell (`calloway` above), which speech to text leaves in
// lower case where no cue would find it.

const SPELLED_RE = /(?<![\p{L}])(?:spell(?:ed|t|ing)?(?:[ ]it)?(?:[ ]as|[ ]like)?)[ ]*[:,-]?[ ]*((?:\p{L}[ .-]{1,2}){2,}\p{L})(?![\p{L}])/giu;

/** NAME_CUE at the `s` of `spell`, `spelled`, `spelt`, `spelling` (cue-at.ts): a letter and a separator follow within a few characters. */
export function spelledAt(text: string, i: number): boolean {
  if (isLetter(codeAt(text, i - 1)) || !matchesAt(text, i, 'spel', true)) return false;
  let k = i + 4;
  while (k < text.length && isLetter(codeAt(text, k))) k++;
  for (let end = Math.min(text.length - 2, k + 12); k < end; k++) if (isLetter(codeAt(text, k)) && !isLetter(codeAt(text, k + 1))) return true;
  return false;
}

/** Each occurrence of `word` (any case) standing as a word of its own. */
function pushWord(text: string, word: string, out: Detection[], kind: string): void {
  const lowerText = text.toLowerCase();
  for (let at = lowerText.indexOf(word); at >= 0; at = lowerText.indexOf(word, at + word.length)) {
    const end = at + word.length;
    if (!LETTER.test(text[at - 1] ?? ' ') && !LETTER.test(text[end] ?? ' ')) out.push({ start: at, end, kind });
  }
}

/** Spelled-out letters after a spelling word, and the words they spell (see above). */
export function scanSpelledNames(text: string, out: Detection[], kind: string): void {
  const re = SPELLED_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index + m[0].length - m[1].length;
    out.push({ start, end: m.index + m[0].length, kind });
    const word = m[1].replace(SPELLING_SEPARATORS, '').toLowerCase();
    if (word.length >= 3) pushWord(text, word, out, kind);
  }
}

/** Whether the text may hold a spelling word (scanSpelledNames' own precheck). */
export const SPELLED_HINT = /spel/i;
