import type { Pool, PoolClient } from 'pg';

/** Runs `fn` in one transaction on a pooled client; rolls back and rethrows on any error. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
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
    client.release(broken);
  }
}
