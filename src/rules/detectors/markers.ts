// Markers the prefilter's walk sets (prefilter.ts): characters and short words that a
// detector's pattern cannot match without. Each is tested at one character of the word (the
// one the walk stops at), so a marker costs nothing on text without that character.
import { personPathAt } from './person-path.js';
import {
  AGE_NUM, AT, COLON, DASH, DOT, EARER, EQ, EYJ, GEOCODE, HANDLE_MARK, HTTP, IMG_EXT, MAC_SHAPE, MRZ_FILL, NAME_CUE, PCT3, PCT40, PHONE_CUE, WWW,
  codeAt, isDigitCode, isLetter, lower, matchesAt,
} from './marker-bits.js';
import { careCue, webmailAt } from './cue-words.js';
import { cueAt as wordCueAt, digitWord, numberWordAt, personLabelBefore } from './cue-at.js';
import { placeLabelBefore } from './labelled-place.js';
import { geocodeAt } from './geocode.js';
import { bareW3wAt } from './what3words.js';

// Most dots sit between digits (versions, addresses, times): one test each side before bareW3wAt's walk.
const lowerAscii = (c: number): boolean => c >= 97 && c <= 122;
import { fileExtAt } from './file-name.js';
import { bareHostAt } from './personal-site.js'; // `janedoe.com` typed bare (personal-site.ts)
import { clockAt } from './speaker-marks.js';
import { attributionDashAt, colonNameCue, foreignGreetingAt, greetingAt, pipeRowAt } from './name-cues.js';
import { misreadLabelAt } from './ocr-label.js';
import { authorizationAt } from './tokens.js';
import { messengerAt } from './url.js';
import { areInAt, residenceAt, workAt } from './residence.js';
import { homeAt } from './dwelling.js';
import { foreignVerbCueAt } from './foreign-cues.js';
import { roleOpensAt } from './role-opening.js';
import { anhAt } from './viet-honorific.js';
import { fromColonAt, holderAt, locatorAt } from './addressed-name.js';
import { householdCueAt } from './household-cues.js';
import { deviceOwnerAt, hostOwnerAt, netOwnerAt } from './device-owner.js';
import { homeDriveAt, homeSlashAt } from './home-folder.js';
import { eSignatureAt } from './e-signature.js';
import { proseFamilyAt } from './family-plural.js';
import { childCueAt } from './child-cues.js';

export * from './marker-bits.js';
export { ageNumAt } from './age-marker.js';
export { cueAt };

/** The cue words' markers (cue-at.ts), and a child's name's cues at the same letters (child-cues.ts). */
function cueAt(text: string, i: number, c: number): number {
  return wordCueAt(text, i, c) | (childCueAt(text, i, c) || foreignGreetingAt(text, i) ? NAME_CUE : 0);
}

