import { defineDetector } from './define.js';
import { isAsciiAlnum, isAsciiLetter, resetAt } from './scan.js';
import { WEBMAIL_WORDS } from './cue-words.js';
import { displayNameBefore } from './display-name.js';
import { ownAccount } from './handle-mention.js';
import type { Detection } from './types.js';

// Scanning outward from each '@' / '%40' is linear and cannot backtrack, unlike a regex whose
// unanchored local-part class would be retried from every position before the '@'.

const LOCAL_MAX = 64;
const DOMAIN_MAX = 253;

// `logo@2x.png` and friends look like addresses; none of these suffixes is a delegated TLD.
const FILE_SUFFIXES = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'ico', 'bmp', 'css', 'js', 'mjs', 'cjs',
  'map', 'json', 'txt', 'pdf', 'woff', 'woff2', 'ttf', 'otf', 'html', 'htm', 'php', 'aspx', 'ts',
]);

/** Practical local-part characters. `=`, `&`, `?`, `/`, `:` and quotes are left out on purpose:
 * in URLs they delimit the address (`?email=jane@x.com`), and including them would swallow keys. */
function isLocalChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 46 /* . */ || c === 95 /* _ */ || c === 37 /* % */ || c === 43 /* + */ || c === 45 /* - */ || isIntlWordChar(c);
}

function isDomainChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 46 || c === 45 || isIntlWordChar(c);
}

const INTL_WORD = /[\p{L}\p{M}\p{N}]/u;

/** A letter, mark or digit beyond ASCII: internationalised addresses (`josé@ejemplo.es`,
 * `用户@例子.中国`, RFC 6531) use them in both parts. Only reached for characters beside an `@`. */
function isIntlWordChar(c: number): boolean {
  return c >= 0xc0 && INTL_WORD.test(String.fromCharCode(c));
}

const isTldChar = (c: number): boolean => isAsciiLetter(c) || isIntlWordChar(c);

/** Percent-escapes of characters that cannot sit inside an address, e.g. `%3D` in
 * `next%3Demail%3Djane%40x.com`: the address starts after the last one. */
function isEncodedDelimiter(text: string, at: number): boolean {
  const hi = text.charCodeAt(at);
  const lo = text.charCodeAt(at + 1) | 0x20;
  if (hi === 50 /* 2 */) return lo === 48 || lo === 50 || lo === 54 || lo === 55 || lo === 99 || lo === 102 || lo === 51; // 20 22 26 27 2c 2f 23
  if (hi === 51 /* 3 */) return lo === 97 || lo === 98 || lo === 99 || lo === 100 || lo === 101 || lo === 102; // 3a-3f
  if (hi === 48 /* 0 */) return lo === 57 || lo === 97 || lo === 100; // tab, LF, CR
  return false;
}

/** Start of the local part ending at `at`, or -1. Never walks back past `floor`. */
function localStart(text: string, at: number, floor: number): number {
  const min = Math.max(floor, at - LOCAL_MAX);
  let i = at;
  while (i > min && isLocalChar(text.charCodeAt(i - 1))) i--;
  for (let j = at - 3; j >= i; j--) {
    if (text.charCodeAt(j) === 37 && isEncodedDelimiter(text, j + 1)) {
      i = j + 3;
      break;
    }
  }
  while (i < at && text.charCodeAt(i) === 46) i++;
  for (let j = i; j < at; j++) if (isAsciiAlnum(text.charCodeAt(j)) || isIntlWordChar(text.charCodeAt(j))) return i;
  return -1;
}

