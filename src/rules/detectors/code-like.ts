import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A standalone token of 10+ letters/digits mixing at least 2 letters and 4 digits: member ids,
// VINs without a valid check digit, user ids, order numbers. Hyphenated slugs (`2024-flu-season`)
// and words never qualify (UUIDs have their own detector).
const TOKEN_RE = /(?<![0-9A-Za-z_])[0-9A-Za-z][0-9A-Za-z_]{8,63}[0-9A-Za-z](?![0-9A-Za-z_])/g;

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
  return word >= (token.includes('_') ? 3 : 4) && Math.abs(year - new Date().getUTCFullYear()) <= 1;
}

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 10) return;
  const re = resetAt(TOKEN_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const [digits, letters] = countDigitsAndLetters(m[0]);
    if (digits >= 4 && letters >= 2 && (digits > 6 || !yearCode(m[0]))) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** Other unique identifying codes (R), and a safety net for I/J/L/M ids whose format is unknown. */
export const codeLikeDetector = defineDetector('code_like', '[ID]', 'R', scan);
