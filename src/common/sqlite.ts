import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StorageFileError } from '../errors.js';

export interface OpenSqliteOptions {
  /** Busy timeout for ordinary statements (ms). */
  timeoutMs: number;
  synchronous: 'NORMAL' | 'FULL';
  /** This connection's page cache in KiB (default DEFAULT_CACHE_KIB). */
  cacheKib?: number;
}

/**
 * better-sqlite3 builds SQLite with a 16 MB page cache per connection (SQLITE_DEFAULT_CACHE_SIZE=-16000),
 * and a cluster worker holds several connections (spool, governance, shared ids, aggregates): a busy
 * spool's cache fills and stays resident, +12 MB of RSS per connection (`/usr/bin/time` on
 * the row-per-event `bench/spool-ops.mjs` of commit 3664615: 88 MB at 16 MB, 76 MB at 4 MB) for no measurable gain in the per-row
 * cost of insert, lease and ack. The OS page cache holds the file anyway, and the pages the spool
 * keeps touching (the B-tree's right edge, the due index) fit in 4 MB.
 */
export const DEFAULT_CACHE_KIB = 4096;

const sleepMs = (ms: number): void => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); };
/** SQLITE_BUSY or SQLITE_LOCKED (any extended code): another connection holds the lock. */
export const isBusy = (err: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code ?? ''));

/**
 * Opens a SQLite file in WAL mode. Switching a fresh file to WAL takes an exclusive lock that
 * SQLite's busy handler does not wait for, so two cluster workers opening the same new file at
 * once could see SQLITE_BUSY and exit before listening: retry that step for up to the timeout.
 */
export function openWalDatabase(path: string, opts: OpenSqliteOptions): Database.Database {
  // A data directory that cannot be made (read-only file system, a file in the way) is named in one line too.
  if (path !== ':memory:') {
    try { mkdirSync(dirname(path), { recursive: true }); } catch (err) { throw new StorageFileError(path, err); }
  }
  let db: Database.Database;
  try { db = new Database(path, { timeout: opts.timeoutMs }); } catch (err) { throw new StorageFileError(path, err); }
  for (let waited = 0; ; waited += 25) {
    try {
      db.pragma('journal_mode = WAL');
      break;
    } catch (err) {
      if (!isBusy(err) || waited >= opts.timeoutMs) { db.close(); throw isBusy(err) ? err : new StorageFileError(path, err); }
      sleepMs(25);
    }
  }
  // NORMAL in WAL: survives a process crash (kill -9); only an OS crash may lose the last commits.
  db.pragma(`synchronous = ${opts.synchronous}`);
  // Negative: a size in KiB, not a page count.
  db.pragma(`cache_size = -${Math.max(64, Math.floor(opts.cacheKib ?? DEFAULT_CACHE_KIB))}`);
  return db;
}

type Runner = Database.Transaction<(fn: () => unknown) => unknown>;
const runners = new WeakMap<Database.Database, Runner>();

/**
 * Runs `fn` in a transaction of `db` (BEGIN IMMEDIATE if asked) through one wrapper per connection.
 * better-sqlite3's `db.transaction(fn)` builds four wrapper functions and defines five properties
 * on each at every call: about 66,000 instructions by callgrind (a one-insert immediate transaction
 * 89,455 inline, 23,481 through one wrapper), paid per group commit, per ack and per shared-claims
 * flush when called inline. Nested calls become savepoints, as with `db.transaction`.
 */
export function inTransaction<T>(db: Database.Database, fn: () => T, mode?: 'immediate'): T {
  let tx = runners.get(db);
  if (tx === undefined) runners.set(db, (tx = db.transaction((f: () => unknown) => f())));
  return (mode === 'immediate' ? tx.immediate(fn) : tx(fn)) as T;
}
