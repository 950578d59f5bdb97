// Faults a PostgreSQL server inflicts on its clients, for the connection-loss tests: backends
// terminated by an administrator (pg_terminate_backend), and a record of uncaught exceptions
// (an unheard 'error' event from a pg client or pool is one: in phiwall it ends the process).
import pg from 'pg';
import { waitFor } from './collector.js';

/** Uncaught exceptions while a test runs (vitest reports them too; this makes the assertion explicit). */
export function watchUncaught(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const record = (err: unknown) => { errors.push(err); };
  process.on('uncaughtException', record);
  return { errors, stop: () => { process.off('uncaughtException', record); } };
}

/**
 * Terminates the backends of database `db` (all of them, or those holding an advisory lock)
 * from a connection to another database, and waits until they are gone; returns how many.
 */
export async function terminateBackends(adminUrl: string, db: string, which: 'all' | 'advisory-lock-holders'): Promise<number> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const filter = which === 'all' ? '' : "AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)";
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() ${filter}`, [db]);
    const pids = rows.map((r) => r.pid);
    await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
    await waitFor(async () => (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1::int[])', [pids])).rowCount ?? 0, (n) => n === 0);
    return pids.length;
  } finally {
    await admin.end();
  }
}
