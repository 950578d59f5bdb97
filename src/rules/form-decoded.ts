import { safeDecode } from './canonical-path.js';
import { wrappedToken } from './base64-lines.js';

const UNDERSCORES = /_/g;

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
}

/** Whether `text` holds a `%XX` escape. */
function hasEscape(text: string): boolean {
  for (let i = text.indexOf('%'); i >= 0 && i + 2 < text.length; i = text.indexOf('%', i + 1)) {
    if (isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) return true;
  }
  return false;
}

/** A `+` standing for a space: glued to text on both sides (`617+555`), not `+1 617` or `C++`. */
function hasGluedPlus(text: string): boolean {
  for (let i = text.indexOf('+'); i >= 0; i = text.indexOf('+', i + 1)) {
    if (i === 0 || i + 1 === text.length) continue;
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + 1);
    if (before !== 32 && before !== 43 && after !== 32 && after !== 43) return true;
  }
  return false;
}

/**
 * The text as a form decoder reads it (`+` is a space, `%XX` escapes undone, repeatedly; then
 * character references and escapes undone, and a base64 token decoded), or undefined when it
 * does not look encoded. Values copied from query strings and form posts
 * arrive encoded (`617+555+0100`, `dob%3D1961-03-05`, `jane%2540example.org`), sometimes after
 * a plain prefix (`Form Submitted: (617)+555-0100`): detectors must see what the receiving end
 * will decode, not only the escaped spelling.
 */
export function formDecoded(text: string): string | undefined {
  // A value that is one base64 token, on one line or wrapped as mail and PEM write it (a SAML
  // response, an attachment), is read as base64 first: its `+` is a digit, not a form space, and
  // its lines are one token.
  const token = base64Text(text);
  let decoded = token === undefined ? percentDecoded(text) ?? text : text;
  decoded = unescaped(decoded) ?? decoded;
  decoded = encodedWords(decoded) ?? decoded;
  const b64 = token ?? base64Decoded(decoded) ?? dataUriPayload(decoded);
  if (b64 !== undefined) { const again = percentDecoded(b64) ?? b64; decoded = unescaped(again) ?? again; }
  // A reference may spell a dash or an invisible character (`&ndash;`, `&#8209;`, `&shy;`):
  // the decoded text is read as the folded text would be (see folded).
  // Escapes may spell fullwidth forms or direction marks too (`\uff20`, `\u202e`): folded the same way.
  if (decoded !== text && NOT_ASCII.test(decoded)) decoded = folded(decoded) ?? decoded;
  return decoded === text ? undefined : decoded;
}
const NOT_ASCII = /[^\x00-\x7f]/;

// `data:application/json;base64,eyJ...` (a link, a cta or a saved form as a data: URI): its payload.
const DATA_B64 = /^data:[\w.+-]+\/[\w.+-]+(?:;[\w=.+-]+)*;base64,/i;
function dataUriPayload(text: string): string | undefined {
  if (text.charCodeAt(0) !== 100 || !text.startsWith('data:')) return undefined;
  const m = DATA_B64.exec(text);
  return m === null ? undefined : base64Decoded(text.slice(m[0].length));
}

// A mail header's encoded words (RFC 2047: `=?UTF-8?B?SmFuZSBEb2U=?=`, `=?iso-8859-1?Q?Ren=E9_Dupont?=`), read
// as any mail client shows them: a `From:` or `To:` line copied into a property names its person so.
// White space between two encoded words is not part of the text.
const ENCODED_WORD = /=\?([A-Za-z0-9_.:-]{1,40})\?([BbQq])\?([^?\s]{1,2048})\?=/g;
const BETWEEN_WORDS = /\?=[ \t\r\n]+(?==\?)/g;
const QP_BYTE = /=([0-9A-Fa-f]{2})/g;
const SINGLE_BYTE = /^(?:us-ascii|iso-8859-1|latin1|windows-1252|cp1252)$/i;

function encodedWords(text: string): string | undefined {
  if (text.indexOf('=?') < 0 || text.indexOf('?=') < 0) return undefined;
  const out = text.replace(BETWEEN_WORDS, '?=').replace(ENCODED_WORD, wordText);
  return out === text ? undefined : out;
}

