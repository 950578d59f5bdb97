import type Database from 'better-sqlite3';
import type { EnqueueRow } from '../port.js';
import { joinKeys } from '../row-meta.js';
import { encodeMeta } from './pack-meta.js';
import { TimeSlices } from '../../common/time-slices.js';
import type { NewPack } from './packs.js';

// A 457 KB /v1/batch becomes ~12,000 rows: building its packs' meta JSON and joined payload
// texts took 6-31 ms inside the group commit, one piece on the event loop (H88). They are built
// here instead, when the rows are enqueued: a request of more than CHUNK rows in chunks, with a
// turn of the event loop between ~8 ms slices (close() waits for them); the commit only joins
// each caller's pieces and writes them, still one transaction for all of a request's rows. The
// stored texts are the same strings: JSON.stringify of an array is its elements' texts joined by ','.

/** Rows a chunk's texts are built from before the clock is read again. */
const CHUNK = 256;

/** One caller's rows for one destination: their payload texts, and its pieces of the pack's meta and payload texts. */
interface Part { rows: EnqueueRow[]; bytes: number[]; texts: string[]; meta: string[]; payload: string[] }

/** One enqueue call's rows, grouped by destination (first appearance order); dead rows apart; the rows' dedup keys (seen-keys.ts). */
export interface PreparedRows { parts: Map<string, Part>; dead: { row: EnqueueRow; text: string; dead: NonNullable<EnqueueRow['dead']> }[]; seen: string[] }

/** The payload texts the commit writes (serialized once), and the live rows' count and bytes (spool limits). */
export function measure(rows: readonly EnqueueRow[]): { texts: string[]; live: number; bytes: number } {
  const texts = rows.map((r) => r.payloadText ?? JSON.stringify(r.payload));
  let live = 0;
  let bytes = 0;
  rows.forEach((r, i) => { if (!r.dead) { bytes += texts[i].length; live++; } });
  return { texts, live, bytes };
}

/**
 * Prepares each enqueue's rows for the group commit. A small request (most) is grouped at once,
 * as before; a large one's texts are built in slices first and the caller awaits them.
 */
export class PackPrep {
  private readonly inFlight = new Set<Promise<PreparedRows>>();

  prepare(rows: readonly EnqueueRow[], texts: readonly string[]): PreparedRows | Promise<PreparedRows> {
    if (rows.length <= CHUNK) return build(group(rows, texts));
    const p = sliced(group(rows, texts));
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return p;
  }

  /** Settles once every large request being prepared has reached the commit queue (close waits for it). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}

function group(rows: readonly EnqueueRow[], texts: readonly string[]): PreparedRows {
  const parts = new Map<string, Part>();
  const dead: PreparedRows['dead'] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (r.dedupKey !== undefined) seen.add(r.dedupKey);
    if (r.dead) { dead.push({ row: r, text: texts[i], dead: r.dead }); return; }
    let p = parts.get(r.destination);
    if (!p) { p = { rows: [], bytes: [], texts: [], meta: [], payload: [] }; parts.set(r.destination, p); }
    p.rows.push(r);
    p.bytes.push(texts[i].length);
    p.texts.push(texts[i]);
  });
  return { parts, dead, seen: [...seen] };
}

/** One chunk of a part's meta and payload texts (rows [start, end)). */
function chunk(p: Part, whole: readonly string[], start: number, end: number): void {
  p.meta.push(JSON.stringify(encodeMeta(p.rows, p.bytes, start, end)).slice(1, -1));
  p.payload.push(whole.slice(start, end).join(','));
}

function build(prepared: PreparedRows): PreparedRows {
  for (const p of prepared.parts.values()) chunk(p, p.texts, 0, p.rows.length);
  return prepared;
}

async function sliced(prepared: PreparedRows): Promise<PreparedRows> {
  // A large request's last pipeline slice has just run: its packs start in a turn of their own.
  await new Promise((resolve) => setImmediate(resolve));
  const slices = new TimeSlices();
  for (const p of prepared.parts.values()) {
    for (let start = 0; start < p.rows.length; start += CHUNK) {
      chunk(p, p.texts, start, Math.min(start + CHUNK, p.rows.length));
      const pause = slices.pauseNow();
      if (pause !== undefined) await pause;
    }
  }
  return prepared;
}

/**
 * Writes a group commit's prepared rows: rejected rows to dead_letters, then one pack per
 * destination for the whole commit (many callers' events in one row: a single-event request
 * costs a share of a row, not a row).
 */
export function writePrepared(st: { insertPack: Database.Statement; insertDead: Database.Statement }, batch: readonly PreparedRows[], now: number): NewPack[] {
  const groups = new Map<string, NewPack & { meta: string[]; payload: string[] }>();
  for (const w of batch) {
    for (const { row: r, text, dead } of w.dead) st.insertDead.run(r.messageId, r.destination, text, 0, dead.code, dead.reason, now, now, r.policyVersion ?? null, joinKeys(r.subjectKeys), r.scrubbedAt ?? null);
    for (const [destination, p] of w.parts) {
      let g = groups.get(destination);
      if (!g) { g = { id: 0, destination, rows: [], bytes: [], texts: [], meta: [], payload: [] }; groups.set(destination, g); }
      for (const r of p.rows) g.rows.push(r);
      for (const b of p.bytes) g.bytes.push(b);
      for (const t of p.texts) g.texts.push(t);
      g.meta.push(...p.meta);
      g.payload.push(...p.payload);
    }
  }
  for (const g of groups.values()) {
    const total = g.bytes.reduce((a, b) => a + b, 0);
    g.id = Number(st.insertPack.run(g.destination, g.rows.length, total, `[${g.meta.join(',')}]`, `[${g.payload.join(',')}]`, now).lastInsertRowid);
  }
  return [...groups.values()].map(({ id, destination, rows, bytes, texts }) => ({ id, destination, rows, bytes, texts }));
}
