// The cue words' markers (prefilter.ts): short words a cue-based detector cannot match without
// (partial SSNs, spelled emails and numbers, month-year and care dates, names), each tested at one
// letter of the word, the one the walk stops at (markers.ts CLASS 3).
import { spacedDobAt } from './ocr-label.js';
import { nameBeforeIdAt } from './name-before-id.js';
import { spelledAt } from './spelled-name.js';
import { AGE_NUM, APOS, AT, DATE_CUE, GEOCODE, DOT_WORD, MASK, NAME_CUE, PHONE_CUE, SSN_WORD, DOT_WORDS_AT, arrobaAt, dotWordAt, cestMoiAt, codeAt, endsAt, isDigitCode, isLetter, lower, matchesAt, spacesThenInOrAt } from './marker-bits.js';
import { careCue, webmailAt } from './cue-words.js';
import { mixedPairAt, recordPairAt } from './record-name.js';
import { signatureAt } from './speaker-marks.js';
import { attributionDashAt, greetingAt, redactedHrefAt } from './name-cues.js';
import { geohashAt } from './geocode.js';
import { verbNameAt } from './verb-name.js';
import { roleOpensAt } from './role-opening.js';
import { FOREIGN_SIGN_OFF_ENDS, foreignNameCueAt, letterCueAt, nWordCueAt } from './foreign-cues.js';
import { residenceAt, stayingAt } from './residence.js';
import { plainHonorificAt } from './viet-honorific.js';
import { givenAfterCommaAt } from './script-cues.js';
import { accessCueAt } from './access-cues.js';
import { doneByAt, notYouAt, signedInAt } from './signed-in-name.js';
import { addressedAt, possessiveRecordAt, recordForAt } from './addressed-name.js';
import { newbornAt } from './newborn-name.js';
import { kinAfterYourAt, kinParenAt, ourKinCommaAt } from './kin-name.js';
import { nameLabelAposAt } from './kin-label.js';
import { WARM_SIGN_OFFS, commaCueAt, householdCueAt, placeCueAt } from './household-cues.js';
import { deviceOfAt } from './device-owner.js';
import { foreignPhoneCueAt } from './foreign-digits.js';

// Person labels whose name follows a `:`, `=` or en dash (`Caller: Jane Doe`); `patient`/`pt`
// are marked at their `p` already (they also take an ASCII dash: `Pt - Jane Doe`).
const PERSON_LABELS = ['caller', 'guardian', 'spouse', 'contact', 'kin', 'attn', 'attention', 'mother', 'father', 'husband', 'wife', 'son', 'daughter', 'parent',
  'partner', 'brother', 'sister', 'mom', 'dad', 'grandma', 'grandpa', 'grandchild', 'granny', 'nana', 'mama', 'papa', 'mum', 'aunt', 'auntie',
  'uncle', 'nephew', 'niece', 'cousin', 'fianc\u00e9', 'fiance', 'in-law', 'party', 'guarantor', 'subscriber', 'dependent', 'insured', 'beneficiary', 'recipient', 'employer', 'holder', 'card to', 'ship to',
  'deliver to', 'send to', 'bill to', 'firma', 'firmado por', 'sign\u00e9', 'signe', 'signature', 'assinatura', 'assinado por', 'unterschrift'];

export function personLabelBefore(text: string, i: number): boolean {
  let j = i;
  // Any run of spaces, as the detector's `[ ]*` takes it (aligned forms: `Caller      : Jane Doe`).
  while (j > 0 && codeAt(text, j - 1) === 32) j--;
  // Each label ends in r, n, e, t, d, m, y, o, a, w or é: one test rules out most colons (`https:`, `12:30`).
  const last = lower(codeAt(text, j - 1));
  if (last !== 114 && last !== 110 && last !== 101 && last !== 116 && last !== 100 && last !== 109 && last !== 121 && last !== 111 && last !== 97 && last !== 119 && last !== 233) return false;
  for (const w of PERSON_LABELS) if (endsAt(text, j, w)) return true;
  return false;
}

// Sign-offs whose name follows a comma or a line break (`Sincerely, Jane Doe`).
const SIGN_OFFS = ['sincerely', 'regards', 'thanks', 'cheers', 'best', 'respectfully', 'atentamente', 'saludos', 'cordialmente', 'signed', ...WARM_SIGN_OFFS, ...FOREIGN_SIGN_OFF_ENDS];

