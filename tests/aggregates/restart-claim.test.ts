import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AggregateDestination } from '../../src/destinations/aggregate.js';
import { REPO, post, startCollector, tempDir, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';

// A window's release is claimed in the shared database before it is sent; a failed send keeps
// the claim for its claimant's retry, and another instance takes it over only after the claim's
// lease (10 minutes). A collector restarted on the same data directory is the same claimant: it
// retries its own claim at once instead of waiting out the lease, and the other instance still
// leaves the window alone.
const run = postgresRequired();
const DAY = 86_400_000;
const NOW = Date.now();
const iso = (daysAgo: number) => new Date(Math.floor(NOW / DAY) * DAY - daysAgo * DAY + 3_600_000).toISOString();

async function startReceiver() {
  let failNext = false;
  const accepted: number[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString('utf8'); });
    req.on('end', () => {
      if (failNext) { failNext = false; res.writeHead(500).end(); return; }
      accepted.push((JSON.parse(body) as { rows: unknown[] }).rows.length);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`, accepted,
    failNext: () => { failNext = true; },
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

const config = (url: string, receiver: string) => `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
storage: { kind: postgres, url: "${url}", pool: 4 }
destinations:
  rollup:
    type: aggregate
    allow: [event, visitor_id]
    options: { dimensions: [event], k: 2, grace_minutes: 0, sinks: { file: false, webhook: { url: "${receiver}" } } }
`;

const visits = Array.from({ length: 3 }, (_, i) => ({ type: 'track', event: 'Brochure Downloaded', anonymousId: `visitor-${i}`, messageId: `m-${i}`, timestamp: iso(2) }));
const rollupOf = (c: Collector) => c.runtime.plan.destinations.find((d) => d.name === 'rollup')!.destination as AggregateDestination;

describe.runIf(run)('aggregate release claims across a restart (PostgreSQL)', () => {
  let server: TestPostgres;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const open: Collector[] = [];
  beforeAll(async () => { server = await startPostgres({ durable: false }); receiver = await startReceiver(); }, 60_000);
  afterAll(async () => { await Promise.all(open.map((c) => c.close())); await receiver?.close(); await server?.stop(); });

  it('a restarted collector retries its own failed release at once; the other instance still leaves it', async () => {
    const configPath = writeConfig(config(await server.createDatabase('restart_claim'), receiver.url));
    const dataA = tempDir();
    const a = await startCollector({ configPath, dataDir: dataA });
    const b = await startCollector({ configPath });
    open.push(b);
    expect((await post(`${a.url}/v1/batch`, { batch: visits })).status).toBe(200);
    const window = Math.floor(Date.parse(iso(2)) / DAY) * DAY;
    await waitFor(async () => (await rollupOf(a).store.cells('rollup', 'event', window, window + 1))[0]?.contributors ?? 0, (n) => n === 3);
    receiver.failNext();
    expect((await rollupOf(a).release(NOW)).failed).toBeDefined();
    await a.close();

    expect(await rollupOf(b).release(NOW)).toMatchObject({ windows: 0 });
    const restarted = await startCollector({ configPath, dataDir: dataA });
    open.push(restarted);
    expect(await rollupOf(restarted).release(NOW)).toMatchObject({ windows: 1 });
    expect(receiver.accepted).toEqual([2]);
    expect(await rollupOf(b).release(NOW)).toMatchObject({ windows: 0 });
  }, 30_000);
});
