import { isScalar } from 'yaml';
import type { z } from 'zod';
import { dotted, nodeAt, whereIs, type Origin } from './locate.js';

// `max_connections: ${MAXC}`: the environment holds text, so a filled reference is a string where
// the schema wants a number (or a boolean), and the file was refused with "expected number, got
// string". Where the schema asks for one and the file wrote a reference there, the text is read as
// a number (or true/false); text that is not one is refused naming the variable, never its value
// (a reference may point at a secret put in the wrong variable).

type Path = readonly PropertyKey[];
const ENV_NAME = /\$\{([A-Z_][A-Z0-9_]*)(?::-[^}]*)?\}/g;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(?:true|false)$/i;

/** Fills in numbers and booleans read from references; returns whether any was, and the refusals. */
export function readEnvScalars(issues: readonly z.core.$ZodIssue[], value: Record<string, unknown>, origins: readonly Origin[]): { changed: boolean; problems: Map<string, string> } {
  let changed = false;
  /** By dotted key path: zod's own "expected number, got string" there is replaced. */
  const problems = new Map<string, string>();
  for (const issue of issues) {
    if (issue.code !== 'invalid_type' || (issue.expected !== 'number' && issue.expected !== 'boolean')) continue;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const text = valueAt(value, path);
    const found = typeof text === 'string' ? nodeAt(path, origins) : undefined;
    const written = found && isScalar(found.node) && typeof found.node.source === 'string' ? found.node.source : undefined;
    const names = written === undefined ? [] : [...written.matchAll(ENV_NAME)].map((m) => `\${${m[1]}}`);
    if (typeof text !== 'string' || names.length === 0) continue;
    const trimmed = text.trim();
    if (issue.expected === 'number' && NUMBER.test(trimmed)) { setAt(value, path, Number(trimmed)); changed = true; continue; }
    if (issue.expected === 'boolean' && BOOLEAN.test(trimmed)) { setAt(value, path, trimmed.toLowerCase() === 'true'); changed = true; continue; }
    problems.set(dotted(path), `${whereIs(path, origins) ?? '?'}: ${dotted(path)}: ${names.join(', ')} ${names.length > 1 ? 'give' : 'gives'} ${issue.expected === 'number' ? 'no number' : 'neither true nor false'} (the value is not shown)`);
  }
  return { changed, problems };
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function setAt(root: unknown, path: Path, v: unknown): void {
  const parent = valueAt(root, path.slice(0, -1));
  if (typeof parent === 'object' && parent !== null) (parent as Record<PropertyKey, unknown>)[path[path.length - 1]] = v;
}
