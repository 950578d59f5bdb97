import { countDigits, resetAt } from './scan.js';
import type { Detection } from './types.js';

// Device serials (Safe Harbor M) where the label and the value are not side by side (labelled-id.ts, access-ids.ts):
//  - a serial's label in Spanish, French, Portuguese, Italian or German naming the device before its colon (`número de serie
//    del monitor: MX-77213-B`, `Seriennummer des Messgeräts: GM82K44`, `numéro de série du lecteur : LR-60219`);
//  - a code in capitals after `serial` with one digit at the least and a `/` inside (`apple watch serial FHLX2LL/A`), which
//    labelled-id.ts's three digits miss: `serial killer`, `Serial ATA`, `serial port COM3` stay;
//  - a CGM transmitter's id right after the word (`cgm transmitter 8G1234`, `Dexcom transmitter 9K2M4T`), a code of
//    five to eight capitals and digits with two digits and a letter: `transmitter battery`, `transmitter G7` stay (after
//    `transmitter ID` or `transmitter:` it is labelled-id.ts's).
const FOREIGN_LABEL = 'n[úu]mero[ ]d[eo][ ]s[ée]rie|num[ée]ro[ ]de[ ]s[ée]rie|n[°º][ ]de[ ]s[ée]rie|numero[ ]di[ ]serie|seri(?:e|en)nummer';
const VALUE = '((?=[A-Z0-9-]*[0-9][A-Z0-9-]*[0-9])(?=[0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{3,19})(?![A-Za-z0-9])';
const FOREIGN_GAP_RE = new RegExp(`(?<![\\p{L}])(?:${FOREIGN_LABEL})(?:[ ][\\p{L}'\\u2019.]{1,20}){1,4}?[ ]*[:#][ ]*${VALUE}`, 'giu');
const TRANSMITTER_RE = /(?<![A-Za-z])transmitter[ ]+((?=[A-Z0-9]*[0-9][A-Z0-9]*[0-9])(?=[0-9]*[A-Z])[A-Z0-9]{5,8})(?![A-Za-z0-9-])/gi;
const SERIAL_CAPS_RE = /(?<![A-Za-z])(?:serial|Serial|SERIAL)(?:[ ]?(?:number|no\.?|#))?[ ]*[:#]?[ ]*((?=[A-Z0-9/-]*[0-9])(?=[0-9/-]*[A-Z])[A-Z0-9][A-Z0-9/-]{4,19})(?![A-Za-z0-9/-])/g;
const HINT = /s[eé]ri|ransmitter/i;

// labelled-id.ts reads a value with three digits after `serial` itself.
const labelledReads = (value: string): boolean => value.indexOf('/') < 0 && countDigits(value, 0, value.length) >= 3;

function scanRe(re: RegExp, text: string, out: Detection[], kind: string): void {
  const r = resetAt(re, 0);
  let m: RegExpExecArray | null;
  while ((m = r.exec(text)) !== null) {
    if (re === SERIAL_CAPS_RE && labelledReads(m[1] as string)) continue;
    out.push({ start: m.index + m[0].length - (m[1] as string).length, end: m.index + m[0].length, kind });
  }
}

/** The serials above in `text`. */
export function scanDeviceSerials(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  scanRe(FOREIGN_GAP_RE, text, out, kind);
  scanRe(TRANSMITTER_RE, text, out, kind);
  scanRe(SERIAL_CAPS_RE, text, out, kind);
}
