import { defineDetector } from './define.js';
import { isDigit } from './scan.js';
import type { Detection } from './types.js';

const MIN_DIGITS = 9;

/** One separator between digit groups: space . / - ( ) — or `) ` / ` (` as in `(617) 555`. */
function separatorLength(text: string, at: number): number {
  const c = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  if (c === 41 /* ) */ && (next === 32 || next === 45) && isDigit(text.charCodeAt(at + 2))) return 2;
  if ((c === 32 || c === 45) && next === 40 /* ( */ && isDigit(text.charCodeAt(at + 2))) return 2;
  if ((c === 32 || c === 46 || c === 47 || c === 45 || c === 40 || c === 41) && isDigit(next)) return 1;
  return 0;
}

// A plain loop rather than a regex: `\d+(?:[ .-]\d+)*` style patterns are exactly the nested
// quantifiers that backtrack badly, and this single pass allocates nothing.
function scan(text: string, out: Detection[], kind: string): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    let end = i;
    for (;;) {
      while (i < n && isDigit(text.charCodeAt(i))) {
        i++;
        digits++;
      }
      end = i;
      const sep = i < n ? separatorLength(text, i) : 0;
      if (sep === 0) break;
      i += sep;
    }
    if (digits >= MIN_DIGITS) out.push({ start, end, kind });
  }
}

/**
 * Safety net (R): any run of 9+ digits, with single separators between groups. findAll gives it
 * the lowest priority, so it only applies where no specific detector claimed the digits.
 */
export const longNumberDetector = defineDetector('long_number', '[NUMBER]', 'R', scan);
