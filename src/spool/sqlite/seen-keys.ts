import type Database from 'better-sqlite3';

// The durable half of ingest dedup (src/spool/ingest-dedup.ts): message keys written in the
// group commit that writes their events' rows, so a key on disk always has its rows on disk.
// Keys older than the window are removed at most once a minute, inside a commit.
export const SEEN_KEYS_DDL = `CREATE TABLE IF NOT EXISTS seen_messages (k TEXT PRIMARY KEY, at INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS seen_messages_at ON seen_messages (at)`;

const PURGE_EVERY_MS = 60_000;

export class SeenKeys {
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly one: Database.Statement;
  private readonly purge: Database.Statement;
  private lastPurge = 0;

  constructor(db: Database.Database, private readonly windowMs: number) {
    this.insert = db.prepare('INSERT OR REPLACE INTO seen_messages (k, at) VALUES (?, ?)');
    this.select = db.prepare('SELECT k FROM seen_messages WHERE k IN (SELECT value FROM json_each(?)) AND at >= ?').pluck();
    this.one = db.prepare('SELECT 1 FROM seen_messages WHERE k = ? AND at >= ?').pluck();
    this.purge = db.prepare('DELETE FROM seen_messages WHERE at < ?');
  }

  /** Of `keys`, those committed at `since` or later. */
  recent(keys: readonly string[], since: number): Set<string> {
    // A request of a few events (most): a lookup per key costs less than building and reading a JSON array.
    if (keys.length <= 8) return new Set(keys.filter((k) => this.one.get(k, since) !== undefined));
    return new Set(this.select.all(JSON.stringify(keys), since) as string[]);
  }

  /** Inside the group commit's transaction. */
  write(keys: readonly (readonly string[])[], now: number): void {
    for (const list of keys) for (const k of list) this.insert.run(k, now);
    if (now - this.lastPurge >= PURGE_EVERY_MS) { this.purge.run(now - this.windowMs); this.lastPurge = now; }
  }
}
