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

// A batch sent while the disclosure ledger cannot write is owed to it and its rows acknowledged: the owed
// record and the ack commit in one transaction (the spool's BeforeCommit), and the pack items acked with it
// are settled on disk, not in memory only. A process killed with SIGKILL just before that ack, or just after
// it, leaves each sent message recorded exactly once after the next start: before, a kill before the ack left
// the owed record and the rows (sent again: recorded twice), and a kill after it left the owed record and the
// pack whole (its acked items sent again: recorded twice).

const SECRET = 'owed-ack-secret-0123456789abcdef';
const MESSAGES = ['m1', 'm2', 'm3'];

/** The first process: three events in one pack, two leased and sent while the ledger refuses writes, then killed at `at`. */
function sendAndKill(dir: string, at: 'before-ack' | 'after-ack'): void {
  const script = `import { SqliteSpool } from ${srcModule('src/spool/sqlite/sqlite-spool.ts')};
    import { Governance } from ${srcModule('src/governance/governance.ts')};
    import { SqliteOwedStore } from ${srcModule('src/governance/owed-store.ts')};
    import { createLogger } from ${srcModule('src/observability/log.ts')};
    import { Registry } from 'prom-client';
    const spool = new SqliteSpool({ path: ${JSON.stringify(join(dir, 'spool.db'))}, maxRows: 1000, maxBytes: 1e7, synchronous: 'full', groupCommitMs: 1 });
    const gov = new Governance({ path: ${JSON.stringify(join(dir, 'governance.db'))}, secret: '${SECRET}', metaDays: 18, perEventLedger: true, registry: new Registry(), log: createLogger('fatal'), owedStore: new SqliteOwedStore(spool.db) });
    await gov.deliveryHooks.ready();
    await spool.enqueue(${JSON.stringify(MESSAGES)}.map((m) => ({ messageId: m, destination: 'hook', payload: { event: 'Clicked', message_id: m } })));
    const sent = await spool.lease('hook', 2, 600000);
    gov.db.pragma('query_only = 1'); // the ledger's writes are refused, as on a full disk
    const withAck = await gov.deliveryHooks.delivered('hook', sent);
    if (${JSON.stringify(at)} === 'before-ack') process.kill(process.pid, 'SIGKILL');
    await spool.ack(sent.map((s) => s.id), withAck);
    process.kill(process.pid, 'SIGKILL');`;
  runUntilKilled(script);
}

/** The next start: owed batches recorded first, then every row left is sent and recorded; how often each message was recorded. */
async function restartAndDrain(dir: string): Promise<Record<string, number>> {
  const spool = new SqliteSpool({ path: join(dir, 'spool.db'), maxRows: 1000, maxBytes: 1e7, synchronous: 'full', groupCommitMs: 1 });
  const gov = new Governance({ path: join(dir, 'governance.db'), secret: SECRET, metaDays: 18, perEventLedger: true, registry: new Registry(), log: createLogger('fatal'), owedStore: new SqliteOwedStore(spool.db) });
  expect(await gov.deliveryHooks.ready!()).toBe(true);
  for (let left = await spool.lease('hook', 10, 60_000); left.length; left = await spool.lease('hook', 10, 60_000)) {
    await spool.ack(left.map((l) => l.id), await gov.deliveryHooks.delivered!('hook', left));
  }
  await gov.close();
  await spool.close();
  const ledger = new Database(join(dir, 'governance.db'), { readonly: true });
  const rows = ledger.prepare('SELECT message_id AS m, COUNT(*) AS n FROM disclosure_events GROUP BY message_id').all() as { m: string; n: number }[];
  const hourly = (ledger.prepare('SELECT COALESCE(SUM(events), 0) AS n FROM disclosure_hourly').get() as { n: number }).n;
  ledger.close();
  // The hourly counts agree with the per-event rows.
  expect(hourly).toBe(rows.reduce((s, r) => s + r.n, 0));
  return Object.fromEntries(rows.map((r) => [r.m, r.n]));
}

describe('an owed ledger batch and its ack, across kill -9', () => {
  const RUNS = 3;
  it.each(['before-ack', 'after-ack'] as const)('killed %s: every sent message is recorded exactly once after the restart', async (at) => {
    let duplicates = 0;
    for (let run = 0; run < RUNS; run++) {
      const dir = tempDir();
      sendAndKill(dir, at);
      const counts = await restartAndDrain(dir);
      duplicates += Object.values(counts).reduce((s, n) => s + n - 1, 0);
      expect(counts).toEqual(Object.fromEntries(MESSAGES.map((m) => [m, 1])));
    }
    console.log(`owed ack kill -9 ${at}: runs=${RUNS} duplicates=${duplicates}`);
  }, 120_000);

  it('an owed batch is kept as the ledger summary only: no payload value at rest', async () => {
    const dir = tempDir();
    sendAndKill(dir, 'after-ack');
    const spool = new Database(join(dir, 'spool.db'), { readonly: true });
    const kept = (spool.prepare('SELECT items FROM ledger_owed').all() as { items: string }[]).map((r) => r.items);
    spool.close();
    expect(kept).toHaveLength(1);
    expect(kept[0]).not.toContain('Clicked');
    expect(JSON.parse(kept[0])).toMatchObject({ counts: [{ destination: 'hook', events: 2, fields: ['event', 'message_id'] }] });
  }, 60_000);

  it('a batch an older release kept whole (payloads) is summarized at the next start, then recorded', async () => {
    const dir = tempDir();
    const spool = new SqliteSpool({ path: join(dir, 'spool.db'), maxRows: 1000, maxBytes: 1e7, synchronous: 'full', groupCommitMs: 1 });
    const store = new SqliteOwedStore(spool.db);
    const sent = MESSAGES.map((m) => ({ destination: 'hook', messageId: m, policyVersion: 'v1', payload: { event: 'Clicked', message_id: m } }));
    spool.db.prepare('INSERT INTO ledger_owed (sent_at, items) VALUES (?, ?)').run(Date.now(), JSON.stringify(sent));
    const gov = new Governance({ path: join(dir, 'governance.db'), secret: SECRET, metaDays: 18, perEventLedger: true, registry: new Registry(), log: createLogger('fatal'), owedStore: store });
    gov.db.pragma('query_only = 1');
    expect(await gov.deliveryHooks.ready!()).toBe(false);
    // Read while the ledger still refuses: only the summary is left at rest.
    const kept = spool.db.prepare('SELECT items FROM ledger_owed').pluck().all() as string[];
    expect(kept).toHaveLength(1);
    expect(kept[0]).not.toContain('Clicked');
    gov.db.pragma('query_only = 0');
    await new Promise((r) => setTimeout(r, 1100)); // the owed batches' retry wait
    expect(await gov.deliveryHooks.ready!()).toBe(true);
    const report = await gov.ledger.report('hook', Date.now() - 3_600_000, Date.now() + 3_600_000);
    expect(report.total).toBe(3);
    expect(spool.db.prepare('SELECT COUNT(*) FROM ledger_owed').pluck().get()).toBe(0);
    await gov.close();
    await spool.close();
  }, 30_000);
});
