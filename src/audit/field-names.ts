import type { JsonValue } from '../common/json.js';

const MAX_FIELDS = 200;
const MAX_DEPTH = 8;
/** Bounds the path cache below (keys come from payloads): past it the cache starts over. */
const MAX_CACHED_PATHS = 10_000;

/** One field path, its string built once: delivery summarises every delivered item's fields. */
interface PathNode {
  readonly path: string;
  /** The path as recorded for a leaf (bounded length). */
  readonly leaf: string;
  keys: Map<string, PathNode> | undefined;
  items: PathNode | undefined;
}

const node = (path: string): PathNode => ({ path, leaf: path.slice(0, 200), keys: undefined, items: undefined });
let root = node('');
let cached = 0;

function child(parent: PathNode, key: string): PathNode {
  parent.keys ??= new Map();
  let next = parent.keys.get(key);
  if (next) return next;
  if (++cached > MAX_CACHED_PATHS) { root = node(''); cached = 0; }
  next = node(parent.path ? `${parent.path}.${key}` : key);
  parent.keys.set(key, next);
  return next;
}

function items(parent: PathNode): PathNode {
  if (parent.items) return parent.items;
  if (++cached > MAX_CACHED_PATHS) { root = node(''); cached = 0; }
  parent.items = node(`${parent.path}[]`);
  return parent.items;
}

/**
 * Adds one payload's field paths (at most MAX_FIELDS of its own) to `into`. Straight into it
 * while the payload has made fewer than MAX_FIELDS additions (so it cannot have reached the
 * cap); a payload that gets there is walked again with its own set, counting exactly.
 */
export function addFieldNames(payload: JsonValue, into: Set<string>): void {
  let added = 0;
  if (walk(payload, (path) => { into.add(path); added++; }, () => added >= MAX_FIELDS)) return;
  const own = new Set<string>();
  walk(payload, (path) => own.add(path), () => own.size >= MAX_FIELDS);
  for (const f of own) into.add(f);
}

/** Walks a payload's field paths into `add` until `full()`; false when it stopped there. */
function walk(payload: JsonValue, add: (path: string) => void, full: () => boolean): boolean {
  const visit = (v: JsonValue, at: PathNode, depth: number) => {
    if (full()) return;
    if (Array.isArray(v)) { for (const item of v) visit(item, items(at), depth + 1); return; }
    if (v !== null && typeof v === 'object' && depth < MAX_DEPTH) {
      const keys = Object.keys(v);
      if (keys.length === 0 && at.path) add(at.path);
      for (const k of keys) visit(v[k], child(at, k), depth + 1);
      return;
    }
    if (at.path) add(at.leaf);
  };
  visit(payload, root, 0);
  return !full();
}

/**
 * The field paths of a payload (names only, never values): objects by dotted key, arrays as
 * `[]`. Bounded, so a hostile payload cannot blow up the ledger.
 */
export function fieldNames(payload: JsonValue): string[] {
  const out = new Set<string>();
  addFieldNames(payload, out);
  return [...out].sort();
}
