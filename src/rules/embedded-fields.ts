import { mayBeCard, rewriteVcard } from './card-lines.js';
import { roleNameValue } from './role-values.js';
import { personCodePair } from './person-codes.js';
import { encodedForm } from './encoded-values.js';
import { rewriteEchoed } from './echoed-values.js';
import { formDecoded } from './form-decoded.js';
import { familyName, fhirFamily, loneFamily } from './fhir-fields.js';
import { holdsHl7, rewriteHl7 } from './hl7-segments.js';
import { rewriteCellPairs, rewriteElements, rewriteWrappedValues, rewriteInputs } from './markup-fields.js';
import { rewriteLinePairs } from './line-pairs.js';
import { rewriteMultipart, rewritePhp } from './serialized-fields.js';
import { holdsDicom, rewriteDicom } from './dicom-tags.js';
import { holdsNcpdp, rewriteNcpdp } from './ncpdp-fields.js';
import { holdsX12, rewriteX12 } from './x12-segments.js';
import { rewriteTable } from './table-text.js';

// Field names written INSIDE a string value: a query string or a `k=v|k=v` blob copied into a
// property (`fname=Jane|lname=Doe`), a form's JSON kept as text (`{"naam":"Jan de Vries"}`,
// escaped once more inside another JSON), a record printed as `pt_nm: Jane Doe; dob: ...`. The
// value detectors cannot tell a bare name or a local id from prose; the key says what it is, as
// it would if the pair were a real field. Callers decide per key (the plan's field rules).

/** What to do with a pair's value: a replacement, or null to leave the pair as it is. */
export type PairVerdict = (key: string, value: string) => string | null;

// A key: an identifier-like token, right after the start, a separator or a (JSON) quote, then
// `=` or `:` (Ruby and PHP: `=>`). Keys are short: longer runs are prose or data, not field names.
// A bracketed name (PHP, Rails, WPForms: `patient[last_name]=`, `wpforms[fields][1][first]=`) is read by its last part.
const KEY_RE = /(?<![A-Za-z0-9_$.\-])([A-Za-z_$][A-Za-z0-9_$.\-]{0,40})(\\*["']|\])?[ \t]*(=>|[=:])[ \t]*/g;
// Where an unquoted value ends: the next separator of a pair list (a `,` only before another key).
const VALUE_END = /[&|;\n\t}\]"]|,(?=[ \t]*\\*["']?[A-Za-z_$][A-Za-z0-9_$.\-]*\\*["']?[ \t]*[=:])/g;
const TITLE_WORD = /^[A-Z][a-z]+$/;
const SCHEME_RE = /^(?:mailto|sms|smsto|mms|tel|facetime|whatsapp)$/i;

/** A bare `key:` opens the text or an item of a list (`; dob:`), not a phrase (`Visitor policy:`). */
function opensItem(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  // A YAML list item (`- member_id: W123`) opens at a dash that starts its line.
  if (i >= 0 && text[i] === '-' && (i === 0 || text[i - 1] === '\n')) return true;
  return i < 0 || ';|,\n\t{[(&'.includes(text[i]);
}

/** A key opening the text, or a JS object literal's first key (`{lastName:"Doe"}`: code, not a sentence's `Note:`). */
const opensText = (text: string, at: number): boolean => at === 0 || (text.charCodeAt(0) === 123 && text.slice(1, at).trim() === '');

interface Pair { key: string; start: number; end: number; strong: boolean; lead: boolean }

