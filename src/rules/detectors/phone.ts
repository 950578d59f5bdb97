import { defineDetector } from './define.js';
import { hasDigits, isAsciiLetter, resetAt } from './scan.js';
import type { Detection } from './types.js';

// Two branches, NANP first so `+1 ...` numbers are held to NANP rules:
//  1. NANP: optional `+1`/`1` country code, area code (2-9xx, optionally parenthesised), exchange
//     (2-9xx), 4-digit line; each gap may be one space, dot, dash or underscore (`503_555_0142` in a slug), or a word for one.
//  2. E.164: `+`, a non-zero digit, then 7-14 more digits with optional single spaces/dashes.
//  3. Brazil's national layout: a two-digit area code in brackets before a mobile (9 and 8 digits) or a landline (8
//     digits starting 2-5), `(11) 91234-5678`, `(21) 3456-7890`, or bare before a dashed mobile (`31 99812-4470`); the
//     subscriber part alone is shaped like a ZIP+4, and the area code must go with it.
// The lookarounds keep both out of longer digit runs (`...9-617-555-0002`, `6175550002123`).
// Every quantifier is bounded and no group nests an unbounded one, so backtracking stays linear.
// The line number may spell a zero as the letter O (`617-555-O1OO`): a typo or a dodge, and
// still dialled as digits. Such a line must not run on into a word (`212-555-OOOps`).
// A gap may be read out as a word (`617 dot 555 dot 0142`, `720 dash 555 dash 0133`, `503 punto 555 punto 0142`): a number
// typed so that a form's pattern or a chat filter lets it through, dialled all the same.
const SPOKEN_GAP = String.raw`[ ](?:[Dd](?:ot|OT|ash|ASH)|[Pp](?:oint|OINT|unto|UNTO|unkt|UNKT)|[Hh](?:yphen|YPHEN)|[Gg]ui[oó]n|[Tt]iret|[Ss]trich)[ ]`;
// A dash or dot with a space on each side too (`617 - 555 - 0142`, typed to be read).
const GAP = String.raw`(?:${SPOKEN_GAP}|[ ][.-][ ]|[ ._-])?`;
const NANP = String.raw`(?<![0-9+]|[0-9][._-])(?:\+?1[ ._-]?)?(?:\([2-9][0-9]{2}\)[ .-]?|[2-9][0-9]{2}${GAP})[2-9][0-9]{2}${GAP}([0-9Oo]{4})`;
const E164 = String.raw`(?<![0-9A-Za-z+])(\+[1-9](?:[ -]?[0-9]){7,14})`;
const BRAZIL = String.raw`(?<![0-9A-Za-z+(])(?:\([1-9][0-9]\)[ ]?(?:9[0-9]{4}|[2-5][0-9]{3})[ .-]?|[1-9][0-9][ ]9[0-9]{4}[ -])[0-9]{4}`;
const PHONE_RE = new RegExp(String.raw`(?:${NANP}|${E164}|${BRAZIL})(?![0-9]|[._-][0-9])`, 'g');
const LETTER_O = /[Oo]/;

function scan(text: string, out: Detection[], kind: string): void {
  if (!hasDigits(text, 7)) return;
  const re = resetAt(PHONE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // An E.164 match for country code 1 means the NANP branch rejected its area/exchange.
    if (m[2] !== undefined && m[2].charCodeAt(1) === 49) continue;
    const end = m.index + m[0].length;
    if (m[1] !== undefined && LETTER_O.test(m[1]) && (isAsciiLetter(text.charCodeAt(end)) || m[1] === 'OOOO' || m[1] === 'oooo')) continue;
    out.push({ start: m.index, end, kind });
  }
}

/** Telephone and fax numbers (D, E): NANP in common layouts and E.164 international. */
export const phoneDetector = defineDetector('phone', '[PHONE]', 'D/E', scan);
