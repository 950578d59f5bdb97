import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface OpenSqliteOptions {
  /** Busy timeout for ordinary statements (ms). */
  timeoutMs: number;
  synchronous: 'NORMAL' | 'FULL';
}

const sleepMs = (ms: number): void => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); };
const isBusy = (err: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code ?? ''));

/**
 * Opens a SQLite file in WAL mode. Switching a fresh file to WAL takes an exclusive lock that
 * SQLite's busy handler does not wait for, so two cluster workers opening the same new file at
 * once could see SQLITE_BUSY and exit before listening: retry that step for up to the timeout.
 */
export function openWalDatabase(path: string, opts: OpenSqliteOptions): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: opts.timeoutMs });
  for (let waited = 0; ; waited += 25) {
    try {
      db.pragma('journal_mode = WAL');
      break;
    } catch (err) {
      if (!isBusy(err) || waited >= opts.timeoutMs) { db.close(); throw err; }
      sleepMs(25);
    }
  }
  // NORMAL in WAL: survives a process crash (kill -9); only an OS crash may lose the last commits.
  db.pragma(`synchronous = ${opts.synchronous}`);
  return db;
}
