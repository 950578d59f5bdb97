// A throwaway PostgreSQL for `npm run bench -- --storage postgres` (scripts/pg-server.mjs, shared
// with the tests). Durable settings (fsync and synchronous_commit on): the bench measures what
// production would commit.
import { startPgServer } from '../scripts/pg-server.mjs';

/** Starts a server; resolves with { url, port, stop() }. */
export function startBenchPostgres() {
  return startPgServer({ durable: true, prefix: 'phiwall-bench-pg-', sharedBuffers: '128MB', stopMode: 'fast' });
}

/** Rows waiting in the shared spool (the outbox table), or null before migrations made it. */
export async function postgresBacklog(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query('SELECT count(*)::int AS n FROM phiwall_outbox');
    return r.rows[0].n;
  } catch { return null; } finally { await client.end(); }
}
