import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

const DOTS = /\./g;

// A MAC address (IEEE EUI-48) names one network card for life: six hex pairs joined by one of
// `:` or `-` throughout (`00:1A:2B:3C:4D:5E`), or Cisco's three dotted quads (`001a.2b3c.4d5e`).
// Not part of a longer hex/colon run (IPv6 addresses have their own detector).
const MAC_RE =
  /(?<![0-9A-Fa-f:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|([0-9A-Fa-f]{4})\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![0-9A-Za-z]|[:.-][0-9A-Fa-f])/g;
const HEX_LETTER = /[A-Fa-f]/;
const NOT_A_DEVICE = /^(?:00[:.-]?){5}00$|^(?:ff[:.-]?){5}ff$/i;

function scan(text: string, out: Detection[], kind: string): void {
  const re = resetAt(MAC_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const mac = m[0];
    // Dotted quads of digits only are version or serial numbers (long_number's business).
    if (m[2] !== undefined && !HEX_LETTER.test(mac)) continue;
    if (NOT_A_DEVICE.test(mac.replace(DOTS, ''))) continue;
    out.push({ start: m.index, end: m.index + mac.length, kind });
  }
}

/** MAC addresses (M: device identifiers). */
export const macDetector = defineDetector('mac', '[DEVICE]', 'M', scan);
