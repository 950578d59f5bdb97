import { resolve } from 'node:path';
import type pg from 'pg';
import type { Readiness } from '../spool/postgres/readiness.js';
import { PostgresAggregateStore } from './postgres-store.js';
import { SqliteAggregateStore } from './sqlite-store.js';
import type { AggregateStore } from './store.js';

// Which adapter the aggregate destinations of a data directory use. The runtime binds its
// storage here (PostgreSQL when `storage.kind: postgres`); without a binding (tools, tests,
// `phiwall check`) the embedded SQLite file is used. Destinations open their store lazily, on
// first use, so the binding made right after the plan compiled is in place by then.

export interface AggregateBackend {
  /** The shared pool (the spool's) and its gate "migrations ran" (shared, so a late success reaches every user). */
  postgres?: { pool: pg.Pool; ready: Readiness };
  /** `secrets.hash_key`: the Postgres adapter derives the destinations' HMAC keys from it. */
  hashKey: string;
  /** This process's stable name in release claims and leases (src/common/instance-id.ts); absent: a fresh one per store. */
  owner?: string;
}

const backends = new Map<string, AggregateBackend>();
const stores = new Map<string, { store: AggregateStore; users: number }>();

export function bindAggregateStorage(dataDir: string, backend: AggregateBackend): void {
  backends.set(resolve(dataDir), backend);
}

/** A shared store (per SQLite file, or per data directory on Postgres) and the key to give back. */
export function openAggregateStore(dataDir: string, sqlitePath: string): { key: string; store: AggregateStore } {
  const backend = backends.get(resolve(dataDir));
  const key = backend?.postgres ? `postgres:${resolve(dataDir)}` : resolve(sqlitePath);
  const entry = stores.get(key);
  if (entry) { entry.users++; return { key, store: entry.store }; }
  const store = backend?.postgres
    ? new PostgresAggregateStore(backend.postgres.pool, backend.postgres.ready, backend.hashKey, backend.owner)
    : new SqliteAggregateStore(sqlitePath, backend?.owner);
  stores.set(key, { store, users: 1 });
  return { key, store };
}

export async function closeAggregateStore(key: string): Promise<void> {
  const entry = stores.get(key);
  if (!entry) return;
  if (--entry.users === 0) { stores.delete(key); await entry.store.close(); }
}
