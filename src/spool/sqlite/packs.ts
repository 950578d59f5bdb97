import type Database from 'better-sqlite3';
import type { EnqueueRow, LeasedItem } from '../port.js';
import { parseStored } from '../stored-text.js';
import { itemMeta, readMeta, type PackMeta, type ReadMeta } from './pack-meta.js';

// In-memory leasing of packs (outbox_packs rows: one group commit's events for one destination, up to PACK_CHARS of text).
// Only the spool's consumer (consumer.ts) uses this. Leases live here, not on disk: a lease was
// an UPDATE rewriting each row once more between its insert and its delete. A crash forgets
// them, so the restarted consumer delivers every unsettled item again at once (at-least-once).
// Item ids are `<pack id>.<index>`; a pack row is deleted once all its items are settled.

/**
 * Items kept in memory per destination, as their payload objects; beyond it packs stay on disk
 * and are read back in id order. Keeping them saves the read and JSON.parse of every item
 * (spool CPU per row through enqueue, lease, ack: 6.4 -> 4.5 us, bench/spool-ops.mjs). Steady
 * delivery needs a few packs per destination; 4096 added ~30 MB of RSS to `npm run bench`'s
 * batch run over 1024 for no throughput gain.
 */
const READY_CAP = 1024;
/**
 * Pack sizes looked at per query when catching up from disk. A pack holds a whole group
 * commit's events for its destination (one to hundreds), so the sizes decide how many packs are
 * read: enough to serve the lease, no more (reading 64 at a time held ~250 MB of parsed payloads
 * in a sustained-delivery run; one at a time took a query per event after single-event traffic).
 */
const PEEK_PACKS = 64;

/** A pack row. Items are made when leased: a pack waiting in memory costs one object, not one per event. */
interface Pack {
  id: number; n: number; open: number; destination: string; enqueuedAt: number;
  /** The events: the enqueued rows (this process wrote the pack) or the meta read back from disk (pack-meta.ts). */
  rows: readonly EnqueueRow[] | undefined; meta: ReadMeta | undefined;
  /** Per item, the length of its payload text (own packs; read-back packs have it in meta). */
  bytes: readonly number[] | undefined;
  /** The items' payload texts as stored: per item (own packs), or the pack's text and where each item starts in it (read back). */
  texts: readonly string[] | undefined; text: string | undefined; starts: Uint32Array | undefined;
  /** Next index not yet handed out. */
  next: number;
  /** Per item: 0 waiting, 1 leased, 2 settled. */
  state: Uint8Array;
  items: (PackItem | undefined)[];
}
export interface PackItem { pack: Pack; index: number; leased: LeasedItem; until: number }
interface Queue { ready: Pack[]; head: number; waiting: number; again: PackItem[]; inflight: Set<PackItem>; cursor: number; spilled: boolean }
type PackRow = { id: number; n: number; meta: string; payload: string; enqueued_at: number };

export const isPackId = (id: string): boolean => id.includes('.');

export class PackLedger {
  /** Loaded packs with unsettled items, by id. */
  private readonly packs = new Map<number, Pack>();
  private readonly queues = new Map<string, Queue>();
  private readonly peek: Database.Statement;
  private readonly load: Database.Statement;
  private readonly acked: Database.Statement;

  constructor(db: Database.Database) {
    this.acked = db.prepare('SELECT pack_id AS id, idx FROM pack_acks WHERE pack_id > ? AND pack_id <= ?');
    // n precedes the texts in the record: peeking does not read their overflow pages.
    this.peek = db.prepare(`SELECT id, n FROM outbox_packs WHERE destination = ? AND id > ? ORDER BY id LIMIT ${PEEK_PACKS}`);
    this.load = db.prepare('SELECT id, n, meta, payload, enqueued_at FROM outbox_packs WHERE destination = ? AND id > ? AND id <= ? ORDER BY id');
  }

  /** Forgets everything (the claim changed hands): every queue re-reads its packs from disk. */
  reset(): void {
    this.packs.clear();
    this.queues.clear();
  }

  /** Another connection wrote to the file: packs may have appeared that memory does not know. */
  spillAll(): void {
    for (const q of this.queues.values()) q.spilled = true;
  }

  private queue(destination: string): Queue {
    let q = this.queues.get(destination);
    if (!q) { q = { ready: [], head: 0, waiting: 0, again: [], inflight: new Set(), cursor: 0, spilled: true }; this.queues.set(destination, q); }
    return q;
  }