const callingAt = (text: string, i: number): boolean => codeAt(text, i - 1) === 32 && matchesAt(text, i, 'calling', true); // `Hey, Jane Doe calling`

/** Markers for the cue-based detectors (partial SSNs, spelled emails, month-year dates, names). */
export function cueAt(text: string, i: number, c: number): number {
  const n1 = lower(codeAt(text, i + 1));
  switch (c) {
    case 42: case 35: return MASK;
    case 39: case 8217: return apostropheCue(text, i, n1);
    case 91: return bracketAtCue(text, i, n1) | (redactedHrefAt(text, i) ? NAME_CUE : 0);
    case 40: case 123: case 60: return bracketAtCue(text, i, n1) | (c === 40 && kinParenAt(text, i) ? NAME_CUE : 0); // `Dad (Franklin Eberhardt)` (kin-name.ts)
    case 120: case 88: return xCue(text, i, n1);
    case 99: case 67: // call, cell, cel; (i)cloud
      if (n1 === 108 || n1 === 114) return n1 === 108 ? webmailAt(text, i - 1) : placeCueAt(text, i, c); // `cross streets` (place-said.ts)
      if (n1 === 104 || n1 === 111) return plainHonorificAt(text, i) || householdCueAt(text, i, c) ? NAME_CUE : 0; // unaccented Vietnamese `Chi`, `Co` (viet-honorific.ts)
      // `call Jane Doe` names whom to call too (verb-name.ts), and `Hey, Jane Doe calling` the caller (person-name.ts).
      return (n1 === 97 || n1 === 101) && lower(codeAt(text, i + 2)) === 108 ? PHONE_CUE | ((n1 === 97 ? verbNameAt(text, i) || callingAt(text, i) : nameBeforeIdAt(text, i)) ? NAME_CUE : 0) : 0;
    case 103: case 71: return gCue(text, i, n1);
    case 118: case 86: return vCue(text, i, n1);
    // yob (a year of birth follows, partial-date.ts)
    case 121: case 89: // yob; `your nephew Colin Ashdown` (kin-name.ts); `staying in` (residence.ts)
      return n1 === 111 ? (lower(codeAt(text, i + 2)) === 98 && !isLetter(codeAt(text, i - 1)) && !isLetter(codeAt(text, i + 3)) ? DATE_CUE : kinAfterYourAt(text, i) ? NAME_CUE : 0) : n1 === 105 ? (stayingAt(text, i) ? GEOCODE : 0) : webmailAt(text, i);
    case 115: case 83: return sCue(text, i, n1);
    case 100: case 68: return dCue(text, i, n1);
    case 98: case 66: return bCue(text, i, n1);
    case 110: case 78: return nCue(text, i, n1);
    case 107: case 75: return n1 === 114 ? dotWordAt(text, i, 'kropka ') : accessCueAt(text, i) ? NAME_CUE : 0; // pl `kropka` (email.ts); Tagalog `ako si` (access-cues.ts)
    case 105: case 73: return (n1 === 116 && !isLetter(codeAt(text, i - 1)) && matchesAt(text, i, 'its ', true)) || letterCueAt(text, i, 105) || householdCueAt(text, i, c) ? NAME_CUE : 0; // `its Jane Doe calling`, ismim; `I work at` (household-cues.ts)
    case 102: case 70: return fCue(text, i, n1);
    case 109: case 77: return mCue(text, i, n1);
    case 112: case 80: return pCue(text, i, n1);
    case 44: case 10: return breakCue(text, i, c);
    case 8211: return personLabelBefore(text, i) || attributionDashAt(text, i) ? NAME_CUE : 0;
    case 8212: case 8213: return attributionDashAt(text, i) ? NAME_CUE : 0;
    default: return householdCueAt(text, i, c) ? NAME_CUE : 0; // `our son ethan` (household-cues.ts)
  }
}

