import type { JsonObject } from '../common/json.js';
import { wholeFullName } from './detectors/verb-name.js';
import { fhirFieldName } from './fhir-fields.js';
import { phonePiece, ssnBox } from './number-pieces.js';
import { letterAtAnyCase, letterMask } from '../common/char-gates.js';

// A link's text sent beside its address as a property of its own (`{link_url: "mailto:…",
// link_text: "Jane Doe"}`, `{href: "tel:…", anchor_text: …}`, `{linkUrl: "sms:…", linkText: …}`):
// the text of a mailto/tel/sms link names whom it reaches, as `<a href="mailto:…">Jane Doe</a>`
// does inside one string (name-cues.ts). When the whole text is a full name it goes as a full name field;
// `Email the appointments team`, `Call us`, `Press enquiries` are not full names and stay.
const CONTACT_SCHEME = /^(?:mailto|tel|sms|callto|facetime|imessage):/i;
// CONTACT_SCHEME's first letters.
const CONTACT_FIRST = letterMask('mtscfi');

const TEXT_ENDS = ['text', 'label', 'anchor', 'title'];

/** Whether `key` ends with `end` in any case (no copy of the key: this runs for every property). */
function endsWithAnyCase(key: string, end: string): boolean {
  const off = key.length - end.length;
  if (off < 0) return false;
  for (let i = 0; i < end.length; i++) if ((key.charCodeAt(off + i) | 0x20) !== end.charCodeAt(i)) return false;
  return true;
}

/** Whether `key` names a link's visible text: `…text`, `…label`, `anchor`, `title` in any spelling. */
function textKey(key: string): boolean {
  // One test rules out most keys: each ending's last letter is t, l, r or e.
  const last = key.charCodeAt(key.length - 1) | 0x20;
  if (last !== 116 && last !== 108 && last !== 114 && last !== 101) return false;
  for (const end of TEXT_ENDS) if (endsWithAnyCase(key, end)) return true;
  return false;
}

/** Whether `obj[key]` is a mailto/tel/sms link's text that is a person's full name. */
export function contactLinkName(obj: JsonObject, key: string): boolean {
  const value = obj[key];
  // The value first: most properties are not a short string, and those that are rarely sit under a text key.
  if (typeof value !== 'string' || value.length < 5 || value.length > 60 || !textKey(key)) return false;
  let contact = false;
  for (const k in obj) { const v = obj[k]; if (k !== key && typeof v === 'string' && letterAtAnyCase(v, 0, CONTACT_FIRST) && CONTACT_SCHEME.test(v)) { contact = true; break; } }
  if (!contact) return false;
  // A full name with no desk's, service's or verb's word (`Call Scheduling`, `Email Billing` are buttons: verb-name.ts).
  return wholeFullName(value.trim());
}

/**
 * The field name `key` stands for inside `obj`: FHIR's sibling-named fields (fhir-fields.ts), a contact link's name,
 * a piece of a telephone number or an SSN's box written across sibling keys (number-pieces.ts).
 */
export function fieldNameIn(obj: JsonObject, key: string): string {
  const name = fhirFieldName(obj, key);
  if (name !== key) return name;
  if (key.length === 9 && flagTreatment(obj, key)) return 'variation';
  if (classSession(obj, key)) return 'nextClassSession';
  return contactLinkName(obj, key) ? 'fullName' : phonePiece(obj, key) ? 'phone' : ssnBox(obj, key) ? 'ssn' : name;
}

// A feature-flag tool's treatment (Split's impression `{split: "fad_filters_layout", treatment: "sidebar_v2"}`): the
// variation served, beside the flag's name. `treatment` alone is free text (a person's care); beside a flag it is read
// as a variation, scanned like any string (a sensitive term in it still goes for a destination without a BAA).
const FLAG_KEYS = ['split', 'splitName', 'split_name', 'feature', 'featureName', 'feature_name', 'featureFlag', 'feature_flag',
  'flag', 'flagKey', 'flag_key', 'flagName', 'flag_name'];

function flagTreatment(obj: JsonObject, key: string): boolean {
  if (key !== 'treatment' && key !== 'Treatment') return false;
  for (const k of FLAG_KEYS) if (typeof obj[k] === 'string') return true;
  return false;
}

// A class's next session (`{class_name: "CPR & AED", next_session: "2027-01-12"}`): beside a key naming a class, course,
// webinar, workshop or seminar, `next_session` or `upcoming_session` is that class's (rule-exceptions.ts), not a visit's.
const NEXT_SESSION = /^(?:next|upcoming)[_-]?[Ss]ession$/;
const CLASS_KEY = /^(?:class|course|webinar|workshop|seminar)/i;

function classSession(obj: JsonObject, key: string): boolean {
  if (key.length < 11 || key.length > 16 || !NEXT_SESSION.test(key)) return false;
  for (const k in obj) if (CLASS_KEY.test(k)) return true;
  return false;
}
