import type { JsonObject, JsonValue } from '../common/json.js';
import { normalizeFieldName } from './field-name.js';
import { BoundedMemo } from '../common/bounded-memo.js';

// A telephone number sent in pieces, one sibling key each (Safe Harbor D/E): a form's area-code box and
// number box (`{area: "503", number: "555-0142"}`, `{areaCode: "415", line: "5550199"}`, `{prefix: "617",
// suffix: "555-0187"}`), NANP's three boxes (`{npa, nxx, xxxx}`), a country code beside a national number
// (`{cc: "44", national: "7946 0958"}`). No piece is a phone number alone, and the keys need not say `phone`
// (`{callback: {area, number}}`); together they are one. Read by structure: every piece
// under a key naming a part of a number (below), the pieces' digits adding up to a number's: an area or
// country code of 1-3 digits and a local number of 7-8, or 3, 3 and 4. `{room_prefix: "B", room_number: "214"}`,
// `{width: "300", height: "2500000"}` and a version's `{major: 4, minor: 12}` are no such pieces.
// An SSN typed into three boxes is read the same way (ssnBox, below).

// Key endings of each piece: an area or country code, a local number, and NANP's exchange and line boxes.
const CODE_ENDS = ['area', 'areacode', 'npa', 'prefix', 'cc', 'country', 'countrycode', 'dialcode', 'callingcode', 'dialingcode'];
const LOCAL_ENDS = ['number', 'num', 'line', 'linenumber', 'local', 'localnumber', 'suffix', 'subscriber', 'subscribernumber', 'national',
  'nationalnumber'];
const EXCHANGE_ENDS = ['nxx', 'exchange', 'exch', 'prefix', 'cocode'];
const LINE_ENDS = ['line', 'linenumber', 'suffix', 'xxxx', 'subscriber', 'station'];

const CODE = 1, LOCAL = 2, EXCHANGE = 4, LINE = 8;

// What pieces a raw key could name (bits above), remembered per key (bounded: keys repeat across events).
const keyRoles = new BoundedMemo<number>(10_000);

function rolesOf(key: string): number {
  let bits = keyRoles.get(key);
  if (bits === undefined) {
    const norm = normalizeFieldName(key);
    const ends = (list: readonly string[]): boolean => list.some((e) => norm.endsWith(e));
    bits = (ends(CODE_ENDS) ? CODE : 0) | (ends(LOCAL_ENDS) ? LOCAL : 0) | (ends(EXCHANGE_ENDS) ? EXCHANGE : 0) | (ends(LINE_ENDS) ? LINE : 0);
    keyRoles.set(key, bits);
  }
  return bits;
}

/** What piece a key and its value could be (bits above), 0 for none. */
function pieceOf(key: string, v: JsonValue | undefined): number {
  const digits = pieceDigits(v);
  if (digits === 0) return 0;
  const roles = rolesOf(key);
  if (roles === 0) return 0;
  // Each role by the digits it holds: a code 1-3, a local number 7-8, an exchange 3, a line 4.
  const fits = (digits <= 3 ? CODE : 0) | (digits === 7 || digits === 8 ? LOCAL : 0) | (digits === 3 ? EXCHANGE : 0) | (digits === 4 ? LINE : 0);
  return roles & fits;
}

// A piece: digits with at most one separator between groups, an optional `+` or parentheses round a code.
const PIECE = /^(?:\+?\d{1,3}|\(\d{3}\)|\d{3,4}(?:[ .-]?\d{4})?)$/;

/** The number of digits a piece holds, or 0 when the value is no piece of a number. */
function pieceDigits(v: JsonValue | undefined): number {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v < 1e8 ? (v < 10 ? 1 : Math.floor(Math.log10(v)) + 1) : 0;
  if (typeof v !== 'string' || v.length === 0 || v.length > 10) return 0;
  const first = v.charCodeAt(0);
  if ((first < 48 || first > 57) && first !== 43 && first !== 40) return 0;
  if (!PIECE.test(v)) return 0;
  let n = 0;
  for (let i = 0; i < v.length; i++) { const c = v.charCodeAt(i); if (c >= 48 && c <= 57) n++; }
  return n;
}

/** Whether `obj[key]` is one piece of a telephone number written across its siblings (see above). */
export function phonePiece(obj: JsonObject, key: string): boolean {
  // The value first: almost no property is a short run of digits.
  const own = pieceOf(key, obj[key]);
  if (own === 0) return false;
  const pieces = [own];
  for (const k in obj) if (k !== key) { const p = pieceOf(k, obj[k]); if (p !== 0) pieces.push(p); }
  if (pieces.length < 2 || pieces.length > 4) return false;
  // A code and a local number (two pieces), or a code, an exchange and a line (three boxes, each its own piece).
  const some = (bit: number): boolean => pieces.some((p) => (p & bit) !== 0);
  if (some(CODE) && some(LOCAL)) return true;
  return pieces.length >= 3 && some(CODE) && some(EXCHANGE) && some(LINE);
}

// A Social Security number typed into three boxes (Safe Harbor G): sibling keys that differ only by a last
// index or part word (`social_1`/`_2`/`_3`, `ssnA`…, `{area, group, serial}` as the SSA names the parts) holding
// 3, 2 and 4 digits, a valid area (not 000, 666 or 9xx), group (not 00) and serial (not 0000). Each box alone is
// a short number; together they are the SSN. Read only from a 2-4 digit string (a code is typed as text).
const SSN_BOX = /^\d{2,4}$/;
const BOX_END = /(?:[ _.-]?(?:\d|[abc]|part\d|first|middle|mid|last|area|group|serial|one|two|three))$/i;

/** The key without its box index or part word (`social_3` is `social`), or undefined when it has none. */
function boxStem(key: string): string | undefined {
  const m = BOX_END.exec(key);
  return m === null || m.index === 0 ? undefined : key.slice(0, m.index).toLowerCase();
}

/** Whether `obj[key]` is one box of an SSN typed across three sibling boxes (see above). */
export function ssnBox(obj: JsonObject, key: string): boolean {
  const own = obj[key];
  // The value first (2-4 characters, a digit first): almost every string fails here, before any regex.
  if (typeof own !== 'string' || own.length < 2 || own.length > 4 || own.charCodeAt(0) > 57 || !SSN_BOX.test(own)) return false;
  const stem = boxStem(key);
  const boxes: string[] = [];
  for (const k in obj) {
    const v = obj[k];
    if (typeof v === 'string' && SSN_BOX.test(v) && (k === key || (stem === undefined ? isSsaPart(k) : boxStem(k) === stem))) boxes.push(v);
  }
  if (stem === undefined && !isSsaPart(key)) return false;
  const area = boxes.find((b) => b.length === 3), group = boxes.find((b) => b.length === 2), serial = boxes.find((b) => b.length === 4);
  if (boxes.length !== 3 || area === undefined || group === undefined || serial === undefined) return false;
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

const isSsaPart = (k: string): boolean => k === 'area' || k === 'group' || k === 'serial';
