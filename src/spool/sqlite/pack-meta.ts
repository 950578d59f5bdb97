import type { EnqueueRow } from '../port.js';
import { joinKeys, splitKeys } from '../row-meta.js';

// A pack's meta (outbox_packs.meta, JSON): one tuple per item, in order. A full tuple is
// [message id, policy version, subject keys (row-meta format), payload text length, scrub time]
// (no scrub time in packs of older versions). An item whose policy version, subject keys and scrub
// time are those of the item before it in the pack is [message id, payload text length] (H173):
// a request's items share them (one plan version, one scrub time; a batch is one visitor's), and
// repeated per item they were ~60% of the meta's bytes, serialised at every enqueue and parsed at
// every read-back. Packs of older versions (full tuples only) read as before.

export type FullMeta = [string, string | null, string | null, number, (number | null)?];
export type SameMeta = [string, number];
export type PackMeta = FullMeta | SameMeta;

/** Meta tuples of rows [start, end): the first full (parts and chunks are joined in any order), then full only where the metadata changes. */
export function encodeMeta(rows: readonly EnqueueRow[], bytes: readonly number[], start: number, end: number): PackMeta[] {
  const meta: PackMeta[] = [];
  let prev: EnqueueRow | undefined, prevKeys: string | null = null;
  for (let i = start; i < end; i++) {
    const r = rows[i];
    // An event's rows share one keys array (accountOutcome): joined once for them.
    const keys: string | null = prev !== undefined && r.subjectKeys === prev.subjectKeys ? prevKeys : joinKeys(r.subjectKeys);
    if (prev !== undefined && keys === prevKeys && (r.policyVersion ?? null) === (prev.policyVersion ?? null) && (r.scrubbedAt ?? null) === (prev.scrubbedAt ?? null)) {
      meta.push([r.messageId, bytes[i]]);
    } else meta.push([r.messageId, r.policyVersion ?? null, keys, bytes[i], r.scrubbedAt ?? null]);
    prev = r;
    prevKeys = keys;
  }
  return meta;
}

/** What a read-back pack keeps of its meta: per item its text length and the index of the full tuple holding its metadata. */
export interface ReadMeta {
  meta: readonly PackMeta[];
  lens: Uint32Array;
  /** -1: no full tuple before the item (not written by any version: the item is handed out damaged). */
  ctx: Int32Array;
  /** The subject keys of full tuple `keysAt`, split once for the items after it sharing them (read only: LeasedItem.subjectKeys; items are made in order). */
  keysAt: number;
  keys: readonly string[] | undefined;
}

export function readMeta(meta: readonly PackMeta[]): ReadMeta {
  const n = meta.length, lens = new Uint32Array(n), ctx = new Int32Array(n);
  let full = -1;
  for (let i = 0; i < n; i++) {
    const m = meta[i];
    if (m.length === 2) lens[i] = m[1];
    else { lens[i] = m[3]; full = i; }
    ctx[i] = full;
  }
  return { meta, lens, ctx, keysAt: -1, keys: undefined };
}

/** An item's metadata as stored; undefined when its meta holds none (see ReadMeta.ctx). */
export function itemMeta(r: ReadMeta, i: number): { messageId: string; policyVersion: string | null; subjectKeys: readonly string[] | undefined; scrubbedAt: number | null | undefined } | undefined {
  const at = r.ctx[i];
  if (at < 0) return undefined;
  const full = r.meta[at] as FullMeta;
  if (r.keysAt !== at) { r.keysAt = at; r.keys = splitKeys(full[2]); }
  return { messageId: r.meta[i][0], policyVersion: full[1], subjectKeys: r.keys, scrubbedAt: full[4] };
}