export function markerAt(text: string, i: number, c: number): number {
  switch (c) {
    case 64: return AT;
    case 58: return COLON | macSeparator(text, i, c) | (personLabelBefore(text, i) || clockAt(text, i) || colonNameCue(text, i) || misreadLabelAt(text, i) || fromColonAt(text, i) || homeDriveAt(text, i) ? NAME_CUE : 0) | dataImageAt(text, i) | authorizationAt(text, i) | (messengerAt(text, i) >= 0 ? WWW : 0) | (placeLabelBefore(text, i) ? GEOCODE : 0); // `City: Oakland` (labelled-place.ts)
    case 61: return EQ | (personLabelBefore(text, i) ? NAME_CUE : 0) | (placeLabelBefore(text, i) ? GEOCODE : 0);
    // `-at-` (`lee -at- example -dot- org`) is a spelled `@`.
    // ` - ` after a person label (`Emergency contact - Jane Doe`).
    case 45: return DASH | macSeparator(text, i, c) | (codeAt(text, i + 3) === 45 && lower(codeAt(text, i + 1)) === 97 && lower(codeAt(text, i + 2)) === 116 ? AT : 0)
      | ((codeAt(text, i - 1) === 32 && codeAt(text, i + 1) === 32 && personLabelBefore(text, i)) || attributionDashAt(text, i) || hostOwnerAt(text, i) ? NAME_CUE : 0);
    case 46: return DOT | (codeAt(text, i - 5) === 46 ? MAC_SHAPE : 0) | (bareAtBefore(text, i) ? AT : 0) | imageExtAt(text, i) | hostPathAt(text, i) | bareHostAt(text, i) | (fileExtAt(text, i) ? NAME_CUE : 0)
      | (lowerAscii(codeAt(text, i - 1)) && lowerAscii(codeAt(text, i + 1)) && bareW3wAt(text, i) ? GEOCODE : 0); // `filled.count.soap` (what3words.ts)
    case 43: return geocodeAt(text, i, c);
    case 95: case 36: return HANDLE_MARK; // `jane_doe85`, `$jtorres85` (online-handle.ts)
    // `<<`: a machine-readable zone's fillers (mrz.ts); `<at>` is cueAt's.
    case 60: return (codeAt(text, i + 1) === 60 ? MRZ_FILL : 0) | cueAt(text, i, c);
    // `/patients/jane-doe-1961` in text (person-path.ts); an e-signature's `/s/ Jane Doe` (e-signature.ts).
    case 47: return geocodeAt(text, i, c) | (personPathAt(text, i) || homeSlashAt(text, i) || eSignatureAt(text, i) ? NAME_CUE : 0) | (lower(codeAt(text, i - 1)) === 117 ? HANDLE_MARK : 0);
    // `Jane's iPhone` (device-owner.ts); the walk hands `’` here too.
    case 39: case 8217: return cueAt(text, i, c) | (deviceOwnerAt(text, i) ? NAME_CUE : 0);
    case 124: case 59: case 9: return pipeRowAt(text, i) || (c === 124 && roleOpensAt(text, i + 1)) ? NAME_CUE : 0;
    case 37: return (codeAt(text, i + 1) === 51 ? PCT3 : 0) | (codeAt(text, i + 1) === 52 && codeAt(text, i + 2) === 48 ? PCT40 : 0);
    // `e`, `h` and `w` are common letters: the next character rules most of them out first.
    case 104: case 72: return hCue(text, i) | (foreignGreetingAt(text, i) ? NAME_CUE : 0); // hola, hallo (name-cues.ts)
    case 119: case 87: return wCue(text, i) | (foreignGreetingAt(text, i) ? NAME_CUE : 0); // willkommen
    case 101: {
      // At the text's end no cue word goes on (the read past it was NaN, which every test below refused).
      if (i + 1 === text.length) return 0;
      const next = text.charCodeAt(i + 1);
      if (next === 121) return matchesAt(text, i, 'eyJ', false) ? EYJ : 0;
      if (next === 108) return lower(codeAt(text, i - 1)) === 116 ? PHONE_CUE : 0; // tel
      if (next === 116) return matchesAt(text, i - 3, 'ninet', true) ? AGE_NUM : 0; // an age in words, `nineties` too (age.ts, age-approx.ts)
      if (next === 117) return matchesAt(text, i - 1, 'neunzig', true) ? AGE_NUM : 0; // an age in German words (age.ts)
      // one, three, nine at a word's end (a separator or digit next), zero and niner before their `r` (a number read out).
      return next === 97 && matchesAt(text, i, 'earer', false) ? EARER : next < 65 || next === 114 || next === 82 ? numberWordAt(text, i) : 0;
    }
    case 69: {
      if (i + 1 === text.length) return 0;
      const next = text.charCodeAt(i + 1);
      if (lower(next) === 108) return lower(codeAt(text, i - 1)) === 116 ? PHONE_CUE : 0; // TEL, TEl
      if (lower(next) === 116) return matchesAt(text, i - 3, 'ninet', true) ? AGE_NUM : 0;
      if (lower(next) === 117) return matchesAt(text, i - 1, 'neunzig', true) ? AGE_NUM : 0;
      return next === 65 && matchesAt(text, i, 'EARER', false) ? EARER : next < 65 || next === 82 || next === 114 ? numberWordAt(text, i) : 0;
    }
    default: return cueAt(text, i, c);
  }
}

/** Cues at a `w` (see markerAt: the next character rules most of them out first). */
function wCue(text: string, i: number): number {
  const next = lower(codeAt(text, i + 1));
  if (next === 111) return lower(codeAt(text, i - 1)) === 116 && digitWord(text, i - 1, 3) ? PHONE_CUE : residenceAt(text, i) || workAt(text, i) ? GEOCODE : 0; // two (a number read out); wohne; work (native-place.ts)
  // `Welcome back, Jane Doe` opening a line (name-cues.ts); `welcome to the world, …` (child-cues.ts); `we are in` (residence.ts)
  if (next === 101) return greetingAt(text, i) || householdCueAt(text, i, 119) || childCueAt(text, i, 119) ? NAME_CUE : areInAt(text, i) ? GEOCODE : 0;
  if (next === 105) return childCueAt(text, i, 119) ? NAME_CUE : 0; // `twins Ava and Mia` (child-cues.ts)
  if (next === 104) return locatorAt(text, i) ? NAME_CUE : 0; // `What room is Jane Doe in?` (addressed-name.ts)
  return next === 119 && matchesAt(text, i, 'www', true) ? WWW : 0;
}

