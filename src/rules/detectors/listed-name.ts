import { nameEnd } from './person-name.js';
import { nameWord } from './verb-name.js';
import { titleWord } from './item-name.js';
import { commonWord } from './file-name.js';
import { ROUTE_RE, personWords, scanRoutedNames } from './routed-name.js';
import { givenWord } from './given-names.js';
import type { Detection } from './types.js';

// Names sent as fields of a record line or as items of a list (Safe Harbor A), in free text an open destination allows:
//  - a line of cells (`,` `;` `|` tab, ` / `, ` - `, a bracket) with an identifier in another cell: a birth date (a year
//    before 2011), a telephone number, an email address, a `DOB`/`MRN`/`SSN` word or an identifier already cut
//    (`[PHONE]`): the cell that is a full name (`Jane Doe, (503) 555-0142`, `Robert Chen; 1961-03-14; Medicare`, `Haruto
//    Nakamura / 503-555-0161`, `Sophie Lindahl (DOB 03/22/1988)`), two cells of one capitalised word each (`Okafor,Kenji,
//    03/14/1961,…`, `"Priya","Raman","priya@…"`) or a full name before the identifier in one cell (`Wojcik Agnieszka 1985-07-21`);
//    `Cardiology,12,North`, `Flu Shot, 2026-11-30, Walk-in` (no identifier) and `Billing Office, 503-555-0100` (a desk) stay;
//  - a list of two or more full names (`,` `;` `and` `&`), the whole text or after a label's colon (`patient list: Jane Doe,
//    Robert Chen, Maria Lopez`, `["Amara Nwachukwu","Felix Wagner"]`), when a common given name opens one of them or the
//    label names people (`Attendees:`, `Guests:`, `Family:`); `Tylenol, Advil, Aleve`, `Mercy General, St. Vincent,
//    Providence Park` and `Yoga Mat, Travel Mug` stay.
const IDENTIFIER = new RegExp([
  '@', '\\[(?:DATE|PHONE|EMAIL|SSN|MRN|DOB|REDACTED)\\]', '(?<![\\p{L}])(?:dob|d\\.o\\.b\\.?|mrn|ssn|born)(?![\\p{L}])[^\\n\\d]{0,6}\\d',
  '\\(?\\d{3}\\)?[ .-]?\\d{3}[ .-]\\d{4}(?!\\d)', '(?<![\\d/.-])\\d{1,2}[-/.]\\d{1,2}[-/.](?:19\\d{2}|200\\d|2010|[3-9]\\d)(?![\\d/.-])',
  '(?<![\\d/.-])(?:19\\d{2}|200\\d|2010)-\\d{1,2}-\\d{1,2}(?!\\d)',
].join('|'), 'iu');
// Separators alone (the spaces around them are trimmed by a loop: a regex's `[ ]*` on each side is tried at every space of a run).
const CELL_SPLIT = /[\t|;,]|[ ][/\u2013\u2014-][ ]|(?=\()/g;
// A name's cell may go on with its number (`Wojcik Agnieszka 1985-07-21`, `Sophie Lindahl (03/22/1988)`).
const NUMBER_AFTER = /^[ ]+[\d(]/;
const ONE_WORD = /^\p{Lu}\p{Ll}[\p{L}\p{M}'\u2019-]{0,30}$/u;
const PEOPLE_LABEL = /(?:^|[ ])(?:names?|list|attendees?|guests?|visitors?|family|members?|participants?|patients?|residents?|authorized|contacts?|people|kids|children|parents|siblings|to|b?cc)[ ]*:[ ]*$/i;
const LIST_SPLIT = /[,;]|[ ](?:and|&|y|und|et|e)[ ]/;

interface Cell { readonly s: number; readonly e: number }

/**
 * The names other scans found, to tell in O(log n) whether one covers a span: sorted by start with the furthest end so far, so
 * thousands of cells in one text never compare each against all (a record line's cells are disjoint, so they need no check
 * against each other).
 */
class Found {
  private readonly starts: number[] = [];
  private readonly reach: number[] = [];

  constructor(out: readonly Detection[]) {
    const sorted = [...out].sort((x, y) => x.start - y.start);
    let far = -1;
    for (const d of sorted) { far = Math.max(far, d.end); this.starts.push(d.start); this.reach.push(far); }
  }

  /** Whether a name found before covers `start` to `end` (one that only overlaps it, such as `Doe, Robert` read surname first in
   * `Jane Doe, Robert Chen`, leaves `Jane` to these scans; resolve.ts keeps the longer). */
  covers(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if ((this.starts[mid] as number) <= start) lo = mid + 1; else hi = mid; }
    return lo > 0 && (this.reach[lo - 1] as number) >= end;
  }

  push(out: Detection[], start: number, end: number, kind: string): void {
    if (!this.covers(start, end)) out.push({ start, end, kind });
  }
}

const OPENERS = new Set(['"', "'", '(', '[', ' ']);
const CLOSERS = new Set(['"', "'", ')', ']', ' ']);

/** The cells of the line from `s` to `e`, spaces, quotes and brackets cut from their ends. */
function cells(text: string, s: number, e: number, split: RegExp): Cell[] {
  const out: Cell[] = [];
  const line = text.slice(s, e);
  let at = 0;
  for (const part of line.split(split)) {
    const i = line.indexOf(part, at);
    at = i + part.length;
    let a = 0;
    let b = part.length;
    while (a < b && OPENERS.has(part[a] as string)) a++;
    while (b > a && CLOSERS.has(part[b - 1] as string)) b--;
    if (b > a) out.push({ s: s + i + a, e: s + i + b });
  }
  return out;
}

/** The end of the full name opening the cell (the whole cell, or before a digit or bracket in it), or -1. */
function cellName(text: string, c: Cell): number {
  const end = nameEnd(text, c.s, true, true);
  if (end <= c.s || end > c.e || !personWords(text, c.s, end)) return -1;
  return end === c.e || NUMBER_AFTER.test(text.slice(end, end + 3)) ? end : -1;
}

const oneWord = (text: string, c: Cell): boolean => {
  const w = text.slice(c.s, c.e);
  const l = w.toLowerCase();
  return ONE_WORD.test(w) && nameWord(l) && !titleWord(l) && !commonWord(l);
};

/** `ident`: whether IDENTIFIER matches the line, when the caller has tested it already (the same test, once per line). */
function scanRecordLine(text: string, s: number, e: number, out: Detection[], found: Found, kind: string, ident: boolean | undefined): void {
  if (!(ident ?? IDENTIFIER.test(text.slice(s, e)))) return;
  const cs = cells(text, s, e, CELL_SPLIT);
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k] as Cell;
    const end = cellName(text, c);
    if (end > 0) { found.push(out, c.s, end, kind); continue; }
    const next = cs[k + 1];
    if (next !== undefined && oneWord(text, c) && oneWord(text, next) && !IDENTIFIER.test(text.slice(c.s, next.e))) {
      found.push(out, c.s, c.e, kind);
      found.push(out, next.s, next.e, kind);
      k++;
    }
  }
}

