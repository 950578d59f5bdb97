import type Database from 'better-sqlite3';
import type { EnqueueRow } from '../port.js';
import { joinKeys } from '../row-meta.js';
import { encodeMeta } from './pack-meta.js';
import { TimeSlices } from '../../common/time-slices.js';
import type { NewPack } from './packs.js';

// A 457 KB /v1/batch becomes ~12,000 rows: building its packs' meta JSON and joined payload
// texts took 6-31 ms inside the group commit, one piece on the event loop (H88). The meta is built
// here instead, when the rows are enqueued: a request of more than CHUNK rows in chunks, with a
// turn of the event loop between ~8 ms slices (close() waits for them); the commit only joins
// each caller's pieces and writes them, still one transaction for all of a request's rows. The
// stored texts are the same strings: JSON.stringify of an array is its elements' texts joined by ','.
// A small request's pack text is joined once, at the commit, from the items' own texts (flatJoin):
// joining each chunk here first, then the chunks, then flattening the `[...]` around them when
// better-sqlite3 binds it, copied every payload character three times (H235: 22% of the bytes the
// batch bench's path allocated; each extra young-generation byte brings the next scavenge closer).
// A large request still joins its chunks here, in its slices: joined at the commit instead, a
// 12,000-row request held the commit ~10 ms longer.

/** Rows a chunk's texts are built from before the clock is read again. */
const CHUNK = 256;
/**
 * Payload characters a pack holds at most (a single larger item gets a pack of its own). A group
 * commit's events for one destination used to be one pack however many there were: under the
 * batch bench's load ~400 items, a 170 KB text. V8 puts strings over 128 KB in its large-object
 * space and better-sqlite3's UTF-8 copy of a large text goes to malloc's top or mmap: fresh pages
 * each time, and a page fault costs microseconds of kernel time that instruction counts do not
 * show. `node bench/micro/pack-size.mjs` (H226, two runs, load 3-13), per row of ~440 characters:
 * at 400 rows a pack, join 3.2-3.4 us, INSERT 5.4-7.7, 0.49 page faults; at 50-150 rows join
 * 0.3-0.7, INSERT 0.4-0.6, none. 32K characters stays below both limits even for two-byte text
 * (64 KB), and ~75 bench items a pack keeps the per-pack cost (an INSERT, a meta, a delete) small.
 */
export const PACK_CHARS = 32_768;

/**
 * One caller's rows for one destination: their payload texts, and its pieces of the packs' meta, a
 * piece per chunk (`ends[j]`: the row after chunk j; each chunk's meta opens with a full tuple;
 * `chars[j]`: the length of the chunk's payload texts joined by ','; `joined[j]`: that text, built
 * beforehand for a large request only).
 */
interface Part { rows: EnqueueRow[]; bytes: number[]; texts: string[]; meta: string[]; chars: number[]; ends: number[]; joined?: string[] }

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
    if (!p) { p = { rows: [], bytes: [], texts: [], meta: [], chars: [], ends: [] }; parts.set(r.destination, p); }
    p.rows.push(r);
    p.bytes.push(texts[i].length);
    p.texts.push(texts[i]);
  });
  return { parts, dead, seen: [...seen] };
}

/** The next chunk from `start`: at most CHUNK rows and PACK_CHARS of text, at least one row. */
function chunk(p: Part, start: number): number {
  const last = Math.min(start + CHUNK, p.rows.length);
  let end = start + 1, chars = p.bytes[start];
  while (end < last && chars + p.bytes[end] + 1 <= PACK_CHARS) chars += p.bytes[end++] + 1;
  p.meta.push(JSON.stringify(encodeMeta(p.rows, p.bytes, start, end)).slice(1, -1));
  p.chars.push(chars);
  p.ends.push(end);
  p.joined?.push(p.texts.slice(start, end).join(','));
  return end;
}

