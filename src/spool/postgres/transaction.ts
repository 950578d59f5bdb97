import type { Pool, PoolClient } from 'pg';
import { errorCode, PhiwallError } from '../../errors.js';

/** What `withClient` knows about its checked-out client. */
export interface ClientLease {
  /** The connection died while checked out (its session, and any session lock, are gone). */
  readonly lost: boolean;
  /** The driver's code for that loss (e.g. 57P01 for pg_terminate_backend), never its message. */
  readonly lostCode: string | undefined;
  /** The client's state is unknown (e.g. a failed ROLLBACK or unlock): destroy it, do not pool it. */
  discard(): void;
}

/**
 * Runs `fn` on one pooled client. A connection lost while a client is checked out (server
 * restart, network cut, pg_terminate_backend) is emitted as an 'error' event on the client:
 * unheard, it would crash the whole process. Here it is heard, the client is destroyed rather
 * than pooled, and an error of `fn` caused by the loss becomes PW_ERR_STORAGE_LOST (503).
 */
export async function withClient<T>(pool: Pool, fn: (client: PoolClient, lease: ClientLease) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let lost: string | undefined;
  let broken = false;
  const lease: ClientLease = { get lost() { return lost !== undefined; }, get lostCode() { return lost; }, discard: () => { broken = true; } };
  // The pending query (if any) rejects with the same error and reaches `fn`; only the code is kept (no PHI).
  const onLost = (err: Error) => { lost ??= errorCode(err); };
  client.on('error', onLost);
  try {
    return await fn(client, lease);
  } catch (err) {
    throw lost === undefined || err instanceof PhiwallError ? err : storageLost(lost, err);
  } finally {
    client.off('error', onLost);
    client.release(broken || lost !== undefined);
  }
}

/** The typed error for work cut short by a lost connection; the driver's error stays as `cause`. */
function storageLost(code: string, cause?: unknown): PhiwallError {
  const err = new PhiwallError('PW_ERR_STORAGE_LOST', { detail: code });
  if (cause !== undefined) err.cause = cause;
  return err;
}

/** BEGIN … COMMIT on a checked-out client; rolls back and rethrows on any error. */
export async function transact<T>(client: PoolClient, lease: ClientLease, fn: () => Promise<T>): Promise<T> {
  try {
    await client.query('BEGIN');
    const value = await fn();
    await client.query('COMMIT');
    return value;
  } catch (err) {
    // The caller needs the original error; a failed ROLLBACK means the connection is unusable,
    // so it is destroyed rather than returned to the pool.
    if (!lease.lost) await client.query('ROLLBACK').catch(() => lease.discard());
    throw err;
  }
}

/** Runs `fn` in one transaction on a pooled client; rolls back and rethrows on any error. */
export function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, (client, lease) => transact(client, lease, () => fn(client)));
}

/**
 * Runs `fn` holding a session-level advisory lock taken by `lock.sql` (a try-lock returning
 * `ok`, or a blocking lock returning no `ok`) on its own client; `ran: false` when the lock was busy. The lock
 * lives as long as that session: if the connection is lost while `fn` runs, the lock was not
 * held throughout, and the result is PW_ERR_STORAGE_LOST even if `fn` itself succeeded.
 */
export function withSessionLock<T>(
  pool: Pool, lock: { sql: string; unlockSql: string; params: unknown[] }, fn: (client: PoolClient, lease: ClientLease) => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  return withClient(pool, async (client, lease) => {
    const { rows } = await client.query<{ ok?: boolean }>(lock.sql, lock.params);
    if (rows[0]?.ok === false) return { ran: false };
    let value: T;
    let unlockFailed: string | undefined;
    try {
      value = await fn(client, lease);
    } finally {
      // A lost session already dropped its locks. A failed unlock (often the first sign of a
      // lost connection) leaves the lock's state unknown: the client is destroyed, which frees it.
      if (!lease.lost) await client.query(lock.unlockSql, lock.params).catch((err: unknown) => { unlockFailed = errorCode(err); lease.discard(); });
    }
    // Lost before or during the unlock: when exactly is unknown, so exclusivity is not proven.
    const lostCode = lease.lostCode ?? unlockFailed;
    if (lostCode !== undefined) throw storageLost(lostCode);
    return { ran: true, value };
  });
}
