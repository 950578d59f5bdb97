import { AGE_NUM, codeAt, endsAt, isDigitCode, isLetter, lower } from './marker-bits.js';
import { approxWordBefore } from './age-approx.js';

// The prefilter's age marker (prefilter.ts AGE_NUM), split from markers.ts.

/**
 * AGE_NUM when the digit `c` at `i` (a `9` or a `1`) starts a number from 90 to 119 that has
 * what the age detector wants around it (age.ts): a `y` after it (`years`, `yo`, `y/o`), or
 * before it a word ending in e, s, d, r or à (`age`, `ages`, `aged`, `edad`, `alter`, `età`)
 * or one of the small words between (`age is 93`, `edad de 92`). IP octets, versions and
 * prices rarely have either.
 */
export function ageNumAt(text: string, i: number, c: number): number {
  // One leading zero is how DICOM writes an age (`096Y`) and a form may pad one (`AGE 092`).
  const zero = codeAt(text, i - 1) === 48 && !isDigitCode(codeAt(text, i - 2));
  if ((!zero && isDigitCode(codeAt(text, i - 1))) || !isDigitCode(codeAt(text, i + 1))) return 0;
  const third = isDigitCode(codeAt(text, i + 2));
  let end = i + 2;
  if (c === 57) { if (third) return 0; }
  else {
    const n1 = codeAt(text, i + 1);
    if ((n1 !== 48 && n1 !== 49) || !third || isDigitCode(codeAt(text, i + 3))) return 0;
    end = i + 3;
  }
  return unitAfter(text, end) || ageWordBefore(text, zero ? i - 1 : i) ? AGE_NUM : 0;
}

const isBlank = (c: number): boolean => c === 32 || c === 9;

function unitAfter(text: string, end: number): boolean {
  let j = end;
  while (j - end < 3 && (isBlank(codeAt(text, j)) || codeAt(text, j) === 45)) j++;
  const c = lower(codeAt(text, j));
  // y(ears), a(ns/ños/nos/nni), j(ahre/aar), l(at), å(r), 歳; r(okov), g(odina), d(e ani), v(uotta), m(etai), é(ves), ε(τών), χ(ρονών);
  // f (`91F w/ fall`, the sex after the age in clinical shorthand; `m` is already there) (age.ts);
  // s(t), n(d) and the r(d)/t(h) above: an ordinal birthday (`95th birthday`); `/` before the sex (`93/F`) (age.ts OTHER_AGE_RE)
  if (c === 115 || c === 110) return true;
  if (c === 47) return lower(codeAt(text, j + 1)) === 102 || lower(codeAt(text, j + 1)) === 109;
  return c === 121 || c === 102 || c === 97 || c === 106 || c === 108 || c === 229 || c === 27507 || c === 114 || c === 103 || c === 100 || c === 118
    || c === 109 || c === 233 || c === 201 || c === 949 || c === 917 || c === 967 || c === 935
    // t(uổi), 岁, 歲, 살, 세 (age.ts; `c` is the code with bit 5 set: 岁 0x5c81 reads 0x5ca1)
    || c === 116 || c === 0x5ca1 || c === 0x6b72 || c === 0xc0b4 || c === 0xc138;
}

function ageWordBefore(text: string, i: number): boolean {
  const j = skipBlanksBack(text, i);
  const c = codeAt(text, j - 1);
  // `[:=#-]` or a small word (is, of, was, de) may stand between the age word and the number.
  if (c === 58 || c === 61 || c === 35 || c === 45) return ageEnd(codeAt(text, skipBlanksBack(text, j - 1) - 1));
  if (c === 40) return true; // `my mom (93)`: a relative's age in brackets (age.ts)
  if (c === 47) return lower(codeAt(text, j - 2)) === 102 || lower(codeAt(text, j - 2)) === 109; // `F/93` (age.ts OTHER_AGE_RE)
  if (c === 44) return isLetter(codeAt(text, j - 2)); // `my mom, 96, fell` (age.ts OTHER_AGE_RE)
  let w = j;
  while (j - w < 4 && isLetter(codeAt(text, w - 1))) w--;
  const small = j - w <= 3 && (endsAt(text, j, 'is') || endsAt(text, j, 'of') || endsAt(text, j, 'was') || endsAt(text, j, 'de') || endsAt(text, j, 'von')) && j - w >= 2;
  return ageEnd(c) || (small && ageEnd(codeAt(text, skipBlanksBack(text, w) - 1))) || approxWordBefore(text, j);
}

/** `i` moved back over the spaces and tabs before it (the age patterns take any run: `who is   93`). */
function skipBlanksBack(text: string, i: number): number {
  let j = i;
  while (isBlank(codeAt(text, j - 1))) j--;
  return j;
}

/** The last letter of an age word: agE, ageS, ageD, edaD, alteR, età; or of a person said to be
 * that old: fatheR, husbanD, hE, shE, he'S, I aM, I'M, turninG (age.ts PERSON_AGE_RE). */
function ageEnd(c: number): boolean {
  const l = lower(c);
  return l === 101 || l === 115 || l === 100 || l === 114 || l === 109 || l === 103 || c === 224 || c === 192;
}
