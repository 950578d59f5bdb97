// A character read that may fall outside its string: `s.charCodeAt(i)` gives NaN there, and V8's
// optimised code reads a string's characters only in bounds, so the first such read deoptimises the
// function it is compiled into (with every function inlined into it: the prefilter's walk was
// recompiled 3-5 times a process, H189/H192). Checking the index first never leaves compiled code.

/**
 * The UTF-16 code at `i`, or 0 outside `s` (where charCodeAt gives NaN). 0 reads as NaN does under
 * `=== k` / `!== k` for a non-zero k, `>= k` / `> k` for a positive k (alone or before an upper bound),
 * `| 0x20` (both give 32: marker-bits.ts lower), `& 127` (both 0), isLetter and isDigitCode; it does NOT
 * under `< k` or `<= k` alone, arithmetic or as a table index (check the index there instead).
 */
export function codeAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : 0;
}
