import type Database from 'better-sqlite3';
import type { Disclosure } from '../audit/ledger.js';

/** An owed batch as kept on disk: its id there, the disclosures and when they were sent. */
export interface OwedBatch { id: number; items: readonly Disclosure[]; at: number }

/**
 * Where batches owed to the disclosure ledger are kept until it records them (owed-disclosures.ts),
 * so that a process killed meanwhile (SIGKILL, OOM) does not lose the record of a send.
 */
export interface OwedStore {
  /** Kept durably before the batch is acknowledged in the spool; throws when it cannot be (then held in memory only). */
  save(items: readonly Disclosure[], at: number): number;
  /** The ledger recorded it. */
  remove(id: number): void;
  /** Batches a previous process left owed, oldest first. */
  load(): OwedBatch[];
}

// In the spool's own file (SQLite): the spool has one consumer (its claim), the process that sends its rows,
// so whoever delivers a spool's rows after a restart also records what the last one sent unrecorded. Not the
// governance database: with SQLite storage that is the ledger's own file, refusing writes when the ledger does.
// The rows hold what the ledger needs (the sent payloads, already in the spool as rows before their ack).
const SCHEMA = `CREATE TABLE IF NOT EXISTS ledger_owed (
  id INTEGER PRIMARY KEY AUTOINCREMENT, sent_at INTEGER NOT NULL, items TEXT NOT NULL)`;

export class SqliteOwedStore implements OwedStore {
  private readonly insert: Database.Statement;
  private readonly del: Database.Statement;
  private readonly all: Database.Statement;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.insert = db.prepare('INSERT INTO ledger_owed (sent_at, items) VALUES (?, ?)');
    this.del = db.prepare('DELETE FROM ledger_owed WHERE id = ?');
    this.all = db.prepare('SELECT id, sent_at, items FROM ledger_owed ORDER BY id');
  }

  save(items: readonly Disclosure[], at: number): number {
    return Number(this.insert.run(at, JSON.stringify(items)).lastInsertRowid);
  }

  remove(id: number): void { this.del.run(id); }

  load(): OwedBatch[] {
    return (this.all.all() as { id: number; sent_at: number; items: string }[]).map((r) => ({ id: r.id, at: r.sent_at, items: JSON.parse(r.items) as Disclosure[] }));
  }
}
