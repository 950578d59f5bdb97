import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import { generatedId } from './generated-ids.js';
import { tcfConsent } from './consent-string.js';
import { priceFileEinAt } from './price-file.js';
import type { Detection } from './types.js';
import { currentUtcYear } from '../../common/current-year.js';

const DIGITS_ONLY = /^\d+$/;
const LEADING_CODE_CHARS = /^[0-9A-Za-z_.-]*/;

// A standalone token of 10+ letters/digits mixing at least 2 letters and 4 digits: member ids,
// VINs without a valid check digit, user ids, order numbers. Hyphenated slugs (`2024-flu-season`)
// and words never qualify (UUIDs have their own detector). No longest length: a push token or a SHA-512 digest
// (96, 128 hex characters) is one code too (capped at 65, a longer run went out whole).
const TOKEN_RE = /(?<![0-9A-Za-z_])[0-9A-Za-z][0-9A-Za-z_]{8,}[0-9A-Za-z](?![0-9A-Za-z_])/g;

function countDigitsAndLetters(token: string): [number, number] {
  let digits = 0;
  let letters = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c | 32) >= 97 && (c | 32) <= 122) letters++;
  }
  return [digits, letters];
}

// A campaign, coupon or experiment named with this year (`HOLIDAY2026`, `flu_2026_q4`, `fall_flu_shots_2026`,
// `checkout_flow_2026q4`): words, a year within a year of today's and at most a 1-2 digit quarter or month.
// An older year stays a code (`jsmith1961` may carry a birth year); so does any other digit run.
function yearCode(token: string): boolean {
  let year = -1, extra = 0, word = 0, run = 0, letters = 0;
  for (let i = 0; i <= token.length; i++) {
    const c = i < token.length ? token.charCodeAt(i) : 95;
    if (c >= 48 && c <= 57) { run++; if (letters > word) word = letters; letters = 0; continue; }
    if (run === 4 && year < 0) year = +token.slice(i - 4, i);
    else if (run > 2 || (run > 0 && extra++ > 0)) return false;
    run = 0;
    if (c === 95) { if (letters > word) word = letters; letters = 0; } else letters++;
  }
  // snake_case words may be short (`flu_2026_q4`, `exp_2026_11`); glued ones need a word of 4 (`W2026K1ABC` is an id).
  return word >= (token.includes('_') ? 3 : 4) && Math.abs(year - currentUtcYear()) <= 1;
}

// A creative's or campaign's snake_case label (`banner_728x90_v2`, `video_15s_v4`, `q4_retargeting_1pct`): words,
// at most one ad size (`300x250`), tags of a word and 1-2 digits (`v2`, `q4`), at most two 1-2 digit numbers and
// this year; with a word of 3+ letters. A part with another digit run (`xjh_4488_12019`, `jsmith_1961`) is a code.
const AD_SIZE = /^\d{2,4}x\d{2,4}$/i;
const TAG = /^(?:[a-z]{1,4}\d{1,2}|\d{1,2}[a-z]{1,4})$/i;
const WORD = /^[a-z]+$/i;

function snakeLabel(token: string): boolean {
  if (!token.includes('_')) return false;
  let word = 0, sizes = 0, numbers = 0;
  for (const part of token.split('_')) {
    if (WORD.test(part)) { if (part.length > word) word = part.length; continue; }
    if (AD_SIZE.test(part)) { if (sizes++ > 0) return false; continue; }
    if (TAG.test(part)) continue;
    if (part.length <= 2 && DIGITS_ONLY.test(part)) { if (numbers++ > 1) return false; continue; }
    if (part.length === 4 && DIGITS_ONLY.test(part) && Math.abs(+part - currentUtcYear()) <= 1) continue;
    return false;
  }
  return word >= 3;
}

const TAG_ID = /^[0-9A-Z]{10}$/;
const TAG_PREFIX = /(?<![0-9A-Za-z_-])GT?-$/;

/** A GA4 measurement id or Google tag id: `G-` or `GT-` and ten capitals and digits. */
function googleTagId(text: string, start: number, token: string): boolean {
  return TAG_ID.test(token) && TAG_PREFIX.test(text.slice(Math.max(0, start - 4), start));
}

// A Firebase Cloud Messaging registration token (a phone's push address, an app's device identifier): the app
// instance's id, `:APA91` and a base64url run with `-` and `_`, which split it into pieces the token pattern took one
// by one and left the short ones (`…-1RYqx`).
const FCM_TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{8,64}:APA91[A-Za-z0-9_-]{20,4096}/g;

function scanFcm(text: string, out: Detection[], kind: string): void {
  const re = resetAt(FCM_TOKEN, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
}

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 10) return;
  if (text.indexOf(':APA91') > 0) scanFcm(text, out, kind);
  const re = resetAt(TOKEN_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const [digits, letters] = countDigitsAndLetters(m[0]);
    if (digits < 4 || letters < 2 || (digits <= 6 && yearCode(m[0])) || (digits <= 10 && snakeLabel(m[0]))) continue;
    // A Google tag's id (GA4's measurement id `G-7Q2HB4MZ1K`, a Google tag `GT-…`) is the site's, set in its page for every visitor.
    if (googleTagId(text, m.index, m[0])) continue;
    // A ClinicalTrials.gov registry number (`NCT06611234`) names a public study, not a person.
    if (m[0].length === 11 && m[0].startsWith('NCT') && digits === 8) continue;
    // A hospital's EIN and the first word of its name opening a price-transparency file's name (price-file.ts).
    if (priceFileEinAt(text, m.index)) continue;
    // A request's ULID or KSUID (generated-ids.ts) is the library's, not a person's.
    if ((m[0].length === 26 || m[0].length === 27) && generatedId(m[0])) continue;
    // A consent banner's TCF v2 string (consent-string.ts): the whole base64url run, `-` and `.` segments too, stays.
    if (tcfConsent(m[0])) { re.lastIndex = m.index + (LEADING_CODE_CHARS.exec(text.slice(m.index))?.[0].length ?? m[0].length); continue; }
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** Other unique identifying codes (R), and a safety net for I/J/L/M ids whose format is unknown. */
export const codeLikeDetector = defineDetector('code_like', '[ID]', 'R', scan);
