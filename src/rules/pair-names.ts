// The names of a pair's label and value (scrub-tree's scrubPair).
// Form builders send a field's name as data beside its value: `{label: "Email", value}`,
// `{key, val}`, `{question, answer}`, `{fieldName, fieldValue}`, `custom_field_12: {name, value}`.
// Also the short and schema-like spellings of other builders and stores: `{n, v}`, `{attribute, value}`
// (customer attributes), `{property, value}`, `{param, data}`, `{fieldLabel, content}`.
// `type`/`system` last (`{type: "lastName", value}`, FHIR's `{system: "phone", value}`); a label may
// itself be an object naming the field (Typeform's `{field: {ref: "last_name"}, text}`); an entry
// `[k, v]` serialised as an object is `{"0": k, "1": v}`. Wizards and page builders: `{step: "mrn", value}`,
// `{q, a}`, `{prompt, response}`, `{caption, content}`, `{kind, val}`, `{question, reply}`, `{title, body}`,
// `{header, cell}`, `{placeholder, value}`, `{slug, entry}`, `{tag, value}`; schema.org's `{propertyID: "MRN", value}`.
// Change records name the field by a path and carry the value before and after: a JSON Patch operation
// `{op, path: "/patient/name/family", value}`, an audit or undo entry `{attribute, oldValue, newValue}`
// (every value key of a pair goes by the label's rule, not only the first).
// A DOM or form event names its field by the element it came from: `{type: "change", target: "input#surname", value}`,
// `{selector: '[name="last_name"]', value}`, `{element: "#patient-dob", value}` (selectorField reads the selector).
export { placeTypeField } from './place-types.js';

