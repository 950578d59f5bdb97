import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A passport's or ID card's machine-readable zone pasted into a field (K, A): `P<USADOE<<JANE<<<…` holds the holder's
// names, `C030059887USA7408122F3010161<<<…08` the document number, birth date and expiry. A line is capitals, digits and
// `<` fillers with `<<` in it and two letters, and says it is one: a document's header (`P<USA`, `I<UTO`: its type, `<`,
// the issuer's three letters; then 8 characters are enough: `P<USADOE<<JANE`), or 20 characters or more with a digit or a
// run of `<<<` padding at its end (`IDFRABERTHIER<<CORINNE<<<<…`, a names line `ERIKSSON<<ANNA<MARIA<<<<<<<<<<`). The whole
// line goes. A breadcrumb's `<<<`, a row of `<` alone, `HEADER<<SECTION<<PART` and `INSTALL<<TEST<<2026` are no line.
const LINE_RE = /(?<![A-Za-z0-9<])[A-Z0-9<]{8,90}(?![A-Za-z0-9<])/g;
const LETTERS = /[A-Z][^A-Z]*[A-Z]/;
const HEADER = /^[PIACV]<[A-Z<]{3}/;
const DIGIT_OR_PADDING = /[0-9]|<<<$/;

function isLine(token: string): boolean {
  if (token.indexOf('<<') < 0 || !LETTERS.test(token)) return false;
  return HEADER.test(token) || (token.length >= 20 && DIGIT_OR_PADDING.test(token));
}

function scan(text: string, out: Detection[], kind: string): void {
  if (text.indexOf('<<') < 0) return;
  const re = resetAt(LINE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) if (isLine(m[0])) out.push({ start: m.index, end: m.index + m[0].length, kind });
}

/** Machine-readable zone lines of travel documents (see above). */
export const mrzDetector = defineDetector('mrz', '[ID]', 'K', scan);
