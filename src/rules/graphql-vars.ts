import { FORBIDDEN_KEYS } from './field-name.js';
import type { JsonObject, JsonValue } from '../common/json.js';

// A GraphQL request `{query, variables}`: the variables' own names say nothing (`$a`, `$v1`,
// `$n`), the query says which argument each fills (`createLead(lastName: $a)`,
// `input: {familyName: $n}`). Each variable is read as the field its argument names, as if
// the value were written inline (where the text rules already read `lastName: "Doe"`).
const ARGUMENT_RE = /([A-Za-z_][A-Za-z0-9_]{0,40})[ \t\r\n]*:[ \t\r\n]*\$([A-Za-z_][A-Za-z0-9_]{0,40})/g;
const MAX_QUERY = 16_384;

/** Variable name -> the argument it fills; first use wins. */
export function variableFields(query: string): Map<string, string> {
  const names = new Map<string, string>();
  if (query.length > MAX_QUERY || query.indexOf('$') < 0) return names;
  ARGUMENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ARGUMENT_RE.exec(query)) !== null) if (!names.has(m[2])) names.set(m[2], m[1]);
  return names;
}

/** One variable scrubbed as `field` (the argument's name, else its own); undefined drops it. */
export type ScrubOne = (key: string, field: string, value: JsonValue) => JsonValue | undefined;

/** The variables object with each value under the rule of the argument it fills. */
export function scrubVariables(vars: JsonObject, query: string, scrubOne: ScrubOne): JsonObject {
  const names = variableFields(query);
  const out: JsonObject = {};
  for (const k of Object.keys(vars)) {
    if (FORBIDDEN_KEYS.has(k)) continue;
    const v = scrubOne(k, names.get(k) ?? k, vars[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}
