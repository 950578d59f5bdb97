import { AT, DATE_CUE, isDigitCode, isLetter, lower, matchesAt, codeAt } from './marker-bits.js';

// Webmail providers written without their TLD after a spelled `at` (`jane at gmail`, email.ts
// WEBMAIL): the walk stops at g(m), y(a|m), h(o), (i)c(l); outlook, aol and protonmail need an
// `@` or a bracketed `(at)`, which are markers of their own.
export const WEBMAIL_WORDS: readonly string[] = ['gmail', 'googlemail', 'yahoo', 'ymail', 'hotmail', 'icloud'];

/** AT when a webmail provider's name starts at `start`, right after the word `at` (or an `@`). */
export function webmailAt(text: string, start: number): number {
  // The `at` first: these letter pairs are common, a spelled `@` before them is not.
  let j = start;
  while (start - j < 3 && ((j > 0 && codeAt(text, j - 1) <= 32) || codeAt(text, j - 1) === 41 || codeAt(text, j - 1) === 93)) j--;
  const at = codeAt(text, j - 1) === 64 || (j >= 2 && lower(codeAt(text, j - 2)) === 97 && lower(codeAt(text, j - 1)) === 116 && !isLetter(codeAt(text, j - 3)));
  if (!at) return 0;
  for (const w of WEBMAIL_WORDS) if (matchesAt(text, start, w, true)) return isLetter(codeAt(text, start + w.length)) ? 0 : AT;
  return 0;
}

/** DATE_CUE after a care-event word (surgery, appointment, delivered, hospitalized) when a digit
 * follows within a few words: these words are common in page names, their dates are not. */
export function careCue(text: string, from: number): number {
  // As far as the partial-date pattern reaches: six filler words, a month, `., of`.
  const end = Math.min(text.length, from + 64);
  for (let k = from; k < end; k++) if (isDigitCode(codeAt(text, k))) return DATE_CUE;
  return 0;
}