const PAIR_NAME = /^[A-Za-z][\w-]*$/;
// An entry's name in a two-element array (`["last_name", "Doe"]`, `["Patient name:", …]`): a few words, not a query or a
// path whose words name a field (`["?idsite=1&url=…", "?idsite=1&e_c=CTA"]` is a list of two hits).
export const ENTRY_NAME = /^[\p{L}\p{N}][\p{L}\p{N} _.:'-]{0,47}$/u;
// A lower-case letter then a capital: where a camel-case name's snake-case spelling puts `_`.
const CAMEL_HUMP = /[a-z][A-Z]/g;

// Compound names say what the pair is before `Name`/`Value`: HubSpot's property changes `{propertyName: "lastname",
// propertyValue}`, `{attributeName, attributeValue}`, `{paramName, paramValue}`, `{traitName, traitValue}`.
const PAIR_STEMS = ['property', 'attribute', 'attr', 'param', 'parameter', 'trait', 'option', 'setting', 'variable', 'customField', 'input', 'question'];
const STEM_LABELS = PAIR_STEMS.flatMap((s) => [`${s}Name`, `${s}Key`, `${s}Label`]);
const STEM_VALUES = PAIR_STEMS.map((s) => `${s}Value`);
export const PAIR_LABELS = ['label', 'key', 'field', 'fieldName', 'field_name', ...STEM_LABELS, 'question', 'title', 'name', 'id', 'k', 'n', 'attribute', 'attr',
  'property', 'trait', 'prop', 'param', 'parameter', 'fieldLabel', 'field_label', 'fieldId', 'field_id', 'inputName', 'input_name', 'q', 'prompt', 'caption',
  'step', 'kind', 'header', 'heading', 'placeholder', 'slug', 'tag', 'propertyID', 'path', 'pointer', 'fieldPath', 'field_path',
  'target', 'selector', 'element', 'targetSelector', 'cssSelector', 'elementSelector', 'type', 'system', '0', 'types',
  // Other languages' builders (blind pass H247: `{label: "Apellido", valor}`, `{feld: "nachname", wert}`, `{champ: "nom", valeur}`).
  'etiqueta', 'campo', 'champ', 'feld', 'pregunta', 'pergunta', 'frage', 'domanda', 'libelle', 'clave', 'chave', 'cle', 'etichetta', 'bezeichnung',
  // An identifier's kind (probe 49): `{use: "mrn", value}`, `{tipo: "member_id", numero}`, `{doc_type, doc_number}`, `{id_type, id_value}`.
  'tipo', 'use', 'docType', 'documentType', 'idType', 'identifierType', 'numberType'];
/** A change record's values before and after: beside the pair's value, each goes by the label's rule too. */
// A geocoder's address component spells its value twice (`long_name` and `short_name`; place-types.ts): each goes by it.
const CHANGE_VALUE_KEYS = ['newValue', 'new_value', 'oldValue', 'old_value', 'previousValue', 'previous_value', 'prevValue', 'currentValue', 'current_value',
  'longName', 'shortName', 'longText', 'shortText'];
export const CHANGE_VALUES: ReadonlySet<string> = new Set(spellings(CHANGE_VALUE_KEYS).keys());
export const PAIR_VALUES = ['value', 'val', 'answer', 'response', 'fieldValue', 'field_value', 'text', 'v', 'answer_text', 'answerText', 'input', 'selected',
  'data', 'content', 'inputValue', 'input_value', 'answerValue', 'answer_value', ...STEM_VALUES, 'values', 'reply', 'a', 'body', 'entry', 'cell', ...CHANGE_VALUE_KEYS, '1',
  'valor', 'valeur', 'wert', 'valore', 'waarde', 'wartosc', 'respuesta', 'resposta', 'reponse', 'antwort', 'risposta',
  // An identifier's number beside its kind (probe 49: `{type: "passport", number}`, `{doc_type, doc_number}`, `{tipo, numero}`,
  // `{system: "mrn", code}`, `{id_type, id_value}`, `{identifierType, identifierValue}`).
  'number', 'numero', 'code', 'docNumber', 'documentNumber', 'idNumber', 'idValue', 'identifierValue', 'idNo'];
export const INNER_LABELS = ['label', 'ref', 'title', 'name', 'id'];
// Each name's place in its list: an object's own keys (a handful) are looked up, rather than
// every name of both lists tried on every object.
export const VALUE_RANK: ReadonlyMap<string, number> = spellings(PAIR_VALUES);
export const LABEL_RANK: ReadonlyMap<string, number> = spellings(PAIR_LABELS);

/**
 * Each name at its place in `names`, in the spellings stores write it: as listed, capitalised (Salesforce's field
 * history `{Field, OldValue, NewValue}`, .NET's `{Name, Value}`), lower case (`propertyname`) and snake case (`property_value`).
 */
function spellings(names: readonly string[]): Map<string, number> {
  const ranks = new Map<string, number>();
  names.forEach((k, i) => {
    const forms = [k, k.charAt(0).toUpperCase() + k.slice(1), k.toLowerCase(), k.replace(CAMEL_HUMP, (m) => `${m[0]}_${m[1].toLowerCase()}`)];
    for (const f of forms) if (!ranks.has(f)) ranks.set(f, i);
  });
  return ranks;
}

// A pair sent flat, as a form posts it (`fields[1][name]=full_name&fields[1][value]=…`, `data[fields][3][label]`): the value's
// key ends in a value's name in brackets and a sibling key with the same prefix ends in a label's.
const BRACKET_VALUES: ReadonlySet<string> = new Set(['value', 'val', 'answer', 'response', 'v', 'text', 'input']);
const BRACKET_LABELS = ['name', 'label', 'key', 'field', 'title', 'question', 'id'];

/**
 * The label a flat bracketed value key's sibling gives it (`fields[1][value]` beside `fields[1][name]: "full_name"`), or
 * the field's own name in the part before the value's (`data[fields][tel][value]`), or undefined.
 */
export function bracketLabel(obj: Readonly<Record<string, unknown>>, key: string): string | undefined {
  if (key.charCodeAt(key.length - 1) !== 93) return undefined;
  const open = key.lastIndexOf('[');
  if (open <= 0 || !BRACKET_VALUES.has(key.slice(open + 1, -1))) return undefined;
  const prefix = key.slice(0, open + 1);
  for (const l of BRACKET_LABELS) {
    const v = obj[`${prefix}${l}]`];
    if (typeof v === 'string' && v.length > 0) return v;
  }
  const before = key.lastIndexOf('[', open - 2);
  const part = key.charCodeAt(open - 1) === 93 && before >= 0 ? key.slice(before + 1, open - 1) : '';
  return PAIR_NAME.test(part) ? part : undefined;
}

// The field a CSS selector names: the last `#id` or name-like attribute (`input#surname`, `form .row [name="last_name"]`,
// `input[formcontrolname=dob]`). An id may carry a form's prefix (`#patient-dob`): the field matcher reads words inside names.
const SELECTOR_FIELD = /#([A-Za-z_][\w-]{0,63})|\[(?:name|id|for|data-field|data-name|formcontrolname|ng-model|v-model)[~|^$*]?=["']?([^"'\]]{1,64})/g;

/** The field name inside a label written as a CSS selector, or undefined (the label then names nothing more than it says). */
export function selectorField(label: string): string | undefined {
  if (label.indexOf('#') < 0 && label.indexOf('[') < 0) return undefined;
  let field: string | undefined;
  SELECTOR_FIELD.lastIndex = 0;
  for (let m = SELECTOR_FIELD.exec(label); m !== null; m = SELECTOR_FIELD.exec(label)) field = m[1] ?? m[2];
  return field;
}
