import { defineDetector } from './define.js';
import { DIGIT_WORDS } from './phone-local.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// A number read out in words after the label that says what it is (B, C, G, H, I, J): `my ssn is five five five,
// two two, one two three four`, `zip code nine four one one oh`, `member id K eight eight two zero four one five five`,
// `card ending in seven seven three one`, `DOB zero four slash one two slash one nine seven three`. Phone numbers read
// out are phone_local's. The label may be followed by a few filler words (`is`, `number`, `of my`, `ending in`); the
// number is words and digit groups, with `double`/`triple`, `dash`/`slash`, `hundred` and capital letters (a member id's prefix)
// among them, and `o` for zero. Counted as digits it is 4 long at least (6 after a birth label: `born in nineteen fifty
// eight` is a year), with 2 words at least (`ssn 555 two two 1234`; digits alone are the plain detectors'); `social: five
// of us`, `zip code nine digits`, `Flu shot: one dose` stay.
const LABEL_RE = new RegExp(
  '(?<![A-Za-z])(?:(ssn|ss[ ]?#|s\\.s\\.n\\.?|soc(?:ial)?\\.?(?:[ -]sec(?:urity)?\\.?)?|seguro[ ]social)' +
    '|(dob|d\\.o\\.b\\.?|date[ ]of[ ]birth|birth[ ]?date|birthday|born)' +
    '|zip(?:[ ]?code)?|postal[ ]code|post[ ]?code|mrn|m\\.r\\.n\\.?|med(?:ical)?[ ]rec(?:ord)?s?|record|chart' +
    '|member|subscriber|patient|insurance|policy|group|claim|account|acct|medicaid|medicare|beneficiary|card|license|licence|passport|id' +
    '|itin|npi|routing|confirmation|ticket|invoice|case|plate|last[ ](?:four|4)(?:[ ]digits)?)' +
    '(?![A-Za-z])',
  'gi',
);
// Words between the label and the number: `SSN is`, `number:`, `# `, `of my`, `ending in`.
const FILLER_RE = /(?:[\s:#=.,'"()-]+|(?:id|number|nbr|no|num|is|are|was|of|in|my|the|his|her|their|ending|ends|ended|with|es|de|mi|su)(?![A-Za-z])){0,12}/iy;
// One token of the number, with the separators before it (`, `, ` - `).
const TOKEN_RE = new RegExp(
  `([ ,.\\-]{0,3})(?:(${DIGIT_WORDS})|` + '(o|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)' +
    '|(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)' +
    '|(double|triple)|(dash|slash|hundred|thousand|and)|([0-9]{1,4})|([A-Z]))(?![A-Za-z0-9])',
  'iy',
);

// The SSN labels the walk marks (markers.ts SSN_WORD at `ssn`, `ss#`, `soc`); `s.s.n.` is not marked.
const SSN_MARKED = /ss[n#]|soc/i;

interface Run { end: number; digits: number; words: number; pair: boolean }

/** Reads the number's tokens from `at`; `pair` says two of them (an English digit word and a digit or another) are
 * adjacent as the prefilter's walk marks them (cue-at.ts digitWord), which is what lets the detector run at all. */
function readRun(text: string, at: number): Run {
  const run: Run = { end: at, digits: 0, words: 0, pair: false };
  const re = resetAt(TOKEN_RE, at);
  let times = 1;
  let lastDigitWordEnd = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m[0].length > m[1].length) {
    if (m[8] !== undefined && m[8] !== m[8].toUpperCase()) break; // a single lower-case letter is prose (`a`)
    if ((m[2] !== undefined || m[7] !== undefined) && lastDigitWordEnd === m.index) run.pair = true;
    if (m[2] !== undefined || m[3] !== undefined) { run.digits += times; run.words++; times = 1; }
    else if (m[4] !== undefined) { run.digits += 2; run.words++; times = 1; }
    else if (m[5] !== undefined) { times = m[5].toLowerCase() === 'double' ? 2 : 3; continue; }
    else if (m[6] !== undefined) { lastDigitWordEnd = -1; continue; }
    else if (m[7] !== undefined) run.digits += m[7].length;
    lastDigitWordEnd = m[2] !== undefined ? m.index + m[0].length : -1;
    run.end = m.index + m[0].length;
  }
  return run;
}

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 16) return;
  const labels = resetAt(LABEL_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = labels.exec(text)) !== null) {
    const filler = resetAt(FILLER_RE, m.index + m[0].length);
    filler.exec(text);
    const start = filler.lastIndex;
    const run = readRun(text, start);
    // An SSN's label is marked by the walk itself (`ssn`, `soc`: SSN_WORD); other labels need the number's own mark.
    const marked = run.pair || (m[1] !== undefined && SSN_MARKED.test(m[1]));
    if (run.words >= 2 && run.digits >= (m[2] !== undefined ? 6 : 4) && marked) {
      out.push({ start, end: run.end, kind });
      labels.lastIndex = run.end;
    }
  }
}

/** Identifiers read out in words after their label: SSNs, ZIP codes, record, member, account and card numbers, birth dates. */
export const spelledIdDetector = defineDetector('spelled_id', '[ID]', 'B/C/G/H/I/J', scan);
