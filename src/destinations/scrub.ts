import { escapeRegExp } from '../common/regex-escape.js';
// Vendor error bodies can echo what we sent (emails, phone numbers, hashed keys) and sometimes
// the request URL with its access_token/api_secret. Reasons are stored with dead letters and
// shown in logs, so everything that could identify a person or unlock an account goes.

const DIGIT = /\d/;
const ASCII_LETTER = /[A-Za-z]/;
const WHITESPACE = /\s/;
const TRAILING_NON_SPACE_RUN = /\S*$/;
const WHITESPACE_RUNS = /\s+/g;

const MAX_REASON = 200;
/**
 * Only the head of a vendor body is scrubbed: the reason keeps 200 chars, and the email pattern
 * backtracks quadratically on long text without an `@` (a 64 KB error page blocked the process
 * for 14 s). The cut drops the last, partial word (if there is more than one), so no secret is
 * split in two there.
 */
const MAX_SCAN = 2048;

// Opaque strings: a run of 16+ alphanumerics mixing letters and digits (tokens, hashes, keys).
// snake_case identifiers such as must_be_sha256_lowercase_hex have short runs and survive.
const OPAQUE = /[A-Za-z0-9_+/=-]{16,}/g;
const OPAQUE_RUN = /[A-Za-z0-9]{16,}/g;

function maskOpaque(candidate: string): string {
  const runs = candidate.match(OPAQUE_RUN) ?? [];
  return runs.some((r) => DIGIT.test(r) && ASCII_LETTER.test(r)) ? '[token]' : candidate;
}

const BEFORE_TOKENS: ReadonlyArray<[RegExp, string]> = [
  [/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[url]'],
  [/\b(access_token|api_secret|api_key|apikey|token|secret|password|key|signature)(["']?\s*[=:]\s*["']?)[^\s&"',;]+/gi, '$1$2[redacted]'],
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g, '[email]'],
  [/\b\d{1,3}(\.\d{1,3}){3}\b/g, '[ip]'],
  [/\b[0-9a-f]{1,4}(:[0-9a-f]{0,4}){3,7}\b/gi, '[ip]'],
];

const AFTER_TOKENS: ReadonlyArray<[RegExp, string]> = [
  [/\+?\d[\d ().-]{6,}\d/g, '[number]'],
  [/\d{5,}/g, '[number]'],
];

function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])) {
      out = out.replace(new RegExp(escapeRegExp(form), 'g'), '[redacted]');
    }
  }
  return out;
}

/** Scrubs and trims vendor text for a reason string (at most 200 chars). */
export function scrubVendorText(text: string, secrets: readonly string[] = []): string {
  const cut = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  const head = cut !== text && WHITESPACE.test(cut) ? cut.replace(TRAILING_NON_SPACE_RUN, '') : cut;
  let out = redactSecrets(head, secrets);
  for (const [pattern, replacement] of BEFORE_TOKENS) out = out.replace(pattern, replacement);
  out = out.replace(OPAQUE, maskOpaque);
  for (const [pattern, replacement] of AFTER_TOKENS) out = out.replace(pattern, replacement);
  out = out.replace(WHITESPACE_RUNS, ' ').trim();
  return out.length > MAX_REASON ? `${out.slice(0, MAX_REASON - 1)}…` : out;
}
