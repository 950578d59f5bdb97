import { isLetter, lower, matchesAt, codeAt } from './marker-bits.js';
import { resetAt } from './scan.js';
import { fullName, nameEnd, scanNamesAfter } from './person-name.js';
import { givenNameAt } from './given-names.js';
import type { Detection } from './types.js';

// Names a confirmation, a receipt or an account page addresses or files things under (Safe Harbor A), in page titles,
// banners and text captured from the page. Each needs a full name (no word a site's titles are made of) and a shape:
//  - addressed after a comma closing the clause: `Thanks for booking, Jane Doe.`, `Your receipt, Jane Doe`, `See you soon,
//    Jane Doe | Site`; a common given name first, or a clause opening as one speaks to someone (`thanks`, `your`, `see you`),
//    so `Thanks for booking, Northbay Health.`, `Welcome, New Patients`, `Boston, Massachusetts General` stay;
//  - after a record's word and `for`/`of`: `Appointment for Jane Doe on Dec 3`, `Profile of Jane Doe`;
//  - after an account's holder without a colon (`Account holder Jane Doe`), after `From:` opening a line (`From: Jane Doe`);
//  - before `'s` and a record's word: `Jane Doe's Profile | Site`.
// The prefilter's walk marks each at one character (addressedAt at the comma, recordForAt at the `f`, holderAt at the `h`,
// fromColonAt at the colon, possessiveRecordAt at the apostrophe), each calling what the scan below calls.

const RECORD_WORDS = ['appointment', 'appointments', 'visit', 'visits', 'profile', 'account', 'record', 'records', 'chart', 'results', 'booking',
  'reservation', 'receipt', 'invoice', 'statement', 'prescription', 'prescriptions', 'referral', 'messages', 'summary', 'claim', 'claims', 'bill',
  // What visitors send or post about a patient, and whom a gift or a tribute honours (`E-card for Jane Doe`, `Patient update for Jane Doe`,
  // `In loving memory of Jane Doe`, `Celebrating the life of Jane Doe`; `In honor of all NICU nurses`, `Update for Northbay Members` stay).
  'ecard', 'e-card', 'card', 'update', 'flowers', 'delivery', 'memory', 'honor', 'honour', 'tribute', 'life'];
const POSSESSED = ['profile', 'account', 'dashboard', 'chart', 'record', 'records', 'appointments', 'appointment', 'results', 'portal', 'page',
  'visits', 'prescriptions', 'messages', 'care team', 'health record', 'medical record'];
const OPENERS = ['thanks', 'thank you', 'congratulations', 'congrats', 'see you', 'your', "you're", 'you\u2019re', 'you are', 'welcome', 'goodbye',
  'bye', 'sorry', 'happy', 'good luck', 'well done', 'great job', 'nice', 'all set', 'stay', 'take care', 'get well', 'dear'];
// After an addressed name: the clause's or text's end, a title's separator.
const CLAUSE_END = /^[ ]*(?:$|[.!?|\n\u2022\u00b7]|[ ][-\u2013\u2014][ ])/;
const RECORD_FOR_RE = new RegExp(`(?<![\\p{L}\\p{M}])(?:${RECORD_WORDS.join('|')})[ ](?:for|of)[ ]+(?=\\p{Lu})`, 'giu');
// A visitor asking where a patient is (`What room is Cornelia Vandermolen in?`, `which unit is Jane Doe on`): a full name.
const LOCATOR_RE = /(?<![\p{L}\p{M}])(?:what|which)[ ](?:room|floor|unit|ward|bed)(?:[ ]number)?[ ](?:is|was)[ ]+(?=\p{Lu})/giu;
const LOCATOR_AT = /^wh(?:at|ich)[ ](?:room|floor|unit|ward|bed)[ ]/i;
const HOLDER_RE = /(?<![\p{L}\p{M}])(?:account|card|policy)[ ]?holder[ ]+(?=\p{Lu})/giu;
const FROM_RE = /(?:^|\n)[ \t]*from[ ]*:[ ]*(?=\p{Lu})/giu;
// A card's or a parcel's `To:` and `For:` (`To: Winifred Ashgrove, Room 412`, `For: Mabel Strathearn, Rm 210`): a form's `For:
// Appointment Requests` is no one, so the name opens with a common given name or a room follows it.
const TO_FOR_RE = /(?:^|\n)[ \t]*(?:to|for)[ ]*:[ ]*(?=\p{Lu})/giu;
const ROOM_AFTER = /^[ ]*[,(-]?[ ]*(?:room|rm\.?|bed|unit)[ ]?[0-9]/i;
const COMMA_RE = /,[ ]+(?=\p{Lu})/gu;
const POSSESSIVE_RE = new RegExp(`['\u2019]s[ ](?:${POSSESSED.join('|').replace(/ /g, '[ ]')})(?![\\p{L}\\p{M}])`, 'giu');
// A saint's or a place's name before `'s` is a hospital's or a town's (`St Mary's Profile`, `St. Luke's Portal`).
const PLACE_OPENER = /^(?:St|Ste|Saint|Mt|Mount|Fort|Ft|Lake|Port)[ ]/;
const NAME_BEFORE = /(?:^|[^\p{L}\p{M}'\u2019.-])((?:\p{Lu}[\p{Ll}'\u2019-]+[ ]){1,2}\p{Lu}[\p{Ll}-]+)$/u;

