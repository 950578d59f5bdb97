// An identifier sent in pieces, each clean to the detectors on its own: an email or phone number as an
// array of characters (a per-character input widget: `["j","a","n","e","@","x",".","o","r","g"]`), as
// parts around an `@` (`["jane.doe", "@", "example.org"]`), or as an object's mailbox beside its domain
// (`{user: "jane.doe", domain: "example.org"}`), or a number's digit groups as elements (`["503", "555", "0177"]`,
// `["287", "65", "4321"]`, `["call me at 503", "555", "0177"]`: a form's boxes or a text split where it wrapped). The
// pieces are joined into the text they spell and scanned: the whole array, or the mailbox, goes when that text holds
// an identifier.
import type { JsonObject, JsonValue } from '../common/json.js';
import type { ScrubContext } from './scrub-tree.js';

const AT = 64;

/**
 * Whether an array of strings spells an identifier joined: character arrays and arrays with an `@` piece joined as
 * one word; arrays where a number's last group (4 digits) follows a group of 2-3 (an element, or the end of the
 * text before it) joined with spaces, so each group stays a group (`503 555 0177`, `287 65 4321`). Lists of years,
 * sizes or room numbers have no such step (`["2019", "2020"]`, `["Room 214", "215"]`) and are never joined.
 */
export function spellsIdentifier(values: readonly JsonValue[], ctx: ScrubContext): boolean {
  const n = values.length;
  let chars = n >= 5, at = false, groups = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'string' || v.length === 0) return false;
    if (v.length > 1) chars = false;
    if (v.charCodeAt(0) === AT || v.charCodeAt(v.length - 1) === AT) at = true;
    if (!groups && i > 0 && v.length <= 6 && lastGroup(v)) { const d = trailingDigits(values[i - 1] as string); groups = d === 2 || d === 3; }
    if (!chars && !at && !groups && v.length > 64) return false;
  }
  if (chars || at) return ctx.plan.scanner.hits((values as string[]).join(''), ctx.codeSite);
  return groups && ctx.plan.scanner.hits((values as string[]).join(' '), ctx.codeSite);
}

// A decimal digit in any script a form is typed in (full-width, Arabic-Indic, Devanagari, Thai, Myanmar...): Unicode's Nd.
const NON_ASCII_DIGIT = /^\p{Nd}$/u;
function isAnyDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 128 && NON_ASCII_DIGIT.test(String.fromCharCode(c)));
}

const CLOSE = 41;

/** A number's last group as one element: exactly 4 digits (a phone's line, an SSN's serial). */
function lastGroup(v: string): boolean {
  if (v.length !== 4) return false;
  for (let i = 0; i < 4; i++) if (!isAnyDigit(v.charCodeAt(i))) return false;
  return true;
}

/** How many digits end `v` (after a closing parenthesis: `(503)`), up to 5. */
function trailingDigits(v: string): number {
  let i = v.length - 1;
  if (v.charCodeAt(i) === CLOSE) i--;
  let d = 0;
  while (i >= 0 && d < 5 && isAnyDigit(v.charCodeAt(i))) { d++; i--; }
  return d;
}

// Names a mailbox is sent under beside its domain.
const MAILBOX_KEYS = ['user', 'username', 'local', 'localpart', 'local_part', 'localPart', 'mailbox', 'login', 'account', 'handle', 'name', 'id', 'mail', 'box'];
const MAILBOX = /^[A-Za-z0-9._%+-]{1,64}$/;

/** Drops from `out` a mailbox that, with the domain beside it in `obj` (a key `domain` or `host`), spells an email address. */
export function dropMailbox(obj: JsonObject, out: JsonObject, ctx: ScrubContext): void {
  const domain = obj.domain ?? obj.host;
  if (typeof domain !== 'string' || domain.indexOf('.') < 0) return;
  for (const k of MAILBOX_KEYS) {
    const v = out[k];
    if (typeof v === 'string' && MAILBOX.test(v) && ctx.plan.scanner.hits(`${v}@${domain}`, ctx.codeSite)) { ctx.hits.push('email'); delete out[k]; }
  }
}
