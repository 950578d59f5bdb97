import type Database from 'better-sqlite3';
import type { JsonValue } from '../../common/json.js';
import type { DeadLetter, DeadScrub, LeasedItem, SpoolStats } from '../port.js';
import { toDeadScrub, withRowMeta } from '../row-meta.js';
import { parseStored } from '../stored-text.js';
import { checkReplayPermit, type ReplayPermit } from '../replay-permit.js';
import { LEGACY_PARAMS, replayPayloadSql } from '../unmapped.js';

// The SQLite spool's row reading (fromOutbox), and its reads and admin operations (stats,
// phiwall dlq, admin API, policy history), which are off the hot path.

export type OutboxRow = { id: number; message_id: string; destination: string; payload: string; attempts: number; enqueued_at: number; policy_version: string | null; subject_keys: string | null; scrubbed_at: number | null };

export function fromOutbox(r: OutboxRow): LeasedItem {
  const payload = parseStored(r.payload);
  const item: LeasedItem = { id: String(r.id), messageId: r.message_id, destination: r.destination, payload: payload ?? null, payloadText: r.payload, attempts: r.attempts, enqueuedAt: r.enqueued_at };
  if (payload === undefined) item.damaged = true;
  return withRowMeta(item, r.policy_version, r.subject_keys, r.scrubbed_at);
}

type DeadRow = { id: number; message_id: string; destination: string; attempts: number; code: string; reason: string; failed_at: number };
const toDead = (r: DeadRow): DeadLetter => ({ id: String(r.id), messageId: r.message_id, destination: r.destination, attempts: r.attempts, code: r.code, reason: r.reason, failedAt: r.failed_at });

export function listDead(db: Database.Database, destination: string, limit: number): DeadLetter[] {
  const rows = db.prepare('SELECT id, message_id, destination, attempts, code, reason, failed_at FROM dead_letters WHERE destination = ? ORDER BY id LIMIT ?').all(destination, limit) as DeadRow[];
  return rows.map(toDead);
}

export function getDead(db: Database.Database, id: string): (DeadLetter & { payload: JsonValue }) | undefined {
  const r = db.prepare('SELECT * FROM dead_letters WHERE id = ?').get(Number(id)) as (DeadRow & { payload: string }) | undefined;
  return r ? { ...toDead(r), payload: parseStored(r.payload) ?? null } : undefined;
}

/**
 * Moves the permit's dead letters back into the outbox (fresh attempts and age; see unmapped.ts).
 * The scrub time travels along (scrubbed_at): the BAA check at delivery needs it, not the replay time.
 * Due at 0, not at our clock's now: the replay often runs in another process (`phiwall dlq replay`)
 * whose steady clock may read ahead of the consumer's (a wall clock stepped forward since it started).
 */
export function replayDead(db: Database.Database, permit: ReplayPermit, now: number): number {
  checkReplayPermit(permit);
  const code = permit.code ?? null;
  const ids = permit.ids === undefined ? null : JSON.stringify(permit.ids.map(Number));
  const where = 'destination = ? AND (? IS NULL OR code = ?) AND (? IS NULL OR id IN (SELECT value FROM json_each(?)))';
  const args = [permit.destination, code, code, ids, ids];
  return db.transaction(() => {
    const moved = db.prepare(`INSERT INTO outbox (message_id, destination, payload, attempts, next_at, enqueued_at, policy_version, subject_keys, scrubbed_at)
      SELECT message_id, destination, ${replayPayloadSql('?', '?')}, 0, 0, ?, policy_version, subject_keys, COALESCE(scrubbed_at, enqueued_at)
      FROM dead_letters WHERE ${where} ORDER BY id`).run(...LEGACY_PARAMS, now, ...args).changes;
    db.prepare(`DELETE FROM dead_letters WHERE ${where}`).run(...args);
    return moved;
  })();
}

export function deadScrubs(db: Database.Database, destination: string, code?: string): DeadScrub[] {
  const rows = db.prepare(`SELECT id, policy_version AS v, scrubbed_at AS s, enqueued_at AS e FROM dead_letters WHERE destination = ? AND (? IS NULL OR code = ?) ORDER BY id`)
    .all(destination, code ?? null, code ?? null) as { id: number; v: string | null; s: number | null; e: number }[];
  return rows.map((r) => toDeadScrub(String(r.id), r.v, r.s, r.e));
}

