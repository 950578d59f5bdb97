// O(1) gates before a regex anchored at a string's start or end: calling a regex costs several hundred
// instructions even when it fails at the first character, and the plan called a few such regexes on
// every event's keys and addresses. A gate is a necessary condition of its regex, never more.
import { codeAt } from './code-at.js';

/** Any character outside ASCII: the ASCII-only fast paths test for it first. */
export const NON_ASCII = /[^\x00-\x7f]/;

/** The lowercase ASCII letters of `letters` as a bit mask (bit 0: `a`). */
export function letterMask(letters: string): number {
  let mask = 0;
  for (let i = 0; i < letters.length; i++) mask |= 1 << (letters.charCodeAt(i) - 97);
  return mask;
}

/**
 * Whether the character at `i` is one of the mask's letters in either case, as a case-insensitive
 * regex without the `u` flag reads ASCII letters (no other character folds to one). False past the end.
 */
export function letterAtAnyCase(s: string, i: number, mask: number): boolean {
  const c = codeAt(s, i) | 0x20;
  return c >= 97 && c <= 122 && ((mask >> (c - 97)) & 1) === 1;
}

/** Whether the character at `i` is one of the mask's letters, lowercase. False past the end. */
export function letterAt(s: string, i: number, mask: number): boolean {
  const c = codeAt(s, i);
  return c >= 97 && c <= 122 && ((mask >> (c - 97)) & 1) === 1;
}
