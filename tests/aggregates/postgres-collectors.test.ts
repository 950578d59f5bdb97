import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AggregateDestination } from '../../src/destinations/aggregate.js';
import { REPO, post, readOutput, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';

// Two collectors on one PostgreSQL: each sees 6 visitors of the same cell, below k alone; the
// shared store counts 12 and the cell is published once, by whichever instance releases first.
const run = postgresRequired();
const DAY = 86_400_000;
const NOW = Date.now();
const iso = (daysAgo: number) => new Date(Math.floor(NOW / DAY) * DAY - daysAgo * DAY + 3_600_000).toISOString();

const config = (url: string) => `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
storage: { kind: postgres, url: "${url}", pool: 4 }
destinations:
  rollup:
    type: aggregate
    allow: [event, visitor_id]
    options: { dimensions: [event], k: 11, grace_minutes: 0 }
`;

const visits = (tag: string) => Array.from({ length: 6 }, (_, i) => ({ type: 'track', event: 'Brochure Downloaded', anonymousId: `${tag}-visitor-${i}`, messageId: `${tag}-${i}`, timestamp: iso(2) }));

describe.runIf(run)('aggregates shared by two collectors on PostgreSQL', () => {
  let server: TestPostgres;
  let collectors: Collector[] = [];
  let configPath = '';
  beforeAll(async () => {
    server = await startPostgres({ durable: false });
    configPath = writeConfig(config(await server.createDatabase('collectors')));
    collectors = [await startCollector({ configPath }), await startCollector({ configPath })];
  }, 60_000);
  afterAll(async () => { await Promise.all(collectors.map((c) => c.close())); await server?.stop(); });

  it('decides k on global counts and releases the cell exactly once', async () => {
    const [a, b] = collectors;
    expect((await post(`${a.url}/v1/batch`, { batch: visits('a') })).status).toBe(200);
    expect((await post(`${b.url}/v1/batch`, { batch: visits('b') })).status).toBe(200);
    const dests = collectors.map((c) => c.runtime.plan.destinations.find((d) => d.name === 'rollup')!.destination as AggregateDestination);
    const window = Math.floor(Date.parse(iso(2)) / DAY) * DAY;
    await waitFor(async () => (await dests[0].store.cells('rollup', 'event', window, window + 1))[0]?.contributors ?? 0, (n) => n === 12);
    expect(dests[0].store.kind).toBe('postgres');
    const results = await Promise.all(dests.map((d) => d.release(NOW)));
    expect(results.reduce((s, r) => s + r.rows, 0)).toBe(2);
    await Promise.all(dests.map((d) => d.release(NOW)));
    const rows = collectors.flatMap((c) => readOutput(c.dataDir, 'rollup'));
    expect(rows.map((r) => [r.row, r.count])).toEqual([['cell', 12], ['total', 12]]);
  });

  it('phiwall report reads the shared tables, from a process that is neither collector', async () => {
    const from = iso(3).slice(0, 10), to = iso(0).slice(0, 10);
    const { stdout } = await promisify(execFile)(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'report', 'aggregates', '--config', configPath, '--data', collectors[0].dataDir, '--from', from, '--to', to, '--format', 'json'], { cwd: REPO });
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l) as { row: string; count: number });
    expect(rows.map((r) => [r.row, r.count])).toEqual([['cell', 12], ['total', 12]]);
  });
});
