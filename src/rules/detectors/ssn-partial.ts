import { defineDetector } from './define.js';
import { foundAt, resetAt } from './scan.js';
import type { Detection } from './types.js';

// HHS: derived fragments of an SSN, such as its last four digits, are not de-identified
// (spec §1.5). Two spellings carry them:
//  1. a masked SSN that still shows a part: `xxx-xx-0053`, `***-**-0053`, `•••-••-0053`,
//     `XXXXX0053`, the first five shown and the serial masked (`495-57-XXXX`), only the area masked
//     (`XXX-45-6789`) or an ITIN's nine and the group and serial (`9XX-78-1234`);
//  2. four digits announced as the end of an SSN: `SSN ending 0053`, `last 4 of SSN: 0053`,
//     `social security # ends in 0053`, `ssn (last four) 0053`, or right after the label (`SSN:6789`, `ssn# 6789`,
//     `last4ssn=6789`): four digits are all an SSN's label can be followed by that is no whole one.
const M = '[xX*#\u2022\u25cf]';
const MASKED_RE = new RegExp(
  `(?<![0-9A-Za-z*#\u2022\u25cf])(?:${M}{3}([ .-]?)${M}{2}\\1[0-9]{4}|[0-9]{3}([ .-]?)[0-9]{2}\\2${M}{4}|(?:${M}{3}|9${M}{2})([ .-])[0-9]{2}\\3[0-9]{4})(?![0-9A-Za-z*#\u2022\u25cf])`,
  'g',
);
const SSN = '(?:ssn|ss#|s\\.s\\.n\\.?|social(?:[ -]security)?|soc\\.?[ -]?sec\\.?)(?:[ ]?(?:#|no\\.?|number|num))?';
const LAST4 = 'last[ -]?(?:4|four)(?:[ -]digits)?';
const SEP = '[\\s:#=()-]{0,4}';
const LABELLED_RE = new RegExp(
  `(?<![A-Za-z])(?:${SSN}${SEP}(?:(?:ending|ends|ended)(?:[ ](?:in|with))?|${LAST4}(?:[ ](?:is|are))?)` +
    `|${LAST4}(?:[ ](?:of|on|from))?[ _]?(?:(?:my|the|your|his|her|their|patient'?s)[ ])?${SSN}(?:[ ](?:is|are))?)${SEP}([0-9]{4})(?![0-9]|[ .-][0-9])`,
  'gi',
);
// Right after the label, a year is a year (`social security 2025 changes`, `ssn 2024 form`), not the last four.
const BARE_RE = new RegExp(`(?<![A-Za-z])${SSN}(?:[ ](?:is|was))?${SEP}(?!(?:19|20)[0-9]{2}(?![0-9]))([0-9]{4})(?![0-9]|[ .-][0-9])`, 'gi');

const LABELLED = [LABELLED_RE, BARE_RE];

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 8) return;
  let m: RegExpExecArray | null;
  const masked = resetAt(MASKED_RE, 0);
  while ((m = masked.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, kind });
  const mark = out.length;
  for (const re of LABELLED) {
    resetAt(re, 0);
    while ((m = re.exec(text)) !== null) {
      const end = m.index + m[0].length;
      // `last 4 of SSN: 3318` is read by both: one detection.
      if (!foundAt(out, mark, end)) out.push({ start: end - 4, end, kind });
    }
  }
}

/** Partial SSNs (G): masked SSNs that show some digits, and labelled last-four digits. */
export const ssnPartialDetector = defineDetector('ssn_partial', '[SSN]', 'G', scan);
