import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { openWalDatabase } from '../common/sqlite.js';
import { FORWARD_CLAIM_MS, RELEASE_LEASE_MS, type CellDelta, type CellRow, type ConversionOutcome, type ConversionRow, type ForwardClaim, type ReleaseMark, type ReleasedRow, type TouchRow } from './store.js';

// The SQL of the embedded adapter (<data>/aggregates.db), synchronous; ./sqlite-store.ts puts
// the async port and the write serialisation on top.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cells (
  dest TEXT NOT NULL, dimset TEXT NOT NULL, window_start INTEGER NOT NULL, dims TEXT NOT NULL,
  count INTEGER NOT NULL, contributors INTEGER NOT NULL DEFAULT 0, sums TEXT NOT NULL, updated_at INTEGER NOT NULL,
  changes INTEGER NOT NULL DEFAULT 1,
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
CREATE TABLE IF NOT EXISTS release_claims (
  dest TEXT NOT NULL, dimset TEXT NOT NULL, window_start INTEGER NOT NULL,
  basis INTEGER NOT NULL, owner TEXT, claimed_at INTEGER NOT NULL,
  PRIMARY KEY (dest, dimset, window_start)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS forwards (
  dest TEXT NOT NULL, conversion_id TEXT NOT NULL, target TEXT NOT NULL, claimed_at INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (dest, conversion_id, target)) WITHOUT ROWID;
`;

export const TRUE_TOTAL = '__true_total__';

/** The mark is stored as one more `released` row (key TRUE_TOTAL). */
export function markRow(mark: ReleaseMark): ReleasedRow {
  return { row_key: TRUE_TOTAL, true_count: mark.trueTotal, published: JSON.stringify({ seen: mark.seen, withheld: mark.withheld }) };
}

export function parseMark(row: ReleasedRow): ReleaseMark {
  const p = JSON.parse(row.published) as { seen?: number; withheld?: boolean };
  // Rows written before marks counted changes: treat as seen nothing, published something.
  return { trueTotal: Number(row.true_count), seen: p.seen ?? -1, withheld: p.withheld ?? false };
}

export class SqliteCore {
  readonly db: Database.Database;
  private readonly upsertCell: Database.Statement;
  private readonly insertMember: Database.Statement;
  private readonly insertTouch: Database.Statement;

  constructor(path: string) {
    this.db = openWalDatabase(path, { timeoutMs: 5000, synchronous: 'NORMAL' });
    this.db.exec(SCHEMA);
    // Files written before release marks counted changes.
    const columns = this.db.prepare('PRAGMA table_info(cells)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'changes')) this.db.exec('ALTER TABLE cells ADD COLUMN changes INTEGER NOT NULL DEFAULT 1');
    this.upsertCell = this.db.prepare(`INSERT INTO cells (dest, dimset, window_start, dims, count, contributors, sums, updated_at, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
      ON CONFLICT (dest, dimset, window_start, dims) DO UPDATE SET count = count + excluded.count, contributors = contributors + excluded.contributors,
      sums = excluded.sums, updated_at = excluded.updated_at, changes = changes + 1`);
    this.insertMember = this.db.prepare('INSERT OR IGNORE INTO cell_members (dest, dimset, window_start, dims, who) VALUES (?, ?, ?, ?, ?)');
    this.insertTouch = this.db.prepare('INSERT INTO touches (dest, journey, time, channel, campaign, lead) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** A per-destination random HMAC key, created on first use and kept in this file. */
  secret(dest: string): string {
    const k = `secret:${dest}`;
    this.db.prepare('INSERT OR IGNORE INTO meta (k, v) VALUES (?, ?)').run(k, randomBytes(32).toString('base64url'));
    return (this.db.prepare('SELECT v FROM meta WHERE k = ?').get(k) as { v: string }).v;
  }

  addCells(dest: string, dimset: string, cells: readonly CellDelta[], now: number): void {
    for (const c of cells) {
      let added = c.anonymous;
      for (const who of c.who) added += this.insertMember.run(dest, dimset, c.windowStart, c.dims, who).changes;
      const existing = this.db.prepare('SELECT sums FROM cells WHERE dest = ? AND dimset = ? AND window_start = ? AND dims = ?').get(dest, dimset, c.windowStart, c.dims) as { sums: string } | undefined;
      const merged: Record<string, number> = existing ? (JSON.parse(existing.sums) as Record<string, number>) : {};
      for (const [k, v] of Object.entries(c.sums)) merged[k] = (merged[k] ?? 0) + v;
      this.upsertCell.run(dest, dimset, c.windowStart, c.dims, c.events, added, JSON.stringify(merged), now);
    }
  }

  cells(dest: string, dimset: string, from: number, to: number): CellRow[] {
    return this.db.prepare('SELECT window_start, dims, count, contributors, sums, updated_at, changes FROM cells WHERE dest = ? AND dimset = ? AND window_start >= ? AND window_start < ? ORDER BY window_start, dims')
      .all(dest, dimset, from, to) as CellRow[];
  }

  windowsToRelease(dest: string, dimset: string, before: number, windowMs: number): number[] {
    const rows = this.db.prepare(`SELECT c.window_start AS w FROM cells c WHERE c.dest = ? AND c.dimset = ? AND c.window_start + ? <= ?
      GROUP BY c.window_start HAVING SUM(c.changes) > COALESCE((SELECT json_extract(r.published, '$.seen') FROM released r
        WHERE r.dest = c.dest AND r.dimset = c.dimset AND r.window_start = c.window_start AND r.row_key = '${TRUE_TOTAL}'), -1)`)
      .all(dest, dimset, windowMs, before) as { w: number }[];
    return rows.map((r) => r.w);
  }

  releasedState(dest: string, dimset: string, windowStart: number): { rows: ReleasedRow[]; mark?: ReleaseMark } {
    const all = this.db.prepare('SELECT row_key, true_count, published FROM released WHERE dest = ? AND dimset = ? AND window_start = ?').all(dest, dimset, windowStart) as ReleasedRow[];
    const markRow = all.find((r) => r.row_key === TRUE_TOTAL);
    return { rows: all.filter((r) => r !== markRow), mark: markRow ? parseMark(markRow) : undefined };
  }

  /** See AggregateStore.claimRelease (the same statement as the Postgres adapter's). */
  claimRelease(dest: string, dimset: string, windowStart: number, basis: number, owner: string, now: number): boolean {
    return this.db.prepare(`INSERT INTO release_claims AS c (dest, dimset, window_start, basis, owner, claimed_at)
      SELECT @dest, @dimset, @w, @basis, @owner, @now WHERE COALESCE((SELECT json_extract(r.published, '$.seen') FROM released r
        WHERE r.dest = @dest AND r.dimset = @dimset AND r.window_start = @w AND r.row_key = '${TRUE_TOTAL}'), -1) = @basis
      ON CONFLICT (dest, dimset, window_start) DO UPDATE SET basis = excluded.basis, owner = excluded.owner, claimed_at = excluded.claimed_at
        WHERE c.basis < excluded.basis OR (c.basis = excluded.basis AND (c.owner IS NULL OR c.owner = excluded.owner OR c.claimed_at < @stale))
      RETURNING 1`).all({ dest, dimset, w: windowStart, basis, owner, now, stale: now - RELEASE_LEASE_MS }).length > 0;
  }

  /** With `claim`, only under that claim, completed in the same transaction; false: taken over, nothing saved. */
  saveReleased(dest: string, dimset: string, windowStart: number, rows: readonly ReleasedRow[], mark: ReleaseMark, now: number, claim?: { basis: number; owner: string }): boolean {
    const ins = this.db.prepare('INSERT INTO released (dest, dimset, window_start, row_key, true_count, published, released_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    return this.db.transaction(() => {
      if (claim && this.db.prepare(`UPDATE release_claims SET basis = ?, owner = NULL, claimed_at = ? WHERE dest = ? AND dimset = ? AND window_start = ? AND owner = ? AND basis = ?`)
        .run(mark.seen, now, dest, dimset, windowStart, claim.owner, claim.basis).changes === 0) return false;
      this.db.prepare('DELETE FROM released WHERE dest = ? AND dimset = ? AND window_start = ?').run(dest, dimset, windowStart);
      for (const r of [...rows, markRow(mark)]) ins.run(dest, dimset, windowStart, r.row_key, r.true_count, r.published, now);
      return true;
    }).immediate();
  }

  releaseMarks(dest: string, dimset: string, from: number, to: number): Map<number, number> {
    const rows = this.db.prepare(`SELECT window_start AS w, json_extract(published, '$.seen') AS seen FROM released WHERE dest = ? AND dimset = ? AND row_key = '${TRUE_TOTAL}' AND window_start >= ? AND window_start < ?`)
      .all(dest, dimset, from, to) as { w: number; seen: number | null }[];
    return new Map(rows.map((r) => [r.w, r.seen ?? -1]));
  }

  confirmedPerDay(dest: string, from: number, to: number, dayMs: number): Map<number, number> {
    const rows = this.db.prepare(`SELECT (time / ${dayMs}) * ${dayMs} AS d, COUNT(*) AS n FROM conversions WHERE dest = ? AND status = 'confirmed' AND time >= ? AND time < ? GROUP BY d`)
      .all(dest, from, to) as { d: number; n: number }[];
    return new Map(rows.map((r) => [r.d, r.n]));
  }

  journeyFor(dest: string, keyHmac: string, now: number): string {
    const row = this.db.prepare('SELECT journey FROM journeys WHERE dest = ? AND key_hmac = ?').get(dest, keyHmac) as { journey: string } | undefined;
    if (row) {
      this.db.prepare('UPDATE journeys SET last_seen = MAX(last_seen, ?) WHERE dest = ? AND key_hmac = ?').run(now, dest, keyHmac);
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

  markLead(dest: string, journey: string, time: number): void {
    this.db.prepare('UPDATE touches SET lead = 1 WHERE rowid = (SELECT rowid FROM touches WHERE dest = ? AND journey = ? AND time <= ? ORDER BY time DESC LIMIT 1)').run(dest, journey, time);
  }

  touches(dest: string, from: number, to: number): TouchRow[] {
    return this.db.prepare('SELECT journey, time, channel, campaign, lead FROM touches WHERE dest = ? AND time >= ? AND time <= ? ORDER BY journey, time').all(dest, from, to) as TouchRow[];
  }

  addConversion(dest: string, c: ConversionRow): ConversionOutcome {
    const inserted = this.db.prepare('INSERT OR IGNORE INTO conversions (dest, conversion_id, journey, type, time, value, status, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(dest, c.conversion_id, c.journey, c.type, c.time, c.value, c.status, c.source).changes;
    if (inserted) return 'inserted';
    if (c.status !== 'confirmed') return 'duplicate';
    const confirmed = this.db.prepare("UPDATE conversions SET status = 'confirmed' WHERE dest = ? AND conversion_id = ? AND status = 'pending'").run(dest, c.conversion_id).changes;
    return confirmed ? 'confirmed' : 'duplicate';
  }

  conversions(dest: string, from: number, to: number, status?: string): ConversionRow[] {
    const sql = `SELECT conversion_id, journey, type, time, value, status, source FROM conversions WHERE dest = ? AND time >= ? AND time <= ?${status ? ' AND status = ?' : ''} ORDER BY time, conversion_id`;
    return this.db.prepare(sql).all(...[dest, from, to, ...(status ? [status] : [])]) as ConversionRow[];
  }

  claimForward(dest: string, conversionId: string, target: string, now: number): boolean {
    return this.db.prepare(`INSERT INTO forwards (dest, conversion_id, target, claimed_at, done) VALUES (?, ?, ?, ?, 0)
      ON CONFLICT (dest, conversion_id, target) DO UPDATE SET claimed_at = excluded.claimed_at WHERE forwards.done = 0 AND forwards.claimed_at < ?`)
      .run(dest, conversionId, target, now, now - FORWARD_CLAIM_MS).changes > 0;
  }

  settleForwards(dest: string, claims: readonly ForwardClaim[], done: boolean): void {
    const stmt = done
      ? this.db.prepare('UPDATE forwards SET done = 1 WHERE dest = ? AND conversion_id = ? AND target = ?')
      : this.db.prepare('DELETE FROM forwards WHERE dest = ? AND conversion_id = ? AND target = ? AND done = 0');
    this.db.transaction(() => { for (const c of claims) stmt.run(dest, c.conversionId, c.target); })();
  }

  pruneMembers(dest: string, before: number): number {
    return this.db.prepare('DELETE FROM cell_members WHERE dest = ? AND window_start < ?').run(dest, before).changes;
  }

  expire(dest: string, now: number, lookbackMs: number): number {
    const cutoff = now - lookbackMs;
    return this.db.transaction(() =>
      this.db.prepare('DELETE FROM touches WHERE dest = ? AND time < ?').run(dest, cutoff).changes +
      this.db.prepare('DELETE FROM journeys WHERE dest = ? AND last_seen < ?').run(dest, cutoff).changes +
      this.db.prepare('DELETE FROM email_links WHERE dest = ? AND last_seen < ?').run(dest, cutoff).changes)();
  }

  /** A lease row: cluster workers sharing this file release one at a time. */
  lease(key: string, owner: string, now: number, ttlMs: number): boolean {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT v FROM meta WHERE k = ?').get(key) as { v: string } | undefined;
      const [holder, until] = row ? row.v.split('|') : ['', '0'];
      if (row && holder !== owner && Number(until) > now) return false;
      this.db.prepare('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v').run(key, `${owner}|${now + ttlMs}`);
      return true;
    }).immediate();
  }

  unlease(key: string, owner: string): void {
    this.db.prepare('DELETE FROM meta WHERE k = ? AND v LIKE ?').run(key, `${owner}|%`);
  }
}
