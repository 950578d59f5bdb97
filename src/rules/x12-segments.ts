import type { PairVerdict } from './embedded-fields.js';
import { hl7Date } from './hl7-segments.js';

// X12 EDI logged as text (a 270/271 eligibility check, an 837 claim, a 835 remittance):
// `NM1*IL*1*DOE*JANE****MI*W123456789~DMG*D8*19610314*F~N3*12 MAIN ST~N4*PORTLAND*OR*972091234~`.
// Segments end in `~` (or a line break), elements are `*`-separated, and an element's meaning is
// its segment and position, as in HL7 (hl7-segments.ts): each one the standard defines as a
// person's identifier is read as the field of that name (the pack's rules decide).
// NM1 says whose the next segments are: a person (IL subscriber, QC patient, 03 dependent, 74
// corrected insured, GB other insured, QD responsible party, S1 parent, J6 power of attorney, 36
// employer) or a payer or provider, whose names and addresses are public and left to the detectors.
const PERSON_ENTITIES: ReadonlySet<string> = new Set(['IL', 'QC', '03', '74', 'GB', 'QD', 'S1', 'J6', '36']);
// NM108: what NM109 is (MI/II member ids, 34 SSN); another person id is a unique id.
const NM1_ID: Readonly<Record<string, string>> = { MI: 'memberid', II: 'memberid', '34': 'ssn', ZZ: 'memberid' };
// REF01: the reference number's kind.
const REF_ID: Readonly<Record<string, string>> = {
  SY: 'ssn', '1W': 'memberid', '0F': 'memberid', HJ: 'memberid', '23': 'account', IG: 'policy', '1L': 'policy', EJ: 'account',
  EA: 'mrn', D9: 'claimid', F8: 'claimid', Y4: 'claimid', G1: 'id', '9F': 'id', '3H': 'caseid', Q4: 'patientid',
};
// PER's communication qualifiers: phones (TE, CP, HP, WP, FX, BN) and email (EM).
const PER_KIND: Readonly<Record<string, string>> = { TE: 'phone', CP: 'phone', HP: 'phone', WP: 'phone', FX: 'fax', BN: 'phone', EM: 'email' };
const SEGMENT_RE = /(^|~|\n)([ \t\r]*)(NM1|DMG|N3|N4|REF|DTP|PER)\*([^~\n]*)/g;
const HINT = /(?:^|[~\n])[ \t\r]*(?:NM1|DMG|N3|N4|REF|DTP|PER)\*/;

/** Whether `text` holds an X12 segment this reads: a `*` first (most texts have none). */
export function holdsX12(text: string): boolean {
  return text.indexOf('*') > 1 && HINT.test(text);
}

/** The field each element of a segment is, by position (1-based); `person`: the last NM1 named a person. */
function keysOf(tag: string, el: readonly string[], person: boolean): Readonly<Record<number, string>> {
  switch (tag) {
    case 'NM1': return PERSON_ENTITIES.has(el[1]) ? { 3: 'lastName', 4: 'firstName', 5: 'middleName', 9: NM1_ID[el[8]] ?? 'id' } : {};
    case 'DMG': return { 2: 'birthdate' };
    case 'N3': return person ? { 1: 'address', 2: 'address' } : {};
    case 'N4': return person ? { 1: 'city', 3: 'zip' } : {};
    case 'REF': return REF_ID[el[1]] === undefined ? {} : { 2: REF_ID[el[1]] };
    // Every DTP date is the person's (service, admission, discharge, coverage...): kept to its year.
    case 'DTP': return { 3: 'date' };
    default: return { 2: 'name', 4: PER_KIND[el[3]] ?? 'phone', 6: PER_KIND[el[5]] ?? 'phone', 8: PER_KIND[el[7]] ?? 'phone' };
  }
}

/** A D8/DT/RD8 date with dashes (`2026-03-14`), so `year` keeps its year; a range is two dates. */
const x12Date = (el: string): string => el.split('-').map(hl7Date).join(' ');

/** `text` with each identifying element replaced as `verdict` says, or undefined. */
export function rewriteX12(text: string, verdict: PairVerdict): string | undefined {
  let changed = false;
  // Before any NM1 the segments' owner is unknown: read as a person's (fail closed).
  let person = true;
  const out = text.replace(SEGMENT_RE, (seg: string, lead: string, space: string, tag: string, rest: string) => {
    const el = [tag, ...rest.split('*')];
    if (tag === 'NM1') person = PERSON_ENTITIES.has(el[1]);
    const keys = keysOf(tag, el, person);
    let hit = false;
    for (const [i, key] of Object.entries(keys)) {
      const f = Number(i);
      if (f >= el.length || el[f] === '') continue;
      const v = verdict(key, key === 'birthdate' || key === 'date' ? x12Date(el[f]) : el[f]);
      if (v !== null) { el[f] = v; hit = true; }
    }
    if (!hit) return seg;
    changed = true;
    return `${lead}${space}${el.join('*')}`;
  });
  return changed ? out : undefined;
}
