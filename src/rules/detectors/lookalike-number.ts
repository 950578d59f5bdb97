import { ssnValid } from './checksums.js';
import { defineDetector } from './define.js';
import { isDigit, resetAt } from './scan.js';
import type { Detection } from './types.js';

// A number typed or OCR'd with letters that look like digits (O/o for 0, I/i/l/| for 1, S for 5, Z for 2, B for 8):
// `SSN: 2I9-O5-4471`, `my cell is 6I7-555-O188`, `DOB: O7/2I/1958`, `zip 9O21O`. The fold is read only where a
// number is plainly meant, so words and codes with these letters (`BIOS`, `ISO 9001`, `SOLO 2024`, `H1N1`, `B-12`,
// `room 2O4`) stay:
//  - the token is in an identifier's whole shape (an SSN's 3-2-4 groups, a NANP number's (3) 3-4, a date's m/d/yyyy),
//    every group holds a real digit, and real digits outnumber the look-alikes; the folded value passes the shape's own
//    checks (an SSN's area and serial rules, a phone's area and exchange starting 2-9, a real month and day);
//  - or a ZIP code's five characters follow its label (`zip 9O21O`), with three real digits at least, or an SSN's nine or a
//    phone's ten run together after theirs (`ssn: 2I94O4471`, `cell 6I75550188`), or a local number after a phone's
//    (`call me at 555-O1I4`).
// A token without look-alikes is the plain detectors' (ssn, phone, date, zip).
const L = '[0-9OoIil|SZB]';
const EDGE_BEFORE = '(?<![A-Za-z0-9|+/])';
const EDGE_AFTER = '(?![A-Za-z0-9|/]|[.-][0-9])';
const SSN_RE = new RegExp(`${EDGE_BEFORE}(${L}{3})([ .-]|[ ]{2})(${L}{2})\\2(${L}{4})${EDGE_AFTER}`, 'g');
const PHONE_RE = new RegExp(`${EDGE_BEFORE}(?:\\+?1[ .-]?)?(?:\\((${L}{3})\\)[ ]?|(${L}{3})[ .-])(${L}{3})[ .-](${L}{4})${EDGE_AFTER}`, 'g');
const DATE_RE = new RegExp(`${EDGE_BEFORE}(${L}{1,2})([/.-])(${L}{1,2})\\2(${L}{4})${EDGE_AFTER}`, 'g');
// The label in either case without the `i` flag, which would let `s`, `z` and `b` into the look-alikes.
const ZIP_RE = new RegExp(`(?<![A-Za-z])(?:[Zz][Ii][Pp]|[Pp][Oo][Ss][Tt][Aa][Ll])(?:[ _-]?[Cc][Oo][Dd][Ee])?[ ]?[:#=]?[ ]?((${L}{5})(?:-${L}{4})?)${EDGE_AFTER}`, 'g');

// After an SSN's or a phone's label, the number may be one token (`ssn: 2I94O4471`, `cell 6I75550188`) or, after a phone's, a
// local number (`cell 555 OI34`).
const LABELLED_RE = new RegExp(
  `(?<![A-Za-z])(?:(ssn|ss#|social(?:[ ]security)?)|phone|cell|mobile|tel|fax|call|text)(?:[ ]me)?(?:[ ]?(?:number|no\\.?|#))?[ ]?(?:is|:|#|=|at|on)?[ ]?` +
    `(?:(${L}{9,11})|(${L}{3})[ .-](${L}{4}))${EDGE_AFTER}`,
  'gi',
);

