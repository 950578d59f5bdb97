import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { post, tempDir, waitFor, writeConfig } from '../helpers/collector.js';
import { exited, metric, spawnCollector, type ChildCollector } from '../helpers/child-collector.js';
import { delivered, track, webhookConfig } from '../helpers/webhook-delivery.js';

// A batch sent while the disclosure ledger cannot write is owed to it, and the worker then acknowledges it
// in the spool (its rows are gone: it is not sent again). Before, the owed record was held in memory only:
// `phiwall serve` killed with SIGKILL at that point lost the record of a send for good. Now it is kept in
// the spool's file before the ack, and the next start records it before delivering anything.
describe('a send owed to the disclosure ledger, across kill -9', () => {
  let fake: FakeServer;
  const children: ChildCollector[] = [];
  beforeAll(async () => { fake = await startWebhookFake({ secret: 's3cret-signing-key' }); });
  afterAll(async () => { for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL'); await fake.close(); });

  it('is recorded by the next start', async () => {
    const dataDir = tempDir();
    const config = writeConfig(`${webhookConfig(fake.url, '{ retry_base_ms: 50, retry_max_ms: 200, concurrency: 1 }')}  local_file: { type: file, enabled: false }\n`);
    const env = { PHIWALL_WORKERS: '1' };
    const first = await spawnCollector(config, dataDir, env);
    children.push(first);
    // Another connection holds the governance database's write lock: the ledger's writes fail (SQLITE_BUSY after its wait).
    const lock = new Database(join(dataDir, 'governance.db'));
    lock.exec('BEGIN EXCLUSIVE');
    expect((await post(`${first.url}/v1/track`, track('owed-0'))).status).toBe(200);
    await waitFor(() => delivered(fake), (d) => d.includes('owed-0'), 20_000);
    // The ledger's wait for the lock holds the event loop: a kept-alive connection may be reset meanwhile.
    const owed = async () => { try { return metric(await (await fetch(`${first.url}/metrics`)).text(), 'phiwall_ledger_owed_events'); } catch { return -1; } };
    await waitFor(owed, (n) => n === 1, 20_000);
    // The worker acknowledged the sent batch: nothing of it is left in the spool to send again.
    const spool = new Database(join(dataDir, 'spool.db'), { readonly: true });
    const left = () => (spool.prepare('SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM outbox_packs) AS n').get() as { n: number }).n;
    await waitFor(left, (n) => n === 0, 20_000);
    spool.close();
    first.child.kill('SIGKILL');
    await exited(first.child);
    lock.exec('ROLLBACK');
    lock.close();

    const second = await spawnCollector(config, dataDir, env);
    children.push(second);
    const ledger = new Database(join(dataDir, 'governance.db'), { readonly: true });
    const recorded = () => (ledger.prepare("SELECT coalesce(sum(events), 0) AS n FROM disclosure_hourly WHERE destination = 'hook'").get() as { n: number }).n;
    expect(await waitFor(recorded, (n) => n === 1, 20_000)).toBe(1);
    ledger.close();
    // Sent once: the owed batch was recorded, not sent again.
    expect(delivered(fake).filter((id) => id === 'owed-0')).toHaveLength(1);
    second.child.kill('SIGTERM');
    await exited(second.child);
  }, 120_000);
});
