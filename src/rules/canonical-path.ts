// Canonical form of a URL path for blocked-path matching. Evasions this undoes: repeated
// percent-encoding, case, `//`, dot segments, `;jsessionid=` params, backslashes, full-width
// characters, locale prefixes, framework directories (`/cgi-bin/`), trailing slashes and dots, file
// extensions, IIS `%u` and overlong UTF-8 escapes.

import { undoUrlEscapes } from './form-decoded.js';
import { NON_ASCII } from '../common/char-gates.js';

const ONE_OR_TWO_DIGITS = /^[0-9]{1,2}$/;
const PERCENT_ESCAPE = /%([0-9a-fA-F]{2})/g;
const BACKSLASHES = /\\/g;
const TRAILING_DOTS_AND_TILDES = /[.~]+$/;

// Server-side page extensions (`/billpay.pl`, `/cgi-bin/portal.cgi`, `/Portal/Home.action`).
const EXTENSION = /\.(s?html?|xhtml|php|aspx?|jspx?|cfm|cgi|pl|do|action|faces|nsf)$/;
/**
 * Directories of web frameworks and page variants that say nothing about the page
 * (`/cgi-bin/portal.cgi`, `/webapp/portal.do`, `/servlet/BillPay`, AMP and mobile copies
 * `/amp/pay-my-bill`, `/m/my-bills`, an app's mount point or tab bar `/app/messages`, `/tabs/inbox`): a plan's locale
 * prefixes include them (see compile), so they are skipped at the start like locale prefixes at
 * no cost per path.
 */
export const FRAMEWORK_DIRS: readonly string[] = ['cgi-bin', 'servlet', 'servlets', 'webapp', 'webapps', 'amp', 'm', 'mobile', 'webview', 'app', 'apps', 'tabs', 'lang', 'site',
  // A tag manager's virtual page views under their own folder (`/vp/portal/messages`, `/virtual/bill-pay/step-2`).
  'vp', 'vpv', 'virtual',
  // SharePoint's site collections and system pages (`/sites/Portal/...`, `/_layouts/15/...`; the version is skipped too).
  'sites', '_layouts'];
/** Past a `_layouts` prefix, its version segment (`/_layouts/15/`). */
const afterLayouts = (out: readonly string[], first: number): number => (first > 0 && out[first - 1] === '_layouts' && ONE_OR_TWO_DIGITS.test(out[first] ?? '') ? first + 1 : first);
/**
 * Escapes decodeURIComponent refuses that servers still read as a slash, dot or backslash: IIS's `%u002f`
 * and overlong UTF-8 (`%c0%af`), also percent-encoded again (`%25c0%25af`).
 */
const ODD_ESCAPES = /%(?:25)*(u[0-9a-f]{4}|c0%(?:25)*a[ef]|e0%(?:25)*80%(?:25)*af|c1%(?:25)*9c)/gi;
const HAS_ODD_ESCAPE = new RegExp(ODD_ESCAPES.source, 'i');
function oddEscape(_: string, code: string): string {
  const c = code.toLowerCase();
  if (c.charCodeAt(0) === 117 /* u */) return String.fromCharCode(parseInt(c.slice(1), 16));
  return c.endsWith('ae') ? '.' : c.endsWith('9c') ? '\\' : '/';
}

// AMP caches serve a page under `/c/s/<host>/<path>` (`/v/s/` the viewer, `/i/s/` images, `/c/<host>/`
// over http), Google's AMP viewer under `/amp/s/<host>/` (`amp` is skipped already): the page's path follows the host.
const HOST_LIKE = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
function cachePrefixEnd(out: readonly string[], first: number): number {
  let i = first;
  const a = out[i];
  if (a === 'c' || a === 'v' || a === 'i') i++;
  if (out[i] === 's') i++;
  return i > first && i < out.length - 1 && HOST_LIKE.test(out[i]) && !EXTENSION.test(out[i]) ? i + 1 : first;
}

// Single-page frameworks fetch a page's data at a URL made of the page's path (analytics on
// client-side navigation reports it): Next.js `/_next/data/<build>/<path>.json`, Gatsby
// `/page-data/<path>/page-data.json`, Nuxt `/<path>/_payload.json` (under `/_nuxt/` too). The page's own path is read.
// Only paths with a `.` take this (slow) path, so plain paths pay nothing.
function dataRouteStart(out: string[]): number {
  const n = out.length;
  if (n < 2) return 0;
  const last = out[n - 1];
  // Nuxt 2's full-static build: `/_nuxt/static/<build>/<path>/payload.js` (and `state.js`).
  if (out[0] === '_nuxt' && (last === 'payload.js' || last === 'state.js')) { out.pop(); return out[1] === 'static' && n > 4 ? 3 : 1; }
  if (!last.endsWith('.json')) return 0;
  if (last === '_payload.json' || last === 'payload.json') { out.pop(); return out[0] === '_nuxt' ? 1 : 0; }
  if (out[0] === 'page-data' && last === 'page-data.json') { out.pop(); return 1; }
  if (out[0] === '_next' && out[1] === 'data' && n > 3) { out[n - 1] = last.slice(0, -5); return 3; }
  return 0;
}

