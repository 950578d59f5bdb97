import type Database from 'better-sqlite3';
import { isBusy } from './sqlite.js';

// Waiting for another cluster worker's write lock without blocking this worker's event loop.
// better-sqlite3 is synchronous: its busy timeout sleeps on the calling thread, so a claim that
// met another worker's write transaction on a shared file (pseudonymous ids, ingest claims) held
// every request of this worker meanwhile (110 ms in one half-load run, .tmp/h122). Shared files
// are therefore opened with a busy timeout of a couple of milliseconds, and a statement that still
// finds the file locked is tried again after a timer, up to the same total wait as before: the
// same outcome (committed, or the same SQLITE_BUSY error, fail closed), other requests served meanwhile.

/** The synchronous busy wait left on a shared file's connection (PRAGMA busy_timeout). */
export const SHARED_BUSY_SPIN_MS = 2;
/** Longest pause between two tries. */
const MAX_PAUSE_MS = 25;

/**
 * Runs `fn` (one synchronous SQLite transaction); while it throws a busy error and less than
 * `budgetMs` has passed since `since`, runs it again after a pause doubling from 1 ms. Any other
 * error, or a busy one past the budget, is thrown as is. `fn` must leave nothing behind when it
 * throws (a better-sqlite3 transaction rolls back).
 */
export async function retryBusy<T>(fn: () => T, budgetMs: number, since = Date.now()): Promise<T> {
  for (let pause = 1; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
    try {
      return fn();
    } catch (err) {
      if (!isBusy(err) || Date.now() + pause - since > budgetMs) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/**
 * Runs `fn` on `db` with the busy timeout cut to SHARED_BUSY_SPIN_MS, then restores `restoreMs`:
 * for a connection whose other statements still wait synchronously (the governance file), one
 * write that waits on timers instead (retryBusy).
 */
export function withShortBusyWait<T>(db: Database.Database, restoreMs: number, fn: () => T): T {
  busyTimeoutSetter(db, SHARED_BUSY_SPIN_MS).get();
  try { return fn(); } finally { busyTimeoutSetter(db, restoreMs).get(); }
}

/**
 * `PRAGMA busy_timeout = ms` prepared once per connection and value: `db.pragma()` prepares its
 * statement at every call (two per disclosure-ledger write, one per delivered batch: ~9 us a pair
 * against ~3 us prepared).
 */
const SETTERS = new WeakMap<Database.Database, Map<number, Database.Statement>>();
function busyTimeoutSetter(db: Database.Database, ms: number): Database.Statement {
  let byMs = SETTERS.get(db);
  if (!byMs) SETTERS.set(db, (byMs = new Map()));
  let st = byMs.get(ms);
  if (!st) byMs.set(ms, (st = db.prepare(`PRAGMA busy_timeout = ${Math.floor(ms)}`)));
  return st;
}
