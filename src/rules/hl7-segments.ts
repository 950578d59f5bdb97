import { codeAt } from '../common/code-at.js';
import type { PairVerdict } from './embedded-fields.js';

// HL7 v2 messages logged as text (an integration's ADT feed copied into a property):
// `PID|1||12345^^^MRN||DOE^JANE^Q||19610314|F|||12 MAIN ST^^PORTLAND^OR^97201||503-555-0143`.
// A field's meaning is its position, not a cue: PID-5 is the patient's name, and nothing in
// `DOE^JANE^Q` says so. Each field the standard defines as an identifier is read as the field
// of that name (the pack's rules decide), the rest goes to the detectors as before.
const FIELDS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  // Patient: ids, name, mother's maiden name, birth date, alias, address, phones, account, SSN, licence,
  // mother's id, death date.
  PID: { 2: 'patientid', 3: 'mrn', 4: 'patientid', 5: 'name', 6: 'name', 7: 'birthdate', 9: 'name', 11: 'address', 13: 'phone', 14: 'phone', 18: 'account', 19: 'ssn', 20: 'license',
    21: 'mrn', 29: 'deathdate' },
  // Next of kin: name, address, phones, birth date, contact person, contact's SSN.
  NK1: { 2: 'name', 4: 'address', 5: 'phone', 6: 'phone', 16: 'birthdate', 30: 'name', 31: 'phone', 32: 'address', 37: 'ssn' },
  // Guarantor: number, name, spouse, address, phones, birth date, SSN, employer's name, address, phone and employee id.
  GT1: { 2: 'account', 3: 'name', 4: 'name', 5: 'address', 6: 'phone', 7: 'phone', 8: 'birthdate', 12: 'ssn', 16: 'employer', 17: 'address', 18: 'phone', 19: 'employeeid' },
  // Visit: visit number, admit and discharge date/time (the dates of the person's stay).
  PV1: { 19: 'encounterid', 44: 'admitdate', 45: 'dischargedate', 50: 'encounterid' },
  // Order and diagnosis: when the specimen was taken, the diagnosis date.
  OBR: { 7: 'servicedate', 8: 'servicedate' },
  DG1: { 5: 'servicedate' },
  // Notes and comments: free text.
  NTE: { 3: 'comment' },
  // Insurance: the insured's name, birth date, address; policy number; insured's id.
  IN1: { 16: 'name', 18: 'birthdate', 19: 'address', 36: 'policy', 49: 'memberid' },
  IN2: { 1: 'memberid', 2: 'ssn', 8: 'medicaid', 6: 'medicare' },
  // Merge: the prior patient ids and name.
  MRG: { 1: 'mrn', 2: 'patientid', 3: 'account', 7: 'name' },
};
// A segment line: three capitals (or two and a digit) and the field separator.
const SEGMENT_LINE = /^[A-Z][A-Z0-9]{2}\|/;
const LINE_BREAK = /(\r\n|\r|\n)/;

/** Whether `text` opens with an HL7 segment (`MSH|`, `PID|`): one look at its fourth character first. */
function startsHl7(text: string): boolean {
  return codeAt(text, 3) === 124 && SEGMENT_LINE.test(text);
}

/**
 * Whether `text` opens with a segment or has one on a later line (`ADT received:\nPID|...`);
 * `nl`: the text's first line break. Only the fourth character after each break is looked at first.
 */
export function holdsHl7(text: string, nl: number): boolean {
  if (startsHl7(text)) return true;
  for (let i = nl; i >= 0; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i + 4) === 124 && SEGMENT_LINE.test(text.slice(i + 1, i + 5))) return true;
  }
  return false;
}

// HL7's DTM `YYYYMMDD[HHMM...]`: dashed, so the date rules' `year` action can find the year
// (`19610314` alone has no year boundary and was replaced whole).
const HL7_DATE = /^(\d{4})(\d{2})(\d{2})\d*(?:[+-]\d{4})?$/;
const DATE_KEYS: ReadonlySet<string> = new Set(['birthdate', 'deathdate', 'admitdate', 'dischargedate', 'servicedate']);
export const hl7Date = (cell: string): string => cell.replace(HL7_DATE, '$1-$2-$3');

/** `text` (lines of segments) with each identifying field replaced as `verdict` says, or undefined. */
export function rewriteHl7(text: string, verdict: PairVerdict): string | undefined {
  let changed = false;
  const parts = text.split(LINE_BREAK);
  for (let i = 0; i < parts.length; i += 2) {
    const fields = FIELDS[parts[i].slice(0, 3)];
    if (fields === undefined || parts[i].charCodeAt(3) !== 124) continue;
    const cells = parts[i].split('|');
    for (let f = 1; f < cells.length; f++) {
      const key = fields[f];
      if (key === undefined || cells[f] === '' || cells[f] === '""') continue;
      const v = verdict(key, DATE_KEYS.has(key) ? hl7Date(cells[f]) : cells[f]);
      if (v !== null) { cells[f] = v; changed = true; }
    }
    parts[i] = cells.join('|');
  }
  return changed ? parts.join('') : undefined;
}
