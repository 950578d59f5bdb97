import { luhnValid } from './checksums.js';
import { defineDetector } from './define.js';
import { digitsOnly, hasDigits, resetAt } from './scan.js';
import type { Detection } from './types.js';

// 12-19 contiguous digits, or groups 4, 4-6, 4-5, an optional 4 and an optional 1-7 (covers
// 4-4-4-4, Amex 4-6-5, Diners 4-6-4 and 19-digit 4-4-4-4-3) with one separator throughout.
// Group 2 is the optional last group, so a Luhn miss can retry without it: a CVV written after
// the number (`4111 1111 1111 1111 123`) must not hide the card.
// The separator may also be a dot or two spaces (`4111  1111  1111  1111`, as typed to be read).
const CARD_RE =
  /(?<![0-9])(?:[0-9]{12,19}|[0-9]{4}( {1,2}|[.-])[0-9]{4,6}\1[0-9]{4,5}(?:\1[0-9]{4})?(\1[0-9]{1,7})?)(?![0-9])/g;

function validPan(digits: string): boolean {
  if (digits.length < 12 || digits.length > 19) return false;
  // All-zero / repeated digits pass Luhn but are placeholders.
  let same = true;
  for (let i = 1; i < digits.length && same; i++) same = digits.charCodeAt(i) === digits.charCodeAt(0);
  return !same && luhnValid(digits);
}

function scan(text: string, out: Detection[], kind: string): void {
  if (!hasDigits(text, 12)) return;
  const re = resetAt(CARD_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const whole = m[0];
    if (validPan(digitsOnly(whole))) {
      out.push({ start: m.index, end: m.index + whole.length, kind });
    } else if (m[2] !== undefined) {
      const shorter = whole.slice(0, whole.length - m[2].length);
      if (validPan(digitsOnly(shorter))) out.push({ start: m.index, end: m.index + shorter.length, kind });
    }
  }
}

/** Payment card numbers (J: account numbers), Luhn-validated. */
export const creditCardDetector = defineDetector('credit_card', '[CARD]', 'J', scan);