/** End of a domain with at least two labels and an alphabetic TLD starting at `from`, or -1. */
function domainEnd(text: string, from: number): number {
  const max = Math.min(text.length, from + DOMAIN_MAX);
  let end = from;
  while (end < max && isDomainChar(text.charCodeAt(end))) end++;
  if (end === from || !(isAsciiAlnum(text.charCodeAt(from)) || isIntlWordChar(text.charCodeAt(from)))) return -1;
  for (;;) {
    while (end > from && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
    // Bounded by hand: lastIndexOf would search all the way to the start of the text per '@'.
    let dot = end - 1;
    while (dot > from && text.charCodeAt(dot) !== 46) dot--;
    if (dot <= from) return -1;
    // A TLD is the letter run after the last dot; `example.com2` still ends at `com`.
    let t = dot + 1;
    while (t < end && isTldChar(text.charCodeAt(t))) t++;
    const len = t - dot - 1;
    // Punycode TLDs (`xn--p1ai`) legitimately carry digits and dashes.
    if (len === 2 && text.startsWith('--', t) && text.slice(dot + 1, t).toLowerCase() === 'xn') return end;
    if (len >= 2 && len <= 24) {
      if (FILE_SUFFIXES.has(text.slice(dot + 1, t).toLowerCase())) return -1;
      return t;
    }
    end = dot;
  }
}

function scan(text: string, out: Detection[], kind: string, site: string): void {
  let nextAt = text.indexOf('@');
  let nextPct = text.indexOf('%40');
  let lastEnd = 0;
  while (nextAt >= 0 || nextPct >= 0) {
    let pos: number;
    let sepLen: number;
    if (nextPct < 0 || (nextAt >= 0 && nextAt < nextPct)) {
      pos = nextAt;
      sepLen = 1;
      nextAt = text.indexOf('@', pos + 1);
    } else {
      pos = nextPct;
      sepLen = 3;
      nextPct = text.indexOf('%40', pos + 3);
    }
    if (pos < lastEnd) continue;
    // `lee @ example.org`: one or two spaces may sit on either side of a typed `@`.
    const before = sepLen === 1 ? spacesBefore(text, pos, lastEnd) : 0;
    if (before > 0 && text.charCodeAt(pos + 1) !== 32 && cuedHandle(text, pos, lastEnd)) { lastEnd = handleAt(text, pos, out, kind, lastEnd, site); continue; }
    const start = quotedStart(text, pos, lastEnd) ?? localStart(text, pos - before, lastEnd);
    if (start < 0) { if (sepLen === 1) lastEnd = handleAt(text, pos, out, kind, lastEnd, site); continue; }
    const after = sepLen === 1 ? spacesAfter(text, pos + 1) : 0;
    const from = pos + sepLen + after;
    const domain = literalEnd(text, pos + sepLen) ?? domainEnd(text, from);
    const end = domain >= 0 ? domain : webmailEnd(text, from);
    if (end < 0) { if (sepLen === 1) lastEnd = handleAt(text, pos, out, kind, lastEnd, site); continue; }
    const name = displayNameBefore(text, start, lastEnd);
    if (name !== undefined) out.push({ start: name.start, end: name.end, kind });
    out.push({ start, end, kind });
    lastEnd = end;
  }
  if (SPELLED_HINT.test(text)) scanSpelled(text, out, kind);
}

// A social handle (Safe Harbor N's personal web identity) after a word that says so: `follow me
// @jane_doe`, `IG: @jane.doe`, `my tiktok is @janedoe`. A bare `@word` is left (`@media`, a brand's own handle).
// Payment apps' handles take hyphens (Venmo's `@Jane-Doe-7`).
const HANDLE_RE = /@[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,28}[A-Za-z0-9_])?(?![A-Za-z0-9_@-]|\.[A-Za-z])/y;
// `follow us @Brand` names the site's own account and stays; payment apps and other networks name a person's.
// The added words need a space or `:` before the `@` (`user@localhost` is a mailbox).
const HANDLE_CUE = new RegExp('(?<![A-Za-z])(?:(?:follow(?:[ ]+me)?|ig|insta(?:gram)?|twitter|tiktok|snap(?:chat)?|threads|handle|dm[ ]+me|find[ ]+me)' +
  '(?:[ ]+(?:on[ ]+[a-z]+|is|at))?[ :=-]{0,3}|(?:venmo|cash[ ]?app|paypal|telegram|discord|reddit|twitch|youtube|facebook|fb|bluesky|mastodon' +
  '|user(?:[ _]?name)?|screen[ _]?name|gamer[ _]?tag)(?:[ ]+(?:on[ ]+[a-z]+|is|at))?[ :=-]{1,3})$', 'i');