// A language tag with a region or script (`en-gb`, `pt_br`, `es-419`, `zh-hans`) is a locale prefix
// whether or not the plan lists it; bare two-letter ones stay the plan's list (`/md/` is not Moldovan).
// A script is one of the scripts sites tag (any four letters took `/my-labs` and `/my-bill` for a locale: H125),
// and `my-`/`mi-` are a possessive (`/my-rx`, `/my-id`, `/mi-cita`) except as Burmese in Myanmar and Maori in New Zealand.
const LOCALE_TAG = /^[a-z]{2}[-_](?:[a-z]{2}|[0-9]{3}|latn|cyrl|hans|hant|arab|deva|beng|grek|hebr|jpan|kore|thai|geor|armn|ethi|taml|telu|guru|gujr|knda|mlym|sinh|khmr|laoo|mymr|tibt)$/;
const POSSESSIVE_TAG = /^m[yi][-_](?!mm$|nz$)/;
function isLocaleTag(seg: string): boolean {
  const n = seg.length;
  if (n < 5 || n > 7) return false;
  const sep = seg.charCodeAt(2);
  return (sep === 45 || sep === 95) && LOCALE_TAG.test(seg) && !POSSESSIVE_TAG.test(seg);
}

export function safeDecode(s: string): string {
  let prev = s;
  for (let i = 0; i < 6; i++) {
    if (prev.indexOf('%') < 0) return prev;
    let next: string;
    try {
      next = decodeURIComponent(prev);
    } catch {
      next = prev.replace(PERCENT_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
    if (next === prev) return next;
    prev = next;
  }
  return prev;
}

/** Extracts the path part of a URL or path string (no query, no fragment). */
export function pathOf(urlOrPath: string): string {
  // A leading `//` stays: in a path field it is an evasion (`//patient-portal`), and callers that
  // need the protocol-relative reading check that form too (see analyze).
  const t = urlOrPath.trim();
  let s = t.slice(schemeHostEnd(t));
  let cut = firstOf(s, 63 /* ? */, 35 /* # */);
  // `&#45;` (a template escaped the address twice: `/patient&#45;portal`) spells a character; its `#` starts no fragment.
  if (cut > 0 && s.charCodeAt(cut) === 35 && s.charCodeAt(cut - 1) === 38) { s = undoUrlEscapes(s, false); cut = firstOf(s, 63, 35); }
  return cut >= 0 ? s.slice(0, cut) : s;
}

// The length of `scheme://host` at the start of `t` (what /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i
// matches), else 0.
function schemeHostEnd(t: string): number {
  const sep = t.indexOf('://');
  if (sep <= 0) return 0;
  for (let i = 0; i < sep; i++) {
    const c = t.charCodeAt(i);
    const letter = (c | 0x20) >= 97 && (c | 0x20) <= 122;
    // After the first letter: letters, digits, `+`, `-`, `.`.
    if (!letter && (i === 0 || !((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46))) return 0;
  }
  let end = sep + 3;
  while (end < t.length) {
    const c = t.charCodeAt(end);
    // A `\\` or full-width `／` after the host starts the path as a `/` does (browsers read it so).
    if (c === 47 || c === 63 || c === 35 || c === 92 || c === 0xff0f) break;
    end++;
  }
  return end;
}

/** Index of the first `a` or `b` in `s`, or -1 (what `s.search(/[ab]/)` answers, without a regex). */
function firstOf(s: string, a: number, b: number): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === a || c === b) return i;
  }
  return -1;
}

// Characters after which canonicalPath has nothing to fold, decode or resolve: ASCII letters,
// digits and URL punctuation except `.` `;` `?` `#` `\` and whitespace.
const PLAIN = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_~!$&\'()*+,=:@%') PLAIN[c.charCodeAt(0)] = 1;

