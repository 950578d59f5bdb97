import type { Pool, PoolClient } from 'pg';

/** Runs `fn` in one transaction on a pooled client; rolls back and rethrows on any error. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  // A connection lost while checked out (e.g. right after COMMIT was sent) is emitted as an
  // 'error' event on the client: unheard, it would crash the process. The pending query
  // rejects with the same error, which reaches the caller; here the client is only marked
  // unusable so it is destroyed, not pooled.
  const lost = () => { broken = true; };
  client.on('error', lost);
  try {
    await client.query('BEGIN');
    const value = await fn(client);
    await client.query('COMMIT');
    return value;
  } catch (err) {
    // The caller needs the original error; a failed ROLLBACK means the connection is unusable,
    // so it is destroyed below rather than returned to the pool.
    await client.query('ROLLBACK').catch(() => { broken = true; });
    throw err;
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}