const SSN_BEFORE = /(?<![A-Za-z])(?:ssn|ss#|social(?:[ ]security)?)(?:[ ]?(?:number|no\.?|#))?[ ]?(?:is|:|#|=)?[ ]?$/i;

// The look-alike letters' fold to digits (folded() below).
const FOLD = new Int8Array(128).fill(-1);
for (let d = 0; d <= 9; d++) FOLD[48 + d] = d;
for (const [c, d] of [['O', 0], ['o', 0], ['I', 1], ['i', 1], ['l', 1], ['|', 1], ['S', 5], ['Z', 2], ['B', 8]] as const) FOLD[c.charCodeAt(0)] = d;

// A look-alike right beside a digit: the detector's own precheck. A regex, not a charCodeAt loop: on a first visit every
// text with three digits passes the gate, and irregexp's scan is half the loop's cost a text (H189: 94 against 190 ns on the
// first-visit pool's 25,000 such texts). The letters are FOLD's, none of them a digit.
const LOOKALIKE_BESIDE_DIGIT = /[0-9][OoIil|SZB]|[OoIil|SZB][0-9]/;

/** The groups folded to digits, or '' when they are not mostly real digits with a look-alike among them. */
function folded(groups: readonly string[], minDigitsPerGroup: number): string {
  let real = 0;
  let alike = 0;
  let out = '';
  for (const g of groups) {
    let inGroup = 0;
    for (let i = 0; i < g.length; i++) {
      const c = g.charCodeAt(i);
      // A case-insensitive pattern lets `s`, `z` and `b` in: they are letters, not look-alikes.
      if (FOLD[c] < 0) return '';
      if (isDigit(c)) { real++; inGroup++; } else alike++;
      out += String(FOLD[c]);
    }
    if (inGroup < minDigitsPerGroup) return '';
  }
  return alike > 0 && real > alike ? out : '';
}

const validPhone = (d: string): boolean => d.length === 10 && d[0] >= '2' && d[3] >= '2';

function validDate(m: string, d: string, y: string): boolean {
  const year = Number(y);
  if (year < 1900 || year > 2099) return false;
  const [a, b] = [Number(m), Number(d)];
  // Month first (US) or day first: either reading makes it a date.
  return (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (b >= 1 && b <= 12 && a >= 1 && a <= 31);
}

function scanShapes(text: string, out: Detection[], kind: string): void {
  let m: RegExpExecArray | null;
  const ssn = resetAt(SSN_RE, 0);
  while ((m = ssn.exec(text)) !== null) {
    const d = folded([m[1], m[3], m[4]], 1);
    // After an SSN's label nine digits are its number whatever the SSA would issue (`ssn 1Z3-45-6789`).
    if (d !== '' && (ssnValid(d) || SSN_BEFORE.test(text.slice(Math.max(0, m.index - 32), m.index)))) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  const phone = resetAt(PHONE_RE, 0);
  while ((m = phone.exec(text)) !== null) {
    const d = folded([m[1] ?? m[2], m[3], m[4]], 1);
    if (validPhone(d)) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  const date = resetAt(DATE_RE, 0);
  while ((m = date.exec(text)) !== null) {
    const d = folded([m[1], m[3], m[4]], 1);
    if (d !== '' && validDate(d.slice(0, m[1].length), d.slice(m[1].length, m[1].length + m[3].length), d.slice(-4))) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

function scanLabelled(text: string, out: Detection[], kind: string): void {
  const re = resetAt(LABELLED_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (m[2] === undefined) {
      // A local number without its area code (`call me at 555-O1I4`): its exchange starts 2-9 (phone-local.ts).
      const local = folded([m[3], m[4]], 1);
      if (m[1] === undefined && local !== '' && local[0] >= '2') out.push({ start: end - m[3].length - m[4].length - 1, end, kind });
      continue;
    }
    const d = folded([m[2]], 1);
    const phone = d.length === 11 && d[0] === '1' ? d.slice(1) : d;
    if (m[1] !== undefined ? d.length === 9 : validPhone(phone)) out.push({ start: end - m[2].length, end, kind });
  }
}

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 8 || !LOOKALIKE_BESIDE_DIGIT.test(text)) return;
  scanShapes(text, out, kind);
  scanLabelled(text, out, kind);
  const zip = resetAt(ZIP_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = zip.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (folded([m[2]], 3) !== '') out.push({ start: end - m[1].length, end, kind });
  }
}

/** SSNs, telephone numbers, dates and labelled ZIP codes typed with look-alike letters for digits (B, C, D, G). */
export const lookalikeNumberDetector = defineDetector('lookalike_number', '[ID]', 'B/C/D/G', scan);
