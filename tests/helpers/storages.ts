import { afterAll, beforeAll } from 'vitest';
import { postgresRequired, startPostgres, type TestPostgres } from './postgres.js';

/** A spool backend a collector test runs on: `yaml()` is the config's `storage:` line ('' = SQLite). */
export interface TestStorage { name: string; yaml: () => Promise<string> }

/**
 * SQLite always, and a real PostgreSQL (started once for the file, a fresh database per config)
 * where PG binaries exist or CI requires them. Call at the top level of a test file.
 */
export function sqliteAndPostgres(dbPrefix: string): TestStorage[] {
  const pgRun = postgresRequired();
  let pgServer: TestPostgres | undefined;
  beforeAll(async () => { if (pgRun) pgServer = await startPostgres({ durable: false }); }, 60_000);
  afterAll(async () => { await pgServer?.stop(); });
  const database = () => pgServer!.createDatabase(`${dbPrefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`);
  return [
    { name: 'sqlite', yaml: async () => '' },
    ...(pgRun ? [{ name: 'postgres', yaml: async () => `storage: { kind: postgres, url: "${await database()}", pool: 4 }` }] : []),
  ];
}
