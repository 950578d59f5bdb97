import { isJsonObject, type JsonValue } from '../common/json.js';
import { FORBIDDEN_KEYS } from '../rules/field-name.js';

export interface ShapeLimits {
  depth: number;
  /** Distinct key names in the event (see checkShape). */
  keys: number;
}

export type ShapeProblem =
  | { code: 'PW_ERR_TOO_DEEP' | 'PW_ERR_TOO_MANY_KEYS' | 'PW_ERR_EVENT_TOO_LARGE'; limit: number }
  | { code: 'PW_ERR_FORBIDDEN_KEY'; path: string };

/** Longest text String(number) gives for a double ("-0.0000012345678901234567" is 25), with margin. */
const MAX_NUMBER_CHARS = 32;

/**
 * Bounds on the length of JSON.stringify(value), gathered during the shape walk: most events are
 * far below the size limit whatever their escaping, so the exact (and costlier) serialisation is
 * needed only when the bounds straddle it, or for anything that is not a plain JSON value.
 */
class JsonLengthBounds {
  min = 0;
  max = 0;
  exact = false;

  text(s: string): void { this.min += s.length + 2; this.max += 6 * s.length + 2; }

  /** A container's brackets and separators; keys are added with text(). */
  container(entries: number, isObject: boolean): void {
    const punctuation = 2 + Math.max(0, entries - 1) + (isObject ? entries : 0);
    this.min += punctuation; this.max += punctuation;
  }

  /** A value that is not pushed for its own walk. */
  leaf(v: unknown): void {
    if (typeof v === 'string') this.text(v);
    else if (typeof v === 'number') { this.min += 1; this.max += MAX_NUMBER_CHARS; }
    else if (typeof v === 'boolean') { this.min += 4; this.max += 5; }
    else if (v === null) { this.min += 4; this.max += 4; }
    else this.exact = true;
  }

  exceeds(value: JsonValue, limit: number): boolean {
    if (!this.exact && this.max <= limit) return false;
    if (!this.exact && this.min > limit) return true;
    return JSON.stringify(value).length > limit;
  }
}

const isPlain = (v: object): boolean => { const p: unknown = Object.getPrototypeOf(v); return p === Object.prototype || p === null || Array.isArray(v); };

/**
 * Walks a parsed value once, checking nesting depth, the number of distinct key names,
 * prototype-polluting keys and, when `bytes` is given, the length of its JSON text.
 *
 * Distinct names, not key occurrences or array entries: the scrub's cost per byte is flat for a
 * list of 2,000 products of 4 keys (~30 us/KB), but each new name costs a normalisation and a
 * rule lookup (3,000 distinct names in 29 KB took 5.6 ms, 10x the bytes' share). The byte limit
 * bounds the rest, and Segment itself refuses by bytes only: 300 products of 3 keys are its event.
 */
export function checkShape(value: JsonValue, limits: ShapeLimits & { bytes?: number }): ShapeProblem | undefined {
  let keys = 0;
  const size = new JsonLengthBounds();
  const stack: [JsonValue, number, string][] = [[value, 1, '']];
  if (typeof value !== 'object' || value === null) size.leaf(value);
  while (stack.length) {
    const [v, depth, path] = stack.pop()!;
    if (depth > limits.depth) return { code: 'PW_ERR_TOO_DEEP', limit: limits.depth };
    if (typeof v === 'object' && v !== null && !isPlain(v)) size.exact = true;
    if (Array.isArray(v)) {
      size.container(v.length, false);
      for (let i = 0; i < v.length; i++) {
        const child = v[i];
        if (typeof child === 'object' && child !== null) stack.push([child, depth + 1, `${path}[${i}]`]);
        else size.leaf(child);
      }
    } else if (isJsonObject(v)) {
      const names = Object.keys(v);
      size.container(names.length, true);
      for (const k of names) {
        // The key name itself is safe to echo: it is one of three fixed words.
        if (FORBIDDEN_KEYS.has(k)) return { code: 'PW_ERR_FORBIDDEN_KEY', path: path ? `${path}.${k}` : k };
        keys++;
        size.text(k);
        const child = v[k];
        if (typeof child === 'object' && child !== null) stack.push([child, depth + 1, path ? `${path}.<key>` : '<key>']);
        else size.leaf(child);
      }
    }
  }
  // Counting occurrences is cheap; names are told apart only when they could be too many.
  if (keys > limits.keys && distinctNamesOver(value, limits.keys)) return { code: 'PW_ERR_TOO_MANY_KEYS', limit: limits.keys };
  if (limits.bytes !== undefined && size.exceeds(value, limits.bytes)) return { code: 'PW_ERR_EVENT_TOO_LARGE', limit: limits.bytes };
  return undefined;
}

/** Whether a value's objects use more than `max` distinct key names (checkShape has bounded its depth). */
function distinctNamesOver(value: JsonValue, max: number): boolean {
  const names = new Set<string>();
  const stack: JsonValue[] = [value];
  while (stack.length) {
    const v = stack.pop()!;
    if (Array.isArray(v)) { for (const child of v) stack.push(child); continue; }
    if (!isJsonObject(v)) continue;
    for (const [k, child] of Object.entries(v)) {
      names.add(k);
      if (names.size > max) return true;
      stack.push(child);
    }
  }
  return false;
}

/** True when `value` nests deeper than `max` levels; iterative, so any depth is safe to ask about. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}
