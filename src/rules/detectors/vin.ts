import { vinCheckDigitValid } from './checksums.js';
import { defineDetector } from './define.js';
import { hasDigits, isDigit, resetAt } from './scan.js';
import type { Detection } from './types.js';

// 17 characters of the VIN alphabet (no I, O, Q) as a standalone token.
const VIN_RE = /(?<![0-9A-Za-z])[A-HJ-NPR-Za-hj-npr-z0-9]{17}(?![0-9A-Za-z])/g;
const LABEL_WINDOW = 20;
const LABELS = ['vin', 'vehicle', 'chassis'];

/** Sample and test VINs often fail the check digit; a nearby label is evidence enough. */
function labelledBefore(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - LABEL_WINDOW), start).toLowerCase();
  for (const label of LABELS) if (window.includes(label)) return true;
  return false;
}

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 17 || !hasDigits(text, 3)) return;
  const re = resetAt(VIN_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const token = m[0];
    let digits = 0;
    for (let i = 0; i < 17; i++) if (isDigit(token.charCodeAt(i))) digits++;
    // All-digit runs are long numbers, and all-letter runs are words: neither is a VIN.
    if (digits < 3 || digits === 17) continue;
    if (vinCheckDigitValid(token) || labelledBefore(text, m.index)) {
      out.push({ start: m.index, end: m.index + 17, kind });
    }
  }
}

/** Vehicle identification numbers (L): check digit valid, or labelled vin/vehicle/chassis. */
export const vinDetector = defineDetector('vin', '[VIN]', 'L', scan);