/** Cues at an `h` (see markerAt: the next character rules most of them out first). */
function hCue(text: string, i: number): number {
  const next = lower(codeAt(text, i + 1));
  if (next === 116) return matchesAt(text, i, 'http', true) ? HTTP : 0;
  if (next === 111) return matchesAt(text, i, 'hospitali', true) ? careCue(text, i + 9) : holderAt(text, i) || netOwnerAt(text, i) ? NAME_CUE : homeAt(text, i) ? GEOCODE : webmailAt(text, i); // hospitalized, holder (addressed-name.ts), a home network (device-owner.ts), home (dwelling.ts), hotmail
  if (next === 117) return matchesAt(text, i, 'hundred', true) ? AGE_NUM : 0; // an age in words (age.ts)
  // a greeting before a name (person-name.ts); `behalf of` before a name (verb-name.ts); habite
  if (next === 97) return (lower(codeAt(text, i + 2)) === 112 && matchesAt(text, i, 'happy ', true)) || matchesAt(text, i - 2, 'behalf of ', true) ? NAME_CUE : residenceAt(text, i) ? GEOCODE : 0;
  if (next === 101 || next === 105) return heHiCue(text, i, next);
  // oh (a number read out); Vietnamese `Anh` before a family name, marked at its `h` (viet-honorific.ts)
  return next < 65 ? numberWordAt(text, i) | (next === 32 && i >= 2 && anhAt(text, i - 2) ? NAME_CUE : 0) : 0;
}

/** IMG_EXT at the colon of `data:image/` (an inlined picture; photo-path.ts). */
const dataImageAt = (text: string, i: number): number =>
  lower(codeAt(text, i - 1)) === 97 && matchesAt(text, i - 4, 'data:image/', true) ? IMG_EXT : 0;

const IMAGE_EXTS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'heif', 'bmp', 'tif'];
// First letters of those extensions, as a bit per letter (j, p, g, w, h, b, t).
const IMAGE_FIRST = [9, 15, 6, 22, 7, 1, 19].reduce((m, l) => m | (1 << l), 0);

/** IMG_EXT at the dot of an image file's extension (`jane-doe.JPG`). */
function imageExtAt(text: string, i: number): number {
  const l = lower(codeAt(text, i + 1)) - 97;
  if (l < 0 || l > 25 || ((IMAGE_FIRST >> l) & 1) === 0) return 0;
  for (const ext of IMAGE_EXTS) if (matchesAt(text, i + 1, ext, true)) return IMG_EXT;
  return 0;
}

// `linkedin.com/in/jane-doe`, `bit.ly/3xYz`: a host typed without its scheme, then a path (url.ts
// SCHEMELESS_TLDS). Marked WWW, the url gate's own marker.
const SCHEMELESS_TLDS: ReadonlySet<string> = new Set(['com', 'org', 'net', 'edu', 'gov', 'io', 'me', 'ly', 'co', 'app', 'us', 'info', 'biz', 'tv', 'blog', 'page', 'link', 'site']);
function hostPathAt(text: string, i: number): number {
  let j = i + 1;
  while (j - i <= 4 && isLetter(codeAt(text, j))) j++;
  if (j - i < 3 || codeAt(text, j) !== 47) return 0;
  const next = codeAt(text, j + 1);
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
  while (j - i <= 3 && (codeAt(text, j) === 32 || codeAt(text, j) === 93 || codeAt(text, j) === 41 || codeAt(text, j) === 125 || codeAt(text, j) === 62)) j++;
  const l = lower(codeAt(text, j)) - 97;
  if (l < 0 || l > 25 || ((TLD_FIRST >> l) & 1) === 0) return false;
  // At most three letters (`.ca on` is a two-letter domain before a word, not a long one).
  let k = j + 1;
  while (k - j <= 3 && isLetter(codeAt(text, k))) k++;
  return k - j <= 3 && AT_WORD.test(text);
}
const AT_WORD = /\sat\s/i;

/** NAME_CUE at the `h` of (ich) `heiße`, `her`/`their`/`his` before a relative, or `this is`. */
function heHiCue(text: string, i: number, next: number): number {
  if (greetingAt(text, i)) return NAME_CUE; // `Hi Jane,` opening a line (name-cues.ts)
  const n2 = lower(codeAt(text, i + 2));
  const p1 = lower(codeAt(text, i - 1));
  if (next === 101) {
    if (foreignVerbCueAt(text, i)) return NAME_CUE; // ik heet, jag heter, jeg hedder (foreign-cues.ts)
    if (n2 === 105 && (codeAt(text, i + 3) === 223 || lower(codeAt(text, i + 3)) === 115)) return NAME_CUE; // heiße, heisse
    if (n2 === 114 && (codeAt(text, i + 3) === 32 || (lower(codeAt(text, i + 3)) === 114 && codeAt(text, i + 4) === 32)) && !isLetter(p1)) return NAME_CUE; // her, Herr
    if (n2 === 121 && p1 === 116) return areInAt(text, i) ? GEOCODE : 0; // `they are in` (residence.ts)
    // their; `the Garcias came by` (family-plural.ts)
    return (n2 === 105 && p1 === 116 && lower(codeAt(text, i + 3)) === 114 && codeAt(text, i + 4) === 32) || (n2 === 32 && p1 === 116 && proseFamilyAt(text, i)) ? NAME_CUE : 0;
  }
  if (n2 === 115 && codeAt(text, i + 3) === 32 && !isLetter(p1)) return NAME_CUE; // his
  // `this is` (a caller naming themselves).
  return p1 === 116 && matchesAt(text, i - 1, 'this is', true) ? NAME_CUE : 0;
}

