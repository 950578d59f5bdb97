import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { post, readOutput, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { delivered, track, webhookConfig } from '../helpers/webhook-delivery.js';

// The disclosure ledger must show where every event went. Its database refusing writes (a full
// disk, a read-only file system): the batch already sent is owed to the ledger, nothing more is sent while
// it cannot record (rows wait in the spool, ingest goes on), and once it takes writes again the
// owed batch is recorded first and deliveries resume. Before, sends went on unrecorded.
describe('a disclosure ledger that cannot write', () => {
  let fake: FakeServer;
  let c: Collector;
  beforeAll(async () => {
    fake = await startWebhookFake({ secret: 's3cret-signing-key' });
    c = await startCollector({ configPath: writeConfig(webhookConfig(fake.url, '{ retry_base_ms: 50, retry_max_ms: 200, concurrency: 1 }')) });
  });
  afterAll(async () => { await c.close(); await fake.close(); });

  // query_only: every write of the ledger's connection is refused by SQLite itself, as a full disk or
  // a read-only remount refuses it (probed on tmpfs, see the H93 report), whatever free room its pages have.
  const writable = (on: boolean) => { c.runtime.governance.db.pragma(`query_only = ${on ? 0 : 1}`); };
  const owed = async () => Number(/^phiwall_ledger_owed_events (\d+)$/m.exec(await (await fetch(`${c.url}/metrics`)).text())?.[1]);
  const recorded = async () => (await c.runtime.governance.ledger.report('hook', Date.now() - 3_600_000, Date.now() + 3_600_000)).total;

  it('pauses deliveries after the unrecorded batch, keeps ingesting, then records it and resumes', async () => {
    expect((await post(`${c.url}/v1/track`, track('ledger-0'))).status).toBe(200);
    await waitFor(() => delivered(fake), (d) => d.includes('ledger-0'), 5000);
    await waitFor(recorded, (n) => n === 1, 5000);
    writable(false);
    expect((await post(`${c.url}/v1/track`, track('ledger-1'))).status).toBe(200);
    // Sent by the webhook or the file destination (whichever went first), its record is owed.
    await waitFor(owed, (n) => n >= 1, 5000);
    for (const id of ['ledger-2', 'ledger-3']) expect((await post(`${c.url}/v1/track`, track(id))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    const sent = [...delivered(fake), ...readOutput(c.dataDir).map((r) => r.message_id)];
    expect(sent.filter((id) => id === 'ledger-2' || id === 'ledger-3')).toEqual([]); // nothing more went out unrecorded
    expect((await c.runtime.spool.stats()).byDestination.hook?.pending).toBeGreaterThanOrEqual(2);
    writable(true);
    await waitFor(() => delivered(fake), (d) => ['ledger-1', 'ledger-2', 'ledger-3'].every((id) => d.includes(id)), 5000);
    expect(await waitFor(recorded, (n) => n === 4, 5000)).toBe(4);
    expect(await owed()).toBe(0);
  });
});