// A header block copied into a value (`Host: …\r\nX-Forwarded-User: Jane Doe`): two header lines in a row, one a dashed
// name. Each line's name is a field name there, Title-Case or not (`From:`), where a lone `Note: …` in prose is a sentence.
const HEADER_BLOCK = /(?:^|\n)[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*:[ \t][^\n]*\n[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]*:[ \t]|(?:^|\n)[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9-]*:[ \t][^\n]*\n[A-Za-z][A-Za-z0-9-]*:[ \t]/;
const lineStart = (text: string, at: number): boolean => at === 0 || text.charCodeAt(at - 1) === 10;

/** The pairs of `text`: keyed values, with their value's span. */
function pairsOf(text: string): Pair[] {
  const pairs: Pair[] = [];
  const headers = text.indexOf('\n') > 0 && HEADER_BLOCK.test(text);
  const re = KEY_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const key = m[1];
    const before = m.index > 0 ? text.charCodeAt(m.index - 1) : 32;
    const quotedKey = m[2] !== undefined && (before === 34 || before === 39);
    // A link's scheme (`mailto:desk@x.org?subject=…&body=…`) is no key: its query's own keys follow it.
    if (m[3] === ':' && !quotedKey && SCHEME_RE.test(key)) { re.lastIndex = m.index + m[0].length; continue; }
    // `https:`, `Note:` in prose: a bare `:` pair counts only in a list of pairs (see below).
    let start = m.index + m[0].length;
    while (text.charCodeAt(start) === 92) start++;
    const open = text.charCodeAt(start);
    if (open === 91 && (m[3] !== ':' || quotedKey)) listItems(text, start + 1, key, pairs);
    if (open === 123 || open === 91) { re.lastIndex = start; continue; }
    let end: number;
    if (open === 34 || open === 39) {
      start++;
      end = text.indexOf(String.fromCharCode(open), start);
      if (end < 0) end = text.length;
      while (end > start && text.charCodeAt(end - 1) === 92) end--;
    } else {
      VALUE_END.lastIndex = start;
      const stop = VALUE_END.exec(text);
      end = stop === null ? text.length : stop.index;
      while (end > start && text.charCodeAt(end - 1) === 32) end--;
    }
    while (end > start && text.charCodeAt(end - 1) === 13) end--;
    const strong = m[3] !== ':' || quotedKey || (headers && lineStart(text, m.index));
    if (end > start && (strong || (!TITLE_WORD.test(key) && opensItem(text, m.index)))) pairs.push({ key, start, end, strong, lead: opensText(text, m.index) && (open === 34 || open === 39 || key.includes('_')) });
    re.lastIndex = Math.max(end, m.index + m[0].length);
  }
  // One bare `Word: text` is a sentence; two or more (`pt_nm: Jane Doe; dob: 03/04/61`) a record,
  // and so is one that opens the text with a code-like key or a quoted value (`last_name: Doe`, `lastname: "Doe"`).
  const bare = pairs.filter((p) => !p.strong).length;
  return bare === 1 ? pairs.filter((p) => p.strong || p.lead) : pairs;
}

