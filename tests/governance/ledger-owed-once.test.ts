import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { Governance } from '../../src/governance/governance.js';
import { SqliteOwedStore } from '../../src/governance/owed-store.js';
import { createLogger } from '../../src/observability/log.js';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { tempDir } from '../helpers/collector.js';
import { runUntilKilled, srcModule } from '../helpers/killed-child.js';

// With SQLite storage an owed ledger batch is kept in the spool's file and the ledger is governance.db:
// recording it is a write to one file, then a delete in the other. A process killed (SIGKILL) between the
// two left the row, and the next start recorded the batch a second time. Now the ledger keeps the row's key
// with its record and writes a key it holds only once. And an ack whose transaction fails after the owed
// hook ran no longer leaves the batch owed in memory: its rows are sent again and recorded then, once.

const SECRET = 'owed-once-secret-0123456789abcdef';
const MESSAGES = ['m1', 'm2', 'm3'];
const spoolOpts = (dir: string) => ({ path: join(dir, 'spool.db'), maxRows: 1000, maxBytes: 1e7, synchronous: 'full' as const, groupCommitMs: 1 });
const govOpts = (dir: string, spool: SqliteSpool, registry = new Registry()) =>
  ({ path: join(dir, 'governance.db'), secret: SECRET, metaDays: 18, perEventLedger: true, registry, log: createLogger('fatal'), owedStore: new SqliteOwedStore(spool.db) });

/** Two of three events sent while the ledger refuses writes (owed, acked); then the ledger writes again and the process is killed as the owed row's delete begins. */
function owedThenKilledBeforeDelete(dir: string): void {
  const script = `import { SqliteSpool } from ${srcModule('src/spool/sqlite/sqlite-spool.ts')};
    import { Governance } from ${srcModule('src/governance/governance.ts')};
    import { SqliteOwedStore } from ${srcModule('src/governance/owed-store.ts')};
    import { createLogger } from ${srcModule('src/observability/log.ts')};
    import { Registry } from 'prom-client';
    const spool = new SqliteSpool(${JSON.stringify(spoolOpts(dir))});
    const gov = new Governance({ path: ${JSON.stringify(join(dir, 'governance.db'))}, secret: '${SECRET}', metaDays: 18, perEventLedger: true, registry: new Registry(), log: createLogger('fatal'), owedStore: new SqliteOwedStore(spool.db) });
    await gov.deliveryHooks.ready();
    await spool.enqueue(${JSON.stringify(MESSAGES)}.map((m) => ({ messageId: m, destination: 'hook', payload: { event: 'Clicked', message_id: m } })));
    const sent = await spool.lease('hook', 2, 600000);
    gov.db.pragma('query_only = 1');
    await spool.ack(sent.map((s) => s.id), await gov.deliveryHooks.delivered('hook', sent));
    gov.db.pragma('query_only = 0');
    // The ledger's transaction has committed in governance.db when the spool file's delete starts: SIGKILL there.
    spool.db.function('die', () => { process.kill(process.pid, 'SIGKILL'); return 0; });
    spool.db.exec('CREATE TEMP TRIGGER die_at_delete BEFORE DELETE ON main.ledger_owed BEGIN SELECT die(); END');
    await new Promise((r) => setTimeout(r, 1100)); // the owed batches' retry wait
    await gov.deliveryHooks.ready();
    console.error('not killed');`;
  runUntilKilled(script);
}

function ledgerCounts(dir: string): Record<string, number> {
  const ledger = new Database(join(dir, 'governance.db'), { readonly: true });
  try {
    const rows = ledger.prepare('SELECT message_id AS m, COUNT(*) AS n FROM disclosure_events GROUP BY message_id').all() as { m: string; n: number }[];
    const hourly = (ledger.prepare('SELECT COALESCE(SUM(events), 0) AS n FROM disclosure_hourly').get() as { n: number }).n;
    expect(hourly).toBe(rows.reduce((s, r) => s + r.n, 0)); // the hourly counts agree with the per-event rows
    return Object.fromEntries(rows.map((r) => [r.m, r.n]));
  } finally { ledger.close(); }
}

/** Owed batches recorded first, then every row left (leases run out after `leaseWaitMs`) sent and recorded. */
async function drain(spool: SqliteSpool, gov: Governance, leaseWaitMs = 0): Promise<void> {
  expect(await gov.deliveryHooks.ready!()).toBe(true);
  for (const until = Date.now() + leaseWaitMs + 5000; (await spool.stats()).pending > 0 && Date.now() < until;) {
    const left = await spool.lease('hook', 10, 60_000);
    if (left.length) await spool.ack(left.map((l) => l.id), await gov.deliveryHooks.delivered!('hook', left));
    else await new Promise((r) => setTimeout(r, 100));
  }
  expect((await spool.stats()).pending).toBe(0);
}

