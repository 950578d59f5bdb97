import { codeAt } from '../../common/code-at.js';
import { isDigit } from './scan.js';

// The prefilter's walk marks where person-name.ts's chat speakers and signatures may be: a clock beside a chat line's
// speaker, and the line break after a signature's `-- ` delimiter.

/** A bracketed clock (`[10:02]`, `(10:02 AM)`) at this colon: a chat line's speaker is beside it (person-name.ts). */
export function clockAt(text: string, i: number): boolean {
  if (!isDigit(codeAt(text, i - 1)) || !isDigit(codeAt(text, i + 1)) || !isDigit(codeAt(text, i + 2))) return false;
  let j = i + 3;
  if (codeAt(text, j) === 58 && isDigit(codeAt(text, j + 1))) j += 3;
  if (codeAt(text, j) === 32) j++;
  const l = codeAt(text, j) | 0x20;
  if ((l === 97 || l === 112) && (codeAt(text, j + 1) | 0x20) === 109) j += 2;
  const c = codeAt(text, j);
  return c === 93 || c === 41;
}

/** Whether the line break at `i` ends a signature delimiter `-- ` (`--`, `\r\n` too). */
export function signatureAt(text: string, i: number): boolean {
  let j = i;
  if (codeAt(text, j - 1) === 13) j--;
  if (codeAt(text, j - 1) === 32) j--;
  return codeAt(text, j - 1) === 45 && codeAt(text, j - 2) === 45;
}
