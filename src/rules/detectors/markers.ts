// Markers the prefilter's walk sets (prefilter.ts): characters and short words that a
// detector's pattern cannot match without. Each is tested at one character of the word (the
// one the walk stops at), so a marker costs nothing on text without that character.
import {
  AGE_NUM, APOS, AT, COLON, DASH, DATE_CUE, DOT, DOT_WORD, EARER, EQ, EYJ, HTTP, IMG_EXT, MAC_SHAPE, MASK, NAME_CUE, PCT3, PCT40, PHONE_CUE, SSN_WORD, WWW,
  endsAt, isDigitCode, isLetter, lower, matchesAt,
} from './marker-bits.js';
import { careCue, webmailAt } from './cue-words.js';
import { geocodeAt } from './geocode.js';
import { fileExtAt } from './file-name.js';
import { clockAt, signatureAt } from './person-name.js';
import { recordPairAt } from './record-name.js';
import { authorizationAt } from './tokens.js';
import { messengerAt } from './url.js';

export * from './marker-bits.js';
export { ageNumAt } from './age-marker.js';

export function markerAt(text: string, i: number, c: number): number {
  switch (c) {
    case 64: return AT;
    case 58: return COLON | macSeparator(text, i, c) | (personLabelBefore(text, i) || clockAt(text, i) ? NAME_CUE : 0) | dataImageAt(text, i) | authorizationAt(text, i) | (messengerAt(text, i) >= 0 ? WWW : 0);
    case 61: return EQ | (personLabelBefore(text, i) ? NAME_CUE : 0);
    // `-at-` (`lee -at- example -dot- org`) is a spelled `@`.
    // ` - ` after a person label (`Emergency contact - Jane Doe`).
    case 45: return DASH | macSeparator(text, i, c) | (text.charCodeAt(i + 3) === 45 && lower(text.charCodeAt(i + 1)) === 97 && lower(text.charCodeAt(i + 2)) === 116 ? AT : 0)
      | (text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32 && personLabelBefore(text, i) ? NAME_CUE : 0);
    case 46: return DOT | (text.charCodeAt(i - 5) === 46 ? MAC_SHAPE : 0) | (bareAtBefore(text, i) ? AT : 0) | imageExtAt(text, i) | hostPathAt(text, i) | (fileExtAt(text, i) ? NAME_CUE : 0);
    case 43: case 47: return geocodeAt(text, i, c);
    case 37: return (text.charCodeAt(i + 1) === 51 ? PCT3 : 0) | (text.charCodeAt(i + 1) === 52 && text.charCodeAt(i + 2) === 48 ? PCT40 : 0);
    // `e`, `h` and `w` are common letters: the next character rules most of them out first.
    case 104: case 72: {
      const next = lower(text.charCodeAt(i + 1));
      if (next === 116) return matchesAt(text, i, 'http', true) ? HTTP : 0;
      if (next === 111) return matchesAt(text, i, 'hospitali', true) ? careCue(text, i + 9) : webmailAt(text, i); // hospitalized, hotmail
      if (next === 117) return matchesAt(text, i, 'hundred', true) ? AGE_NUM : 0; // an age in words (age.ts)
      if (next === 97) return lower(text.charCodeAt(i + 2)) === 112 && matchesAt(text, i, 'happy ', true) ? NAME_CUE : 0; // a greeting before a name (person-name.ts)
      return next === 101 || next === 105 ? heHiCue(text, i, next) : 0;
    }
    case 119: case 87: {
      const next = lower(text.charCodeAt(i + 1));
      if (next === 111) return lower(text.charCodeAt(i - 1)) === 116 && digitWord(text, i - 1, 3) ? PHONE_CUE : 0; // two (a number read out)
      return next === 119 && matchesAt(text, i, 'www', true) ? WWW : 0;
    }
    case 101: {
      const next = text.charCodeAt(i + 1);
      if (next === 121) return matchesAt(text, i, 'eyJ', false) ? EYJ : 0;
      if (next === 108) return lower(text.charCodeAt(i - 1)) === 116 ? PHONE_CUE : 0; // tel
      if (next === 116) return matchesAt(text, i - 3, 'ninety', true) ? AGE_NUM : 0; // an age in words (age.ts)
      return next === 97 && matchesAt(text, i, 'earer', false) ? EARER : 0;
    }
    case 69: {
      const next = text.charCodeAt(i + 1);
      if (lower(next) === 108) return lower(text.charCodeAt(i - 1)) === 116 ? PHONE_CUE : 0; // TEL, TEl
      if (lower(next) === 116) return matchesAt(text, i - 3, 'ninety', true) ? AGE_NUM : 0;
      return next === 65 && matchesAt(text, i, 'EARER', false) ? EARER : 0;
    }
    default: return cueAt(text, i, c);
  }
}

