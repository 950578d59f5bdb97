import { resetAt } from './scan.js';
import { commonWord } from './file-name.js';
import { GIVEN_NAMES } from './given-names.js';
import { nameWord, verbLike } from './verb-name.js';
import { TITLE_STOP, folded } from './name-words.js';
import type { Detection } from './types.js';

// A patient's name typed in lower case in a record's order, surname, comma, given name, right after the label that says whose
// it is (Safe Harbor A): `pt: okafor, kenji`, `patient name: nguyen, thi`, `name - delacroix, simone`, `paciente: ramírez,
// lucía`, `pt name: ferreira, joao dob on file`. record-name.ts reads the pair in capitals or mixed case; in lower case two
// words around a comma are a list as often (`pt: new, returning`, `name: first, last`), so the label must stand right
// before the pair, neither word may be a site's, a verb's or a title's, and the pair ends its value, line or field (or meets
// a dash, a `dob` or a digit) unless the second word is a common given name.
const LABEL_RE = /(?<![\p{L}\p{M}])(?:patient(?:'?s)?(?:[ ](?:full[ ])?name)?|pt(?:[ ]name)?|(?:full[ ]|legal[ ])?name|paciente|nombre(?:[ ]del[ ]paciente)?|nom(?:[ ]du[ ]patient)?|patiente?|patientin|patientenname)[ ]{0,3}[:=\-\u2013][ ]{0,3}/giu;
const PAIR_RE = /^(\p{Ll}[\p{Ll}\p{M}'\u2019-]{1,30}),[ ]?(\p{Ll}[\p{Ll}\p{M}]{1,20})(?![\p{L}\p{M}'\u2019-])/u;
const CLOSES = /^(?:$|[ ]*(?:[|;\t\n)(.]|-[ ]|\u2013|dob\b|born\b|[0-9]))/iu;
const HINT = /(?:pt|patient|name|nombre|nom|paciente|patientin)[ ]*[:=\-\u2013][ ]*\p{Ll}[\p{Ll}\p{M}'\u2019-]*,/iu;
// The prefilter's check at the pair's comma (household-cues.ts commaCueAt): a label, its sign and one word before it.
const LABEL_BEFORE = /(?:pt|patient|name|nombre|nom|paciente|patiente|patientin|patientenname)[ ]{0,3}[:=\-\u2013][ ]{0,3}\p{Ll}[\p{Ll}\p{M}'\u2019-]*$/iu;

// A chart's state words and their endings (`pt: stable, afebrile`, `pt: alert, oriented`, `pt: male, adult`).
const STATE = new Set(('stable alert oriented awake asleep sedated intubated confused comfortable improving pending unknown male female ' +
  'adult minor infant child new returning established inpatient outpatient none same ok fine good fair poor critical nauseous dizzy').split(' '));
const STATE_END = /(?:able|ible|ile|ous|ive|ated|ing)$/;

function plain(w: string): boolean {
  const f = folded(w);
  return f.length >= 2 && nameWord(f) && !commonWord(f) && !TITLE_STOP.has(f) && !verbLike(f) && !STATE.has(f) && !STATE_END.test(f);
}

/** Lower-case `surname, given` pairs after a patient's or a name's label (see above). */
export function scanLowerRecordNames(text: string, out: Detection[], kind: string): void {
  if (!HINT.test(text)) return;
  const re = resetAt(LABEL_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const pair = PAIR_RE.exec(text.slice(from, from + 56));
    if (pair === null) continue;
    const surname = pair[1] as string, given = pair[2] as string;
    const end = from + pair[0].length;
    if (!plain(surname) || !plain(given)) continue;
    if (!GIVEN_NAMES.has(folded(given)) && !CLOSES.test(text.slice(end, end + 6))) continue;
    out.push({ start: from, end, kind });
    re.lastIndex = end;
  }
}

/** At a comma: whether a lower-case surname after a patient's or a name's label ends here (see above). */
export function lowerRecordAt(text: string, i: number): boolean {
  return LABEL_BEFORE.test(text.slice(Math.max(0, i - 72), i));
}
