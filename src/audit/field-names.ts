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
  /** The last FieldNames that recorded this leaf: a batch's payloads mostly repeat each other's fields, recorded once, not hashed into a set per payload. */
  mark: number;
  /** This node's key under its parent (objects' keys only), */
  readonly key: string;
  /** and the keys that came first at this path, and after this one, in the last object walked: payloads of one destination repeat their key order. */
  first: PathNode | undefined;
  sibling: PathNode | undefined;
}

const node = (path: string, key = ''): PathNode => ({ path, leaf: path.slice(0, 200), keys: undefined, items: undefined, mark: 0, key, first: undefined, sibling: undefined });
let root = node('');
let cached = 0;
let marks = 0;

function child(parent: PathNode, key: string): PathNode {
  parent.keys ??= new Map();
  let next = parent.keys.get(key);
  if (next) return next;
  if (++cached > MAX_CACHED_PATHS) { root = node(''); cached = 0; }
  next = node(parent.path ? `${parent.path}.${key}` : key, key);
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
 * The field paths of payloads (names only, never values): objects by dotted key, arrays as `[]`,
 * at most MAX_FIELDS per payload, so a hostile payload cannot blow up the ledger.
 */
export class FieldNames {
  private readonly mark = ++marks;
  private readonly names: string[] = [];
  /** Leaves visited in the payload being added (the bound counts visits, repeats included). */
  private visits = 0;

  /**
   * Adds one payload's paths. Straight in while the payload has visited fewer than MAX_FIELDS
   * leaves (so it cannot have reached the cap); a payload that gets there is walked again with
   * its own set, counting distinct paths exactly.
   */
  add(payload: JsonValue): void {
    this.visits = 0;
    this.visit(payload, root, 0);
    if (this.visits < MAX_FIELDS) return;
    const own = new Set<string>();
    walkDistinct(payload, root, 0, own);
    for (const f of own) this.names.push(f);
  }

  private visit(v: JsonValue, at: PathNode, depth: number): void {
    if (this.visits >= MAX_FIELDS) return;
    if (Array.isArray(v)) { const next = items(at); for (const item of v) this.visit(item, next, depth + 1); return; }
    if (v !== null && typeof v === 'object' && depth < MAX_DEPTH) {
      // for-in, not Object.keys: V8 reads each value through the object's enum cache instead of a
      // megamorphic keyed load, with no key array (payloads are plain JSON objects: own keys only).
      let empty = true, prev: PathNode | undefined, guess = at.first;
      for (const k in v) {
        empty = false;
        // The key that followed the previous one last time (keys from JSON.parse are internalised: a pointer compare), else looked up.
        let next = guess !== undefined && guess.key === k ? guess : undefined;
        if (next === undefined) {
          next = child(at, k);
          if (prev === undefined) at.first = next; else prev.sibling = next;
        }
        guess = next.sibling;
        prev = next;
        this.visit(v[k], next, depth + 1);
      }
      // An empty object is recorded by its whole path (rare: not marked, sorted() drops repeats).
      if (empty && at.path) { this.visits++; this.names.push(at.path); }
      return;
    }
    if (!at.path) return;
    this.visits++;
    if (at.mark !== this.mark) { at.mark = this.mark; this.names.push(at.leaf); }
  }

  /** The distinct paths recorded, sorted. */
  sorted(): string[] {
    return [...new Set(this.names)].sort();
  }
}

/** A payload's first MAX_FIELDS distinct paths into `own`. */
function walkDistinct(v: JsonValue, at: PathNode, depth: number, own: Set<string>): void {
  if (own.size >= MAX_FIELDS) return;
  if (Array.isArray(v)) { const next = items(at); for (const item of v) walkDistinct(item, next, depth + 1, own); return; }
  if (v !== null && typeof v === 'object' && depth < MAX_DEPTH) {
    let empty = true;
    for (const k in v) { empty = false; walkDistinct(v[k], child(at, k), depth + 1, own); }
    if (empty && at.path) own.add(at.path);
    return;
  }
  if (at.path) own.add(at.leaf);
}

/** The field paths of one payload, sorted. */
export function fieldNames(payload: JsonValue): string[] {
  const names = new FieldNames();
  names.add(payload);
  return names.sorted();
}
