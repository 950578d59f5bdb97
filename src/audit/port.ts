import type { AuditEntry, AuditRow } from './audit-log.js';
import type { Disclosure, NewField } from './ledger.js';
import type { DisclosureReport } from './report.js';
import type { VerifyResult } from './verify.js';

// Ports of the audit chain and the disclosure ledger. Adapters: SQLite (./audit-log.ts,
// ./ledger.ts; the instance's governance database) and Postgres (./postgres-audit.ts,
// ./postgres-ledger.ts; shared by every instance). Conformance: tests/audit/*.case.ts.

export interface AuditChain {
  /**
   * Appends one record to the chain, in call order. SQLite: synchronous, throws on failure.
   * Postgres: queued in order and written in the background (several records per transaction);
   * a failure is retried, then reported (action and code only), never swallowed. A retry never
   * writes a record twice, even when the failed attempt committed unseen (each record has an id).
   */
  record(entry: AuditEntry, now?: number): void;
  /** Resolves once every record made so far is written (or reported as failed). */
  flush(): Promise<void>;
  list(limit?: number, afterSeq?: number): Promise<AuditRow[]>;
  /** Walks the whole chain (see ./verify.ts). */
  verify(): Promise<VerifyResult>;
}

export interface DisclosureStore {
  /** Counts what was delivered; returns the field names that reached a destination for the first time (decided once, across instances). */
  add(items: readonly Disclosure[], now?: number): Promise<NewField[]>;
  report(destination: string, from: number, to: number): Promise<DisclosureReport>;
}
