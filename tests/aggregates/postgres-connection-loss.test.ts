import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresAggregateStore } from '../../src/aggregates/postgres-store.js';
import { migrate } from '../../src/spool/postgres/migrate.js';
import { Readiness } from '../../src/spool/postgres/readiness.js';
import { openPool } from '../../src/spool/postgres/pool.js';
import { waitFor } from '../helpers/collector.js';
import { pgFaultSuite, terminateBackends } from '../helpers/pg-faults.js';
import type { PgProxy } from '../helpers/pg-proxy.js';
import { postgresRequired } from '../helpers/postgres.js';

// The shared aggregate store when PostgreSQL connections die: a batch's transaction that loses
// its connection fails as a whole (PW_ERR_STORAGE_LOST, so the delivery retries it), a release
// whose lock session dies is reported rather than assumed exclusive, and nothing ends the process.
const run = postgresRequired();
const DEST = 'rollup';
const WINDOW = 1_790_000_000_000;
const suite = pgFaultSuite(run);
let n = 0;

async function openStore(via: 'proxy' | 'direct'): Promise<{ store: PostgresAggregateStore; proxy: PgProxy; pool: pg.Pool; db: string; idleErrors: string[] }> {
  const db = `agg_loss_${++n}`;
  const { url, proxy } = await suite.proxiedDatabase(db);
  const idleErrors: string[] = [];
  const pool = openPool({ connectionString: via === 'proxy' ? proxy.url : url, max: 3 }, (code) => idleErrors.push(code));
  suite.cleanup(() => pool.end());
  const store = new PostgresAggregateStore(pool, new Readiness(() => migrate(pool).then(() => undefined)), 'loss-test-hash-key-0123456789abcdef');
  return { store, proxy, pool, db, idleErrors };
}

const cell = (who: string) => ({ windowStart: WINDOW, dims: '["Home"]', events: 1, who: [who], anonymous: 0, sums: {} });
const touch = (journey: string) => ({ journey, time: WINDOW, channel: 'direct', campaign: '', lead: 0 });
const contributors = async (store: PostgresAggregateStore) => (await store.cells(DEST, 'event', WINDOW, WINDOW + 1)).map((c) => c.contributors);

/** One delivered batch: a cell update and a touch that commit together. */
const batch = (store: PostgresAggregateStore, who: string) => store.transaction(async (w) => {
  await w.addCells(DEST, 'event', [cell(who)], WINDOW);
  await w.addTouch(DEST, touch(`j-${who}`));
});

describe.runIf(run)('postgres aggregate store: lost connections', () => {
  it('a transaction cut in the middle fails as a whole with PW_ERR_STORAGE_LOST; the next one commits', async () => {
    const { store, proxy } = await openStore('proxy');
    await batch(store, 'v1');
    const cut = proxy.cutOnQuery('INSERT INTO phiwall_agg_touches');
    await expect(batch(store, 'v2')).rejects.toMatchObject({ code: 'PW_ERR_STORAGE_LOST', status: 503 });
    await cut;
    // The cell update of the cut batch was rolled back with its connection.
    expect(await contributors(store)).toEqual([1]);
    await batch(store, 'v2');
    expect(await contributors(store)).toEqual([2]);
  });

  it('while PostgreSQL is unreachable reads and writes reject; once it is back they succeed', async () => {
    const { store, proxy } = await openStore('proxy');
    await batch(store, 'v1');
    proxy.down();
    await expect(batch(store, 'v2')).rejects.toThrow();
    await expect(contributors(store)).rejects.toThrow();
    await expect(store.withReleaseLock(DEST, async () => 'released')).rejects.toThrow();
    proxy.restore();
    await batch(store, 'v2');
    expect(await contributors(store)).toEqual([2]);
    expect(await store.withReleaseLock(DEST, async () => 'released')).toEqual({ ran: true, value: 'released' });
  });

  it('a release whose lock session is killed rejects with PW_ERR_STORAGE_LOST; the next release runs', async () => {
    const { store, db } = await openStore('direct');
    let killed = 0;
    const release = store.withReleaseLock(DEST, async () => {
      // Another instance could take the lock from here on: exclusivity is lost, and said so.
      killed = await terminateBackends(suite.server().url, db, 'advisory-lock-holders');
      return 'published';
    });
    await expect(release).rejects.toMatchObject({ code: 'PW_ERR_STORAGE_LOST', status: 503 });
    expect(killed).toBe(1);
    expect(await store.withReleaseLock(DEST, async () => 'next')).toEqual({ ran: true, value: 'next' });
    await batch(store, 'v1');
    expect(await contributors(store)).toEqual([1]);
  });

  it('idle pooled connections terminated by the server are reported by code and replaced', async () => {
    const { store, db, idleErrors } = await openStore('direct');
    await Promise.all([batch(store, 'v1'), contributors(store)]);
    expect(await terminateBackends(suite.server().url, db, 'all')).toBeGreaterThan(0);
    await waitFor(() => idleErrors.length, (k) => k > 0);
    expect(new Set(idleErrors)).toEqual(new Set(['57P01']));
    await batch(store, 'v2');
    expect(await contributors(store)).toEqual([2]);
  });
});
