import type { JsonValue } from '../common/json.js';

const MAX_FIELDS = 200;
const MAX_DEPTH = 8;

/**
 * The field paths of a payload (names only, never values): objects by dotted key, arrays as
 * `[]`. Bounded, so a hostile payload cannot blow up the ledger.
 */
export function fieldNames(payload: JsonValue): string[] {
  const out = new Set<string>();
  const visit = (v: JsonValue, path: string, depth: number) => {
    if (out.size >= MAX_FIELDS) return;
    if (Array.isArray(v)) { for (const item of v) visit(item, `${path}[]`, depth + 1); return; }
    if (v !== null && typeof v === 'object' && depth < MAX_DEPTH) {
      const keys = Object.keys(v);
      if (keys.length === 0 && path) out.add(path);
      for (const k of keys) visit(v[k], path ? `${path}.${k}` : k, depth + 1);
      return;
    }
    if (path) out.add(path.slice(0, 200));
  };
  visit(payload, '', 0);
  return [...out].sort();
}
