import { defineDetector } from './define.js';
import { hasDigits, resetAt } from './scan.js';
import type { Detection } from './types.js';

// Germany's health insurance number (Krankenversichertennummer, KVNR; Safe Harbor I): a capital letter and nine
// digits, the last a check digit (the letter as its alphabet position in two digits, then the first eight digits;
// weights 1,2,1,2…, each product's digits summed, the total mod 10). The whole token goes, its letter too (the SSN
// detector would cut only the digits and leave the letter). A code of the same shape whose check digit fails
// (a coupon `B739201841`) is no KVNR and stays (ssn.ts leaves letter-led codes alone).
const KVNR_RE = /(?<![A-Za-z0-9])[A-Z][0-9]{9}(?![A-Za-z0-9])/g;

/** Whether `s` (a capital letter and nine digits) carries a valid KVNR check digit. */
export function kvnrValid(s: string): boolean {
  const pos = s.charCodeAt(0) - 64;
  const digits = [Math.floor(pos / 10), pos % 10];
  for (let i = 1; i < 9; i++) digits.push(s.charCodeAt(i) - 48);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const p = digits[i] * (i % 2 === 0 ? 1 : 2);
    sum += p > 9 ? p - 9 : p;
  }
  return sum % 10 === s.charCodeAt(9) - 48;
}

function scan(text: string, out: Detection[], kind: string): void {
  if (!hasDigits(text, 9)) return;
  const re = resetAt(KVNR_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) if (kvnrValid(m[0])) out.push({ start: m.index, end: m.index + 10, kind });
}

/** German KVNR health insurance numbers, check digit validated (see above). */
export const kvnrDetector = defineDetector('kvnr', '[ID]', 'I', scan);