const macSeparator = (text: string, i: number, c: number): number => (codeAt(text, i + 3) === c && codeAt(text, i - 3) === c ? MAC_SHAPE : 0);

// 1 for digits, 2 for the characters markerAt looks at, 3 for the first letters of cue words
// (cueAt), 0 for the rest (most letters).
export const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = 1;
for (const c of "@:=-.%hHwWeE*#',\n[({<+/|;\t_$") CLASS[c.charCodeAt(0)] = 2;
for (const c of 'xXsSdDbBmMpPcCgGyYvVnNiIfFkKoO') CLASS[c.charCodeAt(0)] = 3;

// Cue letters are common: most are ruled out by the character after them, one table lookup
// instead of a call. Indexed by (letter << 7) | (next & 127); `x` is rare and always checked.
export const CUE_NEXT = new Uint8Array(128 * 128);
const cueNext = (letters: string, nexts: string): void => {
  for (const l of letters) for (const n of nexts) for (const v of [n, n.toUpperCase()]) CUE_NEXT[(l.charCodeAt(0) << 7) | v.charCodeAt(0)] = 1;
};
cueNext('sS', 'sourp');
cueNext('dD', 'oiemuh1'); // 1: `ı` (305 & 127), Turkish `adım` (foreign-cues.ts)
cueNext('bB', 'oi. :yaed'); // d: bday (partial-date.ts); y: submitted by, booked by (signed-in-name.ts); a: unaccented Vietnamese `Ba` (viet-honorific.ts), `baby`; e: `bebé` (newborn-name.ts)
cueNext('mM', 'ebo :yrsamlwi'); // w, i: Haitian `mwen rele`, Spanish `mi esposo` (access-cues.ts)
cueNext('pP', 'tahprou'); // u: Spanish `punto` spelling an address's dot (email.ts)
cueNext('cC', 'aelho'); // h, o: unaccented Vietnamese `Chi`, `Co` (viet-honorific.ts)
cueNext('gG', 'mehon '); // o: `Good morning, Jane Doe` (name-cues.ts); n: signed in as (signed-in-name.ts); space: Vietnamese `Ong` (viet-honorific.ts)
cueNext('vV', 'eiom'); // m: vm for, lvm for (verb-name.ts)
cueNext('nN', 'aoeuip'); // e, u, i: nevem, numesc, nimeni (foreign-cues.ts); p: Hmong `npe` (access-cues.ts)
cueNext('iI', 'tsm '); // s, m: ismim, benim (foreign-cues.ts); space: `I work at` (household-cues.ts)
cueNext('fF', 'aro '); // o: four (a number read out); space: `Profile of Jane Doe` (addressed-name.ts)
cueNext('yY', 'amoi'); // i: `staying in` (residence.ts)
cueNext('kK', 'or'); // Tagalog `ako si` (access-cues.ts); r: Polish `kropka` (email.ts)
cueNext('oO', 'u'); // `our son ethan` (household-cues.ts)
for (let n = 0; n < 128; n++) { CUE_NEXT[(120 << 7) | n] = 1; CUE_NEXT[(88 << 7) | n] = 1; }
// A relative's title in capitals before a name (`Grandma Jean`, `Aunt Rosie`, `Uncle Jim`, `Tía Carmen`, `Oma Lena`; kin-title.ts),
// and `regards` at its `ga` (`regards jane`): only the capitals are cue letters, so lower-case `a`, `u`, `t` cost nothing.
for (const c of 'AUT') CLASS[c.charCodeAt(0)] = 3;
// `cross streets` and `grew up` (place-said.ts) at their `cr` and `gr`.
for (const pair of ['Au', 'Ab', 'Un', 'Gr', 'gr', 'ga', 'Ti', 'Ta', 'Tm', 'Om', 'Op', 'On', 'cr', 'Cr']) CUE_NEXT[(pair.charCodeAt(0) << 7) | pair.charCodeAt(1)] = 1;
// A child's name's cues (child-cues.ts): `toddler` at its `dd`, `triplets` at `pl`, `kids`, `girls`, `old` after an age, a weight's `oz`.
cueNext('dD', 'd'); cueNext('pP', 'l'); cueNext('kK', 'i'); cueNext('gG', 'i'); cueNext('oO', 'lz');

