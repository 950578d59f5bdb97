// Where a configuration problem is, and what was expected: every message names file:line:col,
// the key path, and for a mistyped key or enum value the nearest valid one. Values are quoted
// only when they cannot be an identifier or a secret (see `shown`).
import { relative } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { isMap, isNode, isScalar, parseDocument, type Document, type LineCounter } from 'yaml';
import { z } from 'zod';
import { didYouMean } from './suggest.js';

/** `name`: how problems name the file, when not by its path (a posted config). */
export interface Origin { readonly file: string; readonly doc: Document; readonly lines: LineCounter; readonly name?: string }

/**
 * A file's Origin. Its parsed YAML is needed only while a config loads (problems and warnings are
 * located then), but a running config keeps its Origins for `locate`: the bundled files' node
 * trees held ~0.8 MB of every collector's live heap, which V8 lets the old generation grow to
 * twice of (issue #5). The tree is held weakly and parsed again from the same text if the GC let
 * it go: the same text gives the same nodes, so problems are located as before.
 */
export function originOf(file: string, text: string, doc: Document, lines: LineCounter, name?: string): Origin {
  let held = new WeakRef(doc);
  // The text, deflated (H194): the bundled packs' text (two bytes a character) was 0.46 MB of every
  // collector's live heap, kept only for this re-parse; deflated, 0.12 MB outside V8's heap. UTF-16
  // gives back the same string whatever it holds (a lone surrogate too), so the same offsets.
  const kept = deflateRawSync(Buffer.from(text, 'utf16le'), { level: 1 });
  return {
    file, lines, name,
    get doc(): Document {
      let parsed = held.deref();
      if (parsed === undefined) { parsed = parseDocument(inflateRawSync(kept).toString('utf16le'), { prettyErrors: false, uniqueKeys: true }); held = new WeakRef(parsed); }
      return parsed;
    },
  };
}
type Path = readonly (string | number)[];

/** Relative to the working directory when inside it, else absolute. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** `file:line:col` of the node at path (or its nearest ancestor); list indexes count across included files. `key`: of the key, not its value. */
export function whereIs(path: Path, origins: readonly Origin[], key = false): string | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const found = nodeAt(path.slice(0, depth), origins, key && depth === path.length && depth > 0);
    if (found) {
      const pos = found.origin.lines.linePos(found.range[0]);
      return `${found.origin.name ?? displayPath(found.origin.file)}:${pos.line}:${pos.col}`;
    }
  }
  return undefined;
}

/** The YAML node at exactly this merged path, in the file that wrote it (its text as written, before `${VAR}` was filled). */
export function nodeAt(path: Path, origins: readonly Origin[], key = false): { node: unknown; range: [number, number, number]; origin: Origin } | undefined {
  let offset = 0;
  for (const o of origins) {
    const local = path.slice();
    if (typeof local[1] === 'number') {
      const list = o.doc.getIn([local[0]]);
      const size = isNode(list) && 'items' in list && Array.isArray(list.items) ? list.items.length : 0;
      if (local[1] - offset >= size) { offset += size; continue; }
      local[1] = local[1] - offset;
    }
    const node = key ? keyNode(o.doc, local) : o.doc.getIn(local, true);
    if (isNode(node) && node.range) return { node, range: node.range, origin: o };
  }
  return undefined;
}

/** The key node of the last path element (an unknown key is reported where it is written). */
function keyNode(doc: Document, path: (string | number)[]): unknown {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
  return pair?.key;
}

/** A value analysts typed, quoted only when short and not shaped like an identifier or a credential. */
export function shown(value: unknown): string {
  if (typeof value !== 'string') return kind(value);
  return value.length <= 40 && !/@|\d{5,}|[A-Za-z0-9+/_-]{24,}/.test(value) ? `"${visible(value)}"` : '(value not shown)';
}

// A zero-width space, a byte-order mark or a control character pasted into a key looks like the
// key it was meant to be: `unknown key "destinations"` (did you mean "destinations"?). Escaped, it shows.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u2000-\u200a\u3000]/gu;
function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** What a value is, never what it says. */
function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : typeof value;
}

