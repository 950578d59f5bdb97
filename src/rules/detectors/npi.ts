import { npiValid } from './checksums.js';
import { defineDetector } from './define.js';
import { digitsOnly, hasDigits, resetAt } from './scan.js';
import type { Detection } from './types.js';

// 10 digits starting 1 or 2, bare or as 1234 567 893 / 1234-567-893 (one separator throughout).
const NPI_RE = /(?<![0-9]|[0-9]-)[12][0-9]{3}([ -]?)[0-9]{3}\1[0-9]{3}(?![0-9]|-[0-9])/g;

function scan(text: string, out: Detection[], kind: string): void {
  if (!hasDigits(text, 10)) return;
  const re = resetAt(NPI_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (npiValid(digitsOnly(m[0]))) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** National Provider Identifier (R): Luhn with the 80840 prefix (spec §3.3). */
export const npiDetector = defineDetector('npi', '[NPI]', 'R', scan);