function build(prepared: PreparedRows): PreparedRows {
  for (const p of prepared.parts.values()) for (let start = 0; start < p.rows.length;) start = chunk(p, start);
  return prepared;
}

async function sliced(prepared: PreparedRows): Promise<PreparedRows> {
  // A large request's last pipeline slice has just run: its packs start in a turn of their own.
  await new Promise((resolve) => setImmediate(resolve));
  const slices = new TimeSlices();
  for (const p of prepared.parts.values()) {
    p.joined = [];
    for (let start = 0; start < p.rows.length;) {
      start = chunk(p, start);
      const pause = slices.pauseNow();
      if (pause !== undefined) await pause;
    }
  }
  return prepared;
}

/** A pack being filled: whole chunks, in order, while their texts fit in PACK_CHARS (`pieces`: the items' texts or chunks' joined texts). */
interface OpenPack { destination: string; rows: EnqueueRow[]; bytes: number[]; texts: string[]; meta: string[]; pieces: string[]; chars: number }

type PackStatements = { insertPack: Database.Statement; insertDead: Database.Statement };

/**
 * Writes a group commit's prepared rows: rejected rows to dead_letters, then each destination's
 * rows as packs of at most PACK_CHARS of text (many callers' events in one row: a single-event
 * request costs a share of a row, not a row). A pack is whole chunks: its meta opens with a full tuple.
 */
export function writePrepared(st: PackStatements, batch: readonly PreparedRows[], now: number): NewPack[] {
  const open = new Map<string, OpenPack>();
  const written: NewPack[] = [];
  for (const w of batch) {
    for (const { row: r, text, dead } of w.dead) st.insertDead.run(r.messageId, r.destination, text, 0, dead.code, dead.reason, now, now, r.policyVersion ?? null, joinKeys(r.subjectKeys), r.scrubbedAt ?? null);
    for (const [destination, p] of w.parts) {
      let start = 0;
      p.ends.forEach((end, j) => {
        const chars = p.chars[j];
        let g = open.get(destination);
        if (g && g.chars + 1 + chars > PACK_CHARS) { written.push(insertPack(st, g, now)); g = undefined; }
        if (!g) open.set(destination, (g = { destination, rows: [], bytes: [], texts: [], meta: [], pieces: [], chars: -1 }));
        for (let i = start; i < end; i++) { g.rows.push(p.rows[i]); g.bytes.push(p.bytes[i]); g.texts.push(p.texts[i]); if (!p.joined) g.pieces.push(p.texts[i]); }
        if (p.joined) g.pieces.push(p.joined[j]);
        g.meta.push(p.meta[j]);
        g.chars += 1 + chars;
        start = end;
      });
    }
  }
  for (const g of open.values()) written.push(insertPack(st, g, now));
  return written;
}

function insertPack(st: PackStatements, g: OpenPack, now: number): NewPack {
  const total = g.bytes.reduce((a, b) => a + b, 0);
  const id = Number(st.insertPack.run(g.destination, g.rows.length, total, flatJoin(g.meta), flatJoin(g.pieces), now).lastInsertRowid);
  return { id, destination: g.destination, rows: g.rows, bytes: g.bytes, texts: g.texts };
}

/**
 * `[${parts.join(',')}]` in one copy. A template or `+` around a joined text makes a cons string,
 * and better-sqlite3's bind flattens that into a second copy; one join of the brackets, commas and
 * parts writes the characters once (the parts may be cons strings themselves, as JSON.stringify
 * returns them: the join reads them in place).
 */
export function flatJoin(parts: readonly string[]): string {
  if (parts.length === 0) return '[]';
  const pieces = new Array<string>(2 * parts.length + 1);
  pieces[0] = '[';
  for (let i = 0; i < parts.length; i++) { pieces[2 * i + 1] = parts[i]; pieces[2 * i + 2] = ','; }
  pieces[pieces.length - 1] = ']';
  return pieces.join('');
}
