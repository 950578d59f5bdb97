import { codeAt } from '../../common/code-at.js';
import { defineDetector } from './define.js';
import { countDigits, isAsciiLetter, isDigit } from './scan.js';
import { spanishIdAround } from './spanish-id.js';
import { productCode } from './product-code.js';
import { priceFileEin } from './price-file.js';
import { ibanEnd } from './iban.js';
import { calendarBuild, dottedVersion } from './calendar-build.js';

const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
import type { Detection } from './types.js';

const MIN_DIGITS = 9;
// A bare run of 7-8 digits standing alone (no separators, not part of a decimal, an amount or
// a word) is a record, member or account number, or a compact date (`19610305`), not prose.
const MIN_BARE_DIGITS = 7;

function standsAlone(text: string, start: number, end: number): boolean {
  const before = start > 0 ? codeAt(text, start - 1) : 32;
  const after = end < text.length ? codeAt(text, end) : 32;
  const glued = (c: number) => isAsciiLetter(c) || c === 46 /* . */ || c === 44 /* , */ || c === 36 /* $ */ || c === 95 /* _ */;
  return !glued(before) && !glued(after);
}

/** `Chrome/131.0.6778.86`, `okhttp/4.12.0`: a dotted number right after `Product/` is its version (the IP detector skips these too). */
function productVersion(text: string, start: number): boolean {
  // A major version has 1-3 digits (`1234.5678.9012` after `acct/` is not a version).
  return start >= 2 && codeAt(text, start - 1) === 47 && isAsciiLetter(codeAt(text, start - 2)) && !isDigit(codeAt(text, start + 3));
}

/** One separator between digit groups: space . / - ( ) + — or `) ` / ` (` as in `(617) 555`. */
function separatorLength(text: string, at: number): number {
  const c = codeAt(text, at);
  const next = codeAt(text, at + 1);
  if (c === 41 /* ) */ && (next === 32 || next === 45) && isDigit(codeAt(text, at + 2))) return 2;
  if ((c === 32 || c === 45) && next === 40 /* ( */ && isDigit(codeAt(text, at + 2))) return 2;
  // `+` is a form-encoded space (`617+555+0100`).
  if ((c === 32 || c === 46 || c === 47 || c === 45 || c === 40 || c === 41 || c === 43) && isDigit(next)) return 1;
  return 0;
}

// A DICOM UID under the standard's own root (`1.2.840.10008.5.1.4.1.1.2` CT Image Storage, `1.2.840.10008.1.2.1`
// a transfer syntax) names a kind of object, never a patient's (instance UIDs have an organisation's root and
// stay numbers). The standard's components are short: one of 4+ digits is not such a UID.
const DICOM_ROOT = '1.2.840.10008.';
const DICOM_MAX = 40;

function standardUid(text: string, start: number, end: number): boolean {
  if (end - start > DICOM_MAX || !text.startsWith(DICOM_ROOT, start)) return false;
  let run = 0;
  for (let i = start + DICOM_ROOT.length; i < end; i++) {
    if (codeAt(text, i) === 46) run = 0;
    else if (++run > 3) return false;
  }
  return true;
}

const IBAN_MIN_DIGITS = 7;

// A plain loop rather than a regex: `\d+(?:[ .-]\d+)*` style patterns are exactly the nested
// quantifiers that backtrack badly, and this single pass allocates nothing.
function scan(text: string, out: Detection[], kind: string): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(codeAt(text, i))) {
      i++;
      continue;
    }
    // An IBAN's check digits follow its country letters (`GB29 NWBK …`): taken whole (iban.ts). Unlabelled, one with
    // fewer than the seven digits this detector's prefilter gate asks of a text is letters that happen to pass the
    // mod-97 check one time in 97 (`GB29 NWBK 1331 NWBK NWBK`), as no country's account numbers are; after an
    // account label it is still taken (labelled-id.ts).
    const iban = i >= 2 && isAsciiUpper(codeAt(text, i - 1)) && isAsciiUpper(codeAt(text, i - 2)) ? ibanEnd(text, i - 2) : -1;
    if (iban > 0 && countDigits(text, i, iban) >= IBAN_MIN_DIGITS) { out.push({ start: i - 2, end: iban, kind }); i = iban; continue; }
    const start = i;
    let digits = 0;
    let end = i;
    let dotsOnly = true;
    let seps = 0;
    for (;;) {
      while (i < n && isDigit(codeAt(text, i))) {
        i++;
        digits++;
      }
      end = i;
      const sep = i < n ? separatorLength(text, i) : 0;
      if (sep === 0) break;
      if (codeAt(text, i) !== 46) dotsOnly = false;
      seps++;
      i += sep;
    }
    if (dotsOnly && seps > 0 && (productVersion(text, start) || standardUid(text, start, end))) continue;
    if ((seps === 0 || !dotsOnly) && productCode(text, start, end)) continue;
    if (dotsOnly && seps <= 1 && calendarBuild(text, start, end)) continue;
    if (dotsOnly && seps >= 2 && dottedVersion(text, start, end, seps + 1)) continue;
    if (seps <= 1 && priceFileEin(text, start, end)) continue; // `12-3456789_northbay_standardcharges.json` (price-file.ts)
    if (digits >= MIN_DIGITS || (digits >= MIN_BARE_DIGITS && end - start === digits && standsAlone(text, start, end))) out.push({ start, end, kind });
    else {
      const id = spanishIdAround(text, start, end, digits);
      if (id !== undefined) out.push({ start: id[0], end: id[1], kind });
    }
  }
}

/**
 * Safety net (R): any run of 9+ digits, with single separators between groups, bare 7-8
 * digit numbers standing alone, IBANs whose check holds (J), and Spanish DNI/NIE numbers with a valid control letter. findAll gives it the lowest priority, so it only applies where
 * no specific detector claimed the digits.
 */
export const longNumberDetector = defineDetector('long_number', '[NUMBER]', 'R', scan);
