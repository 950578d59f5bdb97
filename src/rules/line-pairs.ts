import type { PairVerdict } from './embedded-fields.js';

// A record printed on one line, each label beside its value: `Name | Jane Doe`, `DOB ¦ 03/04/1961`,
// `Full name » Jane Doe`, `Name → Jane Doe; Birthday → 03/04/1961`, `Name – Jane Doe`, and labels
// alternating with values (`name|Jane Doe|dob|1961-03-04`, `Name::Jane Doe::DOB::…`). A table kept as
// text is read by its header line (embedded-fields.ts); this is the one-line form of its two-column
// reading. An item (`;` ends one) with two cells is a label and its value; with four, six… cells it
// alternates, and then every other cell must be label-shaped (a list `a | b | c | d` of values is not).
// A label that is also a site's navigation word (`Contact | Northbay Health`, a page title) or an option
// (`Mobile | Desktop`) is not read; the detectors still read phone numbers, emails and dates there. Labels
// alternating with values must start with a label that names a field (`WRH|web|mobile|v1` is a trail).

// One look before any split: a separator must be there.
const MAY_SEP = /[|\u00a6\u2016\u2192\u21d2\u00bb\u2013\u2014]|::/;
// A dash separates only with spaces around it (`Name – Jane`; `9–5` and `Jean-Luc` do not).
const CELL_SEP = /[ \t]*(?:\|\|?|\u00a6|\u2016|\u2192|\u21d2|\u00bb|::|[ \t][\u2013\u2014][ \t])[ \t]*/g;
const LABEL = /^[A-Za-z_][A-Za-z0-9_ .'-]{0,40}$/;
const MAX_LINE = 2_000;
// Page-title and menu words that happen to name a field rule (`Contact | Site`, `Locations | Site`).
const NAV_WORDS: ReadonlySet<string> = new Set(['contact', 'contacts', 'contact us', 'location', 'locations', 'account', 'accounts', 'my account',
  'card', 'cards', 'claims', 'company', 'employer', 'employers', 'website', 'link', 'links', 'gallery', 'photo', 'photos', 'image', 'images',
  'policy', 'policies', 'member', 'members', 'patient', 'patients', 'guest', 'guests', 'visitor', 'visitors', 'history', 'tag', 'tags', 'voice',
  'mobile', 'phone', 'email', 'text', 'sms', 'web', 'desktop', 'tablet', 'date', 'time', 'state', 'country', 'region']);

// A header row of a two-column record (`Name | Value`, `Field | Details`) names its columns, not a person.
const HEADER_VALUES: ReadonlySet<string> = new Set(['value', 'values', 'details', 'detail', 'description', 'info', 'data', 'answer', 'response', 'entry']);

type Span = readonly [number, number];

/** `text` (one line) with each labelled value replaced as `verdict` says, or undefined when no label names anything. */
export function rewriteLinePairs(text: string, verdict: PairVerdict): string | undefined {
  if (text.length > MAX_LINE || !MAY_SEP.test(text)) return undefined;
  const edits: [number, number, string][] = [];
  for (let from = 0; from <= text.length;) {
    let to = text.indexOf(';', from);
    if (to < 0) to = text.length;
    itemPairs(text, cellsOf(text, from, to), verdict, edits);
    from = to + 1;
  }
  if (edits.length === 0) return undefined;
  let out = '';
  let cursor = 0;
  for (const [s, e, v] of edits) { out += text.slice(cursor, s) + v; cursor = e; }
  return out + text.slice(cursor);
}

/** The item's cells between `from` and `to`, trimmed. */
function cellsOf(text: string, from: number, to: number): Span[] {
  const cells: Span[] = [];
  const re = CELL_SEP;
  re.lastIndex = from;
  let start = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index + m[0].length <= to) {
    cells.push(trimmed(text, start, m.index));
    start = m.index + m[0].length;
  }
  cells.push(trimmed(text, start, to));
  return cells;
}

function trimmed(text: string, s: number, e: number): Span {
  while (s < e && text.charCodeAt(s) === 32) s++;
  while (e > s && text.charCodeAt(e - 1) === 32) e--;
  return [s, e];
}

function itemPairs(text: string, cells: Span[], verdict: PairVerdict, edits: [number, number, string][]): void {
  const n = cells.length;
  if (n < 2 || n % 2 !== 0) return;
  for (let i = 0; i < n; i += 2) {
    const label = text.slice(cells[i][0], cells[i][1]);
    if (!LABEL.test(label) || (n === 2 && NAV_WORDS.has(label.toLowerCase()))) return;
  }
  for (let i = 0; i < n; i += 2) {
    const [s, e] = cells[i + 1];
    if (e <= s || (n === 2 && HEADER_VALUES.has(text.slice(s, e).toLowerCase()))) continue;
    const v = verdict(text.slice(cells[i][0], cells[i][1]), text.slice(s, e));
    if (v !== null) edits.push([s, e, v]);
    else if (i === 0 && n > 2) return;
  }
}
