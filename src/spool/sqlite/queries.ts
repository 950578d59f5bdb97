import type Database from 'better-sqlite3';
import type { JsonValue } from '../../common/json.js';
import type { DeadLetter, SpoolStats } from '../port.js';
import { LEGACY_PARAMS, replayPayloadSql } from '../unmapped.js';

// The SQLite spool's reads and admin operations (stats, phiwall dlq, admin API): off the hot path.

type DeadRow = { id: number; message_id: string; destination: string; attempts: number; code: string; reason: string; failed_at: number };
const toDead = (r: DeadRow): DeadLetter => ({ id: String(r.id), messageId: r.message_id, destination: r.destination, attempts: r.attempts, code: r.code, reason: r.reason, failedAt: r.failed_at });

export function listDead(db: Database.Database, destination: string, limit: number): DeadLetter[] {
  const rows = db.prepare('SELECT id, message_id, destination, attempts, code, reason, failed_at FROM dead_letters WHERE destination = ? ORDER BY id LIMIT ?').all(destination, limit) as DeadRow[];
  return rows.map(toDead);
}

export function getDead(db: Database.Database, id: string): (DeadLetter & { payload: JsonValue }) | undefined {
  const r = db.prepare('SELECT * FROM dead_letters WHERE id = ?').get(Number(id)) as (DeadRow & { payload: string }) | undefined;
  return r ? { ...toDead(r), payload: JSON.parse(r.payload) as JsonValue } : undefined;
}

/** Moves a destination's dead letters back into the outbox (fresh attempts; see unmapped.ts); returns how many. */
export function replayDead(db: Database.Database, destination: string): number {
  const now = Date.now();
  return db.transaction(() => {
    const moved = db.prepare(`INSERT INTO outbox (message_id, destination, payload, attempts, next_at, enqueued_at, policy_version, subject_keys)
      SELECT message_id, destination, ${replayPayloadSql('?', '?')}, 0, ?, ?, policy_version, subject_keys FROM dead_letters WHERE destination = ?`)
      .run(...LEGACY_PARAMS, now, now, destination).changes;
    db.prepare('DELETE FROM dead_letters WHERE destination = ?').run(destination);
    return moved;
  })();
}

export function purgeDead(db: Database.Database, destination: string, olderThanMs?: number): number {
  const cutoff = olderThanMs === undefined ? Number.MAX_SAFE_INTEGER : Date.now() - olderThanMs;
  const where = destination === '*' ? '1 = 1' : 'destination = ?';
  const args: (string | number)[] = destination === '*' ? [cutoff] : [destination, cutoff];
  return db.prepare(`DELETE FROM dead_letters WHERE ${where} AND failed_at < ?`).run(...args).changes;
}

/** Events (not rows) and payload bytes in the outbox and the packs: what the spool limits count. */
export function countSpooled(db: Database.Database): { n: number; b: number } {
  return db.prepare(`SELECT (SELECT COUNT(*) FROM outbox) + (SELECT COALESCE(SUM(n), 0) FROM outbox_packs) AS n,
    (SELECT COALESCE(SUM(LENGTH(payload)), 0) FROM outbox) + (SELECT COALESCE(SUM(bytes), 0) FROM outbox_packs) AS b`).get() as { n: number; b: number };
}

/** Per-destination counts from disk (packs count their events), dead letters, and rows leased on disk. */
export function countByDestination(db: Database.Database, now: number): { by: SpoolStats['byDestination']; dead: number; leasedOnDisk: number } {
  const by: SpoolStats['byDestination'] = {};
  for (const r of db.prepare(`SELECT d, SUM(n) AS n FROM (SELECT destination AS d, COUNT(*) AS n FROM outbox GROUP BY destination
    UNION ALL SELECT destination, SUM(n) FROM outbox_packs GROUP BY destination) GROUP BY d`).all() as { d: string; n: number }[]) {
    by[r.d] = { pending: r.n, dead: 0 };
  }
  let dead = 0;
  for (const r of db.prepare('SELECT destination AS d, COUNT(*) AS n FROM dead_letters GROUP BY destination').all() as { d: string; n: number }[]) {
    by[r.d] = { pending: by[r.d]?.pending ?? 0, dead: r.n };
    dead += r.n;
  }
  const leasedOnDisk = (db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE lease_until > ?').get(now) as { n: number }).n;
  return { by, dead, leasedOnDisk };
}

/** Earliest time an outbox row of the destination can be leased; with `packs`, also its oldest pack (due at once). */
export function nextDueOnDisk(db: Database.Database, destination: string, packs: boolean): number | undefined {
  const r = db.prepare('SELECT MIN(MAX(next_at, lease_until)) AS t FROM outbox WHERE destination = ?').get(destination) as { t: number | null };
  const p = packs ? (db.prepare('SELECT MIN(enqueued_at) AS t FROM outbox_packs WHERE destination = ?').get(destination) as { t: number | null }).t : null;
  if (r.t === null) return p ?? undefined;
  return p === null ? r.t : Math.min(r.t, p);
}

/** Spool.recordPolicies: a version's first record stays (a version is a content hash: it cannot mean two things). */
export function recordPolicies(db: Database.Database, version: string, policies: Readonly<Record<string, string>>): void {
  const insert = db.prepare('INSERT OR IGNORE INTO policy_history (version, destination, policy) VALUES (?, ?, ?)');
  db.transaction(() => { for (const [d, p] of Object.entries(policies)) insert.run(version, d, p); })();
}

export function policyOf(db: Database.Database, version: string, destination: string): string | undefined {
  return db.prepare('SELECT policy FROM policy_history WHERE version = ? AND destination = ?').pluck().get(version, destination) as string | undefined;
}
