import { codeAt } from '../../common/code-at.js';
import { commonWord } from './file-name.js';
import { GIVEN_NAMES } from './given-names.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A record system's name without a middle initial (Safe Harbor A): `DOE, JANE`, `OKAFOR,JANE` as a
// whole value, or inside a sentence (`Results for WAVERLY, DESMOND`). Two upper-case words around a
// comma are also how places, departments and lists are written (`PORTLAND, OREGON`, `CARDIOLOGY,
// PEDIATRICS`, `MEN, WOMEN`), so neither word may be one a site titles things with (file-name.ts
// commonWord), a US state or province, a country, a company suffix or a degree, a colour or a size;
// the given name has three letters at least (`SALEM, OR`). Inside a longer text the pair must open
// it, a line or a field (`|`, `;`, a tab), or follow a word that introduces a person's record
// (`Results for`, `Re:`, `Patient`): capitals in prose are as often emphasis (`sale: SHOES, BAGS`).
const PAIR_RE = /(?<![\p{L}\p{M}'’-])(\p{Lu}{2,}(?:['’-]\p{Lu}{2,})?),[ ]?(\p{Lu}{3,}(?:['’-]\p{Lu}{2,})?)(?![\p{L}\p{M}'’-])/gu;
const NOT_NAMES: ReadonlySet<string> = new Set((
  'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas ' +
  'kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey ' +
  'mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode island tennessee texas utah vermont virginia washington wisconsin ' +
  'wyoming columbia ontario quebec alberta manitoba saskatchewan scotia brunswick usa canada america england france germany spain italy ' +
  'ireland scotland wales japan china india australia zealand uk us dc pr ' +
  'inc llc ltd llp plc corp co pc pllc lp gmbh sa ag md do rn np pa phd dds dmd pharmd lcsw mph msn bsn jr sr ii iii iv esq cpa ' +
  'red green blue black white yellow orange purple pink gray grey brown silver gold small medium large xl xxl ' +
  'yes no ok none other all na tbd todo note notes warning error info debug fatal true false null on off id name last first mi ' +
  'icd cpt hcpcs loinc snomed ndc phi pii api sdk url uri json xml html css csv sms mms ceo cfo cto seo ppc crm erp ehr emr fhir hl7 ' +
  'adt oru dicom edi ncpdp udi pet ekg ecg icu ent gyn usps ups fedex dhl ' +
  // File formats, listed in capitals (`SVG, PNG, EPS`; `PDF, DOCX`).
  'svg png eps pdf jpg jpeg gif tif tiff webp heic bmp raw mp3 mp4 mov avi wav doc docx xls xlsx ppt pptx txt rtf zip psd indd').split(' '));

export function plainWord(word: string): boolean {
  const w = word.toLowerCase();
  return !commonWord(w) && !NOT_NAMES.has(w);
}

const INTRO = /(?:^|[\n|;\t]|(?<![\p{L}\p{M}])(?:for|re|of|to|from|by|patient|pt|name|member|subscriber|insured|guarantor|chart|record|mrn|acct)[ ]?[:#-]?)[ ]*$/iu;

/** Whether what precedes the pair at `start` opens a record (see above); a few characters are enough to look at. */
const introduced = (text: string, start: number): boolean => INTRO.test(text.slice(Math.max(0, start - 16), start));

export function scanRecordNames(text: string, out: Detection[], kind: string): void {
  const re = resetAt(PAIR_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (plainWord(m[1]) && plainWord(m[2]) && introduced(text, m.index)) out.push({ start: m.index, end, kind });
  }
}

// Surname first in mixed case: `Doe, Jane`, `O'Brien-Smith, Mary Ann`, `McAllister,Jane`, and a record system's
// `DOE, Jane`. Two capitalised words around a comma are far more often a place or a list (`Portland, Oregon`,
// `Vitamins, Supplements`), so after a mixed-case surname the word after the comma must be a common given name
// (given-names.ts); the pair is then a name wherever it stands (`Remove Doe, Jane from list`). A surname in capitals
// before a capitalised given name (`DOE, Jane`) is how record systems print names, and places rarely are: it is read
// as the upper-case pair is (whole value, line or record word first), or anywhere with a common given name.
const MIXED_RE = /(?<![\p{L}\p{M}'’-])(\p{Lu}[\p{L}\p{M}'’-]{0,30}\p{L}),[ ]?(\p{Lu}\p{Ll}{1,20})(?![\p{L}\p{M}])/gu;
// A second given name or an initial after the first (`Mary Ann`, `Jane M.`) goes with it.
const MORE_RE = /^[ ](?:\p{Lu}\.?|\p{Lu}\p{Ll}{1,20})(?![\p{L}\p{M}])/u;

/** `end` past a second given name or an initial right after it (`Mary Ann`, `Jane M.`; any capitalised word when `anyWord`). */
export function secondGivenEnd(text: string, end: number, anyWord = false): number {
  const more = MORE_RE.exec(text.slice(end, end + 24));
  return more !== null && (anyWord || more[0].length <= 4 || GIVEN_NAMES.has(more[0].slice(1).toLowerCase())) ? end + more[0].length : end;
}
const LOWER_LETTER = /\p{Ll}/u;
// A greeting, a thanks or a reply word before the comma is no surname (`Hey, Jane Doe here`, `Thanks, Maria`, `Yes, Grace`): the
// name is the given name after it, with the capitalised word that follows (`Hi, Maria Garcia here`); the greeting stays.
const OPENERS: ReadonlySet<string> = new Set(['hey', 'hi', 'hello', 'hiya', 'howdy', 'greetings', 'dear', 'thanks', 'thank', 'thx', 'cheers',
  'regards', 'sincerely', 'best', 'ok', 'okay', 'yes', 'no', 'yeah', 'sorry', 'please', 'welcome', 'morning', 'evening', 'afternoon', 'bye', 'goodbye',
  'oh', 'well', 'so', 'and', 'but', 'also', 'attn']);
// Without a known given name, `DOE, Jane` must also end its value, line or field (`SALE, Today only` goes on).
const CLOSES = /^(?:$|[ ]*[|;\t\n)(,.])/;

export function scanMixedNames(text: string, out: Detection[], kind: string): void {
  const re = resetAt(MIXED_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const surname = m[1], given = m[2];
    const known = GIVEN_NAMES.has(given.toLowerCase());
    const capitals = !LOWER_LETTER.test(surname);
    const opener = OPENERS.has(surname.toLowerCase());
    if (!plainWord(surname) || !(known || (capitals && !opener && given.length >= 3 && plainWord(given)))) continue;
    const end = secondGivenEnd(text, m.index + m[0].length, opener);
    if (!known && !(introduced(text, m.index) && CLOSES.test(text.slice(end, end + 4)))) continue;
    out.push({ start: opener ? m.index + m[0].length - given.length : m.index, end, kind });
  }
}

/** The prefilter's check at a comma for scanMixedNames: a letter before it, a capital and a small letter after it
 * (at most one space between), and a common given name unless the letter before is a capital (`DOE, Jane`). */
export function mixedPairAt(text: string, i: number): boolean {
  const a = codeAt(text, i - 1);
  const upperBefore = (a >= 65 && a <= 90) || a >= 128;
  if (!upperBefore && !(a >= 97 && a <= 122)) return false;
  const j = codeAt(text, i + 1) === 32 ? i + 2 : i + 1;
  const c = codeAt(text, j);
  const d = codeAt(text, j + 1);
  if (c >= 128 || d >= 128) return true;
  // A read past the end (NaN before codeAt) failed none of these ranges: such a pair goes on as it did.
  if ((j < text.length && (c < 65 || c > 90)) || (j + 1 < text.length && (d < 97 || d > 122))) return false;
  if (upperBefore) return true;
  let k = j + 1;
  while (k < text.length && k - j <= 21) { const e = codeAt(text, k); if (e < 97 || e > 122) break; k++; }
  return GIVEN_NAMES.has(text.slice(j, k).toLowerCase());
}

/** The prefilter's check at a comma: an upper-case word ends before it and one starts after it (at most one space between). */
export function recordPairAt(text: string, i: number): boolean {
  const a = codeAt(text, i - 1);
  const b = codeAt(text, i - 2);
  // Before the text's start (NaN before codeAt) neither range test failed: a comma there goes on as it did.
  if ((i >= 1 && (a < 65 || a > 90)) || (i >= 2 && (b < 65 || b > 90))) return false;
  const j = codeAt(text, i + 1) === 32 ? i + 2 : i + 1;
  const c = codeAt(text, j);
  const d = codeAt(text, j + 1);
  return c >= 65 && c <= 90 && d >= 65 && d <= 90;
}