/** `I'm` (also `I’m`, handed here by the walk) or `(je) m'appelle` before a name. */
function apostropheCue(text: string, i: number, n1: number): number {
  const p1 = lower(codeAt(text, i - 1));
  const im = p1 === 105 && n1 === 109 && !isLetter(codeAt(text, i - 2));
  const mappelle = p1 === 109 && n1 === 97 && !isLetter(codeAt(text, i - 2));
  // `it's Jane Doe` (a caller naming themselves, person-name.ts group 4)
  const its = p1 === 116 && n1 === 115 && lower(codeAt(text, i - 2)) === 105 && !isLetter(codeAt(text, i - 3));
  // `Jane Doe's Profile` (addressed-name.ts); `my son's name is`, `her name's` (kin-label.ts)
  const named = im || mappelle || its || (isLetter(codeAt(text, i - 1)) && possessiveRecordAt(text, i)) || nameLabelAposAt(text, i) ? APOS | NAME_CUE : APOS;
  return named | (inPlaceAt(text, i, im) ? GEOCODE : 0);
}

/** `I'm in`, `we're in`, `they're in` (a place may follow, residence.ts), or `at` (a corner, dwelling.ts): `i` is the apostrophe. */
function inPlaceAt(text: string, i: number, im: boolean): boolean {
  if (im) return matchesAt(text, i + 1, 'm', true) && spacesThenInOrAt(text, i + 2);
  if (!matchesAt(text, i + 1, 're', true) || !spacesThenInOrAt(text, i + 3)) return false;
  const w = matchesAt(text, i - 2, 'we', true) ? i - 2 : matchesAt(text, i - 4, 'they', true) ? i - 4 : -1;
  return w >= 0 && !isLetter(codeAt(text, w - 1));
}

/** `[at]`, `(at)`, `{at}`, `<at>`: a spelled-out `@` (email's own marker). */
function bracketAtCue(text: string, i: number, n1: number): number {
  const a = n1 === 32 ? i + 2 : i + 1;
  return lower(codeAt(text, a)) === 97 && lower(codeAt(text, a + 1)) === 116 && !isLetter(codeAt(text, a + 2)) ? AT : 0;
}

/** te`x`t, fa`x`; an `xx` run is a mask, and `faxxxx-xx-…` is both; si`x` (a number read out); e`x`pired (a death's date follows). */
function xCue(text: string, i: number, n1: number): number {
  const p1 = lower(codeAt(text, i - 1));
  if (p1 === 105 && lower(codeAt(text, i - 2)) === 115 && digitWord(text, i - 2, 3)) return PHONE_CUE;
  if (p1 === 101 && n1 === 112 && matchesAt(text, i - 1, 'expired', true)) return careCue(text, i + 6);
  const text_ = p1 === 101 && lower(codeAt(text, i - 2)) === 116;
  const cue = text_ || (p1 === 97 && lower(codeAt(text, i - 2)) === 102) ? PHONE_CUE | (text_ && verbNameAt(text, i - 2) ? NAME_CUE : 0) : 0;
  return (n1 === 120 ? MASK | cue : cue) | (householdCueAt(text, i, 120) ? NAME_CUE : 0); // xoxo (household-cues.ts)
}

/** gmail; ei`g`ht (a number read out); `get well` before a name (person-name.ts); `geohash` (geocode.ts). */
function gCue(text: string, i: number, n1: number): number {
  if (n1 === 32) return i >= 2 && plainHonorificAt(text, i - 2) ? NAME_CUE : 0; // unaccented Vietnamese `Ong` (viet-honorific.ts)
  if (n1 === 111) return greetingAt(text, i) ? NAME_CUE : 0; // `Good morning, Jane Doe` opening a line (name-cues.ts)
  if (signedInAt(text, i, n1)) return NAME_CUE; // signed in as, logged in as (signed-in-name.ts)
  if (n1 === 101 && matchesAt(text, i - 2, 'negentig', true)) return AGE_NUM; // an age in Dutch words (age.ts)
  if (n1 === 104) return lower(codeAt(text, i - 1)) === 105 && matchesAt(text, i - 3, 'eight', true) && digitWord(text, i - 3, 5) ? PHONE_CUE : 0;
  if (n1 === 101 && (matchesAt(text, i, 'geburts', true) || matchesAt(text, i, 'geboortedat', true))) return DATE_CUE; // Geburtsdatum, geboortedatum (partial-date.ts)
  if (n1 === 101) return codeAt(text, i + 3) === 32 && matchesAt(text, i, 'get well', true) ? NAME_CUE : geohashAt(text, i) ? GEOCODE : 0;
  return n1 === 114 || n1 === 97 ? (householdCueAt(text, i, codeAt(text, i)) ? NAME_CUE : 0) | (n1 === 114 ? placeCueAt(text, i, 103) : 0) : webmailAt(text, i); // `Grandma Jean`, `regards jane`; `grew up`
}

