import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

// Every string phiwall forwards must be well-formed Unicode: a lone UTF-16 surrogate (half an
// emoji, from a page that cut a title at 100 code units) goes out of JSON.stringify as "\ud83d",
// which strict vendors refuse (the whole batch, with the clean events in it). They are replaced
// with U+FFFD at the edge, before the rules read the event, so detectors scan exactly the text
// that is sent; and a string cut to a vendor's limit is never cut between the two halves of a pair.

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_ALL = new RegExp(LONE.source, 'g');
/** A JSON `\uD8xx`..`\uDFxx` escape: the only way valid UTF-8 JSON text can carry a surrogate. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** The string with each lone surrogate replaced by U+FFFD (the same string when there is none). */
export const wellFormed = (s: string): string => (LONE.test(s) ? s.replace(LONE_ALL, '\uFFFD') : s);

/** Whether JSON text may decode to a lone surrogate (cheap precheck before walking the tree). */
export const mayHoldSurrogate = (jsonText: string): boolean => SURROGATE_ESCAPE.test(jsonText);

/**
 * Makes every key and string of a parsed JSON value well-formed, in place. Iterative: a body
 * nested 100,000 deep is refused later by the depth limit, not here by a stack overflow. A
 * renamed key is defined, not assigned, so `__proto__` stays an own key for the limits to refuse.
 */
export function makeWellFormed(root: JsonValue): JsonValue {
  if (typeof root === 'string') return wellFormed(root);
  const stack: (JsonObject | JsonValue[])[] = typeof root === 'object' && root !== null ? [root] : [];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = fixLeaf(node[i], stack);
      continue;
    }
    for (const key of Object.keys(node)) {
      const value = fixLeaf(node[key], stack);
      const k = wellFormed(key);
      if (k === key) { node[key] = value; continue; }
      delete node[key];
      Object.defineProperty(node, k, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}

function fixLeaf(v: JsonValue, stack: (JsonObject | JsonValue[])[]): JsonValue {
  if (typeof v === 'string') return wellFormed(v);
  if (Array.isArray(v) || isJsonObject(v)) stack.push(v);
  return v;
}

/** At most `max` UTF-16 units, never ending on the first half of a surrogate pair. */
export function truncateUnits(s: string, max: number): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

const HIGH_ESCAPE = /%[89a-fA-F][0-9a-fA-F]/;
const ESCAPE_RUNS = /(?:%[0-9a-fA-F]{2})+/g;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether every run of `%XX` escapes in URL-encoded text spells UTF-8. URLSearchParams turns
 * `%E9` (a Latin-1 é) or `%ED%A0%80` (a surrogate) into U+FFFD; a hit carrying them is refused
 * instead, as a body that is not UTF-8 is. Text without a high escape (the usual hit) is passed
 * by one regex test.
 */
export function percentEscapesAreUtf8(text: string): boolean {
  if (!HIGH_ESCAPE.test(text)) return true;
  for (const [run] of text.matchAll(ESCAPE_RUNS)) {
    if (!HIGH_ESCAPE.test(run)) continue;
    try { STRICT_UTF8.decode(Buffer.from(run.replaceAll('%', ''), 'hex')); } catch { return false; }
  }
  return true;
}