/** `a.b[0].c` */
export function dotted(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(top level)';
}

function childOf(schema: unknown, key: string | number): unknown {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) return (s.shape as Record<string, unknown>)[String(key)];
  if (s instanceof z.ZodArray) return s.element;
  if (s instanceof z.ZodRecord) return s.valueType;
  return undefined;
}

function unwrap(schema: unknown): unknown {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap();
  return s;
}

/** The keys a strict object accepts at path: the candidates for "did you mean". */
export function keysAt(schema: z.ZodType, path: Path): string[] {
  let s: unknown = schema;
  for (const p of path) s = childOf(s, p);
  s = unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape as Record<string, unknown>) : [];
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** One zod issue as `file:line:col: key.path: problem`, several for a union whose matching form has several. */
export function formatIssue(issue: z.core.$ZodIssue, schema: z.ZodType, root: unknown, origins: readonly Origin[], fallback: string, base: Path = []): string[] {
  const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  if (issue.code === 'invalid_union') {
    // A mapping given where a union also takes a scalar (`baa: {signed, expires}`): the mapping form's own problems.
    const deeper = isPlainObject(valueAt(root, path)) ? issue.errors.find((b) => b.length > 0 && b.every((i) => i.path.length > 0)) : undefined;
    if (deeper) return deeper.flatMap((i) => formatIssue(i, schema, root, origins, fallback, path));
  }
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, path);
    return issue.keys.map((key) => `${whereIs([...path, key], origins, true) ?? fallback}: ${dotted(path)}: unknown key ${shown(key)}${keyHint(key, known)}`);
  }
  return [`${whereIs(path, origins) ?? fallback}: ${dotted(path)}: ${issueMessage(issue, root, path)}`];
}

function issueMessage(issue: z.core.$ZodIssue, root: unknown, path: Path): string {
  const value = valueAt(root, path);
  switch (issue.code) {
    case 'invalid_value': {
      const options = issue.values.map(String);
      const hint = typeof value === 'string' ? didYouMean(value, options) : '';
      const given = typeof value === 'number' || typeof value === 'boolean' ? String(value) : shown(value);
      return `${given} is not allowed${hint}; expected one of: ${options.join(', ')}`;
    }
    case 'invalid_type':
      return value === undefined ? `missing required key (expected ${issue.expected})` : `expected ${issue.expected}, got ${kind(value)}`;
    case 'invalid_key':
      return `invalid name ${shown(path[path.length - 1])}: ${issue.issues[0]?.message ?? issue.message}`;
    default:
      return issue.message;
  }
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A compiler problem (`identifiers.0.detectors: unknown detector …`) located like a schema one.
 * Messages that already name a file, or start with no key path, are kept as they are.
 */
export function locateMessage(message: string, origins: readonly Origin[]): string {
  const m = /^([a-z_][\w-]*(?:\.[\w-]+)*): (.*)$/s.exec(message);
  if (!m) return message;
  const path = m[1].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const where = whereIs(path, origins);
  if (!where) return message;
  const text = m[2].replace(/^Invalid input: expected (\w+), received undefined$/, 'missing required key (expected $1)');
  return `${where}: ${dotted(path)}: ${text}`;
}

/** A destination option's problem as `destinations.x.options.key: …`, naming the nearest option for an unknown one. */
export function optionProblems(where: string, issue: z.core.$ZodIssue, schema: z.ZodType): string[] {
  const path = issue.path.map(String);
  const at = [where, ...path].join('.');
  if (issue.code !== 'unrecognized_keys') return [`${at}: ${issue.message}`];
  const known = keysAt(schema, issue.path.filter((p): p is string | number => typeof p !== 'symbol'));
  return issue.keys.map((k) => `${[at, k].join('.')}: unknown option ${shown(k)}${keyHint(k, known)}`);
}

/** The nearest valid key, or the list of them when none is near. */
function keyHint(key: string, known: readonly string[]): string {
  return didYouMean(key, known) || (known.length ? ` (expected one of: ${known.join(', ')})` : '');
}
