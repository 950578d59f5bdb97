import { resetAt } from './scan.js';
import type { Detection } from './types.js';

const PIN_LABEL = /^pin/i;
const SIX_DIGITS = /^[0-9]{6}$/;
const POSTCODE_LABEL = /^post[ ]?code/i;
const ASCII_LETTER_ANY_CASE = /[A-Z]/i;

// A postcode after the word other countries label it with (Safe Harbor B; ZIP-3's exception is for US ZIPs only, and
// English labels before digits stay the zip detector's): German `PLZ`/`Postleitzahl`, French `code postal`, Spanish and
// Portuguese `código postal`/`C.P.`, Polish `kod pocztowy`, Swedish and Norwegian `postnummer`, Finnish `postinumero`,
// Czech `PSČ`, India's `PIN code` (six digits), Dutch `postcode` (before `1012 AB`), and Japan's postal mark `〒`. The label says what the digits are, so
// every national shape is read after it: 4 to 6 digits, `00-590`, `150-0002`, `01310-100`, `113 51`, `1012 AB`.
const LABEL = '(?:postleitzahl|plz|code[ ]postal|c[oó]digo[ ]postal|c[oó]d\\.[ ]postal|c\\.[ ]?p\\.|kod[ ]pocztowy|postnummer|postinumero|ps[cč]|pin[ ]?code|post[ ]?code|〒)';
const SHAPE = '(?:[0-9]{2,5}-[0-9]{3,4}|[0-9]{3}[ ][0-9]{2}|[0-9]{4}[ ]?[A-Z]{2}|[0-9]{4,6})';
const LABELLED_RE = new RegExp(`(?<![\\p{L}])${LABEL}[ \\t]*[:#=.]?[ \\t]*(${SHAPE})(?![0-9A-Za-z]|-[0-9])`, 'giu');
const HINT = /plz|postleitzahl|postal|pocztowy|postnummer|postinumero|ps[cč]|pin ?code|post ?code|c\. ?p\.|〒/i;

/** The postcode after a label above (the `postcode` detector's, `[POSTCODE]`). */
export function scanLabelledPostcodes(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  const re = resetAt(LABELLED_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const code = m[1] as string;
    // India's PIN code has six digits: four after `PIN code` are a card's or a phone's PIN.
    if (PIN_LABEL.test(m[0]) && !SIX_DIGITS.test(code)) continue;
    // After the English (and Dutch) word, digits alone are a US ZIP, the zip detector's (ZIP-3 kept): only `1012 AB` is read here.
    if (POSTCODE_LABEL.test(m[0]) && !ASCII_LETTER_ANY_CASE.test(code)) continue;
    const end = m.index + m[0].length;
    out.push({ start: end - code.length, end, kind });
  }
}
