import { join } from 'node:path';
import pg from 'pg';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Governance } from '../../src/governance/governance.js';
import { createLogger } from '../../src/observability/log.js';
import { migrate } from '../../src/spool/postgres/migrate.js';
import { PostgresSpool } from '../../src/spool/postgres/postgres-spool.js';
import { tempDir } from '../helpers/collector.js';
import { runUntilKilled, srcModule } from '../helpers/killed-child.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';

// On PostgreSQL a batch owed to the ledger is kept in phiwall_ledger_owed and recorded by the instance that
// sent it, or by the next instance to start (which takes every batch left). Instances already running never
// looked again: the batch of an instance killed for good (a scaled-down pod) stayed unrecorded for as long as
// no instance started. Now each batch is owned for a lease its instance renews, and running instances sweep:
// a batch whose lease ran out is taken (FOR UPDATE SKIP LOCKED) and recorded, once, by one of them.

const run = postgresRequired();
const SECRET = 'owed-sweep-secret-0123456789abcdef';
const MESSAGES = ['m1', 'm2', 'm3'];
const LEASE_MS = 900;
const spoolOpts = (url: string) => ({ url, pool: 2, maxRows: 1000, maxBytes: 1e7, groupCommitMs: 1, deadLetterDays: 7, maintenanceMs: 0 });

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return await c.query(text); } finally { await c.end(); }
}

/** Three events spooled, two sent while the ledger refuses writes and acked (owed, kept), then SIGKILL: the instance never comes back. */
function sendOweAndDie(url: string): void {
  const script = `import { PostgresSpool } from ${srcModule('src/spool/postgres/postgres-spool.ts')};
    import { Governance } from ${srcModule('src/governance/governance.ts')};
    import { createLogger } from ${srcModule('src/observability/log.ts')};
    import { Registry } from 'prom-client';
    const spool = new PostgresSpool(${JSON.stringify(spoolOpts(url))});
    await spool.ready.ensure();
    const gov = new Governance({ path: ${JSON.stringify(join(tempDir(), 'governance.db'))}, secret: '${SECRET}', metaDays: 18, perEventLedger: true, registry: new Registry(), log: createLogger('fatal'), postgres: spool, owedLeaseMs: ${LEASE_MS} });
    await gov.deliveryHooks.ready();
    await spool.enqueue(${JSON.stringify(MESSAGES)}.map((m) => ({ messageId: m, destination: 'hook', payload: { event: 'Clicked', message_id: m } })));
    const sent = await spool.lease('hook', 2, 60000);
    await spool.ack(sent.map((s) => s.id), await gov.deliveryHooks.delivered('hook', sent));
    process.kill(process.pid, 'SIGKILL');`;
  runUntilKilled(script);
}

interface Instance { spool: PostgresSpool; gov: Governance }
function open(url: string, owedLeaseMs = LEASE_MS): Instance {
  const spool = new PostgresSpool(spoolOpts(url));
  return { spool, gov: new Governance({ path: join(tempDir(), 'governance.db'), secret: SECRET, metaDays: 18, perEventLedger: true, registry: new Registry(), log: createLogger('fatal'), postgres: spool, owedLeaseMs }) };
}

const owedRows = async (url: string) => (await sql(url, 'SELECT owner FROM phiwall_ledger_owed ORDER BY id')).rows as { owner: string | null }[];

