import { spanishIdLetterValid } from './checksums.js';
import { isAsciiAlnum, isAsciiLetter, isDigit } from './scan.js';

// Spanish national ids as an international patient's form sends them: the DNI (8 digits and a
// control letter: `48132220M`, `48.132.220-M`) and the foreigner's NIE (`Y1235077Z`, `Y-1235077-Z`).
// The letter glued after the digits keeps long_number's bare-number rule from reading them, so
// long_number asks this module about every 7-8 digit run it would otherwise let pass; only a
// valid control letter (1 in 23 of random shapes) makes it an id, so SKUs and order numbers stay.

/** The NIE prefix (X, Y or Z, either case) as its digit 0-2, or -1. */
function niePrefix(c: number): number {
  const u = c >= 97 ? c - 32 : c;
  return u >= 88 && u <= 90 ? u - 88 : -1;
}

/** `-` or a space between the parts (`Y-1235077-Z`, `48132220 M`): its length, 0 or 1. */
const joiner = (c: number): number => (c === 45 || c === 32 ? 1 : 0);

/** The run's digits as a number (its dots and spaces skipped), or -1 when it has another separator. */
function runValue(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) n = n * 10 + (c - 48);
    else if (c !== 46 && c !== 32) return -1;
  }
  return n;
}

/**
 * For a digit run [start, end) with `digits` digits that long_number did not claim: the span of
 * a Spanish DNI or NIE around it as [from, to], or undefined.
 */
export function spanishIdAround(text: string, start: number, end: number, digits: number): [number, number] | undefined {
  if (digits !== 8 && digits !== 7) return undefined;
  let from = start;
  let prefix = 0;
  if (digits === 7) {
    // An NIE: X/Y/Z right before the digits, or with one joiner between.
    const p = start >= 1 && joiner(text.charCodeAt(start - 1)) === 1 ? start - 2 : start - 1;
    prefix = p >= 0 ? niePrefix(text.charCodeAt(p)) : -1;
    if (prefix < 0) return undefined;
    from = p;
  }
  if (from > 0 && isAsciiAlnum(text.charCodeAt(from - 1))) return undefined;
  const at = end + joiner(text.charCodeAt(end));
  if (at >= text.length || !isAsciiLetter(text.charCodeAt(at))) return undefined;
  if (at + 1 < text.length && isAsciiAlnum(text.charCodeAt(at + 1))) return undefined;
  const value = runValue(text, start, end);
  if (value < 0 || !spanishIdLetterValid(prefix * 10_000_000 + value, text.charCodeAt(at))) return undefined;
  return [from, at + 1];
}
