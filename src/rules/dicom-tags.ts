import type { PairVerdict } from './embedded-fields.js';
import { hl7Date } from './hl7-segments.js';

const DICOM_AGE_YEARS = /^0*(\d{1,3})Y$/i;

// DICOM headers dumped as text (an imaging viewer's debug log, dcmdump or pydicom output):
// `(0010,0010) PN [DOE^JANE^M]`, `(0010, 0030) Patient's Birth Date  DA: '19610314'`. A value's
// meaning is its tag: the patient module's (0010,xxxx) name, ids, birth date, age, address and
// phones, the study's dates (0008,002x) and the visit's admission (0038,xxxx) are read as the
// field of that name (the pack's rules decide). Physicians' names (0008,0090) are left.
const TAGS: Readonly<Record<string, string>> = {
  '0010,0010': 'name', '0010,0020': 'patientid', '0010,0030': 'birthdate', '0010,1000': 'patientid', '0010,1001': 'name',
  '0010,1005': 'name', '0010,1010': 'age', '0010,1040': 'address', '0010,1060': 'maidenname', '0010,1090': 'mrn',
  '0010,2154': 'phone', '0010,2155': 'phone', '0010,21b0': 'notes', '0010,4000': 'comments',
  '0008,0020': 'date', '0008,0021': 'date', '0008,0022': 'date', '0008,0023': 'date', '0008,0050': 'id',
  '0038,0010': 'encounterid', '0038,0020': 'admitdate', '0038,0030': 'dischargedate',
};
// The tag, then (on the same line) a VR and/or the attribute's name, then the value: `[...]`
// (dcmdump), or `: '...'` / `: "..."` / `: ...` (pydicom, other dumps).
const TAG_RE = /\((00(?:10|08|38)),[ ]?([0-9A-Fa-f]{4})\)([^[\n:]{0,60})(?:\[([^\]\n]*)\]|:[ ]?(?:'([^'\n]*)'|"([^"\n]*)"|([^\n'"]*)))/g;

/** Whether `text` may hold a DICOM tag of these groups (one look first). */
export function holdsDicom(text: string): boolean {
  return text.indexOf('(00') >= 0;
}

/** A DICOM value as the field's rule reads it: DA dates dashed (`1961-03-14`), AS ages as years (`093Y` is 93). */
function valueFor(key: string, value: string): string {
  if (key === 'age') { const m = DICOM_AGE_YEARS.exec(value.trim()); return m === null ? value : m[1]; }
  return key.endsWith('date') ? hl7Date(value.trim()) : value;
}

export function rewriteDicom(text: string, verdict: PairVerdict): string | undefined {
  let changed = false;
  const out = text.replace(TAG_RE, (whole: string, group: string, element: string, between: string, ...values: (string | undefined)[]) => {
    const key = TAGS[`${group},${element.toLowerCase()}`];
    const slot = values.findIndex((v, i) => i < 4 && v !== undefined);
    const value = slot < 0 ? undefined : values[slot];
    if (key === undefined || value === undefined || value.trim() === '') return whole;
    const v = verdict(key, valueFor(key, value));
    if (v === null) return whole;
    changed = true;
    const at = whole.lastIndexOf(value);
    return whole.slice(0, at) + v + whole.slice(at + value.length);
  });
  return changed ? out : undefined;
}
