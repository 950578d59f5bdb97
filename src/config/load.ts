import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError } from '../errors.js';
import { RulesFile } from './schema.js';
import { displayPath, dotted, formatIssue, locateMessage, originOf, type Origin } from './locate.js';
import { didYouMean } from './suggest.js';
import { includeRefusal } from './include-roots.js';
import { interpolate, type Env } from './env-refs.js';
import { readEnvScalars } from './env-scalars.js';

export interface LoadedConfig {
  /** The merged, validated, frozen configuration. */
  readonly rules: RulesFile;
  /** Every file read (entry first), for hot reload and the audit trail. */
  readonly files: readonly string[];
  /** The entry file, absolute. */
  readonly entry: string;
  /** Prefixes a compiler problem (`destinations.x.options.url: …`) with the file:line that holds it. */
  readonly locate: (issues: readonly string[]) => string[];
  /** How problems name the entry file (its path, or what an admin posted). */
  readonly entryName: string;
  /** Where each `${VAR}` is written, as config/env-refs.ts signatures (every file read). */
  readonly envRefs: ReadonlySet<string>;
}

/**
 * `includeRoots`: when given, every include must lie under one of them (config/include-roots.ts).
 * `entryName`: the entry's name in problems (a posted config is not the file it will replace).
 * `envRefsAllowed`: when given, a `${VAR}` is filled only where a signature in it allows (config/env-refs.ts).
 */
export interface LoadOptions {
  readonly includeRoots?: readonly string[];
  readonly entryName?: string;
  readonly envRefsAllowed?: ReadonlySet<string>;
}

/** Loads an entry file and its includes; every error names file:line:column. */
export function loadConfig(entryPath: string, env: Env = process.env, opts: LoadOptions = {}): LoadedConfig {
  const entry = resolve(entryPath);
  const files: string[] = [];
  const errors: string[] = [];
  const entryName = opts.entryName ?? displayPath(entry);
  const nameOf = (file: string) => (file === entry ? entryName : displayPath(file));
  const envRefs = new Set<string>();
  const st: ReadState = { env, files, errors, seen: new Set(), chain: [], roots: opts.includeRoots, nameOf, envRefs, envRefsAllowed: opts.envRefsAllowed };
  const merged = readWithIncludes(entry, st);
  if (errors.length) throw new ConfigError(errors);
  let parsed = RulesFile.safeParse(merged.value);
  // Numbers and booleans written as `${VAR}` are text until the schema asks for one (env-scalars.ts).
  const envProblems = new Map<string, string>();
  for (let round = 0; round < 3 && !parsed.success; round++) {
    const env = readEnvScalars(parsed.error.issues, merged.value, merged.origins);
    for (const [k, v] of env.problems) envProblems.set(k, v);
    if (!env.changed) break;
    parsed = RulesFile.safeParse(merged.value);
  }
  const fallback = `${entryName}:1:1`;
  if (!parsed.success) {
    const rest = parsed.error.issues.filter((i) => !envProblems.has(dotted(i.path.filter((p): p is string | number => typeof p !== 'symbol'))));
    throw new ConfigError([...envProblems.values(), ...rest.flatMap((i) => formatIssue(i, RulesFile, merged.value, merged.origins, fallback))]);
  }
  const locate = (issues: readonly string[]) => issues.map((i) => locateMessage(i, merged.origins));
  return { rules: deepFreeze(parsed.data), files, entry, locate, entryName, envRefs };
}

interface Merged { value: Record<string, unknown>; origins: Origin[] }
interface ReadState {
  env: Env; files: string[]; errors: string[]; seen: Set<string>; chain: string[]; roots?: readonly string[];
  nameOf: (file: string) => string; envRefs: Set<string>; envRefsAllowed?: ReadonlySet<string>;
}
const EMPTY = (): Merged => ({ value: {}, origins: [] });

