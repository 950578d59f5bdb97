// Faults a PostgreSQL server inflicts on its clients, for the connection-loss tests: backends
// terminated by an administrator (pg_terminate_backend), a record of uncaught exceptions (an
// unheard 'error' event from a pg client or pool is one: in phiwall it ends the process), and
// the frame such a test file runs in.
import { Writable } from 'node:stream';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { waitFor } from './collector.js';
import { startPgProxy, type PgProxy } from './pg-proxy.js';
import { startPostgres, type TestPostgres } from './postgres.js';

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

/**
 * Waits until no session of database `db` holds an advisory lock. A connection cut on the client's
 * side ends its server session (and frees the session's locks) only once the server has read the
 * end of the stream: a moment later, on a loaded machine many milliseconds later.
 */
export async function advisoryLocksFreed(adminUrl: string, db: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const held = async () => (await admin.query(
      "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = $1)", [db])).rowCount ?? 0;
    await waitFor(held, (n) => n === 0);
  } finally {
    await admin.end();
  }
}

/**
 * The frame of a connection-loss test file: one PostgreSQL server for the file, cleanups run in
 * reverse after each test, and after each test the assertion that nothing threw uncaught.
 */
export function pgFaultSuite(run: boolean) {
  let server: TestPostgres | undefined;
  let uncaught: ReturnType<typeof watchUncaught> | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => { if (run) server = await startPostgres({ durable: false }); }, 60_000);
  afterAll(async () => { await server?.stop(); });
  beforeEach(() => { uncaught = watchUncaught(); });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    uncaught?.stop();
    expect(uncaught?.errors ?? []).toEqual([]);
  });
  const pg = (): TestPostgres => { if (!server) throw new Error('PostgreSQL is not running'); return server; };
  return {
    server: pg,
    cleanup: (fn: () => Promise<void>): void => { cleanups.push(fn); },
    /** A new database, reached directly (`url`) or through a proxy the test can cut (`proxy.url`). */
    async proxiedDatabase(name: string): Promise<{ url: string; proxy: PgProxy }> {
      const url = await pg().createDatabase(name);
      const proxy = await startPgProxy({ port: pg().port, url });
      cleanups.push(() => proxy.close());
      return { url, proxy };
    },
  };
}

/** A pino logger and what it wrote, as an operator's log pipeline receives it (one JSON line each). */
export function captureLog(): { lines: string[]; entries(): Record<string, unknown>[]; logger: Logger } {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)); done(); } });
  return { lines, entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>), logger: pino({ level: 'info' }, stream) };
}