/** IMG_EXT at the colon of `data:image/` (an inlined picture; photo-path.ts). */
const dataImageAt = (text: string, i: number): number =>
  lower(text.charCodeAt(i - 1)) === 97 && matchesAt(text, i - 4, 'data:image/', true) ? IMG_EXT : 0;

const IMAGE_EXTS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'heif', 'bmp', 'tif'];
// First letters of those extensions, as a bit per letter (j, p, g, w, h, b, t).
const IMAGE_FIRST = [9, 15, 6, 22, 7, 1, 19].reduce((m, l) => m | (1 << l), 0);

/** IMG_EXT at the dot of an image file's extension (`jane-doe.JPG`). */
function imageExtAt(text: string, i: number): number {
  const l = lower(text.charCodeAt(i + 1)) - 97;
  if (l < 0 || l > 25 || ((IMAGE_FIRST >> l) & 1) === 0) return 0;
  for (const ext of IMAGE_EXTS) if (matchesAt(text, i + 1, ext, true)) return IMG_EXT;
  return 0;
}

// `linkedin.com/in/jane-doe`, `bit.ly/3xYz`: a host typed without its scheme, then a path (url.ts
// SCHEMELESS_TLDS). Marked WWW, the url gate's own marker.
const SCHEMELESS_TLDS: ReadonlySet<string> = new Set(['com', 'org', 'net', 'edu', 'gov', 'io', 'me', 'ly', 'co', 'app', 'us', 'info', 'biz', 'tv', 'blog', 'page', 'link', 'site']);
function hostPathAt(text: string, i: number): number {
  let j = i + 1;
  while (j - i <= 4 && isLetter(text.charCodeAt(j))) j++;
  if (j - i < 3 || text.charCodeAt(j) !== 47) return 0;
  const next = text.charCodeAt(j + 1);
  if (!(isLetter(next) || isDigitCode(next) || next === 64 || next === 126)) return 0;
  return SCHEMELESS_TLDS.has(text.slice(i + 1, j).toLowerCase()) ? WWW : 0;
}

// `jane at example.com`: a short top-level domain after this dot (the email detector accepts
// only those after a bare `at`, see PLAIN_DOT_TLDS), and the word `at` somewhere in the text.
// Bit (letter - 97) set for c, e, g, i, n, o, u: the first letters of com, edu, gov, io, net, org, us.
const TLD_FIRST = (1 << 2) | (1 << 4) | (1 << 6) | (1 << 8) | (1 << 13) | (1 << 14) | (1 << 20);

function bareAtBefore(text: string, i: number): boolean {
  // The dot may be spelled with spaces or brackets around it (`lee at example [.] org`).
  let j = i + 1;
  while (j - i <= 3 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 93 || text.charCodeAt(j) === 41 || text.charCodeAt(j) === 125 || text.charCodeAt(j) === 62)) j++;
  const l = lower(text.charCodeAt(j)) - 97;
  if (l < 0 || l > 25 || ((TLD_FIRST >> l) & 1) === 0 || isLetter(text.charCodeAt(j + 3))) return false;
  return AT_WORD.test(text);
}
const AT_WORD = /\sat\s/i;

/** NAME_CUE at the `h` of (ich) `heiße`, `her`/`their`/`his` before a relative, or `this is`. */
function heHiCue(text: string, i: number, next: number): number {
  const n2 = lower(text.charCodeAt(i + 2));
  const p1 = lower(text.charCodeAt(i - 1));
  if (next === 101) {
    if (n2 === 105 && (text.charCodeAt(i + 3) === 223 || lower(text.charCodeAt(i + 3)) === 115)) return NAME_CUE; // heiße, heisse
    if (n2 === 114 && text.charCodeAt(i + 3) === 32 && !isLetter(p1)) return NAME_CUE; // her
    return n2 === 105 && p1 === 116 && lower(text.charCodeAt(i + 3)) === 114 && text.charCodeAt(i + 4) === 32 ? NAME_CUE : 0; // their
  }
  if (n2 === 115 && text.charCodeAt(i + 3) === 32 && !isLetter(p1)) return NAME_CUE; // his
  // `this is` (a caller naming themselves).
  return p1 === 116 && matchesAt(text, i - 1, 'this is', true) ? NAME_CUE : 0;
}