describe.runIf(run)('PostgreSQL: owed ledger batches of an instance that never comes back', () => {
  let server: TestPostgres;
  let n = 0;
  beforeAll(async () => { server = await startPostgres({ durable: false }); }, 120_000);
  afterAll(async () => { await server?.stop(); });

  /** A fresh database, migrated, whose ledger refuses every write until `recover()`. */
  async function refusingLedger(): Promise<{ url: string; recover: () => Promise<void> }> {
    const url = await server.createDatabase(`sweep_${n++}`);
    const pool = new pg.Pool({ connectionString: url });
    await migrate(pool);
    await pool.end();
    await sql(url, 'ALTER TABLE phiwall_disclosure_hourly ADD CONSTRAINT ledger_down CHECK (false) NOT VALID');
    return { url, recover: async () => { await sql(url, 'ALTER TABLE phiwall_disclosure_hourly DROP CONSTRAINT ledger_down'); } };
  }

  it('are taken over by instances already running once the lease ran out, and recorded exactly once', async () => {
    const RUNS = 3;
    let duplicates = 0, missing = 0;
    for (let r = 0; r < RUNS; r++) {
      const { url, recover } = await refusingLedger();
      // Two instances running before the batch is owed: their start-time look found nothing.
      const running = [open(url), open(url)];
      expect(await Promise.all(running.map((i) => i.gov.deliveryHooks.ready!()))).toEqual([true, true]);
      sendOweAndDie(url);
      expect((await owedRows(url)).map((o) => o.owner !== null)).toEqual([true]);
      await recover();
      // Their delivery loops ask ready() each round: so do we, until the batch is recorded.
      for (const until = Date.now() + 15_000; (await owedRows(url)).length > 0 && Date.now() < until;) {
        await Promise.all(running.map((i) => i.gov.deliveryHooks.ready!()));
        await new Promise((res) => setTimeout(res, 100));
      }
      expect(await owedRows(url)).toEqual([]);
      // The row the killed instance did not send is sent and recorded as usual.
      const { spool, gov } = running[0];
      const left = await spool.lease('hook', 10, 60_000);
      expect(left.map((l) => l.messageId)).toEqual(['m3']);
      await spool.ack(left.map((l) => l.id), await gov.deliveryHooks.delivered!('hook', left));
      for (const i of running) { await i.gov.close(); await i.spool.close(); }
      const rows = (await sql(url, 'SELECT message_id AS m, COUNT(*)::int AS n FROM phiwall_disclosure_events GROUP BY message_id')).rows as { m: string; n: number }[];
      const hourly = Number((await sql(url, 'SELECT COALESCE(SUM(events), 0) AS n FROM phiwall_disclosure_hourly')).rows[0].n);
      expect(hourly).toBe(rows.reduce((s, x) => s + x.n, 0));
      const counts = Object.fromEntries(rows.map((x) => [x.m, x.n]));
      duplicates += Object.values(counts).reduce((s, x) => s + x - 1, 0);
      missing += MESSAGES.filter((m) => !counts[m]).length;
      expect(counts).toEqual(Object.fromEntries(MESSAGES.map((m) => [m, 1])));
    }
    console.log(`postgres owed sweep after kill -9 (2 instances running): runs=${RUNS} duplicates=${duplicates} missing=${missing}`);
  }, 180_000);

  it('a batch whose owner is alive (lease not run out) stays with it while others sweep', async () => {
    const { url } = await refusingLedger();
    const owner = open(url, 60_000);
    const other = open(url);
    expect(await owner.gov.deliveryHooks.ready!()).toBe(true);
    expect(await other.gov.deliveryHooks.ready!()).toBe(true);
    await owner.spool.enqueue(MESSAGES.map((m) => ({ messageId: m, destination: 'hook', payload: { event: 'Clicked', message_id: m } })));
    const sent = await owner.spool.lease('hook', 2, 60_000);
    await owner.spool.ack(sent.map((s) => s.id), await owner.gov.deliveryHooks.delivered!('hook', sent));
    const [held] = await owedRows(url);
    expect(held.owner).not.toBeNull();
    // Several of the other instance's sweeps (every LEASE_MS / 3): the batch is not taken.
    for (let i = 0; i < 8; i++) { await other.gov.deliveryHooks.ready!(); await new Promise((res) => setTimeout(res, LEASE_MS / 3)); }
    expect(await owedRows(url)).toEqual([held]);
    for (const i of [owner, other]) { await i.gov.close(); await i.spool.close(); }
  }, 60_000);

  it('an ack whose transaction fails after the owed hook ran owes nothing; resent, each message is recorded once', async () => {
    const { url, recover } = await refusingLedger();
    const registry = new Registry();
    const spool = new PostgresSpool(spoolOpts(url));
    const gov = new Governance({ path: join(tempDir(), 'governance.db'), secret: SECRET, metaDays: 18, perEventLedger: true, registry, log: createLogger('fatal'), postgres: spool, owedLeaseMs: LEASE_MS });
    expect(await gov.deliveryHooks.ready!()).toBe(true);
    await spool.enqueue(MESSAGES.map((m) => ({ messageId: m, destination: 'hook', payload: { event: 'Clicked', message_id: m } })));
    const sent = await spool.lease('hook', 2, 300);
    const withAck = await gov.deliveryHooks.delivered!('hook', sent);
    expect(withAck).toBeDefined();
    // The ack's DELETE fails after the owed batch was inserted in its transaction: all of it rolls back.
    await sql(url, `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
      CREATE TRIGGER refuse_ack BEFORE DELETE ON phiwall_outbox FOR EACH ROW EXECUTE FUNCTION refuse();`);
    await expect(spool.ack(sent.map((x) => x.id), withAck)).rejects.toThrow(/refused/);
    expect((await registry.getSingleMetric('phiwall_ledger_owed_events')!.get()).values[0]?.value).toBe(0);
    expect(await owedRows(url)).toEqual([]);
    await sql(url, 'DROP TRIGGER refuse_ack ON phiwall_outbox');
    await recover();
    expect(await gov.deliveryHooks.ready!()).toBe(true);
    for (const until = Date.now() + 10_000; (await spool.stats()).pending > 0 && Date.now() < until;) {
      const left = await spool.lease('hook', 10, 60_000);
      if (left.length) await spool.ack(left.map((l) => l.id), await gov.deliveryHooks.delivered!('hook', left));
      else await new Promise((res) => setTimeout(res, 100));
    }
    await gov.close();
    await spool.close();
    const rows = (await sql(url, 'SELECT message_id AS m, COUNT(*)::int AS n FROM phiwall_disclosure_events GROUP BY message_id')).rows as { m: string; n: number }[];
    expect(Object.fromEntries(rows.map((x) => [x.m, x.n]))).toEqual(Object.fromEntries(MESSAGES.map((m) => [m, 1])));
  }, 60_000);
});
