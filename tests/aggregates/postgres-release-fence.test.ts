import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AggregateConfig, DAY_MS } from '../../src/aggregates/options.js';
import { PostgresAggregateStore } from '../../src/aggregates/postgres-store.js';
import { releaseRollups, type ReleaseContext } from '../../src/aggregates/releaser.js';
import { buildSinks } from '../../src/aggregates/sinks.js';
import { migrate } from '../../src/spool/postgres/migrate.js';
import { openPool } from '../../src/spool/postgres/pool.js';
import { Readiness } from '../../src/spool/postgres/readiness.js';
import { tempDir, waitFor } from '../helpers/collector.js';
import { pgFaultSuite } from '../helpers/pg-faults.js';
import { postgresRequired } from '../helpers/postgres.js';

// Two instances release one aggregate destination on a shared PostgreSQL. The release lock is a
// session advisory lock: when the session of the instance holding it is lost (cut here by a real
// proxy) while that instance is sending a window, the other instance gets the lock and used to
// publish the same window again. Each window's release is now claimed in the database before it
// is sent, so the second instance leaves it to the first; a failed send keeps the claim for the
// retry of the instance that made it.
const run = postgresRequired();
const suite = pgFaultSuite(run);
const DEST = 'rollup';
const NOW = Date.UTC(2026, 10, 20, 12);
const DAY = Math.floor(NOW / DAY_MS) * DAY_MS - 2 * DAY_MS;

/** A loopback receiver of the webhook sink: counts accepted posts per window; can hold the next post or fail it. */
async function startReceiver() {
  const accepted: string[] = [];
  let mode: 'ok' | 'hold' | 'fail' = 'ok';
  let held: (() => void) | undefined;
  let arrived = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString('utf8'); });
    req.on('end', () => {
      arrived++;
      const windows = [...new Set((JSON.parse(body) as { rows: { window_start?: string }[] }).rows.map((r) => r.window_start ?? ''))];
      const answer = (status: number) => { if (status === 200) accepted.push(...windows); res.writeHead(status).end(); };
      if (mode === 'fail') { mode = 'ok'; answer(500); return; }
      if (mode === 'hold') { mode = 'ok'; held = () => answer(200); return; }
      answer(200);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  suite.cleanup(() => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`,
    accepted, arrived: () => arrived, isHeld: () => held !== undefined,
    holdNext: () => { mode = 'hold'; }, failNext: () => { mode = 'fail'; }, release: () => { held?.(); held = undefined; },
  };
}

function instance(url: string, receiver: string): { store: PostgresAggregateStore; ctx: ReleaseContext; pool: pg.Pool } {
  const pool = openPool({ connectionString: url, max: 3 }, () => undefined);
  suite.cleanup(() => pool.end());
  const store = new PostgresAggregateStore(pool, new Readiness(() => migrate(pool).then(() => undefined)), 'fence-test-hash-key-0123456789abcdef');
  const config = AggregateConfig.parse({ dimensions: ['event'], k: 2, grace_minutes: 0, sinks: { file: false, webhook: { url: receiver } } });
  const sinks = buildSinks(DEST, config, tempDir());
  suite.cleanup(async () => { await Promise.all(sinks.map((s) => s.close())); });
  return { store, pool, ctx: { store, dest: DEST, config, sinks, policy: { k: config.k, mode: config.mode } } };
}

const visitors = (day: number, n: number) => [{ windowStart: day, dims: '["Home"]', events: n, who: Array.from({ length: n }, (_, i) => `v${i}`), anonymous: 0, sums: {} }];
const iso = (day: number) => new Date(day).toISOString();

describe.runIf(run)('postgres aggregate releases: a lost release lock does not publish a window twice', () => {
  it('the instance that gets the lock after the holder\'s session is cut leaves the window the holder is sending; a failed send is retried by its claimant', async () => {
    const { url, proxy } = await suite.proxiedDatabase('agg_fence');
    const receiver = await startReceiver();
    const a = instance(proxy.url, receiver.url);
    const b = instance(url, receiver.url);
    await a.store.addCells(DEST, 'event', visitors(DAY, 3), NOW);

    receiver.holdNext();
    const releasing = a.store.withReleaseLock(DEST, () => releaseRollups(a.ctx, NOW));
    await waitFor(receiver.isHeld, (h) => h);
    // The holder's lock session (and every connection of it) is cut while it sends the window.
    proxy.down();
    proxy.restore();
    const second = await waitFor(() => b.store.withReleaseLock(DEST, () => releaseRollups(b.ctx, NOW)), (r) => r.ran);
    expect(second).toEqual({ ran: true, value: { windows: 0, rows: 0, held: 0, elsewhere: 1 } });
    receiver.release();
    // The holder finishes its send and saves the release; its lock was lost, and it says so.
    await expect(releasing).rejects.toMatchObject({ code: 'PW_ERR_STORAGE_LOST' });
    expect(await b.store.withReleaseLock(DEST, () => releaseRollups(b.ctx, NOW))).toEqual({ ran: true, value: { windows: 0, rows: 0, held: 0 } });
    expect(receiver.accepted).toEqual([iso(DAY)]);

    // A send that fails keeps its claim: the other instance does not publish the window meanwhile,
    // and the claimant's retry does, once.
    const next = DAY + DAY_MS;
    await b.store.addCells(DEST, 'event', visitors(next, 3), NOW);
    receiver.failNext();
    expect(await a.store.withReleaseLock(DEST, () => releaseRollups(a.ctx, NOW))).toMatchObject({ ran: true, value: { windows: 0, failed: 'webhook: http 500' } });
    expect(await b.store.withReleaseLock(DEST, () => releaseRollups(b.ctx, NOW))).toMatchObject({ ran: true, value: { windows: 0, elsewhere: 1 } });
    expect(await a.store.withReleaseLock(DEST, () => releaseRollups(a.ctx, NOW))).toMatchObject({ ran: true, value: { windows: 1 } });
    expect(await b.store.withReleaseLock(DEST, () => releaseRollups(b.ctx, NOW))).toMatchObject({ ran: true, value: { windows: 0 } });
    expect(receiver.accepted).toEqual([iso(DAY), iso(next)]);
    expect(receiver.arrived()).toBe(3);
  }, 30_000);
});
