// A table sent as parallel arrays: the field names in one list and the values in another, by
// position. A form library's or a data layer's `{keys: ["surname", "dob"], values: ["Doe", …]}`, a
// query result or a dataframe split by orientation (`{columns: ["last_name", …], rows: [["Doe", …]]}`,
// pandas' `{columns, index, data}`), a schema's `{fields: [{name: "dob"}], rows}`. Each value goes by
// the name at its place, as if that name were its key (scrub-tree's scrubColumns); a value dropped
// leaves `null` so that the others keep their places.
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';

const NAME_LISTS: ReadonlySet<string> = new Set(['keys', 'columns', 'cols', 'fields', 'headers', 'header', 'names', 'labels',
  'columnNames', 'column_names', 'fieldNames', 'field_names', 'schema']);
const VALUE_LISTS: ReadonlySet<string> = new Set(['values', 'rows', 'data', 'records', 'row', 'cells', 'vals']);
const NAME_KEYS = ['name', 'label', 'title', 'id', 'key', 'field', 'data'];
const MAX_COLUMNS = 200;
const MAX_ROWS = 500;

/** The list of names and the key of the values an object holds side by side, or undefined. */
export function columnsOf(obj: JsonObject): { names: readonly string[]; key: string } | undefined {
  let names: string[] | undefined;
  let key: string | undefined;
  for (const k in obj) {
    const v = obj[k];
    if (!Array.isArray(v) || v.length === 0) continue;
    if (names === undefined && NAME_LISTS.has(k)) names = namesIn(v);
    else if (key === undefined && VALUE_LISTS.has(k)) key = k;
  }
  return names !== undefined && key !== undefined ? { names, key } : undefined;
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

/** The values (one row, or rows of them) each read by `cell` under the name at its place. */
export function scrubbedColumns(values: readonly JsonValue[], names: readonly string[], cell: (name: string, v: JsonValue) => JsonValue | undefined): JsonValue[] {
  const row = (r: readonly JsonValue[]): JsonValue[] => r.map((v, i) => cell(names[i] ?? '', v) ?? null);
  if (values.every((r) => Array.isArray(r))) return values.slice(0, MAX_ROWS).map((r) => row(r as JsonValue[]));
  return row(values);
}
