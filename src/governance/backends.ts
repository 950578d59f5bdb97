import type Database from 'better-sqlite3';
import { AuditLog, type KeptImport } from '../audit/audit-log.js';
import { DisclosureLedger } from '../audit/ledger.js';
import type { AuditChain, AuditQueueOptions, DisclosureStore } from '../audit/port.js';
import { PostgresAuditChain, type AuditErrorReport } from '../audit/postgres-audit.js';
import { PostgresDisclosureLedger } from '../audit/postgres-ledger.js';
import type { PgHandle } from '../audit/postgres-schema.js';
import type { OwedStore } from './owed-store.js';
import { PostgresOwedStore } from './postgres-owed.js';
import { PostgresGovernanceStore } from './postgres-store.js';
import { SqliteGovernanceStore } from './store.js';
import type { GovernanceStore } from './store-port.js';

export interface GovernanceBackends {
  kind: 'sqlite' | 'postgres';
  store: GovernanceStore;
  audit: AuditChain;
  ledger: DisclosureStore;
  /** PostgreSQL: where owed ledger batches are kept (postgres-owed.ts); SQLite storage passes the spool file's. */
  owed?: OwedStore;
}

/**
 * Picks the adapters the way the spool is picked (`storage.kind`): with Postgres, governance,
 * the audit chain and the ledger are shared through the spool's pool; otherwise they live in the
 * instance's SQLite governance database.
 */
export function openGovernanceBackends(db: Database.Database, opts: {
  postgres?: PgHandle;
  perEventLedger: boolean;
  onAuditError: AuditErrorReport;
  auditQueue?: AuditQueueOptions;
  /** Where the shared chain keeps records it could not write before the process stopped (the data directory). */
  auditKeepDir?: string;
  /** SQLite: what `AuditLog.importKept` wrote from `auditKeepDir` at start. */
  onKeptImported?: (imported: KeptImport) => void;
  /** PostgreSQL: how long an instance holds its owed ledger batches before another may take them over (postgres-owed.ts). */
  owedLeaseMs?: number;
}): GovernanceBackends {
  if (opts.postgres) {
    const pg = opts.postgres;
    const ledger = new PostgresDisclosureLedger(pg, opts.perEventLedger);
    return { kind: 'postgres', store: new PostgresGovernanceStore(pg), audit: new PostgresAuditChain(pg, opts.onAuditError, opts.auditQueue, opts.auditKeepDir), ledger, owed: new PostgresOwedStore(pg, ledger, opts.owedLeaseMs) };
  }
  const audit = new AuditLog(db);
  // Records the shared chain kept or journaled before storage was switched back to SQLite.
  if (opts.auditKeepDir) opts.onKeptImported?.(audit.importKept(opts.auditKeepDir));
  return { kind: 'sqlite', store: new SqliteGovernanceStore(db), audit, ledger: new DisclosureLedger(db, opts.perEventLedger) };
}
