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

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 10) return;
  const re = resetAt(TOKEN_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const [digits, letters] = countDigitsAndLetters(m[0]);
    if (digits >= 4 && letters >= 2) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** Other unique identifying codes (R), and a safety net for I/J/L/M ids whose format is unknown. */
export const codeLikeDetector = defineDetector('code_like', '[ID]', 'R', scan);
