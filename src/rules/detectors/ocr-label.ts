import { isLetter, lower, codeAt } from './marker-bits.js';
import { nameEnd } from './person-name.js';
import type { Detection } from './types.js';

const OCR_SEPARATORS = /[ ._'\u2019-]/g;
const OCR_RN = /rn/g;
const OCR_VV = /vv/g;
const OCR_ONE_LIKE = /[1l|!]/g;
const OCR_ZERO = /0/g;
const OCR_THREE = /3/g;
const OCR_FOUR_LIKE = /[4@]/g;
const OCR_FIVE_LIKE = /[5$]/g;
const OCR_EIGHT = /8/g;
const SPACES = / /g;
const SPACE_BETWEEN_LABEL_CHARS = /(?<=[A-Za-z0-9|!@$])[ ](?=[A-Za-z0-9|!@$])/;

// A name label as a scanner's OCR or a hurried typist leaves it (Safe Harbor A): digits read for letters
// (`Pat1ent:`, `Narne:` for `Name:` as `rn` reads `m`, `Iast name:`), letters spaced apart (`P a t i e n t :`,
// `nam e:`) or two letters swapped (`Pateint:`, `Patinet:`). The cue tables (person-name.ts) read the clean
// spellings; this file reads the label before a colon through a fold that maps each look-alike to one letter,
// and names the person after it as the clean label would. Only a label that needed the fold counts: a clean
// one is person-name.ts's own decision (it spares `Name: Portal` and the like on its own terms).

// Labels whose value is a person's name, as people write them (spaces between words).
const LABELS = ['name', 'full name', 'first name', 'last name', 'given name', 'family name', 'surname', 'patient', 'patient name',
  "patient's name", 'pt name', 'member name', 'caller', 'nombre', 'apellido', 'vorname', 'nachname'];
// A patient's label names a capitalised name (as `Patient:` does in person-name.ts); a name label lower case ones too.
const PERSON_ONLY = new Set(['patient', 'caller']);

/** The label with separators gone and every look-alike folded to one letter (`Pat1ent` and `Patlent` read `patient`). */
function fold(s: string): string {
  return s.toLowerCase().replace(OCR_SEPARATORS, '').replace(OCR_RN, 'm').replace(OCR_VV, 'w').replace(OCR_ONE_LIKE, 'i').replace(OCR_ZERO, 'o')
    .replace(OCR_THREE, 'e').replace(OCR_FOUR_LIKE, 'a').replace(OCR_FIVE_LIKE, 's').replace(OCR_EIGHT, 'b');
}

const FOLDED = new Map<string, string>(LABELS.map((l) => [fold(l), l]));
const CLEAN = new Set(LABELS.flatMap((l) => [l, l.replace(SPACES, ''), l.replace(SPACES, '_')]));

/** The clean label `s` (a candidate's characters) folds to, with one pair of neighbours swapped at most; undefined if none. */
function labelOf(s: string): string | undefined {
  const f = fold(s);
  if (f.length < 4 || f.length > 16) return undefined;
  const direct = FOLDED.get(f);
  if (direct !== undefined) return direct;
  for (let i = 1; i + 1 < f.length; i++) {
    const swapped = FOLDED.get(f.slice(0, i) + f[i + 1] + f[i] + f.slice(i + 2));
    if (swapped !== undefined) return swapped;
  }
  return undefined;
}

const LABEL_CHAR = /[A-Za-z0-9|!@$]/;
const MAX_LABEL = 28;

/** Start of the label run ending at `end` (letters, look-alike digits, single spaces, dots, dashes), up to MAX_LABEL back. */
function runStart(text: string, end: number): number {
  let s = end;
  while (s > 0 && end - s < MAX_LABEL) {
    const ch = text[s - 1];
    if (LABEL_CHAR.test(ch)) { s--; continue; }
    // One separator inside the label, never two in a row (`NORTHBAY PLAN  Pat1ent:` starts at `Pat1ent`).
    if ((ch === ' ' || ch === '.' || ch === '-' || ch === '_') && s > 1 && LABEL_CHAR.test(text[s - 2])) { s--; continue; }
    break;
  }
  return s;
}

/**
 * The clean label a misread label before the colon at `colon` stands for, and where the value starts; undefined when the
 * label reads clean or is no name label. Tries the label's last word, then the last words joined (`Pati3nt Narne`,
 * `P a t i e n t`, `nam e`).
 */
export function misreadLabel(text: string, colon: number): string | undefined {
  let end = colon;
  while (end > 0 && colon - end < 3 && codeAt(text, end - 1) === 32) end--;
  // Every name label ends in a letter (a clock's `12:30` or a timestamp stops here).
  if (end === 0 || !isLetter(codeAt(text, end - 1))) return undefined;
  const start = runStart(text, end);
  if (start > 0 && isLetter(codeAt(text, start - 1))) return undefined;
  const words = text.slice(start, end).split(SPACE_BETWEEN_LABEL_CHARS);
  for (let k = 1; k <= words.length; k++) {
    const raw = words.slice(words.length - k).join(' ');
    const label = labelOf(raw);
    // A clean last word (`Pateint name:`) may still close a misread label: the longer runs are tried too.
    if (label !== undefined && !CLEAN.has(raw.toLowerCase())) return label;
  }
  return undefined;
}

/** NAME_CUE at a colon (markers.ts): a misread name label before it. Most colons fail on the character before (misreadLabel). */
export function misreadLabelAt(text: string, colon: number): boolean {
  return misreadLabel(text, colon) !== undefined;
}

/** Names after a misread name label and its colon (see above). */
export function scanMisreadLabels(text: string, out: Detection[], kind: string): void {
  for (let colon = text.indexOf(':'); colon > 0; colon = text.indexOf(':', colon + 1)) {
    const label = misreadLabel(text, colon);
    if (label === undefined) continue;
    let from = colon + 1;
    while (from < text.length && codeAt(text, from) === 32) from++;
    const capitalised = PERSON_ONLY.has(label);
    const end = nameEnd(text, from, capitalised, capitalised);
    if (end > from) out.push({ start: from, end, kind });
  }
}

/** At a `b` standing alone: `d o b`, `d-o-b`, `D.O.B` spelled with its letters apart (a birth date follows; DATE_CUE in cue-at.ts). */
export function spacedDobAt(text: string, i: number): boolean {
  const sep = (c: number) => c === 32 || c === 46 || c === 45;
  return sep(codeAt(text, i - 1)) && lower(codeAt(text, i - 2)) === 111 && sep(codeAt(text, i - 3)) && lower(codeAt(text, i - 4)) === 100 &&
    !isLetter(codeAt(text, i - 5)) && !isLetter(codeAt(text, i + 1));
}
