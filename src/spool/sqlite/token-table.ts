import type Database from 'better-sqlite3';
import { retryBusy } from '../../common/busy-retry.js';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

// The random pseudonymous-id table (visitor_key, destination, period) -> token, shared by the
// one-process store (in spool.db) and the cluster store (in pseudo-ids.db).

/** The cluster workers' shared token file, in the data directory. */
export const PSEUDO_IDS_FILE = 'pseudo-ids.db';
const PRUNE_EVERY_MS = 3_600_000;

const TOKEN_BYTES = 12;
export const newToken = (): string => 'pw_' + randomBytes(TOKEN_BYTES).toString('base64url');

/** `n` new tokens from one draw of the CSPRNG (a batch claim: one call instead of n). */
export function newTokens(n: number): string[] {
  const bytes = randomBytes(TOKEN_BYTES * n);
  return Array.from({ length: n }, (_, i) => 'pw_' + bytes.subarray(i * TOKEN_BYTES, (i + 1) * TOKEN_BYTES).toString('base64url'));
}

export const PSEUDO_IDS_DDL = `CREATE TABLE IF NOT EXISTS pseudo_ids (
  visitor_key TEXT NOT NULL,
  destination TEXT NOT NULL,
  period INTEGER NOT NULL,
  token TEXT NOT NULL,
  PRIMARY KEY (visitor_key, destination, period)
) WITHOUT ROWID`;
export const SELECT_TOKEN_SQL = 'SELECT token FROM pseudo_ids WHERE visitor_key = ? AND destination = ? AND period = ?';
export const INSERT_TOKEN_SQL = 'INSERT OR IGNORE INTO pseudo_ids (visitor_key, destination, period, token) VALUES (?, ?, ?, ?)';

// 230-290 bytes of heap per entry (measured; the key holds a 43-character HMAC): 50,000 entries
// hold at most ~12-15 MB per process, where 200,000 held ~46-58 MB, a quarter of a worker's memory
// budget (issue #5). Past that, a lookup costs one read of the WITHOUT ROWID table's primary key.
const CACHE_MAX = 50_000;

/**
 * Tokens already resolved, by destination, period and visitor key; bounded (cleared when full: a
 * miss only costs a read). Nested maps, not one map keyed `visitor|destination|period`: a lookup
 * (per event and destination) builds and hashes no key string, and an entry costs ~117 bytes of
 * heap instead of ~293 (22 instead of 56 MB when full; H43's measurement).
 */
export class TokenCache {
  private readonly byDestination = new Map<string, Map<number, Map<string, string>>>();
  private size = 0;
  /** The claim batch's key for a wanted token (claim-batch.ts dedupes by it). */
  static keyOf(visitorKey: string, destination: string, period: number): string {
    return `${visitorKey}|${destination}|${period}`;
  }
  get(visitorKey: string, destination: string, period: number): string | undefined {
    return this.byDestination.get(destination)?.get(period)?.get(visitorKey);
  }
  has(visitorKey: string, destination: string, period: number): boolean {
    return this.get(visitorKey, destination, period) !== undefined;
  }
  set(visitorKey: string, destination: string, period: number, token: string): void {
    if (this.size >= CACHE_MAX) { this.byDestination.clear(); this.size = 0; }
    let periods = this.byDestination.get(destination);
    if (!periods) { periods = new Map(); this.byDestination.set(destination, periods); }
    let tokens = periods.get(period);
    if (!tokens) { tokens = new Map(); periods.set(period, tokens); }
    const before = tokens.size;
    tokens.set(visitorKey, token);
    this.size += tokens.size - before;
  }
}

/** Deletes tokens of periods before the previous one (rotation): their ids are never handed out again. */
export function pruneTokens(db: Database.Database, rotateMs: number, now: number): number {
  return db.prepare('DELETE FROM pseudo_ids WHERE period < ?').run(Math.floor(now / rotateMs) - 1).changes;
}

/**
 * Prunes now and hourly, while `db` is open (the timer never keeps the process alive). With
 * `busyMs` (a file other workers write), a locked file is waited for on timers up to that long.
 */
export function startPruning(db: Database.Database, rotateMs: number, onError: (code: string) => void, busyMs = 0): void {
  const failed = (err: unknown) => onError(String((err as { code?: unknown }).code ?? (err as Error).name));
  const run = () => {
    if (!db.open) { clearInterval(timer); return; }
    // Housekeeping only: a failure (a busy file) is reported and retried next hour.
    if (busyMs > 0) { retryBusy(() => db.open && pruneTokens(db, rotateMs, Date.now()), busyMs).catch(failed); return; }
    try { pruneTokens(db, rotateMs, Date.now()); } catch (err) { failed(err); }
  };
  const timer = setInterval(run, PRUNE_EVERY_MS);
  timer.unref();
  run();
}

/**
 * Copies the token table of the SQLite file at `from` into `db`'s (a token already present
 * wins: tokens never change once handed out), then, when `removeFromSource`, empties the source
 * so the copy happens once. Lets a data dir move between one process (tokens in spool.db) and a
 * cluster (tokens in pseudo-ids.db) in either direction without a visitor's id changing.
 */
export function moveTokens(db: Database.Database, from: string, removeFromSource: boolean): void {
  if (!existsSync(from)) return;
  db.prepare('ATTACH DATABASE ? AS src').run(from);
  try {
    const has = db.prepare("SELECT 1 FROM src.sqlite_master WHERE type = 'table' AND name = 'pseudo_ids'").get();
    if (!has || !db.prepare('SELECT 1 FROM src.pseudo_ids LIMIT 1').get()) return;
    db.exec('INSERT OR IGNORE INTO main.pseudo_ids (visitor_key, destination, period, token) SELECT visitor_key, destination, period, token FROM src.pseudo_ids');
    // After the copy committed: a crash in between leaves the rows in both, and the next start copies again harmlessly.
    if (removeFromSource) db.exec('DELETE FROM src.pseudo_ids');
  } finally {
    db.exec('DETACH DATABASE src');
  }
}

