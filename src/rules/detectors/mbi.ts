import { mbiValid } from './checksums.js';
import { defineDetector } from './define.js';
import { hasDigits, resetAt } from './scan.js';
import type { Detection } from './types.js';

const SPACES = / /g;

// Shape only (digit/letter per position, dashes after positions 4 and 7 used together);
// mbiValid then applies the CMS rules: position 1 is 1-9, letters exclude S L O I B Z.
// A space may stand for the dash too (`1EG4 TE5 MK73`, as the card prints it).
const MBI_RE =
  /(?<![0-9A-Za-z])[1-9][A-Za-z][0-9A-Za-z][0-9]([- ]?)[A-Za-z][0-9A-Za-z][0-9]\1[A-Za-z]{2}[0-9]{2}(?![0-9A-Za-z])/g;

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 11 || !hasDigits(text, 5)) return;
  const re = resetAt(MBI_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (mbiValid(m[1] === ' ' ? m[0].replace(SPACES, '-') : m[0])) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** Medicare Beneficiary Identifiers (I: health plan beneficiary numbers), CMS positions (§3.5). */
export const mbiDetector = defineDetector('mbi', '[MBI]', 'I', scan);
