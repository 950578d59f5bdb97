import type Database from 'better-sqlite3';
import { inTransaction } from '../../common/sqlite.js';

// The durable half of ingest dedup (src/spool/ingest-dedup.ts): message keys written in the
// group commit that writes their events' rows, so a key on disk always has its rows on disk.
// Keys older than the window are removed at most once a minute, inside a commit.
//
// A cluster worker's keys (`serve --workers N` on SQLite) go to `seen_log` instead: one row per
// group commit, appended. There the shared claims file (shared-claims.ts) answers every request
// for the window, and this spool's keys are read only when a restarted worker settles the claims
// its predecessor left pending (recovery, rare): a key per event in `seen_messages` was a write on
// a random page of its B-tree (and of its `at` index) in every commit. A spool opened outside a
// cluster moves the log's keys into `seen_messages` first (`useLog(false)`), so going from
// `--workers N` to one process keeps the window.
export const SEEN_KEYS_DDL = `CREATE TABLE IF NOT EXISTS seen_messages (k TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS seen_messages_at ON seen_messages (at);
CREATE TABLE IF NOT EXISTS seen_log (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, keys TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS seen_log_at ON seen_log (at)`;

const PURGE_EVERY_MS = 60_000;

export class SeenKeys {
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly one: Database.Statement;
  private readonly purge: Database.Statement;
  private readonly append: Database.Statement;
  private readonly logSince: Database.Statement;
  private readonly purgeLog: Database.Statement;
  private lastPurge = 0;
  private logged = false;

  constructor(private readonly db: Database.Database, private readonly windowMs: number) {
    this.insert = db.prepare('INSERT OR REPLACE INTO seen_messages (k, at) VALUES (?, ?)');
    this.select = db.prepare('SELECT k FROM seen_messages WHERE k IN (SELECT value FROM json_each(?)) AND at >= ?').pluck();
    this.one = db.prepare('SELECT 1 FROM seen_messages WHERE k = ? AND at >= ?').pluck();
    this.purge = db.prepare('DELETE FROM seen_messages WHERE at < ?');
    this.append = db.prepare('INSERT INTO seen_log (at, keys) VALUES (?, ?)');
    this.logSince = db.prepare('SELECT keys FROM seen_log WHERE at >= ?').pluck();
    this.purgeLog = db.prepare('DELETE FROM seen_log WHERE at < ?');
  }

  /** Cluster worker (true): later commits append to the log. Else the log's keys become rows (at open). */
  useLog(logged: boolean, now: number): void {
    this.logged = logged;
    // Nothing to move (most opens): no write transaction (a second process on this file would wait for the lock).
    if (logged || this.db.prepare('SELECT 1 FROM seen_log LIMIT 1').get() === undefined) return;
    inTransaction(this.db, () => {
      this.db.prepare('INSERT OR REPLACE INTO seen_messages (k, at) SELECT j.value, l.at FROM seen_log l, json_each(l.keys) j WHERE l.at >= ?').run(now - this.windowMs);
      this.db.prepare('DELETE FROM seen_log').run();
    });
  }

  /** Of `keys`, those committed at `since` or later (the log is read from `since` on: callers of a cluster worker's spool bound it). */
  recent(keys: readonly string[], since: number): Set<string> {
    // A request of a few events (most): a lookup per key costs less than building and reading a JSON array.
    const found = keys.length <= 8 ? new Set(keys.filter((k) => this.one.get(k, since) !== undefined)) : new Set(this.select.all(JSON.stringify(keys), since) as string[]);
    if (!this.logged || found.size === keys.length) return found;
    const wanted = new Set(keys);
    for (const text of this.logSince.iterate(since) as IterableIterator<string>) for (const k of JSON.parse(text) as string[]) if (wanted.has(k)) found.add(k);
    return found;
  }

  /** Inside the group commit's transaction. */
  write(keys: readonly (readonly string[])[], now: number): void {
    if (this.logged) {
      const all = keys.flat();
      if (all.length) this.append.run(now, JSON.stringify(all));
    } else for (const list of keys) for (const k of list) this.insert.run(k, now);
    if (now - this.lastPurge >= PURGE_EVERY_MS) { this.purge.run(now - this.windowMs); this.purgeLog.run(now - this.windowMs); this.lastPurge = now; }
  }
}
