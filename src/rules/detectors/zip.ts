import { defineDetector } from './define.js';
import { hasDigits, resetAt } from './scan.js';
import type { Detection } from './types.js';

// ZIP+4 is distinctive enough on its own; not glued to longer digit/dash runs.
const ZIP4_RE = /(?<![0-9]|[0-9]-)[0-9]{5}-[0-9]{4}(?![0-9]|-[0-9])/g;

// A bare 5-digit number is a ZIP only with a label in front (`zip 02115`, `postal_code=02115`,
// `"zipCode":"02115"`); the separator run also allows URL-encoded `:`, `=`, `"` and spaces.
const LABELLED_RE =
  /(?<![A-Za-z])(?:zip(?:[ _-]?code)?|post(?:al)?[ _-]?code)(?:[\s:#="'+]|%3[AaDd]|%2[02]){0,6}([0-9]{5}(?:-[0-9]{4})?)(?![0-9])/gi;

// `Boston, MA 02115`: a comma, a USPS state code and five digits is an address tail.
const STATE_RE =
  /, ?(?:A[AEKLPRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEHINOPST]|N[CDEHJMVY]|O[HKR]|P[AR]|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY]) {1,2}([0-9]{5})(?![0-9])/g;

const CONTEXT_RES: readonly RegExp[] = [LABELLED_RE, STATE_RE];

function overlapsFrom(out: Detection[], from: number, start: number, end: number): boolean {
  for (let i = from; i < out.length; i++) if (out[i].start < end && start < out[i].end) return true;
  return false;
}

function scan(text: string, out: Detection[], kind: string): void {
  if (!hasDigits(text, 5)) return;
  const mark = out.length;
  let m: RegExpExecArray | null;
  if (text.indexOf('-') >= 0) {
    const re = resetAt(ZIP4_RE, 0);
    while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  for (const re of CONTEXT_RES) {
    resetAt(re, 0);
    while ((m = re.exec(text)) !== null) {
      // The code is the last capture and ends the match.
      const end = m.index + m[0].length;
      const start = end - m[1].length;
      if (!overlapsFrom(out, mark, start, end)) out.push({ start, end, kind });
    }
  }
}

/** ZIP codes (B): ZIP+4 anywhere; 5-digit ZIPs only after a label or a state code. */
export const zipDetector = defineDetector('zip', '[ZIP]', 'B', scan);
