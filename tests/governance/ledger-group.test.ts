import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { Governance } from '../../src/governance/governance.js';
import { SqliteOwedStore } from '../../src/governance/owed-store.js';
import { createLogger } from '../../src/observability/log.js';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import type { LeasedItem } from '../../src/spool/port.js';
import { tempDir, waitFor } from '../helpers/collector.js';
import { runUntilKilled, srcModule } from '../helpers/killed-child.js';
import { walCommits } from '../helpers/wal-commits.js';

// Delivered batches' records share one governance.db transaction (src/audit/ledger.ts, group commit):
// before, every delivered batch committed its own. What must not change: a batch is acked only after
// its record committed, or is owed in its ack's transaction; a group whose write fails part-way owes
// every batch in it (none half-recorded, none lost); a kill -9 while a group waits loses no disclosure
// (the batches were not acked: sent again and recorded after the restart).

const SECRET = 'ledger-group-secret-0123456789abcdef';
const DESTS = ['a', 'b', 'c', 'd', 'e', 'f'];
const MESSAGES = ['m1', 'm2'];

function open(dir: string): { spool: SqliteSpool; gov: Governance } {
  const spool = new SqliteSpool({ path: join(dir, 'spool.db'), maxRows: 1000, maxBytes: 1e7, synchronous: 'full', groupCommitMs: 1 });
  const gov = new Governance({ path: join(dir, 'governance.db'), secret: SECRET, metaDays: 18, perEventLedger: true, registry: new Registry(), log: createLogger('fatal'), owedStore: new SqliteOwedStore(spool.db) });
  return { spool, gov };
}

/** Two events for each destination, leased: one batch per destination, as its delivery loop holds after a send. */
async function leasedBatches(spool: SqliteSpool): Promise<LeasedItem[][]> {
  await spool.enqueue(DESTS.flatMap((d) => MESSAGES.map((m) => ({ messageId: `${d}-${m}`, destination: d, payload: { event: 'Clicked', message_id: `${d}-${m}` } }))));
  return Promise.all(DESTS.map((d) => spool.lease(d, 10, 60_000)));
}

/** Per-event rows per message id, with the hourly counts checked against them. */
function recorded(dir: string): Record<string, number> {
  const ledger = new Database(join(dir, 'governance.db'), { readonly: true });
  try {
    const rows = ledger.prepare('SELECT message_id AS m, COUNT(*) AS n FROM disclosure_events GROUP BY message_id').all() as { m: string; n: number }[];
    const hourly = ledger.prepare('SELECT COALESCE(SUM(events), 0) FROM disclosure_hourly').pluck().get() as number;
    expect(hourly).toBe(rows.reduce((s, r) => s + r.n, 0));
    return Object.fromEntries(rows.map((r) => [r.m, r.n]));
  } finally { ledger.close(); }
}

const everyMessage = (n: number) => Object.fromEntries(DESTS.flatMap((d) => MESSAGES.map((m) => [`${d}-${m}`, n])));

