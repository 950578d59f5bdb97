import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import type { Detection } from './types.js';

// Safe Harbor lets no age over 89 through (spec §1.4): `92 years old`, `age: 93`, `93yo`,
// `95-year-old`, `edad: 96` go (`[AGE]`, like every other redaction). A number alone is not an age,
// so an age word must come before it (`age`, `aged`, `edad`, `âge`, `Alter`) or an age unit
// after it (`years old`, `yrs`, `y/o`, `yo`). `90 and up` / `90+` already is the category.
const NUM = '(9[0-9]|1[01][0-9])';
const AGE_RE = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:ages?|aged|edad|âge|alter|età|idade)(?:[ \\t]{0,2}(?:[:=#-]|is|of|was|de))?[ \\t]{0,2}${NUM}` +
    '(?![0-9]|[.,][0-9]|[ \\t]*\\+|[ \\t]+(?:and|or|&)[ \\t]+(?:up|over|older|above))' +
    `|(?<![0-9]|[0-9][.,]|[$€£])${NUM}(?:[ \\t]{0,2}|[ \\t]?-[ \\t]?)` +
    '(?:years?[ \\t-]+old|years?[ \\t-]+of[ \\t]+age|yrs?\\.?|y\\.[ \\t]?o\\.?|y/o|yo)(?![\\p{L}\\p{M}])',
  'giu',
);

function scan(text: string, out: Detection[], kind: string): void {
  if (text.length < 4) return;
  const re = resetAt(AGE_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) {
      const end = m.index + m[0].length;
      out.push({ start: end - m[1].length, end, kind });
    } else out.push({ start: m.index, end: m.index + m[2].length, kind });
  }
}

/** Ages over 89 (C), after an age word or before an age unit. */
export const ageOver89Detector = defineDetector('age_over_89', '[AGE]', 'C', scan);