// The word before a spaced `@` that is a handle's cue (`DM me on insta @jane.doe84`) is not a mailbox.
const cuedHandle = (text: string, pos: number, floor: number): boolean => HANDLE_CUE.test(text.slice(Math.max(floor, pos - 24), pos));

/** The handle at `pos` after a cue, pushed; returns the new scan floor. */
function handleAt(text: string, pos: number, out: Detection[], kind: string, floor: number, site: string): number {
  HANDLE_RE.lastIndex = pos;
  const m = HANDLE_RE.exec(text);
  // The site's own account (`Follow @NorthbayHealth on Instagram`) stays, as `follow us @…` does.
  if (m === null || !cuedHandle(text, pos, floor) || ownAccount(m[0].slice(1), site)) return floor;
  out.push({ start: pos, end: pos + m[0].length, kind });
  return pos + m[0].length;
}

// Webmail providers people name without the TLD (`jane@gmail`, `jane at gmail`, `jane(at)aol`):
// the provider is the domain, and what comes before it the mailbox. The markers' walk flags
// these words after an `at` (markers.ts webmailAt).
export const WEBMAIL = [...WEBMAIL_WORDS, 'outlook', 'aol', 'protonmail', 'comcast'];
const WEBMAIL_SET = new Set(WEBMAIL);

/** End of a webmail provider's name starting at `from`, written without a TLD, or -1. */
function webmailEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && end - from <= 10 && isAsciiLetter(text.charCodeAt(end))) end++;
  // A sentence's full stop may follow (`write to jane@gmail.`), a domain's next label may not.
  const c = text.charCodeAt(end) === 46 && !isDomainChar(text.charCodeAt(end + 1)) ? 32 : text.charCodeAt(end);
  if (end - from < 3 || isDomainChar(c) || c === 64 || !WEBMAIL_SET.has(text.slice(from, end).toLowerCase())) return -1;
  return end;
}

/** A quoted local part (`"jane doe"@x.org`, RFC 5321): the start of its opening quote. */
function quotedStart(text: string, at: number, floor: number): number | undefined {
  if (text.charCodeAt(at - 1) !== 34) return undefined;
  const open = text.lastIndexOf('"', at - 2);
  return open >= floor && open >= at - 2 - LOCAL_MAX && open < at - 2 ? open : undefined;
}

/** A bracketed address literal (`jane@[192.0.2.15]`, `jane@[IPv6:2001:db8::1]`): its end. */
function literalEnd(text: string, from: number): number | undefined {
  if (text.charCodeAt(from) !== 91) return undefined;
  const close = text.indexOf(']', from);
  if (close < 0 || close - from > 50) return undefined;
  for (let i = from + 1; i < close; i++) {
    const c = text.charCodeAt(i);
    if (!(isAsciiAlnum(c) || c === 46 || c === 58)) return undefined;
  }
  return close > from + 1 ? close + 1 : undefined;
}

function spacesBefore(text: string, at: number, floor: number): number {
  let n = 0;
  while (n < 2 && at - n - 1 >= floor && text.charCodeAt(at - n - 1) === 32) n++;
  return n;
}

function spacesAfter(text: string, from: number): number {
  let n = 0;
  while (n < 2 && text.charCodeAt(from + n) === 32) n++;
  return n;
}

