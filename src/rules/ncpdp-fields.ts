import type { PairVerdict } from './embedded-fields.js';
import { hl7Date } from './hl7-segments.js';

// NCPDP pharmacy claims (Telecommunication D.0) logged as text: fields are a two-character id and
// the value, separated by the field separator 0x1C (`\x1cCADOE\x1cC419610314`); a labelled dump
// writes the id after its number (`Patient Last Name (311-CB)=DOE`). The id says what the value
// is: the patient's and the cardholder's names, birth date, address, phone, email and ids, the
// date of service and the prescription number are read as the field of that name.
const IDS: Readonly<Record<string, string>> = {
  CA: 'firstName', CB: 'lastName', C4: 'birthdate', CM: 'address', CN: 'city', CP: 'zip', CQ: 'phone', HN: 'email', CY: 'patientid',
  C2: 'memberid', CC: 'firstName', CD: 'lastName', CZ: 'employer', D1: 'servicedate', D2: 'id', '4X': 'address',
};
const FS_RE = /\x1c([A-Z0-9]{2})([^\x1c\x1d\x1e]*)/g;
const LABELLED_RE = /\(\d{3}-([A-Z0-9]{2})\)[ ]*[=:][ ]*([^;|\n]*)/g;

/** Whether `text` may hold NCPDP fields: a field separator, or (`paren`: its first `(`) a labelled id's `)=` / `):`. */
export function holdsNcpdp(text: string, paren: number): boolean {
  return text.indexOf('\x1c') >= 0 || (paren >= 0 && (text.indexOf(')=', paren) > 0 || text.indexOf('):', paren) > 0));
}

export function rewriteNcpdp(text: string, verdict: PairVerdict): string | undefined {
  let changed = false;
  const one = (whole: string, id: string, value: string): string => {
    const key = IDS[id];
    const trimmed = value.trim();
    if (key === undefined || trimmed === '') return whole;
    const v = verdict(key, key.endsWith('date') ? hl7Date(trimmed) : trimmed);
    if (v === null) return whole;
    changed = true;
    return whole.slice(0, whole.length - value.length) + v;
  };
  const out = text.indexOf('\x1c') >= 0 ? text.replace(FS_RE, one) : text;
  const labelled = out.replace(LABELLED_RE, one);
  return changed ? labelled : undefined;
}
