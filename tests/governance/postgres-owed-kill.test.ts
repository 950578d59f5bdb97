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

// With PostgreSQL storage a batch sent while the disclosure ledger cannot write was owed in memory only: a
// collector killed with SIGKILL after acknowledging its rows lost the record of that send for good. Now the
// owed batch (the ledger's summary: no payload value) is written to phiwall_ledger_owed in the ack's own
// transaction, and recorded at the next start in one transaction that deletes it and writes the ledger:
// exactly once, also when two instances start at once.

const run = postgresRequired();
const SECRET = 'owed-pg-secret-0123456789abcdef';
const MESSAGES = ['m1', 'm2', 'm3'];
const spoolOpts = (url: string) => ({ url, pool: 2, maxRows: 1000, maxBytes: 1e7, groupCommitMs: 1, deadLetterDays: 7, maintenanceMs: 0 });

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return await c.query(text); } finally { await c.end(); }
}

/** Three events spooled, two leased (1.5 s) and sent while the ledger refuses writes (a CHECK no row passes), then killed at `at`. */
function sendAndKill(url: string, at: 'before-ack' | 'after-ack'): void {
  const script = `import { PostgresSpool } from ${srcModule('src/spool/postgres/postgres-spool.ts')};
    import { Governance } from ${srcModule('src/governance/governance.ts')};
    import { createLogger } from ${srcModule('src/observability/log.ts')};
    import { Registry } from 'prom-client';
    const spool = new PostgresSpool(${JSON.stringify(spoolOpts(url))});
    await spool.ready.ensure();
    const gov = new Governance({ path: ${JSON.stringify(join(tempDir(), 'governance.db'))}, secret: '${SECRET}', metaDays: 18, perEventLedger: true, registry: new Registry(), log: createLogger('fatal'), postgres: spool });
    await gov.deliveryHooks.ready();
    await spool.enqueue(${JSON.stringify(MESSAGES)}.map((m) => ({ messageId: m, destination: 'hook', payload: { event: 'Clicked', message_id: m } })));
    const sent = await spool.lease('hook', 2, 1500);
    const withAck = await gov.deliveryHooks.delivered('hook', sent);
    if (${JSON.stringify(at)} === 'before-ack') process.kill(process.pid, 'SIGKILL');
    await spool.ack(sent.map((s) => s.id), withAck);
    process.kill(process.pid, 'SIGKILL');`;
  runUntilKilled(script);
}

interface Instance { spool: PostgresSpool; gov: Governance }
function open(url: string): Instance {
  const spool = new PostgresSpool(spoolOpts(url));
  return { spool, gov: new Governance({ path: join(tempDir(), 'governance.db'), secret: SECRET, metaDays: 18, perEventLedger: true, registry: new Registry(), log: createLogger('fatal'), postgres: spool }) };
}

/** Owed batches recorded first (by every instance given, at once), then the rows left sent and recorded; how often each message was recorded. */
async function restartAndDrain(url: string, instances = 1): Promise<Record<string, number>> {
  const all = Array.from({ length: instances }, () => open(url));
  expect(await Promise.all(all.map((i) => i.gov.deliveryHooks.ready!()))).toEqual(all.map(() => true));
  const { spool, gov } = all[0];
  // Rows the killed process had leased come back when their lease (1.5 s) runs out.
  for (const until = Date.now() + 20_000; (await spool.stats()).pending > 0 && Date.now() < until;) {
    const left = await spool.lease('hook', 10, 60_000);
    if (left.length) await spool.ack(left.map((l) => l.id), await gov.deliveryHooks.delivered!('hook', left));
    else await new Promise((r) => setTimeout(r, 200));
  }
  for (const i of all) { await i.gov.close(); await i.spool.close(); }
  const rows = (await sql(url, 'SELECT message_id AS m, COUNT(*)::int AS n FROM phiwall_disclosure_events GROUP BY message_id')).rows as { m: string; n: number }[];
  const hourly = Number((await sql(url, 'SELECT COALESCE(SUM(events), 0) AS n FROM phiwall_disclosure_hourly')).rows[0].n);
  expect(hourly).toBe(rows.reduce((s, r) => s + r.n, 0));
  expect((await sql(url, 'SELECT COUNT(*)::int AS n FROM phiwall_ledger_owed')).rows[0].n).toBe(0);
  return Object.fromEntries(rows.map((r) => [r.m, r.n]));
}

describe.runIf(run)('PostgreSQL: an owed ledger batch and its ack, across kill -9', () => {
  let server: TestPostgres;
  let n = 0;
  beforeAll(async () => { server = await startPostgres({ durable: false }); }, 120_000);
  afterAll(async () => { await server?.stop(); });

  /** A fresh database, migrated, whose ledger refuses every write until `recover()`. */
  async function refusingLedger(): Promise<{ url: string; recover: () => Promise<void> }> {
    const url = await server.createDatabase(`owed_${n++}`);
    const pool = new pg.Pool({ connectionString: url });
    await migrate(pool);
    await pool.end();
    await sql(url, 'ALTER TABLE phiwall_disclosure_hourly ADD CONSTRAINT ledger_down CHECK (false) NOT VALID');
    return { url, recover: async () => { await sql(url, 'ALTER TABLE phiwall_disclosure_hourly DROP CONSTRAINT ledger_down'); } };
  }

  const RUNS = 3;
  it.each(['before-ack', 'after-ack'] as const)('killed %s: every sent message is recorded exactly once after the restart', async (at) => {
    let duplicates = 0, missing = 0;
    for (let r = 0; r < RUNS; r++) {
      const { url, recover } = await refusingLedger();
      sendAndKill(url, at);
      if (at === 'after-ack') {
        const kept = (await sql(url, 'SELECT summary FROM phiwall_ledger_owed')).rows as { summary: string }[];
        expect(kept).toHaveLength(1);
        expect(kept[0].summary).not.toContain('Clicked'); // the ledger's summary, no payload value
      }
      await recover();
      const counts = await restartAndDrain(url);
      duplicates += Object.values(counts).reduce((s, x) => s + x - 1, 0);
      missing += MESSAGES.filter((m) => !counts[m]).length;
      expect(counts).toEqual(Object.fromEntries(MESSAGES.map((m) => [m, 1])));
    }
    console.log(`postgres owed ack kill -9 ${at}: runs=${RUNS} duplicates=${duplicates} missing=${missing}`);
  }, 180_000);

  it('two instances starting at once record a batch another left owed once', async () => {
    const { url, recover } = await refusingLedger();
    sendAndKill(url, 'after-ack');
    await recover();
    expect(await restartAndDrain(url, 2)).toEqual(Object.fromEntries(MESSAGES.map((m) => [m, 1])));
  }, 120_000);
});