// Addresses spelled out to dodge scrapers: `lee at example dot org`, `lee[at]example[dot]org`,
// `lee (at) example (dot) org`, `lee@example dot org`. `at` and `dot` are common words, so the
// whole user-at-domain-dot-tld shape is required, and a bare ` at ` also needs a common
// top-level domain after it: "meet at noon dot Then" is prose.
// `[at]` `(at)` `{at}` `<at>` (or with `@` inside), a bare ` at `, or `@` with spaces around it; `at` may be the `@`'s name in
// es/pt `arroba`, fr `arobase`, it `chiocciola`, de `Klammeraffe`, nl `apenstaartje`, pl `małpa`, hu `kukac`, sv/da `snabel-a`, cs `zavináč`.
const AT_WORDS = 'arroba|arobase|chiocciola|klammeraffe|apenstaartje|ma[łl]pa|kukac|snabel-?a|zavin[aá][čc]';
const AT_FORM = `\\s{0,2}[\\[({<]\\s?(?:at|@|${AT_WORDS})\\s?[\\])}>]\\s{0,2}|\\s{0,2}-at-\\s{0,2}|\\s{1,2}(?:at|${AT_WORDS})\\s{1,2}|\\s{0,2}@\\s{0,2}`;
const FOREIGN_AT = new RegExp(`^[[({<]?\\s?(?:${AT_WORDS})\\s?[\\])}>]?$`, 'i');
const DOT_WORDS = 'dot|punto|punktum|punkt|punct|punt|point|ponto|pont|kropka|nokta';
// `[dot]` `(dot)`... (or with `.` inside), a bare ` dot ` (or its name above, with pl `kropka`, tr `nokta`, ro `punct` since pass 52; words the prefilter's walk marks: cue-at.ts pCue),
// `-dot-`, a `.` with spaces around it (`lee @ example . org`), or a plain `.`.
const DOT_FORM = `(?:\\s{0,2}[\\[({<]\\s?(?:${DOT_WORDS}|\\.)\\s?[\\])}>]\\s{0,2}|\\s{0,2}-dot-\\s{0,2}|\\s{1,2}(?:${DOT_WORDS})\\s{1,2}|\\s{1,2}\\.\\s{1,2}|\\.)`;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const SPELLED_RE = new RegExp(
  `(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}(${AT_FORM})${LABEL}(?:${DOT_FORM}${LABEL}){0,4}(${DOT_FORM})([A-Za-z]{2,24})(?![A-Za-z0-9])`,
  'gi',
);
const SPELLED_HINT = /dot|punto|(?<![a-z])(?:punktum|punkt|punct|punt|point|ponto|pont|kropka|nokta|arroba|arobase)\s|[[({<] ?(?:at|@) ?[\])}>]|@ |\s\.\s|\sat\s/i;
const OBFUSCATED_DOT = /[\s[\](){}<>]/;
// Prose before a spelled-out site address: `the app at example dot com`, `look at this dot com`.
const NOT_A_USER = new Set([
  'look', 'app', 'us', 'me', 'it', 'this', 'that', 'site', 'website', 'online', 'visit', 'here', 'there', 'available',
  'found', 'download', 'shop', 'buy', 'store', 'stores', 'them', 'more', 'now', 'today', 'apply', 'register', 'sign', 'book',
  'details', 'info', 'information', 'tickets', 'appointments', 'appointment', 'donate', 'events', 'careers', 'jobs', 'up', 'in',
  'out', 'free', 'account', 'listen', 'watch', 'read', 'join', 'learn', 'schedule', 'order', 'ordered', 'enroll', 'subscribe', 'live', 'hosted',
]);
const DOT_WORD_RE = new RegExp(DOT_WORDS, 'i');
const PLAIN_DOT_TLDS = new Set(['com', 'org', 'net', 'edu', 'gov', 'io', 'us', 'co', 'uk', 'es', 'nl', 'in', 'int', 'ca']);
const COMMON_TLDS = new Set([
  'com', 'org', 'net', 'edu', 'gov', 'mil', 'int', 'info', 'biz', 'io', 'co', 'us', 'uk', 'ca', 'de', 'fr', 'es', 'it', 'nl',
  'au', 'in', 'mx', 'br', 'me', 'health', 'care', 'email', 'mail',
]);
const ARROBA = /^(?:arroba|arobase)$/i; // before a plain dot and a common or country TLD (`ana arroba mail.es`; cue-at.ts arrobaAt marks it)
const WEBMAIL_RE = new RegExp(
  `(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}(${AT_FORM})(?:${WEBMAIL.join('|')})(?![A-Za-z0-9@!-]|\\.[A-Za-z0-9])`,
  'gi',
);

// Prose about a company (`we are at Yahoo`, `she works at Outlook`), not a mailbox.
const AT_WORK = new Set(['are', 'is', 'was', 'were', 'be', 'been', 'we', 'i', 'you', 'they', 'he', 'she', 'work', 'works', 'worked', 'working', 'job', 'intern', 'engineer', 'team', 'meet', 'met']);

