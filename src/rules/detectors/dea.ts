import { deaValid } from './checksums.js';
import { defineDetector } from './define.js';
import { hasDigits, resetAt } from './scan.js';
import type { Detection } from './types.js';

// Registrant-type letter, last-name initial (or 9), 7 digits; a standalone token.
const DEA_RE = /(?<![0-9A-Za-z])[ABCDEFGHJKLMPRSTUXabcdefghjklmprstux][A-Za-z9][0-9]{7}(?![0-9A-Za-z])/g;

function scan(text: string, out: Detection[], kind: string): void {
  if (!hasDigits(text, 7)) return;
  const re = resetAt(DEA_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (deaValid(m[0])) out.push({ start: m.index, end: m.index + 9, kind });
  }
}

/** DEA registration numbers (K: certificate/license numbers), checksum-validated (spec §3.4). */
export const deaDetector = defineDetector('dea', '[DEA]', 'K', scan);