// A list of strings after a key (`"given":["Jane","Q"]`, `emails: ['a@x.org']`) in a fragment cut short so it no longer
// parses as JSON: each item is a value of that key (a parsed list is read as a field already). Stops at anything else.
const LIST_ITEM = /[ \t]*(\\*)(["'])/y;

function listItems(text: string, from: number, key: string, pairs: Pair[]): void {
  let at = from;
  for (let n = 0; n < 16; n++) {
    LIST_ITEM.lastIndex = at;
    const m = LIST_ITEM.exec(text);
    if (m === null) return;
    const start = at + m[0].length;
    let end = text.indexOf(m[2], start);
    if (end < 0) end = text.length;
    const close = end;
    while (end > start && text.charCodeAt(end - 1) === 92) end--;
    if (end > start) pairs.push({ key, start, end, strong: true, lead: false });
    at = close + 1;
    while (text.charCodeAt(at) === 32) at++;
    if (text.charCodeAt(at) !== 44) return;
    at++;
  }
}

function rewrite(text: string, verdict: PairVerdict): string | undefined {
  const pairs = pairsOf(text);
  if (pairs.length === 0) return undefined;
  let out = '';
  let cursor = 0;
  let changed = false;
  for (const p of pairs) {
    const value = text.slice(p.start, p.end);
    // A role key's full name (`cust=Cornelius Abernathy`) and a person's code (`volunteer_key=VK-88-1027`) go as they would in a
    // field of their own (role-values.ts, person-codes.ts).
    const v = verdict(p.key, value) ?? (roleNameValue(p.key, value, false) || personCodePair(p.key, value) ? '[REDACTED]' : null);
    if (v === null) continue;
    out += text.slice(cursor, p.start) + v;
    cursor = p.end;
    changed = true;
  }
  return changed ? out + text.slice(cursor) : undefined;
}

/**
 * Elements first (`<lastName>Doe</lastName>`, `<span itemprop="familyName">`), then attributes (`value`,
 * `content`, `datetime`, an `<id>`'s `extension`). In a name with a `<given>` part (CDA, FHIR XML), `family` is the surname.
 */
function rewriteMarkup(text: string, lt: number, given: PairVerdict): string | undefined {
  const verdict = text.indexOf('<given', lt) >= 0 ? familyName(given) : given;
  const closes = text.indexOf('</', lt) > 0;
  const cells = closes ? rewriteCellPairs(text, verdict) : undefined;
  const elements = closes ? rewriteElements(cells ?? text, verdict) ?? cells : undefined;
  const xml = closes ? rewriteWrappedValues(elements ?? text, verdict) ?? elements : undefined;
  const cur = xml ?? text;
  if (cur.indexOf('=') < 0 || (cur.indexOf('value', lt) < 0 && cur.indexOf('content', lt) < 0 && cur.indexOf('datetime', lt) < 0 && cur.indexOf('extension', lt) < 0)) return xml;
  const inputs = rewriteInputs(cur, verdict);
  return inputs === undefined ? xml : rewrite(inputs, partNames(verdict)) ?? inputs;
}

/** Whether `text` could hold a pair at all (one cheap look before any regex). */
export function mayHoldPairs(text: string): boolean {
  // A text that is a URL is the url detector's (it is redacted whole).
  if (text.startsWith('http')) return false;
  return text.indexOf('=') >= 0 || text.indexOf(':') >= 0 || text.indexOf('%3') >= 0;
}

/**
 * `text` with each embedded field's value replaced as `verdict` says, or undefined when no key
 * names anything. An encoded blob (`naam%3DJan%26geb%3D1961`) is read decoded, and then
 * forwarded decoded, as the scanner does (form-decoded.ts).
 */
export function rewriteEmbedded(text: string, verdict: PairVerdict): string | undefined {
  // A data: URI's payload (`data:text/vcard;base64,…` saved from a contact button): its fields, read
  // decoded as the scanner reads and forwards it (form-decoded.ts), so a card's `FN:` goes by its label.
  if (text.charCodeAt(0) === 100 && text.startsWith('data:')) {
    const payload = formDecoded(text);
    if (payload !== undefined && !payload.startsWith('data:')) return rewriteEmbedded(payload, verdict);
  }
  const nl = text.indexOf('\n');
  const hl7 = holdsHl7(text, nl) ? rewriteHl7(text, verdict) : undefined;
  if (hl7 !== undefined) return hl7;
  // Other healthcare interchange formats by position or tag: X12, DICOM dumps, NCPDP claims.
  const record = rewriteRecord(text, verdict) ?? rewriteEchoed(text, verdict);
  if (record !== undefined) return record;
  const table = nl > 2 ? rewriteTable(text, nl, verdict) : undefined;
  if (table !== undefined) return table;
  // One look for `<` serves both markup readers (most texts have none).
  const lt = text.indexOf('<');
  const markup = lt >= 0 ? rewriteMarkup(text, lt, verdict) : undefined;
  if (markup !== undefined) return markup;
  // A one-line record with `|`, `»`, `→`… between labels and values (line-pairs.ts).
  if (!mayHoldPairs(text)) return nl < 0 ? rewriteLinePairs(text, verdict) ?? encodedPairs(text, verdict) : undefined;
  const card = mayBeCard(text) ? rewriteVcard(text, verdict) : undefined;
  if (card !== undefined) return card;
  // PHP `serialize()` blobs (`s:9:"last_name";s:3:"Doe";`) and multipart bodies (`name="dob"` then the value).
  const php = text.indexOf('";s:') >= 0 ? rewritePhp(text, verdict) : undefined;
  if (php !== undefined) return php;
  // A FHIR search (`Patient?family=Doe&birthdate=…`) names the surname `family`, and so does a GraphQL or JS filter of
  // FHIR names (`{family: "Doe", birthdate: "…"}`) or a multipart part (`name="family"`) beside a given name or birth date.
  const byName = fhirFamily(text) ? familyName(verdict) : text.indexOf('name="family"') >= 0 ? loneFamily(verdict) : verdict;
  const part = text.indexOf('form-data') >= 0 ? rewriteMultipart(text, byName) : undefined;
  if (part !== undefined) return part;
  // In a multipart body or markup `name="topic"` names a part or an element, not a person: their readers had no rule for it.
  const plain = rewrite(text, text.indexOf('form-data') >= 0 || (lt >= 0 && NAMED_TAG.test(text)) ? partNames(byName) : byName);
  if (plain !== undefined) return plain;
  const line = nl < 0 ? rewriteLinePairs(text, verdict) : undefined;
  if (line !== undefined) return line;
  if (text.indexOf('%') < 0 && text.indexOf('+') < 0) return encodedPairs(text, verdict);
  const decoded = formDecoded(text);
  return decoded === undefined ? undefined : rewrite(decoded, verdict);
}

const NAMED_TAG = /<[A-Za-z][\w:.-]{0,40}\s[^<>]{0,400}\bname="[^"<>]{0,200}"/;
const partNames = (verdict: PairVerdict): PairVerdict => (k, v) => (k === 'name' ? null : verdict(k, v));

/** A query string sent as base64 (encoded-values.ts), read and forwarded decoded as the scanner does. */
function encodedPairs(text: string, verdict: PairVerdict): string | undefined {
  const form = encodedForm(text);
  return form === undefined ? undefined : rewrite(form, verdict);
}

/**
 * X12 segments, DICOM tags and NCPDP fields, then the rest of the text's pairs. Each needs a
 * character most texts lack (`*`, `(`, the field separator 0x1C) and is longer than 12 characters.
 */
function rewriteRecord(text: string, verdict: PairVerdict): string | undefined {
  if (text.length < 12) return undefined;
  const paren = text.indexOf('(');
  const x12 = holdsX12(text) ? rewriteX12(text, verdict) : undefined;
  const a = x12 ?? text;
  const dicom = paren >= 0 && holdsDicom(a) ? rewriteDicom(a, verdict) : undefined;
  const b = dicom ?? a;
  const ncpdp = holdsNcpdp(b, paren) ? rewriteNcpdp(b, verdict) : undefined;
  const c = ncpdp ?? b;
  if (c === text) return undefined;
  // Other fields written beside these (`PatientName=…` in a DICOM dump) are read too.
  return (mayHoldPairs(c) ? rewrite(c, verdict) : undefined) ?? c;
}
