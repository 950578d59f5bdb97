import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

// The aggregate destinations' own SQLite file (<data>/aggregates.db). It holds counts per
// window and cell, the attribution touchpoints keyed by random attribution ids, and
// conversions. No raw identifier is ever written: visitors and emails arrive as HMACs.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cells (
  dest TEXT NOT NULL, dimset TEXT NOT NULL, window_start INTEGER NOT NULL, dims TEXT NOT NULL,
  count INTEGER NOT NULL, contributors INTEGER NOT NULL DEFAULT 0, sums TEXT NOT NULL, updated_at INTEGER NOT NULL,
  PRIMARY KEY (dest, dimset, window_start, dims)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cell_members (
  dest TEXT NOT NULL, dimset TEXT NOT NULL, window_start INTEGER NOT NULL, dims TEXT NOT NULL, who TEXT NOT NULL,
  PRIMARY KEY (dest, dimset, window_start, dims, who)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS released (
  dest TEXT NOT NULL, dimset TEXT NOT NULL, window_start INTEGER NOT NULL, row_key TEXT NOT NULL,
  true_count INTEGER NOT NULL, published TEXT NOT NULL, released_at INTEGER NOT NULL,
  PRIMARY KEY (dest, dimset, window_start, row_key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS journeys (
  dest TEXT NOT NULL, key_hmac TEXT NOT NULL, journey TEXT NOT NULL, last_seen INTEGER NOT NULL,
  PRIMARY KEY (dest, key_hmac)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS email_links (
  dest TEXT NOT NULL, email_hmac TEXT NOT NULL, journey TEXT NOT NULL, last_seen INTEGER NOT NULL,
  PRIMARY KEY (dest, email_hmac)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS touches (
  dest TEXT NOT NULL, journey TEXT NOT NULL, time INTEGER NOT NULL, channel TEXT NOT NULL,
  campaign TEXT NOT NULL, lead INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS touches_by_journey ON touches (dest, journey, time);
CREATE TABLE IF NOT EXISTS conversions (
  dest TEXT NOT NULL, conversion_id TEXT NOT NULL, journey TEXT NOT NULL, type TEXT NOT NULL,
  time INTEGER NOT NULL, value REAL NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL,
  PRIMARY KEY (dest, conversion_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS conversions_by_time ON conversions (dest, time);
`;

/** `count`: events; `contributors`: distinct visitors (what k applies to). */
export interface CellRow { window_start: number; dims: string; count: number; contributors: number; sums: string; updated_at: number }
export interface TouchRow { journey: string; time: number; channel: string; campaign: string; lead: number }
export interface ConversionRow { conversion_id: string; journey: string; type: string; time: number; value: number; status: string; source: string }
export type ConversionOutcome = 'inserted' | 'duplicate' | 'confirmed';

export class AggregateStore {
  readonly db: Database.Database;
  private readonly upsertCell: Database.Statement;
  private readonly insertTouch: Database.Statement;
  private readonly insertMember: Database.Statement;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path, { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.upsertCell = this.db.prepare(`INSERT INTO cells (dest, dimset, window_start, dims, count, contributors, sums, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (dest, dimset, window_start, dims) DO UPDATE SET count = count + excluded.count, contributors = contributors + excluded.contributors,
      sums = excluded.sums, updated_at = excluded.updated_at`);
    this.insertMember = this.db.prepare('INSERT OR IGNORE INTO cell_members (dest, dimset, window_start, dims, who) VALUES (?, ?, ?, ?, ?)');
    this.insertTouch = this.db.prepare('INSERT INTO touches (dest, journey, time, channel, campaign, lead) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** A per-destination random HMAC key, created on first use and kept in this file. */
  secret(dest: string): string {
    const k = `secret:${dest}`;
    const row = this.db.prepare('SELECT v FROM meta WHERE k = ?').get(k) as { v: string } | undefined;
    if (row) return row.v;
    this.db.prepare('INSERT OR IGNORE INTO meta (k, v) VALUES (?, ?)').run(k, randomBytes(32).toString('base64url'));
    return (this.db.prepare('SELECT v FROM meta WHERE k = ?').get(k) as { v: string }).v;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * Adds one event to a cell. `who` (an HMAC of the visitor) counts the visitor once per cell;
   * an event without one counts as its own contributor.
   */
  addCell(dest: string, dimset: string, windowStart: number, dims: string, who: string | undefined, sums: Record<string, number>, now: number): void {
    const added = who === undefined ? 1 : this.insertMember.run(dest, dimset, windowStart, dims, who).changes;
    const existing = this.db.prepare('SELECT sums FROM cells WHERE dest = ? AND dimset = ? AND window_start = ? AND dims = ?').get(dest, dimset, windowStart, dims) as { sums: string } | undefined;
    const merged: Record<string, number> = existing ? (JSON.parse(existing.sums) as Record<string, number>) : {};
    for (const [k, v] of Object.entries(sums)) merged[k] = (merged[k] ?? 0) + v;
    this.upsertCell.run(dest, dimset, windowStart, dims, 1, added, JSON.stringify(merged), now);
  }

  cells(dest: string, dimset: string, from: number, to: number): CellRow[] {
    return this.db.prepare('SELECT window_start, dims, count, contributors, sums, updated_at FROM cells WHERE dest = ? AND dimset = ? AND window_start >= ? AND window_start < ? ORDER BY window_start')
      .all(dest, dimset, from, to) as CellRow[];
  }

  /** Windows with a change since their last release (or never released), ending before `before`. */
  windowsToRelease(dest: string, dimset: string, before: number, windowMs: number): number[] {
    const rows = this.db.prepare(`SELECT DISTINCT c.window_start AS w FROM cells c WHERE c.dest = ? AND c.dimset = ? AND c.window_start + ? <= ?
      AND c.updated_at > COALESCE((SELECT MAX(r.released_at) FROM released r WHERE r.dest = c.dest AND r.dimset = c.dimset AND r.window_start = c.window_start), -1)`)
      .all(dest, dimset, windowMs, before) as { w: number }[];
    return rows.map((r) => r.w);
  }

  releasedRows(dest: string, dimset: string, windowStart: number): { row_key: string; true_count: number; published: string }[] {
    return this.db.prepare('SELECT row_key, true_count, published FROM released WHERE dest = ? AND dimset = ? AND window_start = ?').all(dest, dimset, windowStart) as { row_key: string; true_count: number; published: string }[];
  }

  /** `watermark`: the newest updated_at of the cells this release saw; later writes make the window due again. */
  saveReleased(dest: string, dimset: string, windowStart: number, rows: readonly { key: string; trueCount: number; published: string }[], watermark: number): void {
    const del = this.db.prepare('DELETE FROM released WHERE dest = ? AND dimset = ? AND window_start = ?');
    const ins = this.db.prepare('INSERT INTO released (dest, dimset, window_start, row_key, true_count, published, released_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.transaction(() => {
      del.run(dest, dimset, windowStart);
      for (const r of rows) ins.run(dest, dimset, windowStart, r.key, r.trueCount, r.published, watermark);
    });
  }

  /** The random attribution id for a visitor HMAC, created on first sight. */
  journeyFor(dest: string, keyHmac: string, now: number): string {
    const row = this.db.prepare('SELECT journey FROM journeys WHERE dest = ? AND key_hmac = ?').get(dest, keyHmac) as { journey: string } | undefined;
    if (row) {
      this.db.prepare('UPDATE journeys SET last_seen = ? WHERE dest = ? AND key_hmac = ?').run(now, dest, keyHmac);
      return row.journey;
    }
    const journey = 'j_' + randomBytes(12).toString('base64url');
    this.db.prepare('INSERT INTO journeys (dest, key_hmac, journey, last_seen) VALUES (?, ?, ?, ?)').run(dest, keyHmac, journey, now);
    return journey;
  }

  findJourney(dest: string, keyHmac: string): string | undefined {
    return (this.db.prepare('SELECT journey FROM journeys WHERE dest = ? AND key_hmac = ?').get(dest, keyHmac) as { journey: string } | undefined)?.journey;
  }

  linkEmail(dest: string, emailHmac: string, journey: string, now: number): void {
    this.db.prepare('INSERT INTO email_links (dest, email_hmac, journey, last_seen) VALUES (?, ?, ?, ?) ON CONFLICT (dest, email_hmac) DO UPDATE SET journey = excluded.journey, last_seen = excluded.last_seen')
      .run(dest, emailHmac, journey, now);
  }

  journeyByEmail(dest: string, emailHmac: string): string | undefined {
    return (this.db.prepare('SELECT journey FROM email_links WHERE dest = ? AND email_hmac = ?').get(dest, emailHmac) as { journey: string } | undefined)?.journey;
  }

  lastTouch(dest: string, journey: string): TouchRow | undefined {
    return this.db.prepare('SELECT journey, time, channel, campaign, lead FROM touches WHERE dest = ? AND journey = ? ORDER BY time DESC LIMIT 1').get(dest, journey) as TouchRow | undefined;
  }

  addTouch(dest: string, t: TouchRow): void {
    this.insertTouch.run(dest, t.journey, t.time, t.channel, t.campaign, t.lead);
  }

  /** Marks the journey's last touch at or before `time` as the lead touch (W-shaped). */
  markLead(dest: string, journey: string, time: number): void {
    this.db.prepare('UPDATE touches SET lead = 1 WHERE rowid = (SELECT rowid FROM touches WHERE dest = ? AND journey = ? AND time <= ? ORDER BY time DESC LIMIT 1)').run(dest, journey, time);
  }

  touches(dest: string, from: number, to: number): TouchRow[] {
    return this.db.prepare('SELECT journey, time, channel, campaign, lead FROM touches WHERE dest = ? AND time >= ? AND time <= ? ORDER BY journey, time').all(dest, from, to) as TouchRow[];
  }

  /** Inserts a conversion; the same id again is a duplicate unless it confirms a pending one. */
  addConversion(dest: string, c: ConversionRow): ConversionOutcome {
    const existing = this.db.prepare('SELECT status FROM conversions WHERE dest = ? AND conversion_id = ?').get(dest, c.conversion_id) as { status: string } | undefined;
    if (!existing) {
      this.db.prepare('INSERT INTO conversions (dest, conversion_id, journey, type, time, value, status, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(dest, c.conversion_id, c.journey, c.type, c.time, c.value, c.status, c.source);
      return 'inserted';
    }
    if (existing.status === 'pending' && c.status === 'confirmed') {
      this.db.prepare("UPDATE conversions SET status = 'confirmed' WHERE dest = ? AND conversion_id = ?").run(dest, c.conversion_id);
      return 'confirmed';
    }
    return 'duplicate';
  }

  conversions(dest: string, from: number, to: number, status?: string): ConversionRow[] {
    const sql = `SELECT conversion_id, journey, type, time, value, status, source FROM conversions WHERE dest = ? AND time >= ? AND time <= ?${status ? ' AND status = ?' : ''} ORDER BY time`;
    return this.db.prepare(sql).all(...[dest, from, to, ...(status ? [status] : [])]) as ConversionRow[];
  }

  /** Membership lists are only needed while a window can still change; drop them after `keepMs`. */
  pruneMembers(dest: string, before: number): number {
    return this.db.prepare('DELETE FROM cell_members WHERE dest = ? AND window_start < ?').run(dest, before).changes;
  }

  /** Forgets touches older than the lookback window and visitors not seen within it. */
  expire(dest: string, now: number, lookbackMs: number): number {
    const cutoff = now - lookbackMs;
    return this.transaction(() =>
      this.db.prepare('DELETE FROM touches WHERE dest = ? AND time < ?').run(dest, cutoff).changes +
      this.db.prepare('DELETE FROM journeys WHERE dest = ? AND last_seen < ?').run(dest, cutoff).changes +
      this.db.prepare('DELETE FROM email_links WHERE dest = ? AND last_seen < ?').run(dest, cutoff).changes);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
