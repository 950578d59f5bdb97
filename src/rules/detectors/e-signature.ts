import { codeAt, isDigitCode, isLetter, lower } from './marker-bits.js';
import { resetAt } from './scan.js';
import { nameEnd } from './person-name.js';
import { nameWord } from './verb-name.js';
import { titleWord } from './item-name.js';
import type { Detection } from './types.js';

// A conformed electronic signature (Safe Harbor A), as filings, consents and attestations type it: the mark `/s/` and then the
// signer's name in any case (`/s/ Jane Q. Doe`, `Signed: /s/ jane doe`, `/s/ Jane Doe, 11/02/2026`). The mark stands alone: a
// link's `/s/` segment (`dropbox.com/s/x7k2/file.pdf`, `/s/summer-sale`) has a host or a segment glued before it and no space after.
const E_SIGNATURE_RE = /(?<![\p{L}\p{N}\p{M}._~%/-])\/s\/[ ]+/giu;
const INITIAL = /^\p{L}\.?$/u;

/** Whether `text` at `i` (a `/`) opens the mark `/s/` with a space after it and no word or path glued before (the prefilter's walk). */
export function eSignatureAt(text: string, i: number): boolean {
  if (lower(codeAt(text, i + 1)) !== 115 || codeAt(text, i + 2) !== 47 || codeAt(text, i + 3) !== 32) return false;
  const before = codeAt(text, i - 1);
  return !isLetter(before) && !isDigitCode(before);
}

/** Each signer's name after the mark: up to three name words, none a common or a title's word (`/s/ pending review` stays). */
export function scanESignatures(text: string, out: Detection[], kind: string): void {
  if (text.indexOf('/s/') < 0 && text.indexOf('/S/') < 0) return;
  const re = resetAt(E_SIGNATURE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = nameEnd(text, from, false, true);
    if (end <= from) continue;
    const words = text.slice(from, end).toLowerCase().split(' ').filter((w) => !INITIAL.test(w));
    if (words.length > 0 && words.every((w) => nameWord(w) && !titleWord(w))) out.push({ start: from, end, kind });
  }
}
