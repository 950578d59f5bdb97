import { isJsonObject, type JsonValue } from '../common/json.js';
import { FORBIDDEN_KEYS } from '../rules/field-name.js';

export interface ShapeLimits {
  depth: number;
  keys: number;
}

export type ShapeProblem = { code: 'PW_ERR_TOO_DEEP' | 'PW_ERR_TOO_MANY_KEYS'; limit: number } | { code: 'PW_ERR_FORBIDDEN_KEY'; path: string };

/** Walks a parsed value once, checking nesting depth, total key count and prototype-polluting keys. */
export function checkShape(value: JsonValue, limits: ShapeLimits): ShapeProblem | undefined {
  let keys = 0;
  const stack: [JsonValue, number, string][] = [[value, 1, '']];
  while (stack.length) {
    const [v, depth, path] = stack.pop()!;
    if (depth > limits.depth) return { code: 'PW_ERR_TOO_DEEP', limit: limits.depth };
    if (Array.isArray(v)) {
      keys += v.length;
      for (let i = 0; i < v.length; i++) if (typeof v[i] === 'object' && v[i] !== null) stack.push([v[i], depth + 1, `${path}[${i}]`]);
    } else if (isJsonObject(v)) {
      for (const k of Object.keys(v)) {
        // The key name itself is safe to echo: it is one of three fixed words.
        if (FORBIDDEN_KEYS.has(k)) return { code: 'PW_ERR_FORBIDDEN_KEY', path: path ? `${path}.${k}` : k };
        keys++;
        const child = v[k];
        if (typeof child === 'object' && child !== null) stack.push([child, depth + 1, path ? `${path}.<key>` : '<key>']);
      }
    }
    if (keys > limits.keys) return { code: 'PW_ERR_TOO_MANY_KEYS', limit: limits.keys };
  }
  return undefined;
}
