import { ssnValid } from './checksums.js';
import { defineDetector } from './define.js';
import { hasDigits, resetAt } from './scan.js';
import { priceFileEin } from './price-file.js';
import type { Detection } from './types.js';

const ASCII_LETTER = /[A-Za-z]/;
const ASCII_ALNUM = /[A-Za-z0-9]/;

// AAA-GG-SSSS with one delimiter (`-`, space, `.`) used consistently (the backreference rejects
// mixed ones), or 9 bare digits. The lookarounds reject digits that continue a longer run,
// including across a dash or dot (`1-495-57-0053-2`).
// A dash or dot may have a space on either side (`140 - 31 - 1813`), and spaces may be doubled
// (`231  80  3710`), as typed into forms. An underscore is a delimiter too (`536_22_4411`: a slug or a file name
// made from the number).
const SSN_RE = /(?<![0-9]|[0-9][._-])([0-9]{3})( ?[.-] ?| {1,2}|_|)([0-9]{2})\2([0-9]{4})(?![0-9]|[._-][0-9])/g;

function scan(text: string, out: Detection[], kind: string): void {
  if (!hasDigits(text, 9)) return;
  const re = resetAt(SSN_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // Nine digits led by one letter that opens a token (`B739201841`): a code, or a KVNR (health-number.ts), not an SSN.
    const letterLed = m[2] === '' && ASCII_LETTER.test(text[m.index - 1] ?? '') && !ASCII_ALNUM.test(text[m.index - 2] ?? '');
    // Nine digits with a letter on both sides are inside a token (a push token's or a digest's hex, `…eed085274509c26…`):
    // the code_like detector takes the token whole; an SSN cut out of it left the token's tail in the text.
    const inToken = m[2] === '' && ASCII_LETTER.test(text[m.index - 1] ?? '') && ASCII_LETTER.test(text[m.index + m[0].length] ?? '');
    if (letterLed || inToken || !ssnValid(m[1] + m[3] + m[4])) {
      // A rejected candidate may overlap a valid one starting inside it (spaced digit groups).
      re.lastIndex = m.index + 1;
      continue;
    }
    // A hospital's EIN opening its price-transparency file's name (price-file.ts); an SSN elsewhere in a file name still goes.
    if (m[2] === '' && priceFileEin(text, m.index, m.index + m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
}

/** US Social Security numbers (G), structurally validated per SSA rules (spec §3.6). */
export const ssnDetector = defineDetector('ssn', '[SSN]', 'G', scan);
