// Check-digit and structural validators. They take the raw token (case and, where the format
// has them, display dashes are tolerated) and never throw, so tests and rules can reuse them.

import { isDigit } from './scan.js';

/** Luhn sum over ASCII digits, seeded with `initial`; -1 when a non-digit is present. */
function luhnSum(digits: string, initial: number): number {
  let sum = initial;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

function allSame(s: string, from = 0): boolean {
  for (let i = from + 1; i < s.length; i++) if (s.charCodeAt(i) !== s.charCodeAt(from)) return false;
  return true;
}

/** Luhn mod-10 (ISO/IEC 7812) over a digits-only string of 2+ digits. */
export function luhnValid(digits: string): boolean {
  if (digits.length < 2) return false;
  const sum = luhnSum(digits, 0);
  return sum >= 0 && sum % 10 === 0;
}

/**
 * NPI: 10 digits starting 1 or 2, Luhn as if prefixed by 80840 (spec §3.3). The prefix always
 * contributes 24 to the Luhn sum, so we seed with it instead of concatenating a string.
 */
export function npiValid(npi: string): boolean {
  if (npi.length !== 10) return false;
  const first = npi.charCodeAt(0);
  if (first !== 49 && first !== 50) return false;
  // A repeated body digit is a placeholder, not an issued number.
  if (allSame(npi.slice(0, 9))) return false;
  const sum = luhnSum(npi, 24);
  return sum >= 0 && sum % 10 === 0;
}

const DEA_REGISTRANT = 'ABCDEFGHJKLMPRSTUX';

/** DEA registration number: 2 letters (2nd may be 9) + 7 digits, check digit per spec §3.4. */
export function deaValid(dea: string): boolean {
  if (dea.length !== 9) return false;
  const first = dea.charCodeAt(0);
  if (first >= 128 || !DEA_REGISTRANT.includes(String.fromCharCode(first & ~0x20))) return false;
  const second = dea.charCodeAt(1) | 0x20;
  if (!(second >= 97 && second <= 122) && dea.charCodeAt(1) !== 57) return false;
  const d: number[] = [];
  for (let i = 2; i < 9; i++) {
    const c = dea.charCodeAt(i);
    if (!isDigit(c)) return false;
    d.push(c - 48);
  }
  const sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
  return sum % 10 === d[6];
}

/**
 * SSN structural validity (spec §3.6): the SSA never issues area 000/666/900-999, group 00 or
 * serial 0000; well-known sample numbers are rejected too. Accepts 9 digits or AAA-GG-SSSS with
 * one consistent delimiter (`-`, space or `.`); mixed delimiters are rejected.
 */
export function ssnValid(ssn: string): boolean {
  let s = ssn;
  if (s.length === 11) {
    const sep = s[3];
    if (sep !== s[6] || (sep !== '-' && sep !== ' ' && sep !== '.')) return false;
    s = s.slice(0, 3) + s.slice(4, 6) + s.slice(7);
  }
  if (s.length !== 9) return false;
  for (let i = 0; i < 9; i++) if (!isDigit(s.charCodeAt(i))) return false;
  const area = s.slice(0, 3);
  if (area === '000' || area === '666' || s[0] === '9') return false;
  if (s.slice(3, 5) === '00' || s.slice(5) === '0000') return false;
  if (allSame(s)) return false;
  // Advertised or sample numbers that show up in test data but never identify a person.
  if (s === '123456789' || s === '078051120' || s.startsWith('98765432')) return false;
  return true;
}

// VIN transliteration (ISO 3779 / 49 CFR 565): letter values, index = charCode - 65; I, O, Q are invalid (0).
const VIN_VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9];
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** North American VIN check digit (position 9: 0-9 or X for 10). Case-insensitive. */
export function vinCheckDigitValid(vin: string): boolean {
  if (vin.length !== 17) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin.charCodeAt(i);
    let v: number;
    if (isDigit(c)) v = c - 48;
    else {
      const upper = c & ~0x20;
      if (upper < 65 || upper > 90) return false;
      v = VIN_VALUES[upper - 65];
      if (v === 0) return false;
    }
    sum += v * VIN_WEIGHTS[i];
  }
  const check = sum % 11;
  const actual = vin.charCodeAt(8);
  return check === 10 ? (actual & ~0x20) === 88 : actual === 48 + check;
}

// MBI letters exclude S, L, O, I, B, Z (spec §3.5); indexed by charCode - 65.
const MBI_LETTER = 'ACDEFGHJKMNPQRTUVWXY';
// Position classes for the 11 characters: C = 1-9, A = letter, N = 0-9, X = letter or digit.
const MBI_SHAPE = 'CAXNAXNAANN';