  /** A pack this process just committed: keep its payload objects (no re-read) unless the queue is behind on disk. */
  pushOwn(p: NewPack, enqueuedAt: number): void {
    const q = this.queue(p.destination), n = p.rows.length;
    if (q.spilled || q.waiting + n > READY_CAP) { q.spilled = true; return; }
    this.add(q, { id: p.id, n, open: n, destination: p.destination, enqueuedAt, rows: p.rows, bytes: p.bytes, texts: p.texts, text: undefined, starts: undefined, meta: undefined, next: 0, state: new Uint8Array(n), items: [] });
  }

  private add(q: Queue, pack: Pack): void {
    this.packs.set(pack.id, pack);
    q.ready.push(pack);
    q.waiting += pack.n;
    q.cursor = pack.id;
  }

  private readFromDisk(q: Queue, destination: string, want: number): void {
    while (q.spilled && q.waiting < want) {
      const heads = this.peek.all(destination, q.cursor) as { id: number; n: number }[];
      let need = want - q.waiting, upTo = 0;
      for (const h of heads) { upTo = h.id; need -= h.n; if (need <= 0) break; }
      // Caught up once every pack on disk is in memory: new ones are pushed as they commit.
      if (heads.length < PEEK_PACKS && upTo === (heads.at(-1)?.id ?? 0)) q.spilled = false;
      if (upTo === 0) break;
      const from = q.cursor;
      for (const r of this.load.all(destination, from, upTo) as PackRow[]) {
        const meta = readMeta(JSON.parse(r.meta) as PackMeta[]);
        this.add(q, { id: r.id, n: r.n, open: r.n, destination, enqueuedAt: r.enqueued_at, rows: undefined, bytes: undefined, texts: undefined, text: r.payload,
          starts: itemStarts(meta.lens), meta, next: 0, state: new Uint8Array(r.n), items: [] });
      }
      this.skipAcked(from, upTo);
      q.cursor = Math.max(q.cursor, upTo);
    }
  }

  /** Items acknowledged on disk (pack_acks, an ack with work of its own) are settled: never handed out again. */
  private skipAcked(after: number, upTo: number): void {
    for (const { id, idx } of this.acked.all(after, upTo) as { id: number; idx: number }[]) {
      const pack = this.packs.get(id);
      if (pack && pack.state[idx] !== 2) { pack.state[idx] = 2; pack.open--; }
    }
  }

  /** Leases up to `limit` items of a destination: expired leases first, then packs in id order. */
  take(destination: string, limit: number, leaseMs: number, now: number): LeasedItem[] {
    const q = this.queue(destination);
    this.expire(q, now);
    this.readFromDisk(q, destination, limit);
    const out: LeasedItem[] = [];
    const until = now + leaseMs;
    while (out.length < limit && q.again.length) {
      const item = q.again.shift()!;
      if (item.pack.state[item.index] !== 0) continue;
      out.push({ ...this.lease(q, item, until) });
    }
    while (out.length < limit && q.head < q.ready.length) {
      const pack = q.ready[q.head];
      if (pack.next >= pack.n) { q.head++; continue; }
      const index = pack.next;
      // Made (its text parsed) before the pack moves on: a text that does not parse is handed out marked damaged (never sent).
      const leased = pack.state[index] === 0 ? makeLeased(pack, index) : undefined;
      pack.next++;
      q.waiting--;
      if (!leased) continue;
      const item: PackItem = { pack, index, leased, until: 0 };
      pack.items[index] = item;
      out.push(this.lease(q, item, until));
    }
    // Drop handed-out packs at once: a pack holds its payloads until settled, and later only its queue would keep it.
    if (q.head > 0) { q.ready.splice(0, q.head); q.head = 0; }
    return out;
  }

  private lease(q: Queue, item: PackItem, until: number): LeasedItem {
    item.pack.state[item.index] = 1;
    item.until = until;
    q.inflight.add(item);
    return item.leased;
  }

  /** Leases that ran out (the worker lost the items) are handed out again first. */
  private expire(q: Queue, now: number): void {
    for (const item of q.inflight) {
      if (item.until > now) break; // one lease_ms per destination: the set is in expiry order
      q.inflight.delete(item);
      item.pack.state[item.index] = 0;
      q.again.push(item);
    }
  }

  /** The unsettled, handed-out item of a lease id (`<pack id>.<index>`), if this consumer has it. */
  get(id: string): PackItem | undefined {
    const dot = id.indexOf('.');
    const pack = this.packs.get(Number(id.slice(0, dot)));
    const index = Number(id.slice(dot + 1));
    return pack && pack.state[index] !== 2 ? pack.items[index] : undefined;
  }

