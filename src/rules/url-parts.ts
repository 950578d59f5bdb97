import { BoundedMemo } from '../common/bounded-memo.js';
import { codeAt } from '../common/code-at.js';

const ABSOLUTE_URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** What the scrub engine reads of a parsed URL (a WHATWG URL has all of it). */
export interface ParsedUrl {
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly searchParams: URLSearchParams;
}

/**
 * WHATWG URL parses of one event's strings, shared by analysis (hosts) and projection (URL
 * sanitizing): the page URL is otherwise parsed several times per event. Per event only.
 */
export interface UrlCache {
  get(input: string): ParsedUrl | null | undefined;
  set(input: string, url: ParsedUrl | null): void;
  /** The query of `input` as sent (from its first `?` to the `#` after it) split at each `&`, by query.ts queryOf. */
  partsOf?(input: string): readonly string[] | undefined;
  keepParts?(input: string, parts: readonly string[]): void;
}

/**
 * `url.search` without its `?`, split at each `&`. A PlainUrl's search is the query as sent (nothing re-encoded) and
 * starts at the first `?`: the event's split of it by queryOf is the same, and serves here (H193).
 */
export function queryParts(url: Pick<ParsedUrl, 'search'>, input: string, cache?: UrlCache): readonly string[] {
  return (url instanceof PlainUrl ? cache?.partsOf?.(input) : undefined) ?? url.search.slice(1).split('&');
}

/** `new URL(input)` without a base, through the event's cache; undefined when it throws. */
export function parseUrl(input: string, cache?: UrlCache): ParsedUrl | undefined {
  let url = cache?.get(input);
  if (url === undefined) {
    url = plainUrlRemembered(input) ?? null;
    if (url === null) try { url = new URL(input); } catch { url = null; }
    cache?.set(input, url);
  }
  return url ?? undefined;
}

// A site's page URLs come again with every view: the parts of a plain one are remembered
// across events (bounded, like the routes in page-readings). Only URLs without a query or
// fragment, whose parameters are the visitor's own. A PlainUrl is never written to.
const knownPlain = new BoundedMemo<ParsedUrl>(4096);

function plainUrlRemembered(input: string): ParsedUrl | undefined {
  const q = input.indexOf('?');
  const h = input.indexOf('#');
  if (q >= 0 || h >= 0) return withQuery(input, q < 0 || (h >= 0 && h < q) ? h : q);
  let url = knownPlain.get(input);
  if (url === undefined) {
    url = plainUrl(input);
    if (url === undefined) return undefined;
    knownPlain.set(input, url);
  }
  return url;
}

/**
 * plainUrl of a URL with a query or fragment from its first `?` or `#` (`cut`), its base remembered (H193): neither the
 * host's nor the path's characters include them, so plainUrl reads the base's scheme, host and path as the base alone,
 * and the rest as below.
 */
function withQuery(input: string, cut: number): ParsedUrl | undefined {
  const text = input.slice(0, cut);
  const base = plainUrlRemembered(text);
  if (base === undefined) return undefined;
  let end = cut;
  let search = '';
  if (input.charCodeAt(end) === 63) {
    end = scan(input, end + 1, QUERY);
    if (end - cut > 1) search = input.slice(cut, end);
  }
  if (input.charCodeAt(end) === 35) end = scan(input, end + 1, FRAGMENT);
  return end === input.length ? new PlainUrl(base.protocol, base.host, base.pathname, search, text) : undefined;
}

/**
 * A URL read by plainUrl with a query or fragment: its text before them, as sent (`https://Host.example/a/b`), and
 * undefined for any other URL. The text is the memo key its base was looked up by, so its hash is computed already:
 * sanitize-url.ts keys its remembered bases by it rather than building and hashing another string per event. It
 * reads as one scheme, host and path only (a lower-case http(s) scheme, a plain host, `/` when no path follows).
 */
export function plainBaseText(url: object): string | undefined {
  return url instanceof PlainUrl ? url.baseText : undefined;
}

/** The lower-case host of an absolute URL with a scheme (any scheme), or undefined. */
export function hostOf(url: string | undefined, cache?: UrlCache): string | undefined {
  if (!url) return undefined;
  const t = url.trim();
  if (!ABSOLUTE_URL_SCHEME.test(t)) return undefined;
  return parseUrl(t, cache)?.hostname.toLowerCase();
}