/** Medicare Beneficiary Identifier by CMS position rules; accepts the 1EG4-TE5-MK73 display form. */
export function mbiValid(mbi: string): boolean {
  let s = mbi;
  if (s.length === 13) {
    if (s[4] !== '-' || s[8] !== '-') return false;
    s = s.slice(0, 4) + s.slice(5, 8) + s.slice(9);
  }
  if (s.length !== 11) return false;
  for (let i = 0; i < 11; i++) {
    const c = s.charCodeAt(i);
    const digit = isDigit(c);
    const letter = !digit && c < 128 && MBI_LETTER.includes(String.fromCharCode(c & ~0x20));
    switch (MBI_SHAPE[i]) {
      case 'C':
        if (!digit || c === 48) return false;
        break;
      case 'N':
        if (!digit) return false;
        break;
      case 'A':
        if (!letter) return false;
        break;
      default:
        if (!digit && !letter) return false;
    }
  }
  return true;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/**
 * Spanish DNI / NIE control letter: `number mod 23` indexes DNI_LETTERS. `number` is the DNI's
 * 8 digits, or for an NIE its 7 digits after the prefix X, Y or Z read as 0, 1 or 2.
 */
export function spanishIdLetterValid(number: number, letter: number): boolean {
  const upper = letter >= 97 && letter <= 122 ? letter - 32 : letter;
  return Number.isSafeInteger(number) && number >= 0 && DNI_LETTERS.charCodeAt(number % 23) === upper;
}

/**
 * Chile's RUT/RUN: the body's digits (dots skipped) from the right, weighted 2..7 over and over; 11 minus the sum mod 11
 * is the check, 10 written `K` and 11 `0` (`12.345.678-5`, `9.876.543-3`).
 */
export function rutValid(body: string, check: string): boolean {
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const c = body.charCodeAt(i);
    if (!isDigit(c)) continue;
    sum += (c - 48) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const r = 11 - (sum % 11);
  return check.toUpperCase() === (r === 11 ? '0' : r === 10 ? 'K' : String(r));
}

/**
 * Ireland's PPSN: seven digits weighted 8..2, then the check letter; a second letter (A=1 …, W=0) weighs 9. The sum
 * mod 23 names the check letter (0 = W, 1 = A …). `1234567T`, `7654321PA`.
 */
export function ppsnValid(token: string): boolean {
  const u = token.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (u.charCodeAt(i) - 48) * (8 - i);
  if (u.length > 8) sum += (u.charCodeAt(8) === 87 ? 0 : u.charCodeAt(8) - 64) * 9;
  const r = sum % 23;
  return u.charCodeAt(7) === (r === 0 ? 87 : 64 + r);
}

/** China's resident identity number: 17 digits weighted 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; the sum mod 11 picks the check from `10X98765432`. */
export function chinaIdValid(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * (weights[i] as number);
  return '10X98765432'[sum % 11] === id[17]?.toUpperCase();
}

/** Singapore's NRIC/FIN (`S1234567D`): the digits weighted 2,7,6,5,4,3,2, 4 more for a T or G series; the sum mod 11 picks the letter. */
export function nricValid(id: string): boolean {
  const u = id.toUpperCase();
  const weights = [2, 7, 6, 5, 4, 3, 2];
  let sum = u[0] === 'T' || u[0] === 'G' ? 4 : 0;
  for (let i = 0; i < 7; i++) sum += (u.charCodeAt(i + 1) - 48) * (weights[i] as number);
  const table = u[0] === 'S' || u[0] === 'T' ? 'JZIHGFEDCBA' : 'XWUTRQPNMLK';
  return table[sum % 11] === u[8];
}

/** Hong Kong's identity card number (`A123456(3)`): one or two letters (a space before one) and six digits weighted 9 down to 2; 11 less the sum mod 11 is the check (10 is `A`). */
export function hkidValid(letters: string, digits: string, check: string): boolean {
  const u = letters.toUpperCase();
  let sum = u.length === 1 ? 36 * 9 : 0;
  for (let i = 0; i < u.length; i++) sum += (u.charCodeAt(i) - 55) * (u.length === 1 ? 8 : 9 - i);
  for (let i = 0; i < 6; i++) sum += (digits.charCodeAt(i) - 48) * (7 - i);
  const c = 11 - (sum % 11);
  return (c === 11 ? '0' : c === 10 ? 'A' : String(c)) === check.toUpperCase();
}
