import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { post, REPO, startCollector, tempDir, waitFor, writeConfig } from '../helpers/collector.js';
import { walCommits } from '../helpers/wal-commits.js';

// The disclosure ledger records delivered batches in governance.db by group commit (src/audit/ledger.ts):
// destinations woken by the same events deliver close together, and their records share a write
// transaction. Before, each delivered batch committed its own. Real collector, four webhook
// destinations on one loopback fake; every event each destination received is in the ledger.
const HOOKS = ['a', 'b', 'c', 'd'];
const config = (url: string) => `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  local_file: { type: file, enabled: false }
${HOOKS.map((h) => `  hook_${h}:
    type: webhook
    baa: false
    allow: [event, visitor_id, properties.n]
    options: { url: "${url}/hook/${h}" }
    delivery: { batch_size: 5 }
`).join('')}`;
const track = (id: string) => ({ type: 'track', event: 'Button Clicked', messageId: id, anonymousId: `anon-${id}`, properties: { n: 1 } });

describe('disclosure ledger under concurrent deliveries', () => {
  let fake: FakeServer;
  beforeAll(async () => { fake = await startWebhookFake(); });
  afterAll(async () => { await fake.close(); });

  it('commits fewer governance.db transactions than delivered batches; every event sent is recorded', async () => {
    const dataDir = tempDir(), configPath = writeConfig(config(fake.url));
    // A backlog first (delivery off), then every destination's loops deliver it in batches of 5 at once.
    const ingest = await startCollector({ configPath, dataDir, deliver: false });
    const REQUESTS = 24, PER = 5;
    const sent = await Promise.all(Array.from({ length: REQUESTS }, (_, r) => post(`${ingest.url}/v1/batch`, { batch: Array.from({ length: PER }, (_, i) => track(`g-${r}-${i}`)) })));
    expect(sent.every((s) => s.status === 200)).toBe(true);
    await ingest.close();
    const gov = join(dataDir, 'governance.db');
    const collector = await startCollector({ configPath, dataDir, deliver: true });
    const before = walCommits(gov);
    const events = (h: string) => fake.handled(`/hook/${h}`).reduce((n, r) => n + (r.json as unknown[]).length, 0);
    await waitFor(() => HOOKS.map(events), (n) => n.every((x) => x >= REQUESTS * PER), 20_000);
    const ledger = new Database(gov, { readonly: true });
    const recorded = () => ledger.prepare('SELECT destination AS d, SUM(events) AS n FROM disclosure_hourly GROUP BY destination ORDER BY destination').all();
    const expected = HOOKS.map((h) => ({ d: `hook_${h}`, n: events(h) }));
    // Each batch is recorded once its group commits, after the vendor's answer.
    await waitFor(recorded, (r) => JSON.stringify(r) === JSON.stringify(expected), 10_000);
    const commits = walCommits(gov) - before; // before the close: the last connection's close checkpoints the WAL away
    ledger.close();
    await collector.close();
    const batches = HOOKS.reduce((n, h) => n + fake.handled(`/hook/${h}`).length, 0);
    console.log(`ledger under concurrent deliveries: delivered_batches=${batches} governance_commits=${commits}`);
    expect(commits).toBeLessThan(batches * 0.5); // before: one per delivered batch (96 of 96 in the run that was checked)
  }, 60_000);
});