function scanList(text: string, s: number, e: number, out: Detection[], found: Found, kind: string): void {
  const colon = text.lastIndexOf(':', e);
  const from = colon >= s ? colon + 1 : s;
  const labelled = colon >= s && PEOPLE_LABEL.test(text.slice(s, from));
  const items = cells(text, from, e, LIST_SPLIT);
  if (items.length < 2) return;
  let given = labelled;
  for (const c of items) {
    if (cellName(text, c) !== c.e) return;
    given ||= givenWord(text.slice(c.s, text.indexOf(' ', c.s)));
  }
  if (given) for (const c of items) found.push(out, c.s, c.e, kind);
}

/** Names in record lines and lists, and after routing words (routed-name.ts). */
export function scanListedNames(text: string, out: Detection[], kind: string): void {
  scanRoutedNames(text, out, kind);
  let found: Found | undefined;
  let s = 0;
  while (s < text.length) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    if (e - s >= 5) {
      const before = out.length;
      const line = text.slice(s, e);
      const list = listSeparated(line) && LIST_HINT.test(line);
      const ident = list ? undefined : IDENTIFIER.test(line);
      if (list || ident === true) found ??= new Found(out);
      if (list && found !== undefined) scanList(text, s, e, out, found, kind);
      if (out.length === before && found !== undefined) scanRecordLine(text, s, e, out, found, kind, ident);
    }
    s = e + 1;
  }
}

// The prefilter's mark (NAME_CUE) for a text the scans above may read (a necessary condition of each): a routing word before a
// capital, a list's first item (a word and a capitalised word before `,` `;` or `and`), or an identifier a record line names
// someone beside. A browser's user agent (`(Macintosh; Intel Mac OS X 10_15_7)`) has none of them.
const ROUTE_HINT = new RegExp(ROUTE_RE.source, 'iu');
const LIST_HINT = /[ ]\p{Lu}[\p{L}\p{M}'\u2019-]*["'.)\]]*(?:[ ]*[,;]|[ ]+(?:and|&|y|und|et|e)[ ])/u;
const UPPER = /\p{Lu}/u;

/** Whether `text` (`digits` ASCII digits in it, prefilter.ts) may hold a name the scans above find. Each regex runs only when
 * the characters it needs are there: an identifier has a digit, `@` or `[`; a list a separator. */
export function listedNameHint(text: string, digits: number): boolean {
  if (text.length < 7) return false;
  if ((digits > 0 || text.indexOf('@') >= 0 || text.indexOf('[') >= 0) && IDENTIFIER.test(text) && UPPER.test(text)) return true;
  if (listSeparated(text) && LIST_HINT.test(text)) return true;
  return ROUTE_HINT.test(text);
}

// One pass over the text instead of eight indexOf calls (each a full scan when the text holds none).
const LIST_SEPARATOR = /[,;]| (?:and|&|y|und|et|e) /;
const listSeparated = (text: string): boolean => LIST_SEPARATOR.test(text);