// The common page URL (`https://www.example.org/services/x?utm_source=y`) read without the
// WHATWG parser, which is the larger part of analysing a page event. Only where the parser
// would read the same parts unchanged: a lower-case http(s) scheme, a plain DNS name (no port,
// no user info, no IDN, no IPv4-like last label), and a path/query/fragment of characters the
// parser neither percent-encodes nor removes, with no dot segments. Anything else: `new URL`.
// tests/rules/url-fast-path.test.ts compares both on generated URLs.

// Each part's characters as a sticky run (the regex engine's native loop: a `charCodeAt` loop over a table took about
// 34 instructions a character in optimised code, the run about 15; H193). Non-ASCII is in none of them.
const HOST = /[A-Za-z0-9.-]*/y;
const PATH = /[A-Za-z0-9\-._~!$&()*+,;=:@/]*/y;
// After the `?`: the same plus `?` and `%` (kept as they are in a query); `#` in the fragment.
const QUERY = /[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*/y;
const FRAGMENT = /[A-Za-z0-9\-._~!$&()*+,;=:@/?%#]*/y;

/** Index of the first character at or after `from` not in the run `chars` (sticky, always matching). */
function scan(s: string, from: number, chars: RegExp): number {
  chars.lastIndex = from;
  chars.test(s);
  return chars.lastIndex;
}

/**
 * Labels of letters, digits and inner dashes (none doubled: no `xn--`), at most 63 long, the
 * last one starting with a letter. `host` is the text before lower-casing.
 */
function plainHost(host: string): boolean {
  if (host.length > 253) return false;
  let label = 0;
  let prev = 46;
  let lastStart = 0;
  for (let i = 0; i <= host.length; i++) {
    const c = i < host.length ? host.charCodeAt(i) : 46;
    if (c === 46) {
      // Empty label, or one ending with a dash.
      if (prev === 46 || prev === 45) return false;
      label = 0;
    } else {
      if (c === 45 && (prev === 45 || prev === 46)) return false;
      if (prev === 46) lastStart = c;
      if (++label > 63) return false;
    }
    prev = c;
  }
  const first = lastStart | 0x20;
  return first >= 97 && first <= 122;
}

/** A path the parser would not rewrite: no `.` or `..` segment. */
function noDotSegments(path: string): boolean {
  if (path.indexOf('/.') < 0) return true;
  for (const seg of path.split('/')) if (seg === '.' || seg === '..') return false;
  return true;
}

class PlainUrl implements ParsedUrl {
  private params: URLSearchParams | undefined;
  /** `baseText`: see plainBaseText (undefined for a URL with neither query nor fragment). */
  constructor(readonly protocol: string, readonly host: string, readonly pathname: string, readonly search: string, readonly baseText?: string) {}
  get hostname(): string { return this.host; }
  get searchParams(): URLSearchParams { return (this.params ??= new URLSearchParams(this.search)); }
}

/** The parts `new URL(s)` would give, for a plain http(s) URL; undefined for any other input. */
export function plainUrl(s: string): ParsedUrl | undefined {
  const start = s.startsWith('https://') ? 8 : s.startsWith('http://') ? 7 : 0;
  if (start === 0) return undefined;
  const hostEnd = scan(s, start, HOST);
  const c = codeAt(s, hostEnd);
  if (hostEnd === start || (hostEnd < s.length && c !== 47 && c !== 63 && c !== 35)) return undefined;
  const raw = s.slice(start, hostEnd);
  if (!plainHost(raw)) return undefined;
  const host = raw.toLowerCase();
  const pathEnd = scan(s, hostEnd, PATH);
  const pathname = pathEnd === hostEnd ? '/' : s.slice(hostEnd, pathEnd);
  if (!noDotSegments(pathname)) return undefined;
  let end = pathEnd;
  let search = '';
  if (codeAt(s, end) === 63) {
    end = scan(s, end + 1, QUERY);
    if (end - pathEnd > 1) search = s.slice(pathEnd, end);
  }
  if (codeAt(s, end) === 35) end = scan(s, end + 1, FRAGMENT);
  if (end !== s.length) return undefined;
  return new PlainUrl(start === 8 ? 'https:' : 'http:', host, pathname, search, undefined);
}
