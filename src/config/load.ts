import { readFileSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { RulesFile } from './schema.js';

export interface LoadedConfig {
  /** The merged, validated, frozen configuration. */
  readonly rules: RulesFile;
  /** Every file read (entry first), for hot reload and the audit trail. */
  readonly files: readonly string[];
  /** The entry file, absolute. */
  readonly entry: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const ENV_REF = /\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}/g;

/** Loads an entry file and its includes; every error names file:line:column. */
export function loadConfig(entryPath: string, env: Env = process.env): LoadedConfig {
  const entry = resolve(entryPath);
  const files: string[] = [];
  const errors: string[] = [];
  const merged = readWithIncludes(entry, env, files, errors, new Set());
  if (errors.length) throw new ConfigError(errors);
  const parsed = RulesFile.safeParse(merged.value);
  if (!parsed.success) throw new ConfigError(locateIssues(parsed.error.issues, merged.origins, entry));
  return { rules: deepFreeze(parsed.data), files, entry };
}

interface Origin { file: string; doc: Document; lines: LineCounter; prefix: (string | number)[] }
interface Merged { value: Record<string, unknown>; origins: Origin[] }

function readWithIncludes(file: string, env: Env, files: string[], errors: string[], seen: Set<string>): Merged {
  if (seen.has(file)) { errors.push(`${file}: include cycle`); return { value: {}, origins: [] }; }
  seen.add(file);
  files.push(file);
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (err) {
    errors.push(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return { value: {}, origins: [] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) {
    const pos = lines.linePos(e.pos[0]);
    errors.push(`${file}:${pos.line}:${pos.col}: ${e.message.split('\n')[0]}`);
  }
  if (doc.errors.length) return { value: {}, origins: [] };
  const raw = interpolate(doc.toJS() ?? {}, env, (name) => errors.push(`${file}: environment variable ${name} is not set`));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push(`${file}:1:1: expected a mapping at the top level`);
    return { value: {}, origins: [] };
  }
  const own = raw as Record<string, unknown>;
  const includes = Array.isArray(own.include) ? own.include.filter((x): x is string => typeof x === 'string') : [];
  const result: Merged = { value: {}, origins: [] };
  for (const inc of includes) {
    const sub = readWithIncludes(resolve(dirname(file), inc), env, files, errors, seen);
    mergeInto(result, sub);
  }
  mergeInto(result, { value: own, origins: [{ file, doc, lines, prefix: [] }] });
  return result;
}

/** Lists concatenate (packs first), mappings merge, scalars from the later file win. */
function mergeInto(target: Merged, source: Merged): void {
  for (const [key, value] of Object.entries(source.value)) {
    if (key === 'include') continue;
    const prev = target.value[key];
    if (Array.isArray(prev) && Array.isArray(value)) target.value[key] = [...prev, ...value];
    else if (isPlain(prev) && isPlain(value)) target.value[key] = { ...prev, ...value };
    else target.value[key] = value;
  }
  target.origins.push(...source.origins);
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function interpolate(value: unknown, env: Env, missing: (name: string) => void): unknown {
  if (typeof value === 'string') {
    return value.replace(ENV_REF, (_, name: string, dflt: string | undefined) => {
      const v = env[name];
      if (v !== undefined && v !== '') return v;
      if (dflt !== undefined) return dflt;
      missing(name);
      return '';
    });
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, env, missing));
  if (isPlain(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolate(v, env, missing);
    return out;
  }
  return value;
}

/** Maps each zod issue to the file and line that holds the offending node. */
function locateIssues(issues: readonly z.core.$ZodIssue[], origins: readonly Origin[], entry: string): string[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    // Point at the unknown key itself, not at its parent mapping.
    const target = issue.code === 'unrecognized_keys' && issue.keys.length ? [...path, issue.keys[0]] : path;
    const where = findNode(target, origins) ?? `${displayPath(entry)}:1:1`;
    const dotted = path.join('.') || '(root)';
    const message = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    return `${where}: ${dotted}: ${message}`;
  });
}

function findNode(path: (string | number)[], origins: readonly Origin[]): string | undefined {
  // Array indexes refer to the concatenated list: walk origins, counting their items.
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    let offset = 0;
    for (const o of origins) {
      const local = sub.slice();
      if (typeof local[1] === 'number') {
        const list = o.doc.getIn([local[0]]);
        const size = isNode(list) && 'items' in list && Array.isArray(list.items) ? list.items.length : 0;
        if (local[1] - offset >= size) { offset += size; continue; }
        local[1] = local[1] - offset;
      }
      const node = o.doc.getIn(local, true);
      if (isNode(node) && node.range) {
        const pos = o.lines.linePos(node.range[0]);
        return `${displayPath(o.file)}:${pos.line}:${pos.col}`;
      }
    }
  }
  return undefined;
}

/** Relative to the working directory when inside it, else absolute. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
