import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A local number without its area code (`call me at 555-0143`, `cell: 555 0143`) is still a
// telephone number (D), but seven digits alone are as often a count, a code or a part of a
// longer number: a phone word must come shortly before, with no other digit in between.
const LOCAL_RE = /(?<![0-9]|[0-9][ .-])[2-9][0-9]{2}[ .-][0-9]{4}(?![0-9]|[ .-][0-9])/g;
// Each cue word has a prefilter marker (prefilter.ts PHONE_CUE); a word added here needs one too.
const CUE_BEFORE = /(?<![A-Za-z])(?:call|cell|cel|tel|phone|ph|mobile|mob|text|fax)[^0-9A-Za-z]{0,3}(?:[A-Za-z]{1,8}[^0-9A-Za-z]{1,3}){0,3}$/i;
const WINDOW = 32;

function scan(text: string, out: Detection[], kind: string): void {
  const re = resetAt(LOCAL_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (CUE_BEFORE.test(text.slice(Math.max(0, m.index - WINDOW), m.index))) out.push({ start: m.index, end: m.index + 8, kind });
  }
}

/** Local telephone numbers (D) without an area code, after a phone word. */
export const phoneLocalDetector = defineDetector('phone_local', '[PHONE]', 'D/E', scan);