const macSeparator = (text: string, i: number, c: number): number => (text.charCodeAt(i + 3) === c && text.charCodeAt(i - 3) === c ? MAC_SHAPE : 0);

// Person labels whose name follows a `:`, `=` or en dash (`Caller: Jane Doe`); `patient`/`pt`
// are marked at their `p` already (they also take an ASCII dash: `Pt - Jane Doe`).
const PERSON_LABELS = ['caller', 'guardian', 'spouse', 'contact', 'kin', 'attn', 'attention', 'mother', 'father', 'husband', 'wife', 'son', 'daughter', 'parent',
  'partner', 'brother', 'sister', 'mom', 'dad', 'party', 'guarantor', 'subscriber', 'dependent', 'insured', 'beneficiary', 'recipient', 'employer', 'holder', 'card to', 'ship to',
  'deliver to', 'send to', 'bill to'];

function personLabelBefore(text: string, i: number): boolean {
  let j = i;
  // Any run of spaces, as the detector's `[ ]*` takes it (aligned forms: `Caller      : Jane Doe`).
  while (j > 0 && text.charCodeAt(j - 1) === 32) j--;
  // Each label ends in r, n, e, t, d, m, y or o: one test rules out most colons (`https:`, `12:30`).
  const last = lower(text.charCodeAt(j - 1));
  if (last !== 114 && last !== 110 && last !== 101 && last !== 116 && last !== 100 && last !== 109 && last !== 121 && last !== 111) return false;
  for (const w of PERSON_LABELS) if (endsAt(text, j, w)) return true;
  return false;
}

// Sign-offs whose name follows a comma or a line break (`Sincerely, Jane Doe`).
const SIGN_OFFS = ['sincerely', 'regards', 'thanks', 'cheers', 'best', 'respectfully', 'atentamente', 'saludos', 'cordialmente', 'signed'];