export function purgeDead(db: Database.Database, destination: string, olderThanMs: number | undefined, now: number): number {
  const cutoff = olderThanMs === undefined ? Number.MAX_SAFE_INTEGER : now - olderThanMs;
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

/** Spool.releaseRetries: retried rows (never leased ones, never packs) waiting until `before` become due now. */
export function releaseRetriesOnDisk(db: Database.Database, destination: string, before: number, now: number): number {
  return db.prepare('UPDATE outbox SET next_at = ? WHERE destination = ? AND next_at > ? AND next_at <= ? AND lease_until <= ?').run(now, destination, now, before, now).changes;
}

/**
 * The newest time the file holds (the clock at the last clean close, a row's receipt, a dead
 * letter's failure): where its spool clock starts at the earliest (steady-clock.ts).
 */
export function newestTime(db: Database.Database): number {
  return (db.prepare(`SELECT MAX(COALESCE((SELECT t FROM spool_clock), 0), COALESCE((SELECT MAX(enqueued_at) FROM outbox), 0),
    COALESCE((SELECT MAX(enqueued_at) FROM outbox_packs), 0), COALESCE((SELECT MAX(failed_at) FROM dead_letters), 0))`).pluck().get() as number);
}

export function saveClock(db: Database.Database, now: number): void {
  db.prepare('INSERT OR REPLACE INTO spool_clock (k, t) VALUES (0, ?)').run(now);
}

/** Earliest time an outbox row of the destination can be leased; with `packs`, also its oldest pack (due at once). */
export function nextDueOnDisk(db: Database.Database, destination: string, packs: boolean): number | undefined {
  const r = db.prepare('SELECT MIN(MAX(next_at, lease_until)) AS t FROM outbox WHERE destination = ?').get(destination) as { t: number | null };
  const p = packs ? (db.prepare('SELECT MIN(enqueued_at) AS t FROM outbox_packs WHERE destination = ?').get(destination) as { t: number | null }).t : null;
  if (r.t === null) return p ?? undefined;
  return p === null ? r.t : Math.min(r.t, p);
}

/**
 * Spool.recordPolicies: a version's first record stays (a version is a content hash: it cannot
 * mean two things); recording it again only says it is still in use (retention, prunePolicies).
 */
export function recordPolicies(db: Database.Database, version: string, policies: Readonly<Record<string, string>>, now = Date.now()): void {
  const upsert = db.prepare(`INSERT INTO policy_history (version, destination, policy, recorded_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (version, destination) DO UPDATE SET recorded_at = MAX(recorded_at, excluded.recorded_at)`);
  db.transaction(() => { for (const [d, p] of Object.entries(policies)) upsert.run(version, d, p, now); })();
}

export function policyOf(db: Database.Database, version: string, destination: string): string | undefined {
  return db.prepare('SELECT policy FROM policy_history WHERE version = ? AND destination = ?').pluck().get(version, destination) as string | undefined;
}

/**
 * Spool.prunePolicies. Cheap when nothing changed: the candidates (versions neither kept nor
 * recorded recently) are usually none, and then nothing is scanned. Each candidate is looked for
 * in the outbox, the dead letters and the packs' meta (as a quoted string: no JSON parsing of
 * every item; a false match only keeps a record). Off the hot path (start, hourly).
 */
export function prunePolicies(db: Database.Database, keep: string, recordedSince: number): number {
  const candidates = db.prepare(`SELECT DISTINCT version FROM policy_history WHERE version <> ?
    AND version NOT IN (SELECT version FROM policy_history WHERE recorded_at >= ?)`).pluck().all(keep, recordedSince) as string[];
  if (candidates.length === 0) return 0;
  const inUse = db.prepare(`SELECT EXISTS (SELECT 1 FROM outbox WHERE policy_version = @v) OR EXISTS (SELECT 1 FROM dead_letters WHERE policy_version = @v)
    OR EXISTS (SELECT 1 FROM outbox_packs WHERE instr(meta, @quoted) > 0)`).pluck();
  const forget = db.prepare('DELETE FROM policy_history WHERE version = ?');
  return db.transaction(() => candidates.reduce((n, v) => (inUse.get({ v, quoted: JSON.stringify(v) }) ? n : n + forget.run(v).changes), 0))();
}
