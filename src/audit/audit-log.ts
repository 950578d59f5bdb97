import type Database from 'better-sqlite3';
import { lastConfigHashSqlite, unlessConfigSame } from './config-change.js';
import { orphanJournals } from './journal.js';
import { readKept, removeKept } from './spill.js';
import { GENESIS, rowHash, type AuditRow } from './chain.js';
import type { AuditChain, AuditClosed } from './port.js';
import { AUDIT_SCHEMA } from './schema.js';
import { verifyAuditLog, type VerifyResult } from './verify.js';

export interface AuditEntry {
  actor: string;
  role: string;
  action: string;
  /** Ids, names, counts and codes only: never event values. */
  details?: Record<string, string | number | boolean | null | string[]>;
  configBefore?: string;
  configAfter?: string;
  /**
   * Written only if the chain's last recorded config hash differs from `configAfter` (decided
   * under the chain's write lock; ./config-change.ts): one record per change across cluster workers.
   */
  ifConfigChanged?: boolean;
}

/** What `importKept` wrote: records, the files they came from, unreadable lines. */
export interface KeptImport { records: number; files: number; invalid: number }

export { GENESIS, rowHash, type AuditRow } from './chain.js';

/** The next row of a chain whose head is (`seq`, `prevHash`). */
export function chainRow(entry: AuditEntry, now: number, seq: number, prevHash: string): AuditRow {
  const partial = {
    seq, time: now, actor: entry.actor.slice(0, 100), role: entry.role, action: entry.action.slice(0, 200),
    details: JSON.stringify(entry.details ?? {}), config_before: entry.configBefore ?? null, config_after: entry.configAfter ?? null,
    prev_hash: prevHash,
  };
  return { ...partial, hash: rowHash(partial) };
}

/**
 * Append-only, hash-chained audit log. The head table holds the last seq and hash, written in
 * the same transaction, so deleting the newest rows is detected too. Someone able to rewrite
 * the whole file can recompute a chain: publish `phiwall audit verify`'s head hash elsewhere
 * (a ticket, a log sink) to anchor it.
 */
export class AuditLog implements AuditChain {
  private readonly append: Database.Transaction<(entry: AuditEntry, now: number) => AuditRow | undefined>;
  private readonly appendRow: (entry: AuditEntry, now: number) => AuditRow | undefined;

  constructor(private readonly db: Database.Database) {
    db.exec(AUDIT_SCHEMA);
    const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1');
    const insert = db.prepare('INSERT INTO audit_log (seq, time, actor, role, action, details, config_before, config_after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const setHead = db.prepare('INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash');
    this.appendRow = (entry, now) => {
      const written = unlessConfigSame(entry, entry.ifConfigChanged ? lastConfigHashSqlite(db) : undefined);
      if (!written) return undefined;
      const h = head.get() as { seq: number; hash: string } | undefined;
      const row = chainRow(written, now, (h?.seq ?? 0) + 1, h?.hash ?? GENESIS);
      insert.run(row.seq, row.time, row.actor, row.role, row.action, row.details, row.config_before, row.config_after, row.prev_hash, row.hash);
      setHead.run(row.seq, row.hash);
      return row;
    };
    this.append = db.transaction(this.appendRow);
  }

  /** The row written; undefined when an `ifConfigChanged` record was not needed. */
  record(entry: AuditEntry, now = Date.now()): AuditRow | undefined {
    return this.append.immediate(entry, now);
  }

  /**
   * Writes into this chain the records the shared (PostgreSQL) chain kept or journaled in `dir`
   * (../audit/spill.ts, ./journal.ts) and could not write before storage was switched back to
   * SQLite: actions that took effect stay audited. Once each (their ids are remembered, in the
   * same transaction, so cluster workers importing at once write them once), after one
   * `audit.kept.imported` record with the count; their files are then removed. Each keeps the
   * time it was made, so these rows' times run before the import record's.
   */
  importKept(dir: string, now = Date.now()): KeptImport {
    const { files, records, invalid } = readKept(dir, orphanJournals(dir));
    if (files.length === 0) return { records: 0, files: 0, invalid };
    const remember = this.db.prepare('INSERT OR IGNORE INTO audit_imported (record_id, imported_at) VALUES (?, ?)');
    const written = this.db.transaction(() => {
      const fresh = records.filter((r) => remember.run(r.id, now).changes === 1);
      if (fresh.length) this.appendRow({ actor: 'system', role: 'system', action: 'audit.kept.imported', details: { records: fresh.length, files: files.length } }, now);
      for (const r of fresh) this.appendRow(r.entry, r.now);
      return fresh.length;
    }).immediate();
    removeKept(dir, files);
    return { records: written, files: files.length, invalid };
  }

  readonly queued = 0;

  /** Local and synchronous: a record is written (or throws) before the action answers. */
  admit(): void {}

  async recordAdmitted(entry: AuditEntry): Promise<void> {
    this.record(entry);
  }

  /** Synchronous: nothing is ever pending. */
  async flush(): Promise<boolean> {
    return true;
  }

  async close(): Promise<AuditClosed> {
    return { unwritten: 0 };
  }

  async list(limit = 100, afterSeq = 0): Promise<AuditRow[]> {
    return this.db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as AuditRow[];
  }

  async verify(): Promise<VerifyResult> {
    return verifyAuditLog(this.db);
  }
}