/** (last) `v`isit: a date follows; fi`v`e, se`v`en (a number read out, phone-local.ts). */
function vCue(text: string, i: number, n1: number): number {
  if (letterCueAt(text, i, 118) || householdCueAt(text, i, 118)) return NAME_CUE; // zovem se, volám sa (foreign-cues.ts); lavoro (household-cues.ts)
  // vm for, voicemail for, lvm for: whom a call log left a message for (verb-name.ts)
  if ((n1 === 109 || n1 === 111) && (verbNameAt(text, i) || (lower(codeAt(text, i - 1)) === 108 && verbNameAt(text, i - 1)) || deviceOfAt(text, i))) return NAME_CUE; // `iPhone von Jürgen` too (device-owner.ts)
  if (residenceAt(text, i)) return GEOCODE; // live, living, moved, vivo (residence.ts)
  // date of service, service date (partial-date.ts), marked at the `vi` of service
  if (n1 === 105 && matchesAt(text, i - 3, 'service', true) && (endsAt(text, i - 3, 'date of ') || matchesAt(text, i + 4, ' date', true))) return DATE_CUE;
  if (n1 === 105) return lower(codeAt(text, i + 2)) === 115 && matchesAt(text, i, 'visit', true) ? careCue(text, i + 5) : matchesAt(text, i - 7, 'quatre-vingt', true) ? AGE_NUM : 0;
  if (lower(codeAt(text, i - 1)) === 105) return matchesAt(text, i - 2, 'five', true) && digitWord(text, i - 2, 4) ? PHONE_CUE : 0;
  return matchesAt(text, i - 2, 'seven', true) && digitWord(text, i - 2, 5) ? PHONE_CUE : 0;
}

/** surg(ery): a care date follows; ssn, ss#, soc. */
function sCue(text: string, i: number, n1: number): number {
  if (n1 === 112) return spelledAt(text, i) ? NAME_CUE : 0; // a name spelled out (spelled-name.ts)
  const n2 = codeAt(text, i + 2);
  // Sr., Sra., Srta. (honorifics before a name, person-name.ts)
  if (n1 === 114) return !isLetter(codeAt(text, i - 1)) && (n2 === 46 || lower(n2) === 97 || lower(n2) === 116) ? NAME_CUE : 0;
  if (n1 === 117) return lower(n2) === 114 && lower(codeAt(text, i + 3)) === 103 ? careCue(text, i + 4) : matchesAt(text, i - 3, 'je suis ', true) ? NAME_CUE : 0;
  // `soy`, `sou`, `sono` (`I am` before a name, person-name.ts)
  if (n1 === 111 && !isLetter(codeAt(text, i - 1)) && (matchesAt(text, i, 'soy ', true) || matchesAt(text, i, 'sou ', true) || matchesAt(text, i, 'sono ', true))) return NAME_CUE;
  return (n1 === 115 && (lower(n2) === 110 || n2 === 35)) || (n1 === 111 && lower(n2) === 99) ? SSN_WORD : 0;
}
/** ph(one); procedure and ap`p`(ointmen)t: a care date follows; pt, pati(ent), paci(ente) before a name. */
function pCue(text: string, i: number, n1: number): number {
  if (n1 === 97 && matchesAt(text, i, 'pager', true)) return PHONE_CUE; // a pager's number (phone-local.ts)
  if (n1 === 97 && accessCueAt(text, i)) return NAME_CUE; // Tagalog `pangalan` (access-cues.ts)
  // `dot` spelling an address: es/it `punto`, de/pl/nordic `punkt`, nl `punt`, fr `point`, pt `ponto`, hu `pont` (email.ts DOT_WORDS).
  if ((n1 === 117 || n1 === 111) && !isLetter(codeAt(text, i - 1)) && DOT_WORDS_AT.some((w) => matchesAt(text, i, w, true))) return DOT_WORD;
  if (n1 === 97 && matchesAt(text, i, 'passed', true) && !isLetter(codeAt(text, i + 6))) return nameBeforeIdAt(text, i) ? NAME_CUE : 0; // a death (name-before-id.ts)
  if (n1 === 111) return lower(codeAt(text, i - 1)) === 115 && verbNameAt(text, i - 1) ? NAME_CUE : 0; // spoke with (verb-name.ts)
  if (n1 === 104) return verbNameAt(text, i) ? PHONE_CUE | NAME_CUE : PHONE_CUE;
  if (n1 === 114) return lower(codeAt(text, i + 3)) === 99 && matchesAt(text, i, 'procedure', true) ? careCue(text, i + 9) : 0;
  if (n1 === 112 && foreignPhoneCueAt(text, i)) return PHONE_CUE; // appelez, WhatsApp (phone-local.ts)
  if (n1 === 112) return lower(codeAt(text, i - 1)) === 97 && (lower(codeAt(text, i + 2)) === 116 || matchesAt(text, i + 2, 'oint', true)) ? careCue(text, i + 2) : 0;
  const n2 = lower(codeAt(text, i + 2));
  if (n1 === 97 && n2 === 114 && matchesAt(text, i - 6, 'de la part de ', true)) return NAME_CUE; // on someone's behalf (verb-name.ts WHOSE_RE)
  const pt = n1 === 116 && !isLetter(n2) && !isLetter(codeAt(text, i - 1));
  return pt || (n1 === 97 && (n2 === 116 || n2 === 99) && lower(codeAt(text, i + 3)) === 105) || (n1 === 97 && householdCueAt(text, i, codeAt(text, i))) ? NAME_CUE : 0;
}

