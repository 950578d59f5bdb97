// The display name of an address in a mail header or a `mailto:` written by a mail client
// (`From: "Jane Doe" <jane@x.org>`, `Reply-To: Doe, Jane <jane@x.org>`, `On Tue ... Jane Doe
// <jane@x.org> wrote:`): the person whose address follows (Safe Harbor A), redacted with it.
// Only right before `<address>`: a quoted string, or up to four capitalised words (one comma
// allowed between them, `Doe, Jane`); and a calendar line's `CN=` before `:mailto:address`.

const UPPER = /\p{Lu}/u;
const LETTER = /[\p{L}\p{M}]/u;
const QUOTED_MAX = 80;
const WORDS_MAX = 4;

export interface Span { readonly start: number; readonly end: number }

/** Start of the `<` (or `&lt;`) that opens the address starting at `at`, or -1. */
function openerBefore(text: string, at: number): number {
  if (text.charCodeAt(at - 1) === 60) return at - 1;
  return at >= 4 && text.startsWith('&lt;', at - 4) ? at - 4 : -1;
}

function quotedBefore(text: string, close: number, floor: number): Span | undefined {
  const min = Math.max(floor, close - QUOTED_MAX);
  for (let i = close - 1; i >= min; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 60 || c === 62) return undefined;
    if (c === 34) return i + 1 < close && LETTER.test(text.slice(i + 1, close)) ? { start: i, end: close + 1 } : undefined;
  }
  return undefined;
}

/** The capitalised word ending at `end` (letters, marks, inner `'`, `-`, `.`), or its start -1. */
function wordStart(text: string, end: number, floor: number): number {
  let i = end;
  while (i > floor && (LETTER.test(text[i - 1]) || ((text[i - 1] === "'" || text[i - 1] === '-' || text[i - 1] === '.') && i < end))) i--;
  if (i === end || !UPPER.test(text[i])) return -1;
  const w = text.slice(i, end);
  return w === 'AM' || w === 'PM' ? -1 : i;
}

function wordsBefore(text: string, end: number, floor: number): Span | undefined {
  let start = -1;
  let p = end;
  let comma = false;
  for (let n = 0; n < WORDS_MAX; n++) {
    const s = wordStart(text, p, floor);
    if (s < 0) break;
    start = s;
    // Between words: one space, or `, ` once (`Doe, Jane`).
    if (s >= 2 && text.charCodeAt(s - 1) === 32 && text.charCodeAt(s - 2) === 44 && !comma) { comma = true; p = s - 2; continue; }
    if (s >= 1 && text.charCodeAt(s - 1) === 32) { p = s - 1; continue; }
    break;
  }
  return start < 0 ? undefined : { start, end };
}

const MAILTO = /^:mailto:$/i;
const CN_MAX = 160;

/** A calendar line's common name (`ATTENDEE;CN="Doe, Jane";ROLE=...:mailto:jane@x.org`) before the address at `at`. */
function commonNameBefore(text: string, at: number, floor: number): Span | undefined {
  const colon = at - 8;
  if (colon <= floor || !MAILTO.test(text.slice(colon, at))) return undefined;
  for (let i = colon - 1; i >= Math.max(floor + 2, colon - CN_MAX); i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return undefined;
    if (c !== 61 || (text.charCodeAt(i - 1) | 0x20) !== 110 || (text.charCodeAt(i - 2) | 0x20) !== 99) continue;
    const start = i + 1;
    const quoted = text.charCodeAt(start) === 34;
    let end = quoted ? text.indexOf('"', start + 1) + 1 : start;
    if (!quoted) while (end < colon && text.charCodeAt(end) !== 59 && text.charCodeAt(end) !== 58) end++;
    return end > start && end <= colon ? { start, end } : undefined;
  }
  return undefined;
}

/** The display name before the address that starts at `at`, or undefined. Never reaches back past `floor`. */
export function displayNameBefore(text: string, at: number, floor: number): Span | undefined {
  const open = openerBefore(text, at);
  if (open < 0) return commonNameBefore(text, at, floor);
  let e = open;
  while (e > floor && open - e < 2 && text.charCodeAt(e - 1) === 32) e--;
  if (e <= floor) return undefined;
  return text.charCodeAt(e - 1) === 34 ? quotedBefore(text, e - 1, floor) : wordsBefore(text, e, floor) ?? lowerWordsBefore(text, e, floor);
}

// A mail client may keep a name as typed (`jane doe <jane@x.org>`): two or three lower-case words
// that open the text, a line or a header value (after `: `, `, `, `; `), none of them a word of
// the prose around an address (`email us <info@…>`, `write to <…>`).
const LOWER_RUN = /(?:^|[\n:,;][ ]?)((?:[a-z][a-z'-]+ ){1,2}[a-z][a-z'-]+)$/;
const PROSE = new Set(['at', 'to', 'us', 'me', 'or', 'and', 'the', 'via', 'from', 'email', 'mail', 'e-mail', 'contact', 'write', 'send',
  'reply', 'cc', 'bcc', 'our', 'your', 'my', 'please', 'address', 'is', 'support', 'team', 'office', 'help', 'info', 'sales', 'admin',
  'patient', 'services', 'service', 'billing', 'customer', 'care', 'member', 'appointments', 'scheduling', 'records', 'clinic', 'hospital', 'here', 'feedback']);

function lowerWordsBefore(text: string, end: number, floor: number): Span | undefined {
  const from = Math.max(floor, end - 60);
  const m = LOWER_RUN.exec(text.slice(from, end));
  if (m === null || (from > floor && m.index === 0 && m[0] === m[1])) return undefined;
  for (const w of m[1].split(' ')) if (PROSE.has(w)) return undefined;
  return { start: end - m[1].length, end };
}
