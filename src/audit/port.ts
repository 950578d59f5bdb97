import type { AuditEntry, AuditRow } from './audit-log.js';
import type { Disclosure, LedgerSummary, NewField } from './ledger.js';
import type { DisclosureReport } from './report.js';
import type { VerifyResult } from './verify.js';

// Ports of the audit chain and the disclosure ledger. Adapters: SQLite (./audit-log.ts,
// ./ledger.ts; the instance's governance database) and Postgres (./postgres-audit.ts,
// ./postgres-ledger.ts; shared by every instance). Conformance: tests/audit/*.case.ts.

/** How the shared (Postgres) chain holds records it cannot write yet; defaults in ./postgres-audit.ts. */
export interface AuditQueueOptions {
  /** Wait after a failed write; doubles per failure up to `retryMaxMs` (0.5 s to 10 s, as the storage gate). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Records held at most (10,000). At the bound new actions are refused and system records dropped (counted). */
  maxQueued?: number;
  /** How long an acknowledged action waits for its record (10 s) before the caller gets 503 PW_ERR_AUDIT_PENDING. */
  deadlineMs?: number;
}

export interface AuditClosed {
  /** Records not confirmed written when the chain closed. */
  unwritten: number;
  /** The file (in the data directory) they were kept in, written at the next start (../audit/spill.ts). */
  keptIn?: string;
}

export interface AuditChain {
  /**
   * Appends one record to the chain, in call order: records nobody can refuse (config loads and
   * reloads, system events). SQLite: synchronous, throws on failure. Postgres: queued in order
   * and written in the background (several records per transaction); a failed write is retried
   * with backoff for as long as the process runs (reported by code, never values). A retry never
   * writes a record twice, even when the failed attempt committed unseen (each record has an id).
   * With `maxQueued` records waiting, the record is dropped and reported (count and code).
   */
  record(entry: AuditEntry, now?: number): void;
  /**
   * Asked before an acknowledged action (admin call, authorization) runs: throws
   * PW_ERR_AUDIT_UNAVAILABLE (503) when its record could not be written now (Postgres: the last
   * write failed, or the queue is full), so the action is refused rather than left unaudited.
   */
  admit(): void;
  /**
   * The record of an admitted action: queued even at the bound (admission keeps the overshoot to
   * the calls in flight); resolves once written. Rejects with PW_ERR_AUDIT_PENDING (503) when it
   * is not written within `deadlineMs`: it stays queued and is written once the store is back.
   */
  recordAdmitted(entry: AuditEntry, deadlineMs: number): Promise<void>;
  /** Records waiting to be written (always 0 for SQLite). */
  readonly queued: number;
  /** Resolves true once every record queued so far is written; false if that takes longer than `deadlineMs`. */
  flush(deadlineMs?: number): Promise<boolean>;
  /**
   * Flushes within `deadlineMs`, then stops retrying. Records not confirmed written are kept in
   * the data directory for the next start (`keptIn`), or else reported as dropped. (Postgres
   * with a data directory also journals every record until it is written, ./journal.ts, so a
   * process that never gets here, killed, loses none either.)
   */
  close(deadlineMs: number): Promise<AuditClosed>;
  list(limit?: number, afterSeq?: number): Promise<AuditRow[]>;
  /** Walks the whole chain (see ./verify.ts). */
  verify(): Promise<VerifyResult>;
}

export interface DisclosureStore {
  /** Counts what was delivered; returns the field names that reached a destination for the first time (decided once, across instances). */
  add(items: readonly Disclosure[], now?: number): Promise<NewField[]>;
  /** What `record` writes of a batch sent at `now`: counts, field names, per-event ids and hashes, never a payload value (kept while owed). */
  summarize(items: readonly Disclosure[], now: number): LedgerSummary;
  /**
   * `add`, for a batch already summarized. `once`: an owed batch's key (governance/owed-store.ts), recorded
   * with it, so that the same key again writes nothing (SQLite: the owed row is in another file, the spool's).
   * The PostgreSQL ledger takes none: it writes an owed batch in the transaction that deletes it (postgres-owed.ts).
   */
  record(summary: LedgerSummary, now: number, once?: string): Promise<NewField[]>;
  /**
   * SQLite: records (without `once`) share a transaction with those arriving within a few ms (group
   * commit, ./ledger.ts); each resolves once its group committed, and all of a failed group reject.
   * Writes what waits and resolves when nothing is left (at shutdown). PostgreSQL: none (one per record).
   */
  flush?(): Promise<void>;
  report(destination: string, from: number, to: number): Promise<DisclosureReport>;
}
