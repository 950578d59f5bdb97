// JSON kept as text in a value: one JSON object or array, or JSON Lines (NDJSON: a log, a session
// replay's or a form tracker's buffer, one JSON object per line), read as the structures they are so
// that field rules apply to their keys (scrub-tree's scrubJsonText). The first and last characters
// decide before anything is parsed: most strings are neither.
import type { JsonValue } from '../common/json.js';

const MAX_JSON_TEXT = 32_768;
const MAX_LINES = 200;
const LINE_BREAK = /\r?\n/;

/** Whether `c` opens (`{`, `[`) or `d` closes (`}`, `]`) JSON structure text. */
const opens = (c: number): boolean => c === 123 || c === 91;
const closes = (c: number): boolean => c === 125 || c === 93;

/** The JSON values a text holds (one, or one per line for JSON Lines), or undefined when it is neither. */
export function jsonValuesOf(value: string): JsonValue[] | undefined {
  if (!opens(value.charCodeAt(0)) || value.length > MAX_JSON_TEXT) return undefined;
  const last = value.charCodeAt(value.length - 1);
  // JSON Lines end with a line break.
  if (last === 10 || last === 13) { const body = value.trimEnd(); return closes(body.charCodeAt(body.length - 1)) ? jsonLines(value) : undefined; }
  if (!closes(last)) return undefined;
  try { return [JSON.parse(value) as JsonValue]; } catch { return jsonLines(value); }
}

/** Each line's value when every non-empty line (two at least) is a JSON object or array. */
function jsonLines(value: string): JsonValue[] | undefined {
  if (value.indexOf('\n') < 0) return undefined;
  const out: JsonValue[] = [];
  for (const raw of value.split(LINE_BREAK, MAX_LINES + 1)) {
    const line = raw.trim();
    if (line === '') continue;
    if (out.length === MAX_LINES || !opens(line.charCodeAt(0)) || !closes(line.charCodeAt(line.length - 1))) return undefined;
    try { out.push(JSON.parse(line) as JsonValue); } catch { return undefined; }
  }
  return out.length > 1 ? out : undefined;
}
