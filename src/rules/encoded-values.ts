// Values that are a whole structure in base64: Snowplow's `ue_px`/`cx` (base64url JSON of a
// self-describing `{schema, data}` envelope), a `state` or `d` parameter carrying `{"email": ...}`,
// and the same encoded twice. The detectors already read such a token decoded (form-decoded.ts),
// but only as text: a name under `last_name` inside it needs its key read, as it is when the JSON
// arrives as plain text. A compressed blob (gzip or zlib, then base64) cannot be read at all, yet
// any recipient inflates it in one call: it is dropped (fail closed).

import { B64_VALUE, BASE64 } from './form-decoded.js';
import { wrappedToken } from './base64-lines.js';

const TRAILING_PADDING = /=+$/;

/** What an encoded value holds: JSON text and how to spell a scrubbed copy the same way, or a compressed blob. */
export type Encoded = { readonly json: string; readonly encode: (json: string) => string } | typeof COMPRESSED;
export const COMPRESSED = 'compressed';

const TOKEN = BASE64;
const MAX_TOKEN = 65_536;

/** The first two bytes the token decodes to (from its first three characters), or -1. */
function firstBytes(text: string): number {
  let bits = 0;
  for (let i = 0; i < 3; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64_VALUE[c] : -1;
    if (v < 0) return -1;
    bits = (bits << 6) | v;
  }
  return bits >> 2;
}

/** Whether two leading bytes open JSON (`{"`, `[{`, `["`, `{ `, `[[`) or another base64 token of JSON (`ey`, `W3`, `Wy`). */
function opensJson(b: number): boolean {
  const b0 = b >> 8, b1 = b & 0xff;
  if (b0 === 123 || b0 === 91) return b1 === 34 || b1 === 123 || b1 === 91 || b1 === 32 || b1 === 10;
  return (b0 === 101 && b1 === 121) || (b0 === 87 && (b1 === 51 || b1 === 121));
}

/** Whether two leading bytes are a gzip header (1f 8b) or a zlib one (78 01/5e/9c/da). */
function opensCompressed(b: number): boolean {
  return b === 0x1f8b || b === 0x7801 || b === 0x785e || b === 0x789c || b === 0x78da;
}

/**
 * The JSON a value encodes (base64 or base64url, padded or not, at most twice), or COMPRESSED, or
 * undefined. Cheap for everything else: the first three characters decide before any regex.
 */
export function encodedJson(value: string): Encoded | undefined {
  const c = value.charCodeAt(0);
  // `e`/`W`: `{`/`[`; `Z`: base64 of `ey...`/`W...`; `H` and `e`: gzip and zlib headers.
  if ((c !== 101 && c !== 87 && c !== 90 && c !== 72) || value.length < 16 || value.length > MAX_TOKEN) return undefined;
  const head = firstBytes(value);
  if (head < 0) return undefined;
  if (opensCompressed(head)) return TOKEN.test(value) ? COMPRESSED : undefined;
  if (!opensJson(head) || !TOKEN.test(value)) return undefined;
  return decodeJson(value, 0);
}

function decodeJson(token: string, depth: number): Encoded | undefined {
  const url = token.indexOf('-') >= 0 || token.indexOf('_') >= 0;
  const padded = token.endsWith('=');
  const text = Buffer.from(token, url ? 'base64url' : 'base64').toString('utf8');
  const spell = (s: string): string => { const b = Buffer.from(s, 'utf8').toString(url ? 'base64url' : 'base64'); return padded ? b : b.replace(TRAILING_PADDING, ''); };
  const first = text.charCodeAt(0);
  if (first === 123 || first === 91) return looksJson(text) ? { json: text, encode: spell } : undefined;
  // Encoded twice: the inner token, then this one's spelling around it.
  if (depth > 0 || !TOKEN.test(text)) return undefined;
  const inner = decodeJson(text, depth + 1);
  if (inner === undefined || inner === COMPRESSED) return inner;
  return { json: inner.json, encode: (s) => spell(inner.encode(s)) };
}

function looksJson(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 125 || last === 93;
}

/** A value that holds a compressed blob: dropped (see above). Not a string any value could be. */
export const DROPPED = '\u0000dropped';

/**
 * A base64 JSON value with its JSON rewritten by `readJson` and spelled as it came (the value itself
 * when nothing changed; undefined when `readJson` cannot read it), DROPPED for a compressed blob or
 * when `readJson` says so, or undefined when the value is neither.
 */
export function rewriteEncoded(value: string, readJson: (json: string) => string | undefined): string | undefined {
  const lines = wrappedToken(value);
  const enc = encodedJson(lines?.token ?? value);
  if (enc === undefined) return undefined;
  if (enc === COMPRESSED) return DROPPED;
  const json = readJson(enc.json);
  if (json === undefined || json === DROPPED) return json;
  return json === enc.json ? value : lines === undefined ? enc.encode(json) : lines.wrap(enc.encode(json));
}

// A query string in base64 (`qs=ZW1haWw9...` for `email=...&lname=...`): it opens with a key, a
// letter or `_` then a letter, digit or `_` (`Q`-`Z`, `a`-`f` first in base64).
const FORM_START = /^[A-Za-z_][A-Za-z0-9_.\-[\]]{0,40}=/;
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f\ufffd]/;

/** The form text (`k=v&k=v`) a value that is one base64 token encodes, or undefined. */
export function encodedForm(value: string): string | undefined {
  if (value.length < 16 || value.length > MAX_TOKEN) return undefined;
  const head = firstBytes(value);
  if (head < 0 || !keyStart(head >> 8) || !keyPart(head & 0xff) || !TOKEN.test(value)) return undefined;
  const text = Buffer.from(value, value.indexOf('-') >= 0 || value.indexOf('_') >= 0 ? 'base64url' : 'base64').toString('utf8');
  return FORM_START.test(text) && !CONTROL.test(text) ? text : undefined;
}

const keyStart = (b: number): boolean => (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 95;
const keyPart = (b: number): boolean => keyStart(b) || (b >= 48 && b <= 57);
