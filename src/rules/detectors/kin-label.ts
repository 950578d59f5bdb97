import { codeAt, lower, matchesAt } from './marker-bits.js';
import { resetAt } from './scan.js';

// The prefilter's mark for a relative's possessive name label and a name label's contraction (kin-name.ts KIN_NAME_OWNER).
const LABEL_AFTER_APOS_S = /(?:full|first|last|legal|given)?[ _-]?name/iy;

/** NAME_CUE's test at an apostrophe: `'s name`, `'s first name`… after a word, or `name's ` (the prefilter's walk). */
export function nameLabelAposAt(text: string, i: number): boolean {
  if (lower(codeAt(text, i + 1)) !== 115 || codeAt(text, i + 2) !== 32) return false;
  if (i >= 4 && matchesAt(text, i - 4, 'name', true)) return true;
  return resetAt(LABEL_AFTER_APOS_S, i + 3).test(text);
}
