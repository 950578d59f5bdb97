import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { post, REPO, startCollector, waitFor, writeConfig } from '../helpers/collector.js';
import { watchUncaught } from '../helpers/pg-faults.js';
import { startPgProxy } from '../helpers/pg-proxy.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';

// An aggregate destination releases due windows on its own timer: no request waits for that
// work, so nobody would see its failure unless phiwall reports it. A release whose lock
// session dies (PW_ERR_STORAGE_LOST) must show up in the log (by code) and in /metrics.
const run = postgresRequired();
let server: TestPostgres | undefined;
const cleanup: (() => Promise<void>)[] = [];

beforeAll(async () => { if (run) server = await startPostgres({ durable: false }); }, 60_000);
afterAll(async () => { await server?.stop(); });
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });

const COUNTER = /^phiwall_background_errors_total\{task="aggregate_release",destination="rollup",code="([^"]+)"\} (\d+)$/m;

describe.runIf(run)('aggregate destination: errors of the release timer', () => {
  it('a release that fails on its timer is logged by code and counted, and the process keeps running', async () => {
    const uncaught = watchUncaught();
    cleanup.push(async () => { uncaught.stop(); });
    const url = await server!.createDatabase('release_timer');
    const proxy = await startPgProxy({ port: server!.port, url });
    cleanup.push(() => proxy.close());
    const configPath = writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
storage: { kind: postgres, url: "${proxy.url}", pool: 2 }
destinations:
  rollup:
    type: aggregate
    allow: [event]
    options: { dimensions: [event], grace_minutes: 0, release_interval_seconds: 0.2 }
`);
    const lines: string[] = [];
    const stream = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)); done(); } });
    const collector = await startCollector({ configPath, logger: pino({ level: 'info' }, stream) });
    cleanup.push(() => collector.close());

    // The first delivered batch starts the release timer.
    expect((await post(`${collector.url}/v1/batch`, { batch: [{ type: 'track', event: 'Button Clicked', anonymousId: 'v1', messageId: 'm1' }] })).status).toBe(200);
    const direct = new pg.Client({ connectionString: url });
    await direct.connect();
    cleanup.push(() => direct.end());
    await waitFor(async () => (await direct.query("SELECT 1 FROM phiwall_agg_cells WHERE dest = 'rollup'")).rowCount ?? 0, (n) => n > 0);

    // The next release's lock query never reaches the server: its session is gone.
    await proxy.cutOnQuery('pg_try_advisory_lock($1, hashtext($2))');
    const scrape = async () => (await (await fetch(`${collector.url}/metrics`)).text()).match(COUNTER);
    const counted = await waitFor(scrape, (m) => m !== null);
    expect(counted?.[1]).toBe('PW_ERR_STORAGE_LOST');
    expect(Number(counted?.[2])).toBeGreaterThanOrEqual(1);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.task === 'aggregate_release');
    expect(logged[0]).toMatchObject({ level: 50, destination: 'rollup', code: 'PW_ERR_STORAGE_LOST', msg: 'background task failed' });

    // The collector keeps working.
    expect((await post(`${collector.url}/v1/batch`, { batch: [{ type: 'track', event: 'Button Clicked', anonymousId: 'v2', messageId: 'm2' }] })).status).toBe(200);
    expect(uncaught.errors).toEqual([]);
  }, 60_000);
});
