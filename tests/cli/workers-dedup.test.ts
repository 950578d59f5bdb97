import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/http-fake.js';
import { startWebhookFake } from '../fakes/webhook.js';
import { metric, request, spawnCluster, type ChildCollector } from '../helpers/child-collector.js';
import { REPO, tempDir, waitFor, writeConfig } from '../helpers/collector.js';

// `serve --workers 2` on SQLite: each worker has its own spool, and the cluster hands connections
// round-robin, so a browser's retry on a new connection lands on the other worker. Both workers
// claim keys in one shared file (src/spool/sqlite/shared-claims.ts): the retry is answered 200
// like its original and the event is delivered once, whichever worker takes the copy.
describe('serve --workers 2: a retried POST landing on the other worker', () => {
  let fake: FakeServer;
  let c: ChildCollector;
  let dataDir: string;
  beforeAll(async () => {
    fake = await startWebhookFake();
    dataDir = tempDir();
    const configPath = writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  local_file: { type: file, enabled: false }
  hook:
    type: webhook
    allow: [event]
    options: { url: "${fake.url}/hook/dedup" }
`);
    c = await spawnCluster(configPath, dataDir, 2);
  }, 60_000);
  afterAll(async () => {
    if (c.child.exitCode === null) c.child.kill('SIGKILL');
    await fake.close();
  });

  const batch = (tag: string) => ({ batch: [0, 1, 2].map((i) => ({ type: 'track', event: 'Clicked', messageId: `${tag}-${i}`, anonymousId: `anon-${tag}` })) });
  const deliveredOf = (tag: string) => fake.handled('/hook/dedup').flatMap((r) => r.json as { message_id: string }[]).filter((x) => x.message_id.startsWith(`${tag}-`));
  /** Keys each worker committed to its own spool (a cluster worker's: its seen_log, one row per commit): which worker took the originals. */
  const keysIn = (file: string) => {
    if (!existsSync(file)) return 0;
    const db = new Database(file, { readonly: true });
    try { return (db.prepare('SELECT (SELECT count(*) FROM seen_messages) + (SELECT COALESCE(SUM(json_array_length(keys)), 0) FROM seen_log) AS n').get() as { n: number }).n; } finally { db.close(); }
  };

  it('sent again on new connections (one after another, then all at once): every copy 200, each event taken and delivered once', async () => {
    for (const [tag, together] of [['seq', false], ['par', true]] as const) {
      const send = () => request(`${c.url}/v1/batch`, 'POST', batch(tag));
      const answers = together ? await Promise.all([send(), send(), send(), send()]) : [await send(), await send(), await send(), await send()];
      for (const a of answers) expect([a.status, JSON.parse(a.text)]).toEqual([200, { success: true, accepted: 3, blocked: 0, failed: 0 }]);
    }
    const text = (await request(`${c.url}/metrics`, 'GET')).text;
    // 4 sends x 3 events x 2 tags: 6 taken, 18 copies, across both workers (round-robin: each got requests).
    expect([metric(text, 'phiwall_events_ingested_total'), metric(text, 'phiwall_events_duplicate_total')]).toEqual([6, 18]);
    expect(metric(text, 'phiwall_cluster_workers_reporting')).toBe(2);
    for (const tag of ['seq', 'par']) {
      const sent = await waitFor(() => deliveredOf(tag), (d) => d.length >= 3, 20_000);
      await new Promise((r) => setTimeout(r, 800));
      expect(sent.map((x) => x.message_id).sort()).toEqual([`${tag}-0`, `${tag}-1`, `${tag}-2`]);
      expect(deliveredOf(tag)).toHaveLength(3);
    }
    // The keys sit in the spool of the worker that took each event, and in the shared claims file.
    expect(keysIn(join(dataDir, 'spool.db')) + keysIn(join(dataDir, 'w1', 'spool.db'))).toBe(6);
    expect(existsSync(join(dataDir, 'ingest-claims.db'))).toBe(true);
  }, 60_000);
});