/** Markers for the cue-based detectors (partial SSNs, spelled emails, month-year dates, names). */
export function cueAt(text: string, i: number, c: number): number {
  const n1 = lower(text.charCodeAt(i + 1));
  switch (c) {
    case 42: case 35: return MASK;
    // `I'm` (also `I’m`, handed here by the walk) before a name.
    case 39: case 8217: {
      const p1 = lower(text.charCodeAt(i - 1));
      const im = p1 === 105 && n1 === 109 && !isLetter(text.charCodeAt(i - 2));
      const mappelle = p1 === 109 && n1 === 97 && !isLetter(text.charCodeAt(i - 2)); // (je) m'appelle
      return im || mappelle ? APOS | NAME_CUE : APOS;
    }
    // `[at]`, `(at)`, `{at}`, `<at>`: a spelled-out `@` (email's own marker).
    case 91: case 40: case 123: case 60: {
      const a = n1 === 32 ? i + 2 : i + 1;
      return lower(text.charCodeAt(a)) === 97 && lower(text.charCodeAt(a + 1)) === 116 && !isLetter(text.charCodeAt(a + 2)) ? AT : 0;
    }
    case 120: case 88: {
      // te`x`t, fa`x`; an `xx` run is a mask, and `faxxxx-xx-…` is both; si`x` (a number read out).
      const p1 = lower(text.charCodeAt(i - 1));
      if (p1 === 105 && lower(text.charCodeAt(i - 2)) === 115 && digitWord(text, i - 2, 3)) return PHONE_CUE;
      if (p1 === 101 && n1 === 112 && matchesAt(text, i - 1, 'expired', true)) return careCue(text, i + 6); // (a death's date follows)
      const cue = (p1 === 101 && lower(text.charCodeAt(i - 2)) === 116) || (p1 === 97 && lower(text.charCodeAt(i - 2)) === 102) ? PHONE_CUE : 0;
      return n1 === 120 ? MASK | cue : cue;
    }
    // call, cell, cel; (i)cloud
    case 99: case 67:
      if (n1 === 108) return webmailAt(text, i - 1);
      return (n1 === 97 || n1 === 101) && lower(text.charCodeAt(i + 2)) === 108 ? PHONE_CUE : 0;
    // gmail, yahoo, ymail; `get well` before a name (person-name.ts)
    case 103: case 71:
      if (n1 === 104) return lower(text.charCodeAt(i - 1)) === 105 && matchesAt(text, i - 3, 'eight', true) && digitWord(text, i - 3, 5) ? PHONE_CUE : 0; // a number read out
      if (n1 === 101) return text.charCodeAt(i + 3) === 32 && matchesAt(text, i, 'get well', true) ? NAME_CUE : 0;
      return webmailAt(text, i);
    // fi`v`e, se`v`en (a number read out, phone-local.ts)
    case 118: case 86:
      if (n1 === 105) return lower(text.charCodeAt(i + 2)) === 115 && matchesAt(text, i, 'visit', true) ? careCue(text, i + 5) : 0; // (last) visit: a date follows
      if (lower(text.charCodeAt(i - 1)) === 105) return matchesAt(text, i - 2, 'five', true) && digitWord(text, i - 2, 4) ? PHONE_CUE : 0;
      return matchesAt(text, i - 2, 'seven', true) && digitWord(text, i - 2, 5) ? PHONE_CUE : 0;
    // yob (a year of birth follows, partial-date.ts)
    case 121: case 89: return n1 === 111 ? (lower(text.charCodeAt(i + 2)) === 98 && !isLetter(text.charCodeAt(i - 1)) && !isLetter(text.charCodeAt(i + 3)) ? DATE_CUE : 0) : webmailAt(text, i);
    case 115: case 83: {
      const n2 = text.charCodeAt(i + 2);
      if (n1 === 117) return lower(n2) === 114 && lower(text.charCodeAt(i + 3)) === 103 ? careCue(text, i + 4) : 0; // surg(ery)
      return (n1 === 115 && (lower(n2) === 110 || n2 === 35)) || (n1 === 111 && lower(n2) === 99) ? SSN_WORD : 0; // ssn, ss#, soc
    }
    case 100: case 68: return dCue(text, i, n1);
    case 98: case 66: return bCue(text, i, n1);
    case 109: case 77: return mCue(text, i, n1);
    case 112: case 80: {
      if (n1 === 104) return PHONE_CUE; // ph(one)
      if (n1 === 114) return lower(text.charCodeAt(i + 3)) === 99 && matchesAt(text, i, 'procedure', true) ? careCue(text, i + 9) : 0; // a care event's date follows
      // ap`p`t, ap`p`ointment (a care event's date follows)
      if (n1 === 112) return lower(text.charCodeAt(i - 1)) === 97 && (lower(text.charCodeAt(i + 2)) === 116 || matchesAt(text, i + 2, 'oint', true)) ? careCue(text, i + 2) : 0;
      const n2 = lower(text.charCodeAt(i + 2));
      const pt = n1 === 116 && !isLetter(n2) && !isLetter(text.charCodeAt(i - 1));
      return pt || (n1 === 97 && (n2 === 116 || n2 === 99) && lower(text.charCodeAt(i + 3)) === 105) ? NAME_CUE : 0; // pt, pati(ent), paci(ente)
    }
    case 44: case 10: {
      // `DOE, JANE`: a record's name without an initial (record-name.ts).
      if (c === 44 && recordPairAt(text, i)) return NAME_CUE;
      for (const w of SIGN_OFFS) if (endsAt(text, i, w)) return NAME_CUE;
      return c === 10 && signatureAt(text, i) ? NAME_CUE : 0; // a mail signature's `-- ` line (person-name.ts)
    }
    case 8211: return personLabelBefore(text, i) ? NAME_CUE : 0;
    default: return 0;
  }
}

