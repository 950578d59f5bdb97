import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { DEMO_AUTH, REPO, tempDir, waitFor, writeConfig } from '../helpers/collector.js';
import { alive, childPids, exited, spawnCollector, type ChildCollector } from '../helpers/child-collector.js';

// Each test starts a cluster twice (a primary and its workers, then again after the kill): 12-15 s a
// start at load 24 on 2 cores, 29-35 s a test; at load 40 one ran past the 60 s default.
const CLUSTER_TWICE_MS = 150_000;

// Against the default `phiwall serve`: a cluster of one worker per core, each with its own spool.
describe('crash safety', () => {
  let fake: FakeServer;
  const spawned: ChildCollector[] = [];
  beforeAll(async () => { fake = await startWebhookFake(); });
  // A test that failed or timed out midway leaves its cluster running: stop what is left, workers first.
  afterAll(async () => {
    for (const c of spawned) for (const pid of [...childPids(c.child.pid!), c.child.pid!]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await fake.close();
  });

  /** Loads the collector from 6 senders until `kill` runs; then restarts it and checks every acked event arrives. */
  async function ackedSurviveKill(path: string, kill: (c: ChildCollector) => Promise<void>, env: Record<string, string> = {}): Promise<void> {
    const dataDir = tempDir();
    const config = writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  local_file: { type: file, enabled: false }
  hook:
    type: webhook
    allow: [event, visitor_id]
    options: { url: "${fake.url}${path}" }
    delivery: { retry_base_ms: 50, retry_max_ms: 500, lease_ms: 2000 }
`);
    let collector = await spawnCollector(config, dataDir, env);
    spawned.push(collector);
    const workers = Number(env.PHIWALL_WORKERS ?? availableParallelism());
    await waitFor(() => childPids(collector.child.pid!).length, (n) => n === (workers > 1 ? workers : 0), 20_000);
    const acked: string[] = [];
    let sent = 0;
    let stop = false;
    let killing = false;
    let failedBeforeKill: string | undefined;
    const answers: Record<number, number> = {};
    const sender = async (worker: number) => {
      for (let n = 0; !stop; n++) {
        const batch = Array.from({ length: 10 }, (_, i) => ({ type: 'track', event: 'Clicked', messageId: `w${worker}-${n}-${i}`, anonymousId: `a${worker}` }));
        sent += batch.length;
        try {
          const r = await fetch(`${collector.url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: DEMO_AUTH }, body: JSON.stringify({ batch }) });
          answers[r.status] = (answers[r.status] ?? 0) + 1;
          if (r.status === 200) acked.push(...batch.map((e) => e.messageId));
        } catch (err) { if (!killing) failedBeforeKill ??= String(err); stop = true; }
      }
    };
    const senders = Array.from({ length: 6 }, (_, i) => sender(i));
    // The kill comes once there are acknowledgements to check, at a random moment after that: a fixed
    // sending time (it was 400-1,200 ms) got 30 acknowledged events at load 24 on 2 cores (a cluster
    // still warming up), and fewer than the 21 this test needs on a slower turn.
    await waitFor(() => acked.length, (n) => n > 20 || stop, 30_000);
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 800)));
    killing = true;
    await kill(collector);
    stop = true;
    await Promise.all(senders);
    expect(failedBeforeKill).toBeUndefined();
    expect(acked.length).toBeGreaterThan(20);

    collector = await spawnCollector(config, dataDir, env);
    spawned.push(collector);
    const deliveredIds = () => fake.handled(path).flatMap((r) => (r.json as { message_id: string }[]).map((x) => x.message_id));
    await waitFor(deliveredIds, (d) => { const s = new Set(d); return acked.every((id) => s.has(id)); }, 30_000);
    const all = deliveredIds();
    const duplicates = all.length - new Set(all).size;
    // Reported, not hidden: duplicates come from batches in flight at the kill.
    console.log(`crash test ${path}: sent=${sent} acked=${acked.length} delivered=${new Set(all).size} duplicates=${duplicates} answers=${JSON.stringify(answers)}`);
    // At most the batches in flight at the kill are sent twice.
    expect(duplicates).toBeLessThanOrEqual(acked.length);
    collector.child.kill('SIGTERM');
    expect(await exited(collector.child)).toBe(0);
  }

  it('every event acknowledged before a kill -9 of every process is delivered after restart (at least once)', async () => {
    await ackedSurviveKill('/hook/crash', async (c) => {
      // As a container stop or the OOM killer's group kill would: workers and primary at once.
      for (const pid of [...childPids(c.child.pid!), c.child.pid!]) process.kill(pid, 'SIGKILL');
      await exited(c.child);
    });
  }, CLUSTER_TWICE_MS);

  it('workers exit when the primary is killed with SIGKILL; a restart delivers every acked event', async () => {
    await ackedSurviveKill('/hook/primary-killed', async (c) => {
      const workers = childPids(c.child.pid!);
      c.child.kill('SIGKILL');
      await exited(c.child);
      // No orphan keeps serving or holds the spool files the restarted collector opens.
      await waitFor(() => workers.filter(alive), (left) => left.length === 0, 20_000);
    }, { PHIWALL_WORKERS: '2' });
  }, CLUSTER_TWICE_MS);
});