function wordText(_: string, charset: string, kind: string, payload: string): string {
  const bytes = kind === 'B' || kind === 'b' ? Buffer.from(payload, 'base64')
    : Buffer.from(payload.replace(UNDERSCORES, ' ').replace(QP_BYTE, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
  return bytes.toString(SINGLE_BYTE.test(charset) ? 'latin1' : 'utf8');
}

// A `+` is a form-encoded space, except in an address's plus tag (`jane+news@x.org`): read as
// a space it would cut the address in two, and only its second half would be found.
// A mailbox's `+tag` is no space: before `@`, its escapes (`%40`, `%2540`), its fullwidth form or a spelled-out `(at)`/`[at]`, with or
// without a space before it (`jane_lopez+appt(at)icloud.com`, `jane+appt @ gmail.com`).
const SPACE_PLUS = /\+(?![A-Za-z0-9._-]{0,64}(?:[ ]?@|%40|%2540|\uFF20|[ ]?[([{<][Aa][Tt][)\]}>]))/g;

function percentDecoded(text: string): string | undefined {
  const plus = hasGluedPlus(text);
  if (!plus && !hasEscape(text)) return undefined;
  const decoded = safeDecode(plus ? text.replace(SPACE_PLUS, ' ') : text);
  return decoded === text ? undefined : decoded;
}

// HTML character references (`&#64;`, `&#x40;`, `&commat;`, `&amp;#64;` escaped twice) and
// JavaScript/JSON escapes (`\u0040`, `\x40`, `%u0040`): a page template or a JSON encoder
// spelled the character, and whatever reads the value downstream spells it back.
// A JSON string encoded again doubles the backslash (`\\\\u0040` in its JSON text is `\\u0040`
// in the value): any run of backslashes starts the escape.
// Quoted-printable (mail headers and bodies copied into a property) spells `@` as `=40`: read so
// only before a domain (`jane=40example.org`), never in a query's `limit=40&`.
// A numeric reference's `;` is optional, as browsers read it (`jane&#64example.org` shows `@`): its digits end it.
// ES2015 code point escapes (`\u{40}`) are read with the four-digit ones.
const ESCAPE = /&(?:#x[0-9a-f]{1,6};?|#[0-9]{1,7};?|[a-z]{2,8};)|\\+u(?:[0-9a-f]{4}|\{[0-9a-f]{1,6}\})|\\+x[0-9a-f]{2}|%u[0-9a-f]{4}|(?<=[A-Za-z0-9._-])=40(?=[A-Za-z0-9-]+\.[A-Za-z])/i;
const ESCAPES = new RegExp(ESCAPE.source, 'gi');
const PERCENT_U = /%u[0-9a-f]{4}/i;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&', commat: '@', period: '.', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', plus: '+', colon: ':',
  sol: '/', num: '#', hyphen: '-', dash: '-', lowbar: '_', percnt: '%', equals: '=', quest: '?', comma: ',', semi: ';',
  ndash: '-', mdash: '-', minus: '-', shy: '', zwsp: '', zwj: '', zwnj: '',
};

// A Latin letter with its diacritic as HTML names it (`&eacute;`, `&Acirc;`, `&ouml;`, `&ccedil;`, `&ntilde;`, `&szlig;`): a
// template's spelling of a name (blind pass 52: `Aur&eacute;lie Ch&acirc;telain` kept its surname) is read as its letters.
const MARKS: Readonly<Record<string, string>> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', tilde: '\u0303', uml: '\u0308',
  ring: '\u030a', cedil: '\u0327', caron: '\u030c' };
const LETTERS: Readonly<Record<string, string>> = { szlig: 'ß', aelig: 'æ', AElig: 'Æ', oelig: 'œ', OElig: 'Œ', oslash: 'ø', Oslash: 'Ø',
  eth: 'ð', ETH: 'Ð', thorn: 'þ', THORN: 'Þ' };

/** The letter a named reference spells (`eacute`, case kept), or undefined. */
function letterRef(name: string): string | undefined {
  const letter = LETTERS[name];
  if (letter !== undefined) return letter;
  const mark = MARKS[name.slice(1)];
  const c = name.charCodeAt(0) | 0x20;
  return mark === undefined || c < 97 || c > 122 ? undefined : (name[0] + mark).normalize('NFC');
}

/** Code point `n` as text, or `m` (the escape as written) when `n` is none. */
const charOr = (n: number, m: string): string => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m);

