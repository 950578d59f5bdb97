import type { Detection } from './types.js';
// Character-class helpers for the hot path: charCode comparisons avoid regex work and
// allocation when a precheck can already rule a string out.

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 97 && lower <= 122;
}

export function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

// The detectors ask hasDigits of the same text one after another with different minimums (a dozen
// times a string); a text with too few digits was scanned whole each time. One remembered count
// makes that one pass (2026-12-03: 2.8k of the plan's 185k instructions an event went to hasDigits).
let countedText = '';
let countedDigits = 0;

/** True when `text` holds at least `min` ASCII digits. */
export function hasDigits(text: string, min: number): boolean {
  if (text !== countedText) {
    countedDigits = countDigits(text, 0, text.length);
    countedText = text;
  }
  return countedDigits >= min;
}

/** Counts ASCII digits in text[start, end). */
export function countDigits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** The ASCII digits of `s`, in order (separators dropped). Only called on short candidates. */
export function digitsOnly(s: string): string {
  let r = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) r += s[i];
  }
  return r;
}

/** Regexes are shared module constants; every use must start from a clean cursor. */
export function resetAt(re: RegExp, index: number): RegExp {
  re.lastIndex = index;
  return re;
}

/** Each match's group 1, which ends it (or the whole match when it has none). */
export function push(re: RegExp, text: string, out: Detection[], kind: string): void {
  resetAt(re, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    out.push({ start: m[1] === undefined ? m.index : end - m[1].length, end, kind });
  }
}

/** Whether a detection pushed at `from` or after ends at `end` (the same number read by two patterns: one detection). */
export function foundAt(out: readonly Detection[], from: number, end: number): boolean {
  for (let i = from; i < out.length; i++) if (out[i].end === end) return true;
  return false;
}

/** Each match from its start to where `tail` says the address it opens ends (a flat, a district, a town after it); the next match is read from there. */
export function pushTailed(re: RegExp, text: string, out: Detection[], kind: string, tail: (text: string, end: number) => number): void {
  resetAt(re, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = tail(text, m.index + m[0].length);
    out.push({ start: m.index, end, kind });
    re.lastIndex = end;
  }
}
