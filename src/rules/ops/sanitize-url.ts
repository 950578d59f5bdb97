import { safeDecode } from '../canonical-path.js';

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
export function sanitizeUrl(input: string, queryAllow: ReadonlySet<string>, scanner: TextScanner): SanitizedUrl | undefined {
  let url: URL;
  const relative = input.startsWith('/') && !input.startsWith('//');
  try {
    url = new URL(input, relative ? 'http://relative.invalid' : undefined);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const segments = url.pathname.split('/').map((seg) => {
    const decoded = safeDecode(seg);
    return decoded !== '' && isIdLike(decoded, scanner) ? ':id' : seg;
  });
  const kept = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    const k = key.toLowerCase();
    if (queryAllow.has(k) && !scanner.hits(value) && !scanner.hits(safeDecode(value))) kept.set(k, value);
  }
  const query = kept.size ? '?' + new URLSearchParams([...kept]).toString() : '';
  const path = segments.join('/');
  const host = relative ? '' : `${url.protocol}//${url.host}`;
  return { url: host + path + query, query: kept };
}

/** The origin of a URL (for external referrers), or undefined. */
export function originOf(input: string): string | undefined {
  try {
    const u = new URL(input);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.protocol}//${u.host}/` : undefined;
  } catch {
    return undefined;
  }
}
