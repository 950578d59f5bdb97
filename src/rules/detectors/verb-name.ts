import { isLetter, matchesAt } from './marker-bits.js';
import { resetAt } from './scan.js';
import { fullName, nameEnd } from './person-name.js';
import { GIVEN_NAMES } from './given-names.js';
import type { Detection } from './types.js';

// A person named as whom to reach, after a contact verb (Safe Harbor A): a button's or a care
// team card's label, `Call Eudora Whitlock at the front desk`, `Text Ottoline Farrimond`,
// `Message Cornelius Bramwell`, `please phone Jane Doe`. The verb and one space, then a full name:
// two or three capitalised words, none a title or a word a desk, team or service is named by.
// A provider named with a title stays, as on a find-a-doctor page (`Call Dr. Priya Raman`: `Dr.`
// is a title word, README's policy), and so do `Call Now`, `Call the front desk`, `Call Pharmacy`,
// `Email Billing Team`. The prefilter's walk marks the verb at its first letter (verbNameAt).
const VERBS = ['call', 'text', 'message', 'phone'] as const;
const VERB_RE = /(?<![\p{L}\p{M}])(?:call|text|message|phone)[ ](?=\p{Lu})/giu;
// Words that name a place, a desk or a service to call rather than a person.
const NOT_PERSON = new Set(['now', 'today', 'us', 'our', 'ahead', 'back', 'team', 'desk', 'front', 'office', 'department', 'dept', 'line',
  'center', 'centre', 'clinic', 'pharmacy', 'billing', 'support', 'services', 'service', 'nurse', 'nurses', 'hotline', 'helpline', 'unit',
  'ward', 'reception', 'scheduling', 'appointments', 'appointment', 'customer', 'member', 'members', 'patient', 'patients', 'care', 'health',
  'hospital', 'emergency', 'services', 'toll', 'free', 'poison', 'control', 'crisis', 'lab', 'labs', 'records', 'admissions', 'triage',
  'on', 'call', 'me', 'my', 'the', 'a', 'an', 'anytime', 'doctor', 'dr', 'mobile', 'home', 'work', 'number', 'main', 'general', 'info',
  'information', 'sales', 'help', 'helpdesk', 'concierge', 'operator', 'security', 'urgent', 'after', 'hours', 'message', 'text', 'email']);

/** At the first letter of a contact verb: the verb as a word, one space, a capital (Latin, or any non-ASCII letter). */
export function verbNameAt(text: string, i: number): boolean {
  if (isLetter(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) >= 192) return false;
  for (const v of VERBS) {
    if (!matchesAt(text, i, v, true) || text.charCodeAt(i + v.length) !== 32) continue;
    const c = text.charCodeAt(i + v.length + 1);
    return (c >= 65 && c <= 90) || c >= 192;
  }
  return false;
}

/** Whether a contact verb stands before a space and a capital somewhere in `text` (VERB_RE's precheck, no regex). */
function mayHold(text: string): boolean {
  for (let s = text.indexOf(' ', 4); s > 0; s = text.indexOf(' ', s + 1)) {
    const c = text.charCodeAt(s + 1);
    if (!((c >= 65 && c <= 90) || c >= 192)) continue;
    for (const v of VERBS) if (s >= v.length && verbNameAt(text, s - v.length)) return true;
  }
  return false;
}

/** Full names after a contact verb (see above). */
export function scanVerbName(text: string, out: Detection[], kind: string): void {
  if (mayHold(text)) scanCueName(VERB_RE, text, out, kind, false);
}

/**
 * A full name after each match of `cue` (a global regex ending at the name's first letter): two or three
 * capitalised words, none a desk or service word; with `givenFirst`, the first a common given name.
 */
function scanCueName(cue: RegExp, text: string, out: Detection[], kind: string, givenFirst: boolean): void {
  const re = resetAt(cue, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = nameEnd(text, from, true, true);
    if (end <= from || !fullName(text, from, end)) continue;
    const words = text.slice(from, end).toLowerCase().split(/[ .]+/);
    if ((givenFirst && !GIVEN_NAMES.has(words[0] ?? '')) || words.some((w) => NOT_PERSON.has(w))) continue;
    out.push({ start: from, end, kind });
  }
}

// A patient named in a note's text without a colon (`Patient Jane Doe presented with…`, `pt John
// Smith`): the role word, one space, a full name whose first word is a common given name (given-names.ts),
// so `Patient Portal Login`, `Patient Financial Services` and `Patient Rights` stay. The prefilter marks
// `patient`/`pt` at its `p` already (cue-at.ts pCue).
const ROLE_RE = /(?<![\p{L}\p{M}])(?:patient|pt)[ ](?=\p{Lu})/giu;

/** Full names after `patient`/`pt` and a space (see above). */
export function scanRoleName(text: string, out: Detection[], kind: string): void {
  scanCueName(ROLE_RE, text, out, kind, true);
}
