import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/http-fake.js';
import { startWebhookFake } from '../fakes/webhook.js';
import { exited, spawnCollector, type ChildCollector } from '../helpers/child-collector.js';
import { DEMO_AUTH, REPO, tempDir, waitFor, writeConfig } from '../helpers/collector.js';

/** One request on a fresh connection, so the cluster's round-robin spreads them over workers. */
function request(url: string, method: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(url, { method, agent: false, headers: { 'content-type': 'application/json', authorization: DEMO_AUTH } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString('utf8'); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

function childPids(pid: number): number[] {
  return readdirSync('/proc').filter((n) => /^\d+$/.test(n)).filter((n) => {
    try {
      const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
    } catch { return false; }
  }).map(Number);
}

describe('phiwall serve --workers 2', () => {
  let fake: FakeServer;
  let c: ChildCollector;
  let dataDir: string;
  beforeAll(async () => {
    fake = await startWebhookFake();
    dataDir = tempDir();
    const config = writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  local_file: { type: file, enabled: false }
  hook:
    type: webhook
    allow: [event, visitor_id]
    options: { url: "${fake.url}/hook/workers" }
`);
    c = await spawnCollector(config, dataDir, { PHIWALL_WORKERS: '2' });
    await waitFor(() => childPids(c.child.pid!).length, (n) => n === 2, 20_000);
  }, 60_000);
  afterAll(async () => {
    if (c.child.exitCode === null) c.child.kill('SIGKILL');
    await fake.close();
  });

  it('serves one port from two workers, each with its own spool, and delivers every event', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 20; n++) {
      const batch = Array.from({ length: 5 }, (_, i) => ({ type: 'track', event: 'Clicked', messageId: `wk-${n}-${i}`, anonymousId: `a${n}` }));
      ids.push(...batch.map((e) => e.messageId));
      const r = await request(`${c.url}/v1/batch`, 'POST', { batch });
      expect(r.status).toBe(200);
    }
    // Each worker counts only what it ingested: two counters that are both non-zero and sum to 100.
    const counts: number[] = [];
    for (let i = 0; i < 6; i++) {
      const m = /^phiwall_events_ingested_total (\d+)/m.exec((await request(`${c.url}/metrics`, 'GET')).text);
      counts.push(Number(m?.[1] ?? 0));
    }
    expect(counts.some((a) => a > 0 && a < 100 && counts.includes(100 - a))).toBe(true);
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['spool.db', 'w1']));
    const delivered = () => new Set(fake.handled('/hook/workers').flatMap((r) => (r.json as { message_id: string }[]).map((x) => x.message_id)));
    await waitFor(delivered, (d) => ids.every((id) => d.has(id)), 20_000);
  }, 60_000);

  it('restarts a worker that dies and keeps serving; SIGTERM stops all with exit 0', async () => {
    const [victim] = childPids(c.child.pid!);
    process.kill(victim, 'SIGKILL');
    await waitFor(() => childPids(c.child.pid!), (p) => p.length === 2 && !p.includes(victim), 20_000);
    for (let i = 0; i < 4; i++) {
      const r = await request(`${c.url}/v1/track`, 'POST', { type: 'track', event: 'Clicked', messageId: `after-${i}`, anonymousId: 'b' });
      expect(r.status).toBe(200);
    }
    c.child.kill('SIGTERM');
    expect(await exited(c.child)).toBe(0);
  }, 60_000);
});