/** At a comma or line break: `DOE, JANE` (record-name.ts), a sign-off, a mail signature's `-- ` line (person-name.ts). */
function breakCue(text: string, i: number, c: number): number {
  // `Thanks for booking, Jane Doe.` (addressed-name.ts)
  if (c === 44 && (recordPairAt(text, i) || mixedPairAt(text, i) || givenAfterCommaAt(text, i) || addressedAt(text, i) >= 0 || ourKinCommaAt(text, i))) return NAME_CUE | commaCueAt(text, i);
  for (const w of SIGN_OFFS) if (endsAt(text, i, w)) return NAME_CUE | (c === 44 ? commaCueAt(text, i) : 0);
  return c === 10 && (signatureAt(text, i) || roleOpensAt(text, i + 1)) ? NAME_CUE : c === 44 ? commaCueAt(text, i) : 0; // `from yreka, ca`, `pt: okafor, kenji` (household-cues.ts)
}

/** Whether the `length` letters at `start` stand as a word of their own, with a digit or another number word after them (`five five`, `five-0`): `Five Tips` is not read out. */
export function digitWord(text: string, start: number, length: number): boolean {
  const end = start + length;
  if (isLetter(codeAt(text, start - 1)) || isLetter(codeAt(text, end))) return false;
  let j = end;
  while (j - end < 3 && SEPARATOR[codeAt(text, j) & 127] === 1 && codeAt(text, j) < 128) j++;
  if (j === end && !isDigitCode(codeAt(text, j))) return false;
  const c = lower(codeAt(text, j));
  if (isDigitCode(c)) return true;
  for (const w of NUMBER_WORDS) if (c === w.charCodeAt(0) && matchesAt(text, j, w, true)) return true;
  return false;
}
const NUMBER_WORDS = ['zero', 'oh', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'niner'];
const SEPARATOR = new Uint8Array(128);
for (const c of ' ,.-') SEPARATOR[c.charCodeAt(0)] = 1;

