import { codeAt } from '../../common/code-at.js';
import { isDigit, resetAt } from './scan.js';
import type { Detection } from './types.js';

// A UK registration in the current format typed with no label (`blue golf LB07 SEO in bay 4`, `stuck behind the barrier in
// YD21 HVK`): two letters of a region, the two-digit age identifier, a space and three letters, all in capitals. The age
// identifier is a half-year since 2001 (March `02`-`29`, September `51`-`79`), and the DVLA issues no I, Q or Z in the region
// letters nor I or Q in the last three: those rules, the capitals and the space keep most product and booking codes out
// (`VS20 ABC` may still read as one; `SW1A 2AA` is a postcode's shape, `RX100 IV` and lower-case words are no plate's).
const UK_PLATE_RE = /(?<![A-Za-z0-9-])[A-HJ-PR-Y][A-HJ-PR-Y](?:0[2-9]|[12][0-9]|5[1-9]|[67][0-9]) [A-HJ-PR-Z]{3}(?![A-Za-z0-9-])/g;

/** A space with two digits before it and a capital after it (`07 S`): UK_PLATE_RE's cheap precheck. */
function mayHold(text: string): boolean {
  for (let i = text.indexOf(' ', 4); i > 0 && i + 3 < text.length; i = text.indexOf(' ', i + 1)) {
    const b = codeAt(text, i + 1);
    if (b >= 65 && b <= 90 && isDigit(codeAt(text, i - 1)) && isDigit(codeAt(text, i - 2))) return true;
  }
  return false;
}

/** Unlabelled UK registrations (L), pushed as `kind`. */
export function scanUkPlates(text: string, out: Detection[], kind: string): void {
  if (text.length < 8 || !mayHold(text)) return;
  const re = resetAt(UK_PLATE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
}