function unescapeOne(m: string): string {
  if (m.charCodeAt(0) === 61) return '@';
  if (m.charCodeAt(0) === 38) {
    const name = m.charCodeAt(m.length - 1) === 59 ? m.slice(1, -1) : m.slice(1);
    const body = name.toLowerCase();
    if (body.charCodeAt(0) !== 35) return NAMED[body] ?? letterRef(name) ?? m;
    return charOr(body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10), m);
  }
  if (m.charCodeAt(0) === 37) return String.fromCharCode(parseInt(m.slice(2), 16));
  const hex = m.slice(m.lastIndexOf('\\') + 2);
  return hex.charCodeAt(0) === 123 ? charOr(parseInt(hex.slice(1, -1), 16), m) : String.fromCharCode(parseInt(hex, 16));
}

const NUMERIC_REFS = /&#x([0-9a-f]{1,6});|&#([0-9]{1,7});/gi;
const NUMERIC_REFS_OR_JS = /&#x([0-9a-f]{1,6});|&#([0-9]{1,7});|\\+u([0-9a-f]{4})|\\+x([0-9a-f]{2})/gi;

/**
 * A URL a template escaped twice, read as meant: numeric character references (`&#64;`, whose
 * `#` would otherwise start a fragment) undone once, and with `js` JS escapes (`\u0040`, whose
 * `\` a URL parser reads as `/`) too. The caller checks for `&#` / `\` first.
 */
export function undoUrlEscapes(url: string, js: boolean): string {
  return js ? url.replace(NUMERIC_REFS_OR_JS, refOrJsChar) : url.replace(NUMERIC_REFS, refChar);
}

const refChar = (m: string, hexRef?: string, decRef?: string): string =>
  charOr(decRef !== undefined ? parseInt(decRef, 10) : parseInt(hexRef ?? '', 16), m);
const refOrJsChar = (m: string, hexRef?: string, decRef?: string, u?: string, x?: string): string =>
  (hexRef === undefined && decRef === undefined ? charOr(parseInt(u ?? x ?? '', 16), m) : refChar(m, hexRef, decRef));

/** The text with character references and escapes undone (twice at most), or undefined. */
function unescaped(text: string): string | undefined {
  // The common case: no `&` (starts a reference), `\\` or `%u` (an escape's start); user agents have `;` but no `&`.
  if (text.indexOf('&') < 0 && text.indexOf('\\') < 0 && (text.indexOf('%') < 0 || !PERCENT_U.test(text)) && text.indexOf('=40') < 0) return undefined;
  let out = text;
  for (let i = 0; i < 2 && ESCAPE.test(out); i++) out = out.replace(ESCAPES, unescapeOne);
  return out === text ? undefined : out;
}

// A value that is one base64 or base64url token (a `state`, a `d` or a campaign parameter
// carrying `{"email": ...}` or `email=...&phone=...`): its decoded text, when that is text.
export const BASE64 = /^[A-Za-z0-9+/_-]{12,}={0,2}$/;

// Value of each base64 and base64url character (-1: none).
export const B64_VALUE = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((ch, i) => { B64_VALUE[ch.charCodeAt(0)] = i; });
B64_VALUE[45] = 62; // -
B64_VALUE[95] = 63; // _

/** Whether the first three bytes `text` decodes to are printable ASCII (paths, hex ids, card numbers and UUIDs are not). */
function printableStart(text: string): boolean {
  let bits = 0;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? B64_VALUE[c] : -1;
    if (v < 0) return false;
    bits = (bits << 6) | v;
  }
  for (let shift = 16; shift >= 0; shift -= 8) {
    const b = (bits >> shift) & 0xff;
    if (b < 32 || b > 126) return false;
  }
  return true;
}

/** The text a value that is one base64 token encodes (on one line, or wrapped in lines of 64 or 76), when that is text. */
export const base64Text = (value: string): string | undefined => base64Decoded(wrappedToken(value)?.token ?? value);

function base64Decoded(text: string): string | undefined {
  if (text.length < 12 || text.length > 8192 || !printableStart(text) || !BASE64.test(text)) return undefined;
  const s = Buffer.from(text, 'base64').toString('utf8');
  if (s.length < 8) return undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Binary (a hash, a random id): control characters or bytes that are not UTF-8.
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd || c === 127) return undefined;
  }
  return s;
}