/** At a `d`: `dot` (spelled emails), dob, died, diagnosed, deceased, death, adm(itted); `dear` before a name. */
function dCue(text: string, i: number, n1: number): number {
  const n2 = lower(codeAt(text, i + 2));
  if ((n1 === 305 || n1 === 105) && n2 === 109 && letterCueAt(text, i, 100)) return NAME_CUE; // Turkish `adım` (foreign-cues.ts)
  if (n1 === 105 && n2 === 101 && lower(codeAt(text, i + 3)) === 100 && !isLetter(codeAt(text, i + 4))) return DATE_CUE | (nameBeforeIdAt(text, i) ? NAME_CUE : 0); // died: a name before (name-before-id.ts)
  if (n1 === 104) return n2 === 114 && !isLetter(codeAt(text, i - 1)) ? NAME_CUE : 0; // Dhr. (an honorific, person-name.ts)
  if (n1 === 101 && residenceAt(text, i)) return GEOCODE; // reside (residence.ts)
  if ((n1 === 101 || n1 === 105 || n1 === 111) && n2 === 32 && deviceOfAt(text, i)) return NAME_CUE; // `iPad de Joaquín` (device-owner.ts)
  // dos (date of service) as a word of its own
  if (n1 === 111 && n2 === 98) return DATE_CUE | (nameBeforeIdAt(text, i) ? NAME_CUE : 0); // a name right before (name-before-id.ts)
  if (n1 === 111) return n2 === 116 ? DOT_WORD : n2 === 98 || (n2 === 115 && !isLetter(codeAt(text, i - 1)) && !isLetter(codeAt(text, i + 3))) ? DATE_CUE : 0;
  if (n1 === 117) return n2 === 101 && endsAt(text, i, 'refill ') ? DATE_CUE : 0; // refill due
  if (n1 === 109 && lower(codeAt(text, i - 1)) === 97) return DATE_CUE; // adm(itted)
  // `dear` (a salutation before a name) shares `dea` with death.
  if (n1 === 101 && n2 === 97) return lower(codeAt(text, i + 3)) === 114 ? DATE_CUE | NAME_CUE : DATE_CUE;
  // delivered (a date follows), `deliver to` (a name follows)
  if (n1 === 101 && n2 === 108) return matchesAt(text, i + 3, 'ivered', true) ? careCue(text, i + 9) | (matchesAt(text, i + 9, ' to', true) ? NAME_CUE : 0)
    : matchesAt(text, i + 3, 'iver to', true) || matchesAt(text, i + 3, 'ivery to', true) ? NAME_CUE : 0;
  return (n1 === 105 && (n2 === 101 || n2 === 115 || n2 === 97)) || (n1 === 101 && n2 === 99) ? DATE_CUE : 0;
}

/** At a `b`: born, birth, `b.`, `geb.` (dates); mob(ile) (phones). */
function bCue(text: string, i: number, n1: number): number {
  if (n1 === 100) return matchesAt(text, i + 2, 'ay', true) ? DATE_CUE : 0; // bday (partial-date.ts)
  if (n1 === 97) return arrobaAt(text, i) ? DOT_WORD : plainHonorificAt(text, i) || newbornAt(text, i) || householdCueAt(text, i, 98) ? NAME_CUE : 0; // Vietnamese `Ba` (viet-honorific.ts); `Baby Girl` (newborn-name.ts)
  if (n1 === 101 && matchesAt(text, i, 'beeper', true)) return PHONE_CUE; // a beeper's number (phone-local.ts)
  if (n1 === 101 || n1 === 233) return newbornAt(text, i) || householdCueAt(text, i, 98) ? NAME_CUE : 0; // `Bebé Niña`, `Bébé Garçon` (newborn-name.ts)
  if (n1 === 121) return doneByAt(text, i) ? NAME_CUE : 0; // `Submitted by Jane Doe` (signed-in-name.ts)
  const p1 = lower(codeAt(text, i - 1));
  if (p1 === 111 && lower(codeAt(text, i - 2)) === 109) return PHONE_CUE | (nameBeforeIdAt(text, i - 2) ? NAME_CUE : 0); // mob(ile)
  if (!isLetter(n1) && spacedDobAt(text, i)) return DATE_CUE | (nameBeforeIdAt(text, i - 4) ? NAME_CUE : 0); // `d o b`, `d-o-b` (ocr-label.ts)
  const n2 = lower(codeAt(text, i + 2));
  if (n1 === 105 && n2 === 110 && matchesAt(text, i - 4, 'ich bin ', true)) return NAME_CUE; // `ich bin` before a name (person-name.ts)
  const geb = p1 === 101 && lower(codeAt(text, i - 2)) === 103; // geb.
  // born, geboren, geb.: a birthplace may follow (residence.ts)
  const place = (n1 === 111 && ((!isLetter(p1) && matchesAt(text, i, 'born ', true)) || (geb && matchesAt(text, i - 2, 'geboren ', true)))) || (n1 === 46 && geb);
  // born, birth (`date of birth`), a name right before them (name-before-id.ts)
  const named = (n1 === 111 || n1 === 105) && n2 === 114 && !isLetter(p1) && nameBeforeIdAt(text, endsAt(text, i, 'date of ') ? i - 8 : i);
  return (((n1 === 111 || n1 === 105) && n2 === 114) || (n1 === 46 && (!isLetter(p1) || geb)) ? DATE_CUE : 0) | (place ? GEOCODE : 0) | (named ? NAME_CUE : 0); // born, birth, b.
}