/** Whether the `length` letters at `start` stand as a word of their own, with a digit or another number word after them (`five five`, `five-0`): `Five Tips` is not read out. */
function digitWord(text: string, start: number, length: number): boolean {
  const end = start + length;
  if (isLetter(text.charCodeAt(start - 1)) || isLetter(text.charCodeAt(end))) return false;
  let j = end;
  while (j - end < 3 && SEPARATOR[text.charCodeAt(j) & 127] === 1 && text.charCodeAt(j) < 128) j++;
  if (j === end && !isDigitCode(text.charCodeAt(j))) return false;
  const c = lower(text.charCodeAt(j));
  if (isDigitCode(c)) return true;
  for (const w of NUMBER_WORDS) if (c === w.charCodeAt(0) && matchesAt(text, j, w, true)) return true;
  return false;
}
const NUMBER_WORDS = ['zero', 'oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'niner'];
const SEPARATOR = new Uint8Array(128);
for (const c of ' ,.-') SEPARATOR[c.charCodeAt(0)] = 1;

/** At a `d`: `dot` (spelled emails), dob, died, diagnosed, deceased, death, adm(itted); `dear` before a name. */
function dCue(text: string, i: number, n1: number): number {
  const n2 = lower(text.charCodeAt(i + 2));
  // dos (date of service) as a word of its own
  if (n1 === 111) return n2 === 116 ? DOT_WORD : n2 === 98 || (n2 === 115 && !isLetter(text.charCodeAt(i - 1)) && !isLetter(text.charCodeAt(i + 3))) ? DATE_CUE : 0;
  if (n1 === 117) return n2 === 101 && endsAt(text, i, 'refill ') ? DATE_CUE : 0; // refill due
  if (n1 === 109 && lower(text.charCodeAt(i - 1)) === 97) return DATE_CUE; // adm(itted)
  // `dear` (a salutation before a name) shares `dea` with death.
  if (n1 === 101 && n2 === 97) return lower(text.charCodeAt(i + 3)) === 114 ? DATE_CUE | NAME_CUE : DATE_CUE;
  // delivered (a date follows), `deliver to` (a name follows)
  if (n1 === 101 && n2 === 108) return matchesAt(text, i + 3, 'ivered', true) ? careCue(text, i + 9) | (matchesAt(text, i + 9, ' to', true) ? NAME_CUE : 0)
    : matchesAt(text, i + 3, 'iver to', true) || matchesAt(text, i + 3, 'ivery to', true) ? NAME_CUE : 0;
  return (n1 === 105 && (n2 === 101 || n2 === 115 || n2 === 97)) || (n1 === 101 && n2 === 99) ? DATE_CUE : 0;
}

/** At a `b`: born, birth, `b.`, `geb.` (dates); mob(ile) (phones). */
function bCue(text: string, i: number, n1: number): number {
  const p1 = lower(text.charCodeAt(i - 1));
  if (p1 === 111 && lower(text.charCodeAt(i - 2)) === 109) return PHONE_CUE; // mob(ile)
  const n2 = lower(text.charCodeAt(i + 2));
  const geb = p1 === 101 && lower(text.charCodeAt(i - 2)) === 103; // geb.
  return ((n1 === 111 || n1 === 105) && n2 === 114) || (n1 === 46 && (!isLetter(p1) || geb)) ? DATE_CUE : 0; // born, birth, b.
}

/** At an `m`: name, nombre, nome, nom, llamo, chiamo, I am, my, Mr, Mrs, Ms (`I'm` is marked at the apostrophe). */
function mCue(text: string, i: number, n1: number): number {
  const p1 = lower(text.charCodeAt(i - 1));
  const p2 = lower(text.charCodeAt(i - 2));
  if (p2 === 110 && ((p1 === 97 && n1 === 101) || (p1 === 111 && (n1 === 98 || n1 === 101 || n1 === 32 || n1 === 58)))) return NAME_CUE;
  if (p1 === 97 && (p2 === 108 || p2 === 105) && n1 === 111) return NAME_CUE;
  const wordStart = !isLetter(p1);
  // `my` (my husband ...), `Mr`, `Ms` standing alone, and `Mrs`.
  if (wordStart && (n1 === 121 || n1 === 114 || n1 === 115) && !isLetter(text.charCodeAt(i + 2))) return NAME_CUE;
  if (wordStart && n1 === 114 && lower(text.charCodeAt(i + 2)) === 115 && !isLetter(text.charCodeAt(i + 3))) return NAME_CUE;
  return p1 === 97 && p2 === 32 && lower(text.charCodeAt(i - 3)) === 105 ? NAME_CUE : 0;
}

// 1 for digits, 2 for the characters markerAt looks at, 3 for the first letters of cue words
// (cueAt), 0 for the rest (most letters).
export const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = 1;
for (const c of "@:=-.%hHwWeE*#',\n[({<+/") CLASS[c.charCodeAt(0)] = 2;
for (const c of 'xXsSdDbBmMpPcCgGyYvV') CLASS[c.charCodeAt(0)] = 3;

// Cue letters are common: most are ruled out by the character after them, one table lookup
// instead of a call. Indexed by (letter << 7) | (next & 127); `x` is rare and always checked.
export const CUE_NEXT = new Uint8Array(128 * 128);
const cueNext = (letters: string, nexts: string): void => {
  for (const l of letters) for (const n of nexts) for (const v of [n, n.toUpperCase()]) CUE_NEXT[(l.charCodeAt(0) << 7) | v.charCodeAt(0)] = 1;
};
cueNext('sS', 'sou');
cueNext('dD', 'oiemu');
cueNext('bB', 'oi. :');
cueNext('mM', 'ebo :yrs');
cueNext('pP', 'tahpr');
cueNext('cC', 'ael');
cueNext('gG', 'meh');
cueNext('vV', 'ei');
cueNext('yY', 'amo');
for (let n = 0; n < 128; n++) { CUE_NEXT[(120 << 7) | n] = 1; CUE_NEXT[(88 << 7) | n] = 1; }

