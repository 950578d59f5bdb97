import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Disclosure, LedgerSummary } from '../audit/ledger.js';
import type { DisclosureStore } from '../audit/port.js';
import type { SpoolTransaction } from '../spool/port.js';

/**
 * A batch sent but not yet in the disclosure ledger: what the ledger will write (counts, field names,
 * per-event message ids and payload hashes when the per-event ledger is on; no payload value), when it
 * was sent, and its id in the store once kept there.
 */
export interface OwedBatch { id?: number; summary: LedgerSummary; at: number }

/**
 * Where batches owed to the disclosure ledger are kept until it records them (owed-disclosures.ts),
 * so that a process killed meanwhile (SIGKILL, OOM) does not lose the record of a send.
 */
export interface OwedStore {
  /** Keeps a batch in the transaction that acks its rows (the spool's BeforeCommit): kept and acked, or neither. */
  save(tx: SpoolTransaction, summary: LedgerSummary, at: number): number | Promise<number>;
  /**
   * Batches left owed (a previous process's, oldest first); `summarize` reads rows an older release kept whole.
   * `sweep`: a later look while running (only with `sweepMs`), for batches of an instance that stopped.
   */
  load(summarize: (items: readonly Disclosure[], at: number) => LedgerSummary, sweep?: boolean): OwedBatch[] | Promise<OwedBatch[]>;
  /** Shared stores (PostgreSQL): how often a running instance looks again for batches another left (load with `sweep`). */
  readonly sweepMs?: number;
  /**
   * Writes a kept batch to the ledger and removes it. Resolves with the error of a removal that
   * failed after the write (the batch is recorded again at the next start), else undefined.
   */
  record(batch: OwedBatch & { id: number }, ledger: DisclosureStore): Promise<unknown>;
}

// In the spool's own file (SQLite): the spool has one consumer (its claim), the process that sends its rows,
// so whoever delivers a spool's rows after a restart also records what the last one sent unrecorded. Not the
// governance database: with SQLite storage that is the ledger's own file, refusing writes when the ledger does.
// Written in the ack's transaction (sqlite/ack-with.ts). The ledger write and the removal are in two files, so
// each row has a random key (`batch`) the ledger keeps with the record it writes (audit/ledger.ts): a kill
// between the two leaves the row, and the next start's record of it finds the key and writes nothing again.
const SCHEMA = `CREATE TABLE IF NOT EXISTS ledger_owed (
  id INTEGER PRIMARY KEY AUTOINCREMENT, sent_at INTEGER NOT NULL, items TEXT NOT NULL, batch TEXT)`;

export class SqliteOwedStore implements OwedStore {
  private readonly del: Database.Statement;
  private readonly all: Database.Statement;
  private readonly rewrite: Database.Statement;
  private readonly keyOf: Database.Statement;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    // A file an older release made (no key): its rows get one at load, before any is recorded.
    const columns = db.prepare('SELECT name FROM pragma_table_info(\'ledger_owed\')').pluck().all() as string[];
    if (!columns.includes('batch')) db.exec('ALTER TABLE ledger_owed ADD COLUMN batch TEXT');
    this.rewrite = db.prepare('UPDATE ledger_owed SET items = ?, batch = ? WHERE id = ?');
    this.del = db.prepare('DELETE FROM ledger_owed WHERE id = ?');
    this.all = db.prepare('SELECT id, sent_at, items, batch FROM ledger_owed ORDER BY id');
    this.keyOf = db.prepare('SELECT batch FROM ledger_owed WHERE id = ?').pluck();
  }

  save(tx: SpoolTransaction, summary: LedgerSummary, at: number): number {
    if (tx.kind !== 'sqlite') throw new Error('the SQLite owed store keeps batches in a SQLite spool transaction');
    return Number(tx.db.prepare('INSERT INTO ledger_owed (sent_at, items, batch) VALUES (?, ?, ?)').run(at, JSON.stringify(summary), randomUUID()).lastInsertRowid);
  }

  load(summarize: (items: readonly Disclosure[], at: number) => LedgerSummary): OwedBatch[] {
    return (this.all.all() as { id: number; sent_at: number; items: string; batch: string | null }[]).map((r) => {
      const kept = JSON.parse(r.items) as LedgerSummary | Disclosure[];
      if (!Array.isArray(kept) && r.batch !== null) return { id: r.id, at: r.sent_at, summary: kept };
      // An older release kept the sent disclosures whole (payloads): summarized, and only the summary stays.
      const summary = Array.isArray(kept) ? summarize(kept, r.sent_at) : kept;
      this.rewrite.run(JSON.stringify(summary), r.batch ?? randomUUID(), r.id);
      return { id: r.id, at: r.sent_at, summary };
    });
  }

  /** Written with the row's key (the ledger writes a key it holds no more than once), then removed. A row gone was recorded. */
  async record(batch: OwedBatch & { id: number }, ledger: DisclosureStore): Promise<unknown> {
    const key = this.keyOf.get(batch.id) as string | null | undefined;
    if (key === undefined) return undefined;
    await ledger.record(batch.summary, batch.at, key ?? undefined);
    try { this.del.run(batch.id); return undefined; } catch (err) { return err; }
  }
}
