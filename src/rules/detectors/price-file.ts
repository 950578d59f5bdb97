import { codeAt } from '../../common/code-at.js';
import { isAsciiLetter, isDigit, resetAt } from './scan.js';

// CMS's hospital price-transparency rule (45 CFR 180.50) names each hospital's machine-readable file
// `<EIN>_<hospital-name>_standardcharges.<json|csv>`: the nine digits that open it are the hospital's employer
// identification number (`043212345`, `12-3456789`), published by the hospital itself, never a person's SSN.
// The name has no underscore of its own, so this stays linear.
const PRICE_FILE_TAIL = /_[A-Za-z0-9-]{1,120}_standardcharges(?![A-Za-z0-9])/iy;
const EIN_SHAPE = /^(?:[0-9]{9}|[0-9]{2}-[0-9]{7})$/;

/** Whether the digits at start..end open a price-transparency file name as its hospital's EIN (above). */
export function priceFileEin(text: string, start: number, end: number): boolean {
  if (codeAt(text, end) !== 95 /* _ */ || end - start > 10) return false;
  const before = start > 0 ? codeAt(text, start - 1) : 32;
  if (isDigit(before) || isAsciiLetter(before) || !EIN_SHAPE.test(text.slice(start, end))) return false;
  return resetAt(PRICE_FILE_TAIL, end).test(text);
}

/** Whether a code-like token at `start` opens with such an EIN, bare or after its `NN-` (`3456789_northbay` in `12-3456789_…`). */
export function priceFileEinAt(text: string, start: number): boolean {
  return priceFileEin(text, start, start + 9) || (start >= 3 && codeAt(text, start - 1) === 45 && priceFileEin(text, start - 3, start + 7));
}