  /** Marks an item settled; returns its pack id when that was the pack's last open item (delete the row). */
  settle(item: PackItem): number | undefined {
    const { pack } = item;
    if (pack.state[item.index] === 2) return undefined;
    pack.state[item.index] = 2;
    this.queues.get(pack.destination)?.inflight.delete(item);
    if (--pack.open > 0) return undefined;
    this.packs.delete(pack.id);
    return pack.id;
  }

  /** Ids of the packs whose open items are all among `items` (distinct, unsettled): settling them closes those packs. */
  static closedBy(items: readonly PackItem[]): number[] {
    const settling = new Map<Pack, number>();
    for (const item of items) if (item.pack.state[item.index] !== 2) settling.set(item.pack, (settling.get(item.pack) ?? 0) + 1);
    return [...settling].filter(([pack, n]) => n === pack.open).map(([pack]) => pack.id);
  }

  /** Length of an item's payload text: what the byte limit counts. */
  static bytes(pack: Pack, index: number): number {
    return pack.bytes ? pack.bytes[index] : pack.meta!.lens[index];
  }

  /** An item's payload text as stored (what a retry or dead letter keeps, and what delivery posts). */
  static text(pack: Pack, index: number): string {
    if (pack.texts) return pack.texts[index];
    const start = pack.starts![index];
    return pack.text!.slice(start, start + pack.meta!.lens[index]);
  }

  /** The unsettled items (leased or not) of packs that have settled items too. */
  unsettledOfPartialPacks(): PackItem[] {
    const out: PackItem[] = [];
    for (const pack of this.packs.values()) {
      if (pack.open === pack.n) continue;
      for (let i = 0; i < pack.n; i++) {
        if (pack.state[i] === 2) continue;
        pack.items[i] ??= { pack, index: i, leased: makeLeased(pack, i), until: 0 };
        out.push(pack.items[i]!);
      }
    }
    return out;
  }

  leased(now: number): number {
    let n = 0;
    for (const q of this.queues.values()) for (const item of q.inflight) if (item.until > now) n++;
    return n;
  }

  /** Earliest time an item of the destination can be leased, as far as memory knows. */
  nextDue(destination: string, now: number): number | undefined {
    const q = this.queues.get(destination);
    if (!q) return undefined;
    if (q.spilled || q.waiting > 0 || q.again.length > 0) return now;
    let min: number | undefined;
    for (const item of q.inflight) min = Math.min(min ?? item.until, item.until);
    return min;
  }
}

/** Where each item's text starts in its pack's text ('[' + the items' texts joined by ',' + ']'). */
function itemStarts(lens: Uint32Array): Uint32Array {
  const starts = new Uint32Array(lens.length);
  for (let i = 0, at = 1; i < lens.length; at += lens[i] + 1, i++) starts[i] = at;
  return starts;
}

function makeLeased(pack: Pack, i: number): LeasedItem {
  const r = pack.rows?.[i];
  const m = r ? { messageId: r.messageId, policyVersion: r.policyVersion ?? null, subjectKeys: r.subjectKeys, scrubbedAt: r.scrubbedAt } : itemMeta(pack.meta!, i);
  // The payload is the stored text's own value: the enqueued object it was serialised from, or the
  // parse of the very text delivery posts (an item's, when leased: the rest of a pack read back
  // stays text until its turn, rather than surviving young-generation GCs as objects). An item
  // whose meta holds no metadata is handed out damaged too (never sent).
  const payloadText = PackLedger.text(pack, i);
  const payload = r ? r.payload : m ? parseStored(payloadText) : undefined;
  const item: LeasedItem = { id: `${pack.id}.${i}`, messageId: m?.messageId ?? pack.meta!.meta[i][0], destination: pack.destination, payload: payload ?? null, payloadText, attempts: 0, enqueuedAt: pack.enqueuedAt };
  if (payload === undefined) item.damaged = true;
  if (!m) return item;
  if (m.policyVersion !== null) item.policyVersion = m.policyVersion;
  if (m.subjectKeys) item.subjectKeys = m.subjectKeys;
  if (m.scrubbedAt != null) item.scrubbedAt = m.scrubbedAt;
  return item;
}

export interface NewPack { id: number; destination: string; rows: EnqueueRow[]; bytes: number[]; texts: string[] }
