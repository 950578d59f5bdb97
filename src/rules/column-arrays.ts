// A table sent as parallel arrays: the field names in one list and the values in another, by
// position. A form library's or a data layer's `{keys: ["surname", "dob"], values: ["Doe", …]}`, a
// query result or a dataframe split by orientation (`{columns: ["last_name", …], rows: [["Doe", …]]}`,
// pandas' `{columns, index, data}`), a schema's `{fields: [{name: "dob"}], rows}`. Each value goes by
// the name at its place, as if that name were its key (scrub-tree's scrubColumns); a value dropped
// leaves `null` so that the others keep their places. A survey's or form tool's answers keyed by
// question id beside the questions' labels under the same ids (Qualtrics' `{values: {QID1_TEXT: …},
// labels: {QID1_TEXT: "Full name"}}`) go by their labels the same way; a label that names no field
// leaves its answer to its own key's rule (scrub-tree's scrubColumns), never laxer than the key.
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';

const NAME_LISTS: ReadonlySet<string> = new Set(['keys', 'columns', 'cols', 'fields', 'headers', 'header', 'names', 'labels',
  'columnNames', 'column_names', 'fieldNames', 'field_names', 'schema', 'questions', 'fieldLabels', 'field_labels', 'questionLabels']);
const VALUE_LISTS: ReadonlySet<string> = new Set(['values', 'rows', 'data', 'records', 'row', 'cells', 'vals', 'answers', 'responses', 'entry', 'submission']);
// A form plugin's entry names each input by its field's number only (WPForms `wpforms[fields][3][first]`, Gravity Forms
// `input_4`, `input_1.3`): beside a labels object keyed by those numbers, the input goes by its field's label.
const FIELD_NUMBER = /\[(\d{1,6})\]|^input_(\d{1,6})(?![\d])/;

function labelFor(labels: Readonly<Record<string, string>>, key: string): string | undefined {
  if (Object.hasOwn(labels, key)) return labels[key];
  const m = FIELD_NUMBER.exec(key);
  const n = m === null ? undefined : m[1] ?? m[2];
  return n !== undefined && Object.hasOwn(labels, n) ? labels[n] : undefined;
}

/** Names by position (parallel arrays) or by key (a labels object beside a values object). */
export type ColumnNames = readonly string[] | Readonly<Record<string, string>>;
const NAME_KEYS = ['name', 'label', 'title', 'id', 'key', 'field', 'data'];
const MAX_COLUMNS = 200;
const MAX_ROWS = 500;

/** The names and the key of the values an object holds side by side, or undefined. */
export function columnsOf(obj: JsonObject): { names: ColumnNames; key: string } | undefined {
  let names: ColumnNames | undefined;
  let key: string | undefined;
  for (const k in obj) {
    const v = obj[k];
    if (names === undefined && NAME_LISTS.has(k)) names = Array.isArray(v) ? namesIn(v) : isJsonObject(v) ? labelsIn(v) : undefined;
    else if (key === undefined && VALUE_LISTS.has(k) && (Array.isArray(v) ? v.length > 0 : isJsonObject(v))) key = k;
  }
  if (names !== undefined && key === undefined && !Array.isArray(names)) key = numberedEntry(obj, names as Readonly<Record<string, string>>);
  if (names === undefined || key === undefined || Array.isArray(names) !== Array.isArray(obj[key])) return undefined;
  return { names, key };
}

/** A sibling object under any key (`gf_entry`, `wpforms_entry`) whose inputs the labels name by their fields' numbers (`input_4`, `wpforms[fields][5]`). */
function numberedEntry(obj: JsonObject, labels: Readonly<Record<string, string>>): string | undefined {
  for (const k in obj) {
    const v = obj[k];
    if (!isJsonObject(v) || NAME_LISTS.has(k)) continue;
    for (const input in v) if (FIELD_NUMBER.test(input) && labelFor(labels, input) !== undefined) return k;
  }
  return undefined;
}

/** A labels object's entries when every one is a string (at most MAX_COLUMNS), or undefined. */
function labelsIn(map: JsonObject): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let n = 0;
  for (const k in map) {
    const label = map[k];
    if (typeof label !== 'string' || ++n > MAX_COLUMNS) return undefined;
    out[k] = label;
  }
  return n > 0 ? out : undefined;
}

/** Each entry's name (a string, or the name an object gives: BigQuery's `{name, type}`), or undefined when one has none. */
function namesIn(list: readonly JsonValue[]): string[] | undefined {
  if (list.length < 2 || list.length > MAX_COLUMNS) return undefined;
  const out: string[] = [];
  for (const item of list) {
    const name = typeof item === 'string' ? item : isJsonObject(item) ? NAME_KEYS.map((k) => item[k]).find((n) => typeof n === 'string') : undefined;
    if (typeof name !== 'string') return undefined;
    out.push(name);
  }
  return out;
}

/**
 * The values (one row, or rows of them) each read by `cell` under the name at its place; or, keyed,
 * each entry under its label (`cell` gets the entry's own key too) and left out when dropped.
 */
export function scrubbedColumns(values: JsonValue, names: ColumnNames, cell: (name: string | undefined, v: JsonValue, key?: string) => JsonValue | undefined): JsonValue {
  if (isJsonObject(values)) {
    const out: JsonObject = {};
    const labels = names as Readonly<Record<string, string>>;
    for (const k in values) { const v = cell(labelFor(labels, k), values[k], k); if (v !== undefined) out[k] = v; }
    return out;
  }
  const list = values as readonly JsonValue[], byPlace = names as readonly string[];
  const row = (r: readonly JsonValue[]): JsonValue[] => r.map((v, i) => cell(byPlace[i] ?? '', v) ?? null);
  if (list.every((r) => Array.isArray(r))) return list.slice(0, MAX_ROWS).map((r) => row(r as JsonValue[]));
  return row(list);
}