describe('an owed ledger batch recorded in governance.db, its row deleted from the spool file', () => {
  it('killed between the two: recorded exactly once after the restart', async () => {
    const RUNS = 3;
    let duplicates = 0;
    for (let run = 0; run < RUNS; run++) {
      const dir = tempDir();
      owedThenKilledBeforeDelete(dir);
      // The kill landed between: the ledger has the batch and the spool file still has its owed row.
      expect(ledgerCounts(dir)).toEqual({ m1: 1, m2: 1 });
      const file = new Database(join(dir, 'spool.db'), { readonly: true });
      expect(file.prepare('SELECT COUNT(*) FROM ledger_owed').pluck().get()).toBe(1);
      file.close();
      const spool = new SqliteSpool(spoolOpts(dir));
      const gov = new Governance(govOpts(dir, spool));
      await drain(spool, gov);
      expect(spool.db.prepare('SELECT COUNT(*) FROM ledger_owed').pluck().get()).toBe(0);
      await gov.close();
      await spool.close();
      const counts = ledgerCounts(dir);
      duplicates += Object.values(counts).reduce((s, n) => s + n - 1, 0);
      expect(counts).toEqual({ m1: 1, m2: 1, m3: 1 });
    }
    console.log(`owed record kill -9 between ledger and spool delete: runs=${RUNS} duplicates=${duplicates}`);
  }, 120_000);
});

describe('a spool file whose owed rows an older release wrote (no key column)', () => {
  it('is given the column and each row a key at load; the row is recorded once', async () => {
    const dir = tempDir();
    const file = new Database(join(dir, 'spool.db'));
    file.exec('CREATE TABLE ledger_owed (id INTEGER PRIMARY KEY AUTOINCREMENT, sent_at INTEGER NOT NULL, items TEXT NOT NULL)');
    const summary = { hour: 0, counts: [{ destination: 'hook', policyVersion: 'v1', events: 2, fields: ['event'] }], events: [] };
    file.prepare('INSERT INTO ledger_owed (sent_at, items) VALUES (?, ?)').run(Date.now(), JSON.stringify(summary));
    file.close();
    const spool = new SqliteSpool(spoolOpts(dir));
    const gov = new Governance(govOpts(dir, spool));
    expect(await gov.deliveryHooks.ready!()).toBe(true);
    expect(spool.db.prepare('SELECT COUNT(*) FROM ledger_owed').pluck().get()).toBe(0);
    const report = await gov.ledger.report('hook', 0, Date.now() + 3_600_000);
    expect(report.total).toBe(2);
    await gov.close();
    await spool.close();
  });
});

describe('an ack whose transaction fails after the owed hook ran', () => {
  it('owes nothing: the gauge stays 0 and each message, sent again, is recorded once', async () => {
    const dir = tempDir();
    const registry = new Registry();
    const spool = new SqliteSpool(spoolOpts(dir));
    const gov = new Governance(govOpts(dir, spool, registry));
    expect(await gov.deliveryHooks.ready!()).toBe(true);
    await spool.enqueue(MESSAGES.map((m) => ({ messageId: m, destination: 'hook', payload: { event: 'Clicked', message_id: m } })));
    const sent = await spool.lease('hook', 2, 300);
    gov.db.pragma('query_only = 1'); // the ledger refuses writes: the batch is owed, kept with the ack
    const withAck = await gov.deliveryHooks.delivered!('hook', sent);
    expect(withAck).toBeDefined();
    // The spool file refuses the ack's own writes (as a full disk would): the whole transaction rolls back.
    for (const [table, op] of [['pack_acks', 'INSERT'], ['outbox_packs', 'DELETE'], ['outbox', 'DELETE']]) {
      spool.db.exec(`CREATE TEMP TRIGGER refuse_${table} BEFORE ${op} ON main.${table} BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    }
    await expect(spool.ack(sent.map((s) => s.id), withAck)).rejects.toThrow(/refused/);
    const gauge = async () => (await registry.getSingleMetric('phiwall_ledger_owed_events')!.get()).values[0]?.value;
    expect(await gauge()).toBe(0);
    expect(spool.db.prepare('SELECT COUNT(*) FROM ledger_owed').pluck().get()).toBe(0);
    for (const table of ['pack_acks', 'outbox_packs', 'outbox']) spool.db.exec(`DROP TRIGGER temp.refuse_${table}`);
    gov.db.pragma('query_only = 0');
    await drain(spool, gov, 300);
    await gov.close();
    await spool.close();
    expect(ledgerCounts(dir)).toEqual({ m1: 1, m2: 1, m3: 1 });
  }, 30_000);
});