/** At an `f`: `Frau` before a name, `famil(y|ie|le|ia)` (a family's title, family-name.ts). */
function fCue(text: string, i: number, n1: number): number {
  // `Appointment for Jane Doe`, `Profile of Jane Doe` (addressed-name.ts)
  if ((n1 === 111 || n1 === 32) && recordForAt(text, i)) return NAME_CUE;
  // `corner of`, `intersection of` before a corner (dwelling.ts CORNER_RE), marked at the `f` of `of `
  if (n1 === 32 && lower(codeAt(text, i - 1)) === 111 && (endsAt(text, i - 1, 'corner ') || endsAt(text, i - 1, 'intersection '))) return GEOCODE;
  if (isLetter(codeAt(text, i - 1))) return 0;
  if (n1 === 111) return matchesAt(text, i, 'four', true) && digitWord(text, i, 4) ? PHONE_CUE : householdCueAt(text, i, 102) ? NAME_CUE : 0; // four; `for the Hendersons`
  return (n1 === 114 && (matchesAt(text, i, 'frau ', true) || householdCueAt(text, i, 102))) || (n1 === 97 && matchesAt(text, i, 'famil', true)) ? NAME_CUE : 0;
}

/** At an `n`: nacido/nacida, nascido/nascida, nato/nata (born; a birthplace may follow, residence.ts). */
function nCue(text: string, i: number, n1: number): number {
  if ((n1 === 112 || n1 === 111 || n1 === 117) && accessCueAt(text, i)) return NAME_CUE; // Hmong `npe`, Haitian `non mwen`, `nuestra madre` (access-cues.ts)
  if (nWordCueAt(text, i)) return NAME_CUE; // mă numesc, nevem, nimeni on (foreign-cues.ts)
  if (n1 === 111 && notYouAt(text, i)) return NAME_CUE; // `Not Jane Doe? Sign out` (signed-in-name.ts)
  if (n1 === 111) return dotWordAt(text, i, 'nokta ') || (matchesAt(text, i, 'novent', true) || matchesAt(text, i, 'novant', true) || matchesAt(text, i, 'nonante', true) ? AGE_NUM : 0); // age.ts
  if (n1 !== 97 || isLetter(codeAt(text, i - 1))) return 0;
  if (foreignNameCueAt(text, i)) return NAME_CUE; // nazywam się, mijn naam is, mitt namn är, mit navn er (foreign-cues.ts)
  if (matchesAt(text, i, 'native', true)) return GEOCODE; // `a Reno native` (native-place.ts)
  if (matchesAt(text, i, 'nacimiento', true) || matchesAt(text, i, 'naissance', true) || matchesAt(text, i, 'nascit', true) || matchesAt(text, i, 'nascimento', true)) return DATE_CUE; // fecha de nacimiento…
  return matchesAt(text, i, 'nacid', true) || matchesAt(text, i, 'nac\u00ed y', true) || matchesAt(text, i, 'naci y', true) || matchesAt(text, i, 'nascid', true) || matchesAt(text, i, 'nato ', false) || matchesAt(text, i, 'nata ', false) ? GEOCODE : householdCueAt(text, i, codeAt(text, i)) ? NAME_CUE : 0;
}

const MY_NUMBER = /^my (?:home |cell |callback |call back |contact )?number/i;
const FOREIGN_TITLES = ['monsieur', 'madame', 'mme', 'mlle', 'mevr', 'meneer'];