/** The end of a full name addressed after the comma at `i` (see above), or -1. */
export function addressedAt(text: string, i: number): number {
  let from = i + 1;
  while (codeAt(text, from) === 32) from++;
  const c = codeAt(text, from);
  if (from === i + 1 || !((c >= 65 && c <= 90) || c >= 192)) return -1;
  const end = nameEnd(text, from, true, true);
  if (end <= from || !CLAUSE_END.test(text.slice(end, end + 4)) || !fullName(text, from, end)) return -1;
  return givenNameAt(text, from) || opensAddress(text, i) ? end : -1;
}

/** Whether the clause before the comma at `i` opens as one speaks to someone (`Thanks for booking`, `Your receipt`). */
function opensAddress(text: string, i: number): boolean {
  let s = i;
  while (s > 0 && i - s < 80 && !'.!?|\n:;'.includes(text[s - 1] as string)) s--;
  while (codeAt(text, s) === 32) s++;
  for (const w of OPENERS) if (matchesAt(text, s, w, true) && !isLetter(codeAt(text, s + w.length))) return true;
  return false;
}

/** At the `f` of `for` or `of` after a record's word (`Appointment for`, `Profile of`). */
export function recordForAt(text: string, i: number): boolean {
  const start = lower(codeAt(text, i - 1)) === 111 ? i - 1 : i;
  if (codeAt(text, start - 1) !== 32 || !(matchesAt(text, start, 'for ', true) || matchesAt(text, start, 'of ', true))) return false;
  for (const w of RECORD_WORDS) if (matchesAt(text, start - 1 - w.length, w, true) && !isLetter(codeAt(text, start - 2 - w.length))) return true;
  return false;
}

/** At the `w` of `what room`/`which unit` (a patient locator's question, see LOCATOR_RE). */
export const locatorAt = (text: string, i: number): boolean => !isLetter(codeAt(text, i - 1)) && LOCATOR_AT.test(text.slice(i, i + 12));

/** At the `h` of `holder ` (`Account holder Jane Doe`). */
export const holderAt = (text: string, i: number): boolean => matchesAt(text, i, 'holder ', true);

/** At a colon after `from`, `to` or `for` opening a line (`From: Jane Doe`, `To: Jane Doe`). */
export function fromColonAt(text: string, i: number): boolean {
  let j = i;
  while (j > 0 && codeAt(text, j - 1) === 32) j--;
  const w = j >= 4 && matchesAt(text, j - 4, 'from', true) ? 4 : j >= 2 && matchesAt(text, j - 2, 'to', true) ? 2 : j >= 3 && matchesAt(text, j - 3, 'for', true) ? 3 : 0;
  if (w === 0) return false;
  let k = j - w;
  while (k > 0 && (codeAt(text, k - 1) === 32 || codeAt(text, k - 1) === 9)) k--;
  return k === 0 || codeAt(text, k - 1) === 10;
}

/** At the apostrophe of `'s` before a record's word (`Jane Doe's Profile`). */
export function possessiveRecordAt(text: string, i: number): boolean {
  if (lower(codeAt(text, i + 1)) !== 115 || codeAt(text, i + 2) !== 32) return false;
  for (const w of POSSESSED) if (matchesAt(text, i + 3, w, true) && !isLetter(codeAt(text, i + 3 + w.length))) return true;
  return false;
}

function scanPossessive(text: string, out: Detection[], kind: string): void {
  const re = resetAt(POSSESSIVE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const before = NAME_BEFORE.exec(text.slice(Math.max(0, m.index - 64), m.index));
    if (before === null) continue;
    // Three words may open with a verb (`View Jane Doe's Profile`): then the last two are the name.
    if (PLACE_OPENER.test(before[1] as string)) continue;
    const from = m.index - (before[1] as string).length;
    const second = text.indexOf(' ', from) + 1;
    if (fullName(text, from, m.index)) out.push({ start: from, end: m.index, kind });
    else if (second < m.index && fullName(text, second, m.index)) out.push({ start: second, end: m.index, kind });
  }
}

const covered = (out: readonly Detection[], start: number, end: number): boolean => out.some((d) => d.start <= start && d.end >= end);

/** Names addressed or filed under as above. */
export function scanAddressedNames(text: string, out: Detection[], kind: string): void {
  if (text.indexOf(',') >= 0) {
    const re = resetAt(COMMA_RE, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const end = addressedAt(text, m.index);
      // `Doe, Jane Ann` is a surname-first name already found whole (record-name.ts): not a second one.
      if (end > 0 && !covered(out, m.index + m[0].length, end)) out.push({ start: m.index + m[0].length, end, kind });
    }
  }
  const full = (from: number, end: number): boolean => fullName(text, from, end);
  scanNamesAfter(RECORD_FOR_RE, text, out, kind, full);
  scanNamesAfter(HOLDER_RE, text, out, kind, full);
  scanNamesAfter(LOCATOR_RE, text, out, kind, full);
  if (text.indexOf('s ') >= 0) scanPossessive(text, out, kind);
  if (text.indexOf(':') < 0) return;
  scanNamesAfter(FROM_RE, text, out, kind, full);
  scanNamesAfter(TO_FOR_RE, text, out, kind, (from, end) => full(from, end) &&
    (givenNameAt(text, from) || ROOM_AFTER.test(text.slice(end, end + 12))));
}
