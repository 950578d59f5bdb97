import { codeAt, isDigitCode, isLetter, lower, matchesAt } from './marker-bits.js';
const AGE_UNIT_END = /(?:year|yr|month|mo|week|wk|day)s?[ -]$/;


// The prefilter's marks (NAME_CUE) for child-name.ts: each cue tested at the letter the walk stops at (cue-at.ts calls this for
// every cue letter and pair it stops at, markers.ts at the `w` of `twins` and `welcome`), so a text without one skips the scan.
const AT_B = ['baby', 'babies', 'beb', 'b\u00e9b', 'boys', 'big brother', 'big sister', 'big bro', 'big sis', 'bienvenid', 'bienvenue', 'born'];
const AT_N = ['newborn', 'named', 'nicu grad'];
const CARE_WORDS = ['shot', 'vacc', 'immun', 'check', 'well', 'physical', 'newborn', 'ear ', 'fever', 'rash'];

/** Whether a word starting at `i` is one of `words` (`i` at a word's start). */
function wordIn(text: string, i: number, words: readonly string[]): boolean {
  if (isLetter(codeAt(text, i - 1))) return false;
  for (const w of words) if (matchesAt(text, i, w, true)) return true;
  return false;
}

/** At `(`: a child's age in brackets after a name (`Mason (4)`, `Maya (age 7)`). */
function ageParenAt(text: string, i: number): boolean {
  const p = codeAt(text, i - 1) === 32 ? i - 1 : i;
  // A name may end in an accented letter (`José (12)`).
  const last = codeAt(text, p - 1);
  if (!isLetter(last) && last < 0xc0) return false;
  const j = matchesAt(text, i + 1, 'age', true) ? (codeAt(text, i + 4) === 32 ? i + 5 : i + 4) : i + 1;
  return isDigitCode(codeAt(text, j));
}

/** At an apostrophe: a possessive name before a child's age or care (`Luna's 2 month shots`), or French `s'appelle`. */
function possessiveCareAt(text: string, i: number): boolean {
  if (lower(codeAt(text, i - 1)) === 115 && matchesAt(text, i + 1, 'appelle', true)) return true;
  if (lower(codeAt(text, i + 1)) !== 115 || codeAt(text, i + 2) !== 32 || !isLetter(codeAt(text, i - 1))) return false;
  return isDigitCode(codeAt(text, i + 3)) || CARE_WORDS.some((w) => matchesAt(text, i + 3, w, true));
}

/** At the `o` of `old` after an age's unit (`3 weeks old`, `6-month-old`), or of `oz` after a digit (a birth weight). */
function oldAt(text: string, i: number, n1: number): boolean {
  if (n1 === 122) return isDigitCode(codeAt(text, i - 1)) || isDigitCode(codeAt(text, i - 2));
  if (!matchesAt(text, i, 'old', true) || isLetter(codeAt(text, i + 3))) return false;
  const s = text.slice(Math.max(0, i - 8), i).toLowerCase();
  return AGE_UNIT_END.test(s);
}

/** Whether a child-name cue opens at `i` (character `c`; see above). */
export function childCueAt(text: string, i: number, c: number): boolean {
  const n1 = lower(codeAt(text, i + 1));
  switch (lower(c)) {
    case 98: return wordIn(text, i, AT_B) && (n1 !== 111 || !matchesAt(text, i, 'born', true) || bornAfterName(text, i));
    case 110: return wordIn(text, i, AT_N);
    case 112: return n1 === 114 ? wordIn(text, i, ['preemie']) : n1 === 108 && matchesAt(text, i - 3, 'triplets', true);
    case 100: return n1 === 100 && matchesAt(text, i - 2, 'toddler', true);
    case 105: return n1 === 116 && matchesAt(text, i - 1, 'little ', true) && !isLetter(codeAt(text, i - 2));
    case 107: return n1 === 105 && wordIn(text, i, ['kids']);
    case 103: return wordIn(text, i, ['girls', 'grandkids', 'grandchildren']);
    case 99: return n1 === 104 && wordIn(text, i, ['children']);
    case 115: return n1 === 111 && wordIn(text, i, ['sons']);
    case 109: return n1 === 97 ? matchesAt(text, i - 3, 'llama ', true) : n1 === 111 && digitBefore(text, i); // se llama; `my 6mo Nova`
    case 121: return n1 === 111 && digitBefore(text, i); // `my 3yo Arlo`
    case 111: return (n1 === 108 || n1 === 122) && oldAt(text, i, n1);
    case 119: return n1 === 105 ? matchesAt(text, i - 1, 'twins', true) : matchesAt(text, i, 'welcome to the world', true);
    case 40: return ageParenAt(text, i);
    case 39: case 8217: return possessiveCareAt(text, i);
    default: return false;
  }
}

/** A two-letter unit standing alone after a digit, or after a digit and a space (`3yo`, `6 mo`, `3-mo`; `Chrome/125.0 Mobile` is a word). */
function digitBefore(text: string, i: number): boolean {
  if (isLetter(codeAt(text, i + 2))) return false;
  const p = codeAt(text, i - 1);
  return isDigitCode(p) || ((p === 32 || p === 45) && isDigitCode(codeAt(text, i - 2)));
}

/** `born` right after a name and a comma or `was` (`Penelope, born 11/28`, `Ezra was born`). */
function bornAfterName(text: string, i: number): boolean {
  return codeAt(text, i - 2) === 44 || matchesAt(text, i - 4, 'was ', true);
}
