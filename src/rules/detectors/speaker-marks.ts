import { isDigit } from './scan.js';

// The prefilter's walk marks where person-name.ts's chat speakers and signatures may be: a clock beside a chat line's
// speaker, and the line break after a signature's `-- ` delimiter.

/** A bracketed clock (`[10:02]`, `(10:02 AM)`) at this colon: a chat line's speaker is beside it (person-name.ts). */
export function clockAt(text: string, i: number): boolean {
  if (!isDigit(text.charCodeAt(i - 1)) || !isDigit(text.charCodeAt(i + 1)) || !isDigit(text.charCodeAt(i + 2))) return false;
  let j = i + 3;
  if (text.charCodeAt(j) === 58 && isDigit(text.charCodeAt(j + 1))) j += 3;
  if (text.charCodeAt(j) === 32) j++;
  const l = text.charCodeAt(j) | 0x20;
  if ((l === 97 || l === 112) && (text.charCodeAt(j + 1) | 0x20) === 109) j += 2;
  const c = text.charCodeAt(j);
  return c === 93 || c === 41;
}

/** Whether the line break at `i` ends a signature delimiter `-- ` (`--`, `\r\n` too). */
export function signatureAt(text: string, i: number): boolean {
  let j = i;
  if (text.charCodeAt(j - 1) === 13) j--;
  if (text.charCodeAt(j - 1) === 32) j--;
  return text.charCodeAt(j - 1) === 45 && text.charCodeAt(j - 2) === 45;
}