/** At an `m`: número, llámame (a phone number follows); name, nombre, nome, nom, llamo, chiamo, I am, my, Mr, Mrs, Ms (`I'm` is marked at the apostrophe). */
function mCue(text: string, i: number, n1: number): number {
  if (foreignPhoneCueAt(text, i)) return PHONE_CUE; // número, llámame: a number read out may follow (phone-local.ts)
  if ((n1 === 32 || n1 === 111) && residenceAt(text, i)) return GEOCODE; // `I'm from`, moro (residence.ts)
  if ((n1 === 119 || n1 === 97 || n1 === 105 || n1 === 111 || n1 === 101) && accessCueAt(text, i)) return NAME_CUE; // `mwen rele`, `magac`, `mi esposo` (access-cues.ts)
  const p1 = lower(codeAt(text, i - 1));
  const p2 = lower(codeAt(text, i - 2));
  if (n1 === 114 && lower(codeAt(text, i + 2)) === 110 && !isLetter(p1)) return nameBeforeIdAt(text, i) ? NAME_CUE : 0; // MRN after a name (name-before-id.ts)
  if ((n1 === 101 && verbNameAt(text, i)) || (n1 === 111 && cestMoiAt(text, i))) return NAME_CUE; // `Message Jane Doe` (verb-name.ts), `c'est moi, Jane Doe` (person-name.ts)
  if (!isLetter(p1) && FOREIGN_TITLES.some((w) => matchesAt(text, i, w, true))) return NAME_CUE; // Monsieur, Mme, Mevr. (person-name.ts)
  if (p2 === 110 && ((p1 === 97 && n1 === 101) || (p1 === 111 && (n1 === 98 || n1 === 101 || n1 === 32 || n1 === 58)))) return NAME_CUE;
  if (p1 === 97 && (p2 === 108 || p2 === 105) && n1 === 111) return NAME_CUE;
  if ((p1 === 97 && p2 === 104 && n1 === 111) || (n1 === 97 && !isLetter(p1)) || (p1 === 106 && n1 === 101)) return foreignNameCueAt(text, i) ? NAME_CUE : 0; // me chamo, mam na imię, jmenuji se
  const wordStart = !isLetter(p1);
  // `my` (my husband ...), `Mr`, `Ms` standing alone, and `Mrs`.
  // `my number is five five five …` (phone-local.ts SPOKEN_CUE) is a phone word too.
  if (wordStart && (n1 === 121 || n1 === 114 || n1 === 115) && !isLetter(codeAt(text, i + 2))) return n1 === 121 && MY_NUMBER.test(text.slice(i, i + 32)) ? NAME_CUE | PHONE_CUE : NAME_CUE;
  if (wordStart && n1 === 114 && lower(codeAt(text, i + 2)) === 115 && !isLetter(codeAt(text, i + 3))) return NAME_CUE;
  return p1 === 97 && p2 === 32 && lower(codeAt(text, i - 3)) === 105 ? NAME_CUE : 0;
}

/**
 * PHONE_CUE at the `e` of one, three, nine, zero and niner and at the `h` of oh, words of a number read out
 * (phone-local.ts spelled) that the other marks (two, four, five, six, seven, eight) leave out: a number said
 * with only these (`nine one three, four four four, zero one nine three`) must not skip the detector.
 */
export function numberWordAt(text: string, i: number): number {
  const p1 = lower(codeAt(text, i - 1));
  const n1 = codeAt(text, i + 1);
  if (lower(codeAt(text, i)) === 104) return p1 === 111 && !isLetter(n1) && digitWord(text, i - 1, 2) ? PHONE_CUE : 0;
  if (lower(n1) === 114) {
    const zero = p1 === 122 && matchesAt(text, i - 1, 'zero', true) && digitWord(text, i - 1, 4);
    return zero || (p1 === 110 && matchesAt(text, i - 3, 'niner', true) && digitWord(text, i - 3, 5)) ? PHONE_CUE : 0;
  }
  if (isLetter(n1)) return 0;
  if (p1 === 110) {
    const p2 = lower(codeAt(text, i - 2));
    return (p2 === 111 && digitWord(text, i - 2, 3)) || (p2 === 105 && matchesAt(text, i - 3, 'nine', true) && digitWord(text, i - 3, 4)) ? PHONE_CUE : 0;
  }
  return p1 === 101 && matchesAt(text, i - 4, 'three', true) && digitWord(text, i - 4, 5) ? PHONE_CUE : 0;
}
