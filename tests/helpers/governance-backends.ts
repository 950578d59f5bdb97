// Harnesses for the governance/audit/ledger conformance suites (*.case.ts): a fresh, empty
// store per test, and an opener that makes "instances" on it (separate connections, as two
// collector processes would have). SQLite: one governance.db file; Postgres: one database.
import pg from 'pg';
import { join } from 'node:path';
import type { AuditChain, DisclosureStore } from '../../src/audit/port.js';
import { PostgresAuditChain } from '../../src/audit/postgres-audit.js';
import { PostgresDisclosureLedger } from '../../src/audit/postgres-ledger.js';
import { openGovernanceBackends } from '../../src/governance/backends.js';
import { openGovernanceDb } from '../../src/governance/governance.js';
import { PostgresGovernanceStore } from '../../src/governance/postgres-store.js';
import type { GovernanceStore } from '../../src/governance/store-port.js';
import { migrate } from '../../src/spool/postgres/migrate.js';
import { Readiness } from '../../src/spool/postgres/readiness.js';
import { tempDir } from './collector.js';
import type { TestPostgres } from './postgres.js';

export interface OpenedBackends {
  store: GovernanceStore;
  audit: AuditChain;
  ledger: DisclosureStore;
  /** Audit write failures reported by the adapter (action, code): must stay empty. */
  auditErrors: string[];
  close(): Promise<void>;
}
export type BackendOpener = (o?: { perEvent?: boolean }) => OpenedBackends;
export interface BackendHarness { name: string; fresh(): Promise<BackendOpener> }

export function sqliteBackends(): BackendHarness {
  return {
    name: 'sqlite',
    fresh: async () => {
      const path = join(tempDir(), 'governance.db');
      return (o = {}) => {
        const db = openGovernanceDb(path);
        const auditErrors: string[] = [];
        const b = openGovernanceBackends(db, { perEventLedger: o.perEvent ?? false, onAuditError: (a, c) => auditErrors.push(`${a}:${c}`) });
        return { ...b, auditErrors, close: async () => { await b.audit.flush(); db.close(); } };
      };
    },
  };
}

export function postgresBackends(server: () => TestPostgres): BackendHarness {
  let n = 0;
  return {
    name: 'postgres',
    fresh: async () => {
      const url = await server().createDatabase(`gov_${++n}`);
      return (o = {}) => {
        const pool = new pg.Pool({ connectionString: url, max: 4 });
        const handle = { pool, ready: new Readiness(() => migrate(pool).then(() => undefined)) };
        const auditErrors: string[] = [];
        const audit = new PostgresAuditChain(handle, (a, c) => auditErrors.push(`${a}:${c}`));
        return {
          store: new PostgresGovernanceStore(handle), audit, ledger: new PostgresDisclosureLedger(handle, o.perEvent ?? false), auditErrors,
          close: async () => { await audit.flush(); await pool.end(); },
        };
      };
    },
  };
}

/**
 * For a conformance suite: `start()` gives a fresh store and its first instance `a`; `open()`
 * makes more instances on it. Every instance is closed after each test.
 */
export function instancesOf(h: BackendHarness, afterEach: (fn: () => Promise<void>) => void) {
  const opened: OpenedBackends[] = [];
  afterEach(async () => { await Promise.all(opened.splice(0).map((o) => o.close())); });
  return async (perEvent = false) => {
    const opener = await h.fresh();
    const open = () => { const x = opener({ perEvent }); opened.push(x); return x; };
    return { open, a: open() };
  };
}
