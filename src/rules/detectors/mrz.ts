import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A passport's or ID card's machine-readable zone pasted into a field (K, A): `P<USADOE<<JANE<<<…` holds the holder's
// names, `C030059887USA7408122F3010161<<<…08` the document number, birth date and expiry. A line is capitals, digits and
// `<` fillers, 20 characters or more with `<<` in it and two letters; the whole line goes. A breadcrumb's `<<<` or a
// row of `<` alone is no line (too short, or no letters).
const LINE_RE = /(?<![A-Za-z0-9<])[A-Z0-9<]{20,90}(?![A-Za-z0-9<])/g;
const LETTERS = /[A-Z][^A-Z]*[A-Z]/;

function scan(text: string, out: Detection[], kind: string): void {
  if (text.indexOf('<<') < 0) return;
  const re = resetAt(LINE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].indexOf('<<') >= 0 && LETTERS.test(m[0])) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** Machine-readable zone lines of travel documents (see above). */
export const mrzDetector = defineDetector('mrz', '[ID]', 'K', scan);