describe('disclosure ledger: group commit of delivered batches', () => {
  it('batches delivered together by several destinations are recorded in one governance.db transaction, then acked', async () => {
    const dir = tempDir();
    const { spool, gov } = open(dir);
    expect(await gov.deliveryHooks.ready!()).toBe(true);
    const batches = await leasedBatches(spool);
    const before = walCommits(join(dir, 'governance.db'));
    // Each destination's loop records its batch when its send is confirmed; they end close together.
    const works = await Promise.all(DESTS.map((d, i) => gov.deliveryHooks.delivered!(d, batches[i])));
    const commits = walCommits(join(dir, 'governance.db')) - before;
    console.log(`ledger group: batches=${DESTS.length} governance_commits=${commits}`);
    expect(commits).toBe(1); // before: one per batch (6)
    expect(works.every((w) => w === undefined)).toBe(true); // recorded: nothing owed
    expect(recorded(dir)).toEqual(everyMessage(1)); // each record resolved only once committed
    for (const [i, b] of batches.entries()) await spool.ack(b.map((x) => x.id), works[i]);
    await gov.close();
    await spool.close();
  });

  it('a write failing part-way through a group owes every batch in it; once the ledger writes again each is recorded once', async () => {
    const dir = tempDir();
    const { spool, gov } = open(dir);
    expect(await gov.deliveryHooks.ready!()).toBe(true);
    const batches = await leasedBatches(spool);
    // The fourth destination's first event is refused (as a full disk would, mid-transaction): the three before it were written.
    gov.db.exec("CREATE TRIGGER refuse BEFORE INSERT ON disclosure_events WHEN NEW.message_id = 'd-m1' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const works = await Promise.all(DESTS.map((d, i) => gov.deliveryHooks.delivered!(d, batches[i])));
    expect(works.every((w) => typeof w === 'function')).toBe(true); // every batch of the group owed, with its ack
    expect(recorded(dir)).toEqual({}); // nothing of the group half-written
    for (const [i, b] of batches.entries()) await spool.ack(b.map((x) => x.id), works[i]);
    expect(spool.db.prepare('SELECT COUNT(*) FROM ledger_owed').pluck().get()).toBe(DESTS.length);
    expect(await gov.deliveryHooks.ready!()).toBe(false); // deliveries wait while the ledger owes
    gov.db.exec('DROP TRIGGER refuse');
    await waitFor(() => gov.deliveryHooks.ready!(), (ok) => ok === true, 5000);
    expect(recorded(dir)).toEqual(everyMessage(1));
    expect(spool.db.prepare('SELECT COUNT(*) FROM ledger_owed').pluck().get()).toBe(0);
    await gov.close();
    await spool.close();
  }, 30_000);

  it.each(['while the group waits', 'after the failed group was owed and acked'] as const)('kill -9 %s: every sent message is in the ledger after the restart', (at) => {
    const dir = tempDir();
    const owed = at !== 'while the group waits';
    runUntilKilled(`import { SqliteSpool } from ${srcModule('src/spool/sqlite/sqlite-spool.ts')};
      import { Governance } from ${srcModule('src/governance/governance.ts')};
      import { SqliteOwedStore } from ${srcModule('src/governance/owed-store.ts')};
      import { createLogger } from ${srcModule('src/observability/log.ts')};
      import { Registry } from 'prom-client';
      const spool = new SqliteSpool({ path: ${JSON.stringify(join(dir, 'spool.db'))}, maxRows: 1000, maxBytes: 1e7, synchronous: 'full', groupCommitMs: 1 });
      const gov = new Governance({ path: ${JSON.stringify(join(dir, 'governance.db'))}, secret: '${SECRET}', metaDays: 18, perEventLedger: true, registry: new Registry(), log: createLogger('fatal'), owedStore: new SqliteOwedStore(spool.db) });
      await gov.deliveryHooks.ready();
      const dests = ${JSON.stringify(DESTS)};
      await spool.enqueue(dests.flatMap((d) => ${JSON.stringify(MESSAGES)}.map((m) => ({ messageId: d + '-' + m, destination: d, payload: { event: 'Clicked', message_id: d + '-' + m } }))));
      const batches = await Promise.all(dests.map((d) => spool.lease(d, 10, 600000)));
      if (${owed}) gov.db.exec("CREATE TRIGGER refuse BEFORE INSERT ON disclosure_events WHEN NEW.message_id = 'd-m1' BEGIN SELECT RAISE(ABORT, 'refused'); END");
      const records = dests.map((d, i) => gov.deliveryHooks.delivered(d, batches[i]));
      if (!${owed}) process.kill(process.pid, 'SIGKILL'); // sent, records waiting for their group: nothing acked
      const works = await Promise.all(records);
      await Promise.all(batches.map((b, i) => spool.ack(b.map((x) => x.id), works[i])));
      gov.db.exec('DROP TRIGGER refuse'); // the file takes writes again, but this process dies before writing what it owes
      process.kill(process.pid, 'SIGKILL');`);
    return restartAndDrain(dir).then((counts) => {
      // Owed and acked: kept in the spool's file, recorded once by the next start, not sent again.
      if (owed) { expect(counts).toEqual(everyMessage(1)); return; }
      // Killed while waiting: nothing was acked, so each batch is sent again and recorded then (the send
      // before the kill is not counted: README, Disclosure ledger). Every message sent is in the ledger.
      expect(Object.keys(counts).sort()).toEqual(Object.keys(everyMessage(1)).sort());
      expect(Object.values(counts).every((n) => n >= 1)).toBe(true);
    });
  }, 60_000);
});

/** The next start: owed batches recorded first, then every row left is leased, "sent" and recorded, then acked. */
async function restartAndDrain(dir: string): Promise<Record<string, number>> {
  const { spool, gov } = open(dir);
  await waitFor(() => gov.deliveryHooks.ready!(), (ok) => ok === true, 5000);
  for (const d of DESTS) {
    for (let left = await spool.lease(d, 10, 60_000); left.length; left = await spool.lease(d, 10, 60_000)) {
      await spool.ack(left.map((l) => l.id), await gov.deliveryHooks.delivered!(d, left));
    }
  }
  await gov.close();
  await spool.close();
  return recorded(dir);
}