/** canonicalPath for a decoded path of PLAIN characters and `/` only, else undefined. */
function plainCanonical(decoded: string, localePrefixes: ReadonlySet<string>): string | undefined {
  // Checked on the decoded text: a non-ASCII character must take the NFKC path even when its
  // lower case is ASCII (the Kelvin sign). All ASCII, the lower-cased text has the same offsets.
  // `simple`: one leading `/`, no empty segment (`//`, trailing `/`): already in canonical form
  // unless a locale prefix or a final `index` has to go.
  let simple = decoded.charCodeAt(0) === 47;
  let inSegment = false;
  let firstEnd = -1;
  let lastStart = -1;
  for (let i = 0; i <= decoded.length; i++) {
    const c = i < decoded.length ? decoded.charCodeAt(i) : 47;
    if (c === 47) {
      if (inSegment) { if (firstEnd < 0) firstEnd = i; inSegment = false; } else if (i > 0) simple = false;
    } else if (c >= 128 || PLAIN[c] === 0 || c === 126) {
      // A `~` (`/billpay~`, an editor's backup copy's name) is resolved by the general path below.
      return undefined;
    } else if (!inSegment) {
      inSegment = true;
      lastStart = i;
    }
  }
  const p = decoded.toLowerCase();
  if (simple && firstEnd > 0 && !localePrefixes.has(p.slice(1, firstEnd)) && !isLocaleTag(p.slice(1, firstEnd)) && !(p.length - lastStart === 5 && p.endsWith('index'))) return p;
  const out = p.split('/').filter((seg) => seg !== '');
  let first = 0;
  while (first < out.length && (localePrefixes.has(out[first]) || isLocaleTag(out[first]))) first++;
  first = afterLayouts(out, first);
  if (first > 0) out.splice(0, first);
  if (out.length && out[out.length - 1] === 'index') out.pop();
  return '/' + out.join('/');
}

export function canonicalPath(urlOrPath: string, localePrefixes: ReadonlySet<string>): string {
  return canonicalPathOf(pathOf(urlOrPath), localePrefixes);
}

/** canonicalPath of what pathOf returned (a URL and its path share it: computed once). */
export function canonicalPathOf(path: string, localePrefixes: ReadonlySet<string>): string {
  const decoded = safeDecode(path.indexOf('%') >= 0 && HAS_ODD_ESCAPE.test(path) ? path.replace(ODD_ESCAPES, oddEscape) : path);
  const plain = plainCanonical(decoded, localePrefixes);
  if (plain !== undefined) return plain;
  // NFKC folds full-width look-alikes; plain ASCII needs none of it.
  let p = (NON_ASCII.test(decoded) ? decoded.normalize('NFKC') : decoded).toLowerCase();
  if (p.indexOf('\\') >= 0) p = p.replace(BACKSLASHES, '/');
  // Decoding may reveal a query or fragment that was encoded.
  const cut = firstOf(p, 63, 35);
  if (cut >= 0) p = p.slice(0, cut);
  const out: string[] = [];
  let from = 0;
  while (from <= p.length) {
    let to = p.indexOf('/', from);
    if (to < 0) to = p.length;
    const raw = p.slice(from, to);
    const semi = raw.indexOf(';');
    let seg = (semi >= 0 ? raw.slice(0, semi) : raw).trim();
    from = to + 1;
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { out.pop(); continue; }
    // Windows servers ignore trailing dots: `/portal./` is `/portal/`; `~` ends an editor's backup copy's name.
    if (seg.charCodeAt(seg.length - 1) === 46 || seg.charCodeAt(seg.length - 1) === 126) seg = seg.replace(TRAILING_DOTS_AND_TILDES, '');
    if (seg !== '') out.push(seg);
  }
  let first = dataRouteStart(out);
  // A front controller's script before more segments (`/index.jsp/portal/inbox`) routes to them.
  while (first < out.length && (localePrefixes.has(out[first]) || isLocaleTag(out[first]) || (first < out.length - 1 && EXTENSION.test(out[first])))) first++;
  first = cachePrefixEnd(out, afterLayouts(out, first));
  if (first > 0) out.splice(0, first);
  if (out.length) {
    const last = out[out.length - 1];
    if (last.indexOf('.') >= 0) out[out.length - 1] = last.replace(EXTENSION, '');
  }
  if (out.length && (out[out.length - 1] === 'index' || out[out.length - 1] === '')) out.pop();
  return '/' + out.join('/');
}

// `%23` and `%3F`, also escaped again (`%253F`): a fragment or a query hidden in an escape.
const ESCAPED_QUERY_OR_FRAGMENT = /%(?:25)*(?:23|3f)/i;

/** Whether `s` hides a `#` or a `?` in an escape: routesOf does not see the route behind it, and the address memo keeps no such address as it is. */
export const hidesQueryOrFragment = (s: string): boolean => s.indexOf('%') >= 0 && ESCAPED_QUERY_OR_FRAGMENT.test(s);
