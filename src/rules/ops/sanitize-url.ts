import { safeDecode } from '../canonical-path.js';
import { parseUrl, type UrlCache } from '../url-parts.js';

export interface TextScanner {
  /** True when any identifier detector finds something in the text. */
  hits(text: string): boolean;
  /** Replaces each finding with its label; `kinds` names the detectors that fired. */
  redact(text: string): { text: string; kinds: readonly string[] };
}

// Path segments that identify a person or a record rather than a page.
const ID_SEGMENT = [
  /^\d{5,}$/,
  /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i,
  /^[0-9a-f]{16,}$/i,
  /@/,
  /^(?=(?:[^0-9]*[0-9]){5})[a-z0-9_-]+$/i,
  /^[A-Za-z0-9_-]{24,}$/,
  /^ey[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/,
  // Letters glued to a run of 3+ digits (`okafor0003`, `pt12345x`): a code, not a word.
  /[a-z][0-9]{3,}|[0-9]{3,}[a-z]/i,
];

// Letters, dashes and dots only, shorter than a token: no detector can fire on it.
const PLAIN_WORDS = /^[A-Za-z._~-]{0,23}$/;

function isIdLike(segment: string, scanner: TextScanner): boolean {
  if (PLAIN_WORDS.test(segment)) return false;
  for (const re of ID_SEGMENT) if (re.test(segment)) return true;
  return scanner.hits(segment);
}

export interface SanitizedUrl {
  url: string;
  /** Query parameters kept (allowlisted, clean), for campaign extraction. */
  query: ReadonlyMap<string, string>;
}

/**
 * Drops the fragment, user info and every query parameter not allowlisted (and allowlisted
 * ones whose value carries an identifier); replaces id-like path segments with `:id`.
 * Returns undefined when the input is not a URL or path.
 */
export function sanitizeUrl(input: string, queryAllow: ReadonlySet<string>, scanner: TextScanner, cache?: UrlCache): SanitizedUrl | undefined {
  const relative = input.startsWith('/') && !input.startsWith('//');
  const url = relative ? relativeUrl(input) : parseUrl(input, cache);
  if (url === undefined) return undefined;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const segments = url.pathname.split('/');
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg === '') continue;
    const decoded = safeDecode(seg);
    if (decoded !== '' && isIdLike(decoded, scanner)) segments[i] = ':id';
  }
  // Most URLs have no query: no searchParams, no map for them.
  const kept = url.search === '' ? NO_QUERY : keptQuery(url.searchParams, queryAllow, scanner);
  const query = kept.size ? '?' + new URLSearchParams([...kept]).toString() : '';
  const host = relative ? '' : `${url.protocol}//${url.host}`;
  return { url: host + segments.join('/') + query, query: kept };
}

const NO_QUERY: ReadonlyMap<string, string> = new Map();

function keptQuery(params: URLSearchParams, queryAllow: ReadonlySet<string>, scanner: TextScanner): Map<string, string> {
  const kept = new Map<string, string>();
  for (const [key, value] of params) {
    const k = key.toLowerCase();
    if (queryAllow.has(k) && !scanner.hits(value) && !scanner.hits(safeDecode(value))) kept.set(k, value);
  }
  return kept;
}

const BASE = 'http://relative.invalid';

// Site paths made of these characters only read the same through the URL parser: nothing to
// percent-encode, no dot segments, no backslash, no query or fragment.
const PLAIN_PATH = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_~!$&()*+,;=:@') PLAIN_PATH[c.charCodeAt(0)] = 1;

function plainPath(input: string): boolean {
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 128 || PLAIN_PATH[c] === 0) return false;
  }
  return true;
}

// Never read (the search is empty) nor written.
const NO_PARAMS = new URLSearchParams();

/** What sanitizeUrl reads of a parsed URL. */
type UrlView = Pick<URL, 'protocol' | 'host' | 'pathname' | 'search' | 'searchParams'>;

function relativeUrl(input: string): UrlView | undefined {
  if (plainPath(input)) return { protocol: 'http:', host: 'relative.invalid', pathname: input, search: '', searchParams: NO_PARAMS };
  try {
    // Appending to the base parses one string instead of two. Only where that reads the same:
    // `\` and tab/newline (removed by the parser) can turn `/x` into a `//host` reference.
    return /[\\\t\n\r]/.test(input) ? new URL(input, BASE) : new URL(BASE + input);
  } catch {
    return undefined;
  }
}

/** The origin of a URL (for external referrers), or undefined. */
export function originOf(input: string, cache?: UrlCache): string | undefined {
  const u = parseUrl(input, cache);
  return u && (u.protocol === 'http:' || u.protocol === 'https:') ? `${u.protocol}//${u.host}/` : undefined;
}