/** `from` is where the include naming this file is written (`entry.yaml:3:5: include "x"`). */
function readWithIncludes(file: string, st: ReadState, from?: string): Merged {
  const at = from ?? st.nameOf(file);
  if (st.chain.includes(file)) {
    st.errors.push(`${at}: include loop: ${[...st.chain.slice(st.chain.indexOf(file)), file].map((f) => basename(f)).join(' -> ')}`);
    return EMPTY();
  }
  if (st.seen.has(file)) { st.errors.push(`${at}: ${st.nameOf(file)} is included more than once`); return EMPTY(); }
  st.seen.add(file);
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const what = from ? `${from}: ` : '';
    st.errors.push(code === 'ENOENT' ? `${what}no such file: ${st.nameOf(file)}${siblingHint(file)}` : `${what}cannot read ${st.nameOf(file)} (${code})`);
    return EMPTY();
  }
  st.files.push(file);
  const parsed = parseYaml(file, text, st);
  if (!parsed) return EMPTY();
  const { own, origin } = parsed;
  st.chain.push(file);
  const result = EMPTY();
  const includes = Array.isArray(own.include) ? own.include : [];
  includes.forEach((inc, index) => {
    if (typeof inc !== 'string') return;
    const where = `${whereOf(origin, ['include', index])}: include "${inc}"`;
    const target = resolve(dirname(file), inc);
    const refused = st.roots && includeRefusal(target, st.roots);
    if (refused) st.errors.push(`${where}: ${refused}`);
    else mergeInto(result, readWithIncludes(target, st, where));
  });
  st.chain.pop();
  mergeInto(result, { value: own, origins: [origin] });
  return result;
}

/** Parses one file and interpolates `${VAR}`; null (with errors pushed) when it cannot be used. */
function parseYaml(file: string, text: string, st: ReadState): { own: Record<string, unknown>; origin: Origin } | null {
  const shown = st.nameOf(file);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const hinted = new Set<number>();
  for (const e of doc.errors) {
    const pos = lines.linePos(e.pos[0]);
    const duplicate = e.code === 'DUPLICATE_KEY' ? ` ("${text.slice(e.pos[0]).split(/[:\n]/)[0].trim()}")` : '';
    st.errors.push(`${shown}:${pos.line}:${pos.col}: ${e.message.split('\n')[0]}${duplicate}${refHint(text, pos.line, hinted)}`);
  }
  if (doc.errors.length) return null;
  let js: unknown;
  // The yaml library refuses alias expansion past its limit (a "billion laughs" file) by throwing.
  try { js = doc.toJS() ?? {}; } catch (err) {
    st.errors.push(`${shown}: YAML anchors and aliases expand too far (${(err as Error).name}); write the values out`);
    return null;
  }
  const origin = originOf(file, text, doc, lines, shown);
  const missing = (name: string, empty: boolean) => {
    const pos = lines.linePos(Math.max(0, text.indexOf(`\${${name}`)));
    st.errors.push(`${shown}:${pos.line}:${pos.col}: environment variable ${name} is ${empty ? 'empty' : 'not set'} (write \${${name}:-default} to give a default)`);
  };
  const refused = (name: string, path: readonly (string | number)[]) => st.errors.push(`${whereOf(origin, [...path])}: ${dotted(path)}: \${${name}}: ${REFUSED_REF}`);
  const raw = interpolate(js, st.env, { missing, refused, allowed: st.envRefsAllowed, seen: st.envRefs });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    st.errors.push(`${shown}:1:1: expected a mapping at the top level`);
    return null;
  }
  return { own: raw as Record<string, unknown>, origin };
}

// `{ max_connections: ${MAXC} }`: in a flow mapping or list, YAML reads the `{` of an unquoted
// reference as a nested mapping and reports tokens, not the cause. Said once per line.
function refHint(text: string, line: number, hinted: Set<number>): string {
  const source = text.split('\n')[line - 1] ?? '';
  if (hinted.has(line) || !/[{[][^'"]*\$\{/.test(source)) return '';
  hinted.add(line);
  return ' (inside { } or [ ], quote a ${VAR}: "${VAR}")';
}

const REFUSED_REF = 'an admin-posted config may use an environment variable only at a key where the running config uses it, written the same way (edit the file on disk to add one)';

function whereOf(origin: Origin, path: (string | number)[]): string {
  const node = origin.doc.getIn(path, true) as { range?: [number, number] } | undefined;
  const pos = origin.lines.linePos(node?.range?.[0] ?? 0);
  return `${origin.name ?? displayPath(origin.file)}:${pos.line}:${pos.col}`;
}

/** ` (did you mean "x.yaml"?)` from the files next to a missing one. */
function siblingHint(file: string): string {
  let names: string[];
  try { names = readdirSync(dirname(file)); } catch { return ''; }
  return didYouMean(basename(file), names);
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

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
