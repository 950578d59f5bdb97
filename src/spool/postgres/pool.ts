import { createRequire } from 'node:module';
import type pg from 'pg';
import { errorCode } from '../../errors.js';

// The driver is loaded when the first pool is opened, not at import: the collector's one bundle
// holds this module, and a collector on SQLite (the default) never needs pg (~0.5 MB of heap in
// every process, held for its life once loaded).
let driver: typeof pg | undefined;
const loadPg = (): typeof pg => (driver ??= createRequire(import.meta.url)('pg') as typeof pg);

/**
 * Every phiwall pg.Pool is made here. An idle pooled connection that dies (server restart,
 * failover, pg_terminate_backend, a network cut) is emitted as an 'error' on the pool: unheard,
 * it would crash the process. The pool has already dropped that client and opens a new one on
 * the next checkout, so the loss is only reported, by code (driver messages can quote
 * connection details; query text and values never reach this listener).
 */
export function openPool(config: pg.PoolConfig, onIdleError: (code: string) => void): pg.Pool {
  const pool = new (loadPg().Pool)(config);
  pool.on('error', (err) => onIdleError(errorCode(err)));
  return pool;
}
