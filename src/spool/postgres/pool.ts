import pg from 'pg';
import { errorCode } from '../../errors.js';

/**
 * Every phiwall pg.Pool is made here. An idle pooled connection that dies (server restart,
 * failover, pg_terminate_backend, a network cut) is emitted as an 'error' on the pool: unheard,
 * it would crash the process. The pool has already dropped that client and opens a new one on
 * the next checkout, so the loss is only reported, by code (driver messages can quote
 * connection details; query text and values never reach this listener).
 */
export function openPool(config: pg.PoolConfig, onIdleError: (code: string) => void): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', (err) => onIdleError(errorCode(err)));
  return pool;
}
