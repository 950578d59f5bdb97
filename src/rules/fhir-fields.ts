import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import type { PairVerdict } from './embedded-fields.js';
import { nameWord } from './detectors/verb-name.js';

// FHIR R4 resources copied into analytics (an integration's request or response in a debug
// field): some person fields are named by a sibling key, not by their own.
//  - HumanName `{family, given}`: beside `given`, `family` is the surname.
//  - Reference `{reference: "Patient/8812", display: "Jane Doe"}`: `display` is the name of the
//    patient, a relative or a person (a Practitioner's or an Organization's is left to the detectors).
//  - Extension `{url: ".../patient-mothersMaidenName", valueString}`: the value is the field the
//    url's last segment names; Parameters `{name: "birthdate", valueDate}`: the field `name` names.
//  - QuestionnaireResponse item `{linkId, text: "Date of birth", answer: [{valueDate}]}`: the
//    answers are the field the item's text names.
//  - Narrative `{status: "generated", div: "<div>Jane Doe, …</div>"}`: the resource in prose, free text.
const PERSON_REFERENCE = /^(?:Patient|RelatedPerson|Person)\//;

/** The field name `key` stands for inside `obj` (usually `key` itself). One character test rules out most keys. */
export function fhirFieldName(obj: JsonObject, key: string): string {
  const c = key.charCodeAt(0);
  if (c === 102) return key === 'family' && Object.hasOwn(obj, 'given') ? 'familyName' : key;
  if (c === 100) {
    if (key === 'display') return personReference(obj.reference) ? 'fullName' : key;
    return key === 'div' && typeof obj.status === 'string' ? 'text' : key;
  }
  if (c === 97) return key === 'answer' && typeof obj.text === 'string' && Object.hasOwn(obj, 'linkId') ? obj.text : key;
  if (c === 118 && key.length > 5) {
    const k = key.charCodeAt(5);
    if (k >= 65 && k <= 90 && key.startsWith('value')) return valueLabel(obj) ?? key;
  }
  return key;
}

const personReference = (ref: unknown): boolean => typeof ref === 'string' && PERSON_REFERENCE.test(ref);

/** What an extension's url (last segment) or a parameter's name says its `value[x]` is. */
function valueLabel(obj: JsonObject): string | undefined {
  const url = obj.url;
  const label = typeof url === 'string' ? url.slice(url.lastIndexOf('/') + 1) : typeof obj.name === 'string' ? obj.name : '';
  if (label === '') return undefined;
  return label === 'family' ? 'familyName' : label;
}

/** Whether an embedded text names the surname `family` (a FHIR search, a FHIR name fragment, a multipart part) beside a given name or birth date. */
export function fhirFamily(text: string): boolean {
  if (text.indexOf('family=') >= 0) return true;
  // A pasted fragment of FHIR JSON quotes its keys (`"family": "Doe", "given": [`), cut short so it no longer parses.
  // Quoted as JSON, escaped once more (`family\\":`) or as a Python dict prints it (`'family': 'Doe'`).
  const colon = text.indexOf('family:') >= 0 || text.indexOf('family":') >= 0 || text.indexOf('family" :') >= 0 || text.indexOf('family\\":') >= 0 ||
    text.indexOf("family':") >= 0 || text.indexOf('name="family"') >= 0;
  return colon && (text.indexOf('given') >= 0 || text.indexOf('birth') >= 0);
}

/** `verdict` reading a `family` key as the surname (FHIR's HumanName and search parameters). */
export const familyName = (verdict: PairVerdict): PairVerdict => (k, v) => verdict(k === 'family' ? 'familyName' : k, v);

// A multipart part named `family` alone, with no given name or birth date beside it (a form posting the surname by
// FHIR's word): its value is the surname when it is one or two capitalised words, none a department's or a common
// word (`Ashboway`, `Van Buren`); `yes`, `2 children`, `Family Medicine` stay with the detectors.
const SURNAME_SHAPE = /^\p{Lu}[\p{Ll}\p{M}'\u2019-]{1,30}(?: \p{Lu}[\p{Ll}\p{M}'\u2019-]{1,30})?$/u;

function surnameValue(v: string): boolean {
  const t = v.trim();
  return SURNAME_SHAPE.test(t) && t.toLowerCase().split(' ').every((w) => w !== 'family' && nameWord(w));
}

/** `verdict` reading a lone multipart `family` part as the surname when its value is shaped like one (see above). */
export const loneFamily = (verdict: PairVerdict): PairVerdict => (k, v) => verdict(k === 'family' && surnameValue(v) ? 'familyName' : k, v);

// A form's list of entries spelling a HumanName flat (`Array.from(new FormData(form))`: `[["given", "Jane"], ["family",
// "Doe"]]`; jQuery's `serializeArray()`: `[{name: "given", value}, {name: "family", value}]`): `family` is the surname beside
// a given name's or a birth date's entry, as in FHIR's HumanName, or alone when its value is shaped as one (as loneFamily).
const GIVEN_ENTRY = /^(?:given|given[ _-]?names?|first|first[ _-]?name|birth[ _-]?date|dob)$/i;

// Builders name an entry's field under other keys than jQuery's `name` (`{label: "given", value}`, `{key, value}`, `{field, value}`).
const ENTRY_LABELS = ['name', 'label', 'key', 'field'] as const;

const givenEntry = (e: JsonValue): boolean => {
  if (Array.isArray(e)) return typeof e[0] === 'string' && GIVEN_ENTRY.test(e[0]);
  if (!isJsonObject(e)) return false;
  return ENTRY_LABELS.some((k) => { const label = e[k]; return typeof label === 'string' && GIVEN_ENTRY.test(label); });
};

/** No list around a pair: its `family` label is the surname only when its value is shaped as one. */
export const NO_ENTRIES: readonly JsonValue[] = [];

/** The field an entry's label stands for in the list `entries` (usually the label itself; see above). */
export function entryField(label: string, value: JsonValue | undefined, entries: readonly JsonValue[]): string {
  if (label.length !== 6 || label.toLowerCase() !== 'family' || typeof value !== 'string') return label;
  return surnameValue(value) || entries.some(givenEntry) ? 'familyName' : label;
}

/** The field a FormData entry (`["family", "Doe"]`) stands for in `entries` (entryField), or undefined when `item` is no [label, value] pair. */
export function formDataEntryField(item: JsonValue, entries: readonly JsonValue[]): string | undefined {
  return Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' ? entryField(item[0], item[1], entries) : undefined;
}