// Dashes NFKC leaves alone (hyphen, non-breaking hyphen, figure/en/em dash, minus...): word
// processors and phone keyboards turn `617-555-0100` into them, and a reader still dials it.
// Zero-width characters and soft hyphens are invisible, so `123\u200b45\u200b6789` reads as digits.
// Paths are read with the same characters (src/pipeline/path-verdicts.ts).
export const DASH_CHARS = '\\u2010-\\u2015\\u2043\\u2212\\ufe58\\ufe63\\uff0d';
const DASHES = new RegExp(`[${DASH_CHARS}]`, 'g');
export const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const CIRCLED_A = /[\u24b6\u24d0]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const BIDI_ALL = new RegExp(BIDI.source, 'g');

/** The text with compatibility forms folded (NFKC: fullwidth `＠１２３`, typed by IME users, is `@123` to any system downstream; dashes become `-`, invisible characters go), or undefined when that changes nothing. */
export function folded(text: string): string | undefined {
  // A circled `ⓐ`/`Ⓐ` stands for `@` (`jane.doeⓐmail.example`); NFKC would make it a plain `a`.
  let f = text.replace(CIRCLED_A, '@').normalize('NFKC').replace(DASHES, '-').replace(INVISIBLE, '');
  // Direction marks and embeddings (`\u200fjane\u200e@x.org`, pasted from right-to-left text)
  // are as invisible as a zero-width space; paths drop them too (path-verdicts.ts).
  if (BIDI.test(f)) f = f.replace(BIDI_ALL, '');
  // Decimal digits of other scripts (Arabic-Indic `٦١٧`, Devanagari `६१७`, mathematical `𝟔𝟏𝟕`)
  // are digits to a reader and to most parsers; NFKC leaves all but the mathematical ones.
  if (OTHER_DIGIT.test(f)) f = f.replace(OTHER_DIGITS, asciiDigit);
  if (GROUP_MARK.test(f)) f = f.replace(GROUP_MARKS, groupSeparator);
  return f === text ? undefined : f;
}

// Marks NFKC leaves alone that stand for `.`, `/` or `-` between digit groups (pass 46): a middle dot, bullet or
// katakana middle dot for a dot (`617·555·0142`, `７８１・５５５・０１６４`, as Japanese text writes a phone number), an
// ideographic full stop (`192。168。4。21`, an IME's `.`), a division or fraction slash (`03∕14∕1987`, autocorrected `/`),
// and the long-vowel mark or a box-drawing line an IME gives for `-` (`03ー1234ー5678`). Only between digits, read with
// a space on either side as one separator (`617 • 555 • 0142`): `カード`, `l·l` and a bulleted list keep their marks.
const GROUP_MARK = /[\u00b7\u2022\u2027\u2219\u22c5\u30fb\u3002\u2215\u2044\u29f8\u30fc\u2500\u2501\u02d7\u2796]/;
const GROUP_MARKS = /(?<=[0-9]) ?[\u00b7\u2022\u2027\u2219\u22c5\u30fb\u3002\u2215\u2044\u29f8\u30fc\u2500\u2501\u02d7\u2796] ?(?=[0-9])/g;
const SLASH_MARK = /[\u2215\u2044\u29f8]/;
const DASH_MARK = /[\u30fc\u2500\u2501\u02d7\u2796]/;
const groupSeparator = (c: string): string => (SLASH_MARK.test(c) ? '/' : DASH_MARK.test(c) ? '-' : '.');
const OTHER_DIGIT = /(?![0-9])\p{Nd}/u;
const OTHER_DIGITS = /(?![0-9])\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;
/** Every script's digits run 0 to 9 on consecutive code points (the mathematical ones five runs
 * back to back): the value is how far back its run starts, modulo 10. */
function asciiDigit(d: string): string {
  const cp = d.codePointAt(0) ?? 0;
  let v = 0;
  while (v < 50 && IS_DIGIT.test(String.fromCodePoint(cp - v - 1))) v++;
  return String(v % 10);
}

/**
 * A query's or form's value that is base64 text once its percent escapes are undone (a SAML response posted in a form,
 * `SAMLResponse=PHNhbWxw…%2B…&RelayState=…`: its `+` and `=` escaped), scrubbed by `scrub` as that text and sent escaped
 * again (`[REDACTED]` when `scrub` drops it); the value itself when clean; undefined when it is no such value.
 */
export function scrubEscapedBase64(value: string, scrub: (text: string) => string | undefined): string | undefined {
  if (value.length < 16 || !hasEscape(value)) return undefined;
  const text = base64Text(safeDecode(value));
  if (text === undefined) return undefined;
  const out = scrub(text);
  return out === text ? value : out === undefined ? '[REDACTED]' : encodeURIComponent(out);
}
