// Error and validation messages that echo what someone typed beside the field's name: a database's
// `Key (last_name, dob)=(Doe, 1961-03-04) already exists`, MySQL's `Duplicate entry 'Doe' for key
// 'uniq_surname'`, a validator's `Invalid value 'Doe' for field 'lastName'` or `"surname" with value
// "Doe" fails…`. Error trackers and form-error events forward such messages whole; the field's name
// says what the value is, as it would if the pair were a real field (embedded-fields.ts).
import type { PairVerdict } from './embedded-fields.js';

// PostgreSQL's unique and foreign key violations: the columns, then their values, in the same order.
const KEY_TUPLE = /\bKey \(([^()\n]{1,200})\)=\(([^()\n]{0,400})\)/g;
// `value 'X' for field 'k'`, `entry 'X' for key 'k'`, `value "X" of column k`.
const VALUE_FOR_FIELD = /\b(?:value|entry)\s+(['"])([^'"\n]{1,200})\1\s+(?:for|of|in)\s+(?:the\s+)?(?:field|column|key|property|attribute|parameter|input)\s+(['"]?)([A-Za-z_][\w.-]{0,60})\3/gi;
// `"k" with value "X"`, `'k' value 'X'` (Joi, Yup and friends quote the key first).
const FIELD_WITH_VALUE = /(['"])([A-Za-z_][\w.-]{0,60})\1\s+(?:with\s+)?value\s+(['"])([^'"\n]{1,200})\3/gi;

/** Whether the text may echo a value beside its field's name (cheap tests before any regex). */
function mayEcho(text: string): boolean {
  return text.indexOf('Key (') >= 0 || text.indexOf('alue') >= 0 || text.indexOf('ntry') >= 0;
}

/** The text with each echoed value replaced as `verdict` says for its field, or undefined when none is. */
export function rewriteEchoed(text: string, verdict: PairVerdict): string | undefined {
  if (text.length < 12 || !mayEcho(text)) return undefined;
  let changed = false;
  const put = (key: string, value: string): string => { const r = verdict(key, value); if (r === null) return value; changed = true; return r; };
  let out = text.replace(KEY_TUPLE, (m: string, cols: string, vals: string) => {
    const names = cols.split(',').map((c) => c.trim());
    const values = vals.split(',');
    // Values holding commas cannot be told apart: any named column's rule takes them all.
    if (values.length !== names.length) return names.some((n) => verdict(n, vals) !== null) ? m.replace(`=(${vals})`, () => `=(${put(names[0], vals)})`) : m;
    return `Key (${cols})=(${values.map((v, i) => { const lead = v.length - v.trimStart().length; return v.slice(0, lead) + put(names[i], v.trim()); }).join(',')})`;
  });
  out = out.replace(VALUE_FOR_FIELD, (m: string, q: string, value: string, _q2: string, key: string) => m.replace(`${q}${value}${q}`, () => `${q}${put(key, value)}${q}`));
  out = out.replace(FIELD_WITH_VALUE, (m: string, _q: string, key: string, q: string, value: string) => m.replace(`${q}${value}${q}`, () => `${q}${put(key, value)}${q}`));
  return changed ? out : undefined;
}