const BARE_AT_PROVIDERS: ReadonlySet<string> = new Set(WEBMAIL_WORDS);
const TITLE_WORD = /^[A-Z][a-z]+$/;
/** `Staff at Yahoo`, `Team at Outlook`: a capitalised word at a capitalised company is prose
 * (a mailbox is typed `jane at yahoo`, or shouted `JANE AT YAHOO`). */
function titleCasePair(match: string, userLen: number, atLen: number): boolean {
  return TITLE_WORD.test(match.slice(0, userLen)) && TITLE_WORD.test(match.slice(userLen + atLen));
}

/** `jane at gmail`, `jane(at)aol`, `JANE AT ICLOUD`: a spelled `@` before a webmail provider, no TLD. */
function scanWebmail(text: string, out: Detection[], kind: string): void {
  const re = resetAt(WEBMAIL_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const user = m[0].slice(0, m[0].indexOf(m[1])).toLowerCase();
    const bare = m[1].trim().length === 2;
    // A bare `at` counts before the providers the prefilter's walk looks for (cue-words.ts).
    if (bare && !BARE_AT_PROVIDERS.has(m[0].slice(user.length + m[1].length).toLowerCase())) continue;
    if (m[1].trim() === '@' || (bare && (NOT_A_USER.has(user) || AT_WORK.has(user) || titleCasePair(m[0], user.length, m[1].length)))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

function scanSpelled(text: string, out: Detection[], kind: string): void {
  scanWebmail(text, out, kind);
  const re = resetAt(SPELLED_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const at = m[1].trim();
    const bareAt = at.length === 2;
    // Plain `user@domain.tld` is the main scan's; here some part must be spelled out.
    const spelled = at !== '@' || OBFUSCATED_DOT.test(m[0].slice(m[0].indexOf(m[1]) + m[1].length));
    const user = m[0].slice(0, m[0].indexOf(m[1])).toLowerCase();
    const tld = m[3].toLowerCase();
    // A bare `at` with a dot that is not the word `dot` takes only the short TLDs the
    // prefilter's dot marker looks for (markers.ts bareAtBefore).
    const plainDot = !DOT_WORD_RE.test(m[2]);
    // A user part that spells its dots too (`ngozi dot adebayo at inbox dot clinic`) is no prose: any TLD then.
    const start = spelledUserStart(text, m.index);
    const tldKnown = (start < m.index && !plainDot) || (COMMON_TLDS.has(tld) && (!plainDot || PLAIN_DOT_TLDS.has(tld)));
    // A spelled `arroba` (`arobase`, `chiocciola`…) takes a spelled dot (`punto`, `point`…), the words the prefilter's walk marks (cue-at.ts pCue).
    if (!spelled || (bareAt && (!tldKnown || NOT_A_USER.has(user))) || (plainDot && FOREIGN_AT.test(at) && !(ARROBA.test(at) && (COMMON_TLDS.has(tld) || tld.length === 2)))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start, end: m.index + m[0].length, kind });
  }
}

// `jane dot doe at gmail dot com`: the user part may spell its dots (or `underscore`, `dash`) too; the match above starts
// at its last word, so the words and spelled dots before it are taken as well.
const SPELLED_USER_HEAD = new RegExp(`(?:[A-Za-z0-9][A-Za-z0-9_%+-]{0,63}(?:\\s{1,2}(?:${DOT_WORDS}|underscore|dash|hyphen)\\s{1,2}|\\s{0,2}[[({<]\\s?(?:dot|\\.)\\s?[\\])}>]\\s{0,2}|\\s{0,2}-dot-\\s{0,2})){1,3}$`, 'i');
function spelledUserStart(text: string, start: number): number {
  if (start === 0) return start;
  const head = SPELLED_USER_HEAD.exec(text.slice(Math.max(0, start - 200), start));
  return head === null ? start : start - head[0].length;
}

/** Email addresses (F), including `%40`-encoded ones in URLs, the address inside `mailto:`,
 * internationalised addresses and addresses spelled out with `at` / `dot`; the display name a
 * mail header gives an address (`"Jane Doe" <jane@x.org>`) goes with it. */
export const emailDetector = defineDetector('email', '[EMAIL]', 'F', scan);
