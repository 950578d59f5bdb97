import type Database from 'better-sqlite3';
import type { EnqueueRow } from '../port.js';
import { joinKeys } from '../row-meta.js';
import { TimeSlices } from '../../common/time-slices.js';
import type { NewPack, PackMeta } from './packs.js';

// A 457 KB /v1/batch becomes ~12,000 rows: building its packs' meta JSON and joined payload
// texts took 6-31 ms inside the group commit, one piece on the event loop (H88). They are built
// here instead, when the rows are enqueued, in chunks with a turn of the event loop between
// slices; the commit only concatenates each caller's pieces and writes them. The stored texts
// are the same strings: JSON.stringify of an array is its elements' texts joined by ','.

/** Rows a chunk's texts are built from before the clock is read again. */
const CHUNK = 256;

/** One caller's rows for one destination: its pieces of the pack's meta and payload texts. */
interface Part { rows: EnqueueRow[]; bytes: number[]; meta: string[]; payload: string[] }

/** One enqueue call's rows, grouped by destination (first appearance order); dead rows apart. */
export interface PreparedRows { parts: Map<string, Part>; dead: { row: EnqueueRow; text: string; dead: NonNullable<EnqueueRow['dead']> }[] }

/** Groups `rows` and builds their pack texts, yielding to the event loop every few ms. */
export async function prepareRows(rows: readonly EnqueueRow[], texts: readonly string[]): Promise<PreparedRows> {
  const parts = new Map<string, Part>();
  const dead: PreparedRows['dead'] = [];
  rows.forEach((r, i) => {
    if (r.dead) { dead.push({ row: r, text: texts[i], dead: r.dead }); return; }
    let p = parts.get(r.destination);
    if (!p) { p = { rows: [], bytes: [], meta: [], payload: [] }; parts.set(r.destination, p); }
    p.rows.push(r);
    p.bytes.push(texts[i].length);
    p.payload.push(texts[i]);
  });
  // A large request's last pipeline slice has just run: its packs start in a turn of their own.
  if (rows.length > CHUNK) await new Promise((resolve) => setImmediate(resolve));
  const slices = rows.length > CHUNK ? new TimeSlices() : undefined;
  for (const p of parts.values()) {
    const whole = p.payload;
    p.payload = [];
    for (let start = 0; start < p.rows.length; start += CHUNK) {
      const end = Math.min(start + CHUNK, p.rows.length);
      const meta: PackMeta[] = [];
      for (let i = start; i < end; i++) { const r = p.rows[i]; meta.push([r.messageId, r.policyVersion ?? null, joinKeys(r.subjectKeys), p.bytes[i]]); }
      p.meta.push(JSON.stringify(meta).slice(1, -1));
      p.payload.push(whole.slice(start, end).join(','));
      const pause = slices?.pauseNow();
      if (pause !== undefined) await pause;
    }
  }
  return { parts, dead };
}

/**
 * Writes a group commit's prepared rows: rejected rows to dead_letters, then one pack per
 * destination for the whole commit (many callers' events in one row: a single-event request
 * costs a share of a row, not a row).
 */
export function writePrepared(st: { insertPack: Database.Statement; insertDead: Database.Statement }, batch: readonly PreparedRows[], now: number): NewPack[] {
  const groups = new Map<string, NewPack & { meta: string[]; payload: string[] }>();
  for (const w of batch) {
    for (const { row: r, text, dead } of w.dead) st.insertDead.run(r.messageId, r.destination, text, 0, dead.code, dead.reason, now, now, r.policyVersion ?? null, joinKeys(r.subjectKeys));
    for (const [destination, p] of w.parts) {
      let g = groups.get(destination);
      if (!g) { g = { id: 0, destination, rows: [], bytes: [], meta: [], payload: [] }; groups.set(destination, g); }
      for (const r of p.rows) g.rows.push(r);
      for (const b of p.bytes) g.bytes.push(b);
      g.meta.push(...p.meta);
      g.payload.push(...p.payload);
    }
  }
  for (const g of groups.values()) {
    const total = g.bytes.reduce((a, b) => a + b, 0);
    g.id = Number(st.insertPack.run(g.destination, g.rows.length, total, `[${g.meta.join(',')}]`, `[${g.payload.join(',')}]`, now).lastInsertRowid);
  }
  return [...groups.values()].map(({ id, destination, rows, bytes }) => ({ id, destination, rows, bytes }));
}
