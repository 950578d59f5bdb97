import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PostgresSpool } from '../../src/spool/postgres/postgres-spool.js';
import { post, REPO, startCollector, waitFor, writeConfig } from '../helpers/collector.js';
import { advisoryLocksFreed, pgFaultSuite, terminateBackends } from '../helpers/pg-faults.js';
import type { PgProxy } from '../helpers/pg-proxy.js';
import { postgresRequired } from '../helpers/postgres.js';

// PostgreSQL connections die (failover, restarts, network cuts, an administrator's
// pg_terminate_backend). The operation that was using one fails with a typed error, the
// process keeps running, and work succeeds again once the database is reachable. A pg client
// or pool whose 'error' event nobody hears would instead end the whole process.
const run = postgresRequired();
const suite = pgFaultSuite(run);
let n = 0;

const row = (id: string) => ({ messageId: id, destination: 'd', payload: { event: 'Page Viewed', id } });

async function openSpool(via: 'proxy' | 'direct'): Promise<{ spool: PostgresSpool; proxy: PgProxy; db: string; errors: string[] }> {
  const db = `loss_${++n}`;
  const { url, proxy } = await suite.proxiedDatabase(db);
  const errors: string[] = [];
  const spool = new PostgresSpool({ url: via === 'proxy' ? proxy.url : url, pool: 2, maxRows: 1000, maxBytes: 1e7, groupCommitMs: 1, deadLetterDays: 14, maintenanceMs: 0, onError: (what, code) => errors.push(`${what}:${code}`) });
  suite.cleanup(() => spool.close());
  await spool.ready.ensure();
  return { spool, proxy, db, errors };
}

describe.runIf(run)('postgres spool: lost connections', () => {
  it('a connection cut during enqueue, lease or maintenance fails that operation only; the next ones succeed', async () => {
    const { spool, proxy, db } = await openSpool('proxy');
    const cutInsert = proxy.cutOnQuery('INSERT INTO phiwall_outbox');
    await expect(spool.enqueue([row('lost')])).rejects.toMatchObject({ code: 'PW_ERR_SPOOL_UNAVAILABLE', status: 503 });
    await cutInsert;
    await spool.enqueue([row('kept')]);

    const cutLease = proxy.cutOnQuery('SET lease_until');
    await expect(spool.lease('d', 10, 60_000)).rejects.toThrow();
    await cutLease;
    // The cut lease never reached the server: the row is still due, and leased now.
    expect((await spool.lease('d', 10, 60_000)).map((i) => i.messageId)).toEqual(['kept']);

    // Maintenance holds a session lock on a checked-out client: the cut is in the middle of its work.
    const cutMaintenance = proxy.cutOnQuery('DELETE FROM phiwall_dead_letters');
    await expect(spool.maintain()).rejects.toMatchObject({ code: 'PW_ERR_STORAGE_LOST', status: 503 });
    await cutMaintenance;
    // The lost session takes its lock with it once the server has seen the cut: the next run is
    // then not locked out. (Until then the lock is still held: a run right after the cut may be skipped.)
    await advisoryLocksFreed(suite.server().url, db);
    expect(await spool.maintain()).toBe(true);
  });

  it('while PostgreSQL is unreachable operations reject; once it is back they succeed', async () => {
    const { spool, proxy } = await openSpool('proxy');
    await spool.enqueue([row('before')]);
    proxy.down();
    await expect(spool.enqueue([row('during')])).rejects.toMatchObject({ code: 'PW_ERR_SPOOL_UNAVAILABLE' });
    await expect(spool.lease('d', 10, 60_000)).rejects.toThrow();
    await expect(spool.maintain()).rejects.toThrow();
    expect(await spool.writable()).toBe(false);
    proxy.restore();
    await spool.enqueue([row('after')]);
    expect((await spool.lease('d', 10, 60_000)).map((i) => i.messageId)).toEqual(['before', 'after']);
    expect(await spool.maintain()).toBe(true);
  });

  it('idle pooled connections terminated by the server are reported by code and replaced', async () => {
    const { spool, db, errors } = await openSpool('direct');
    // Two connections in the pool, both idle afterwards.
    await Promise.all([spool.lease('d', 1, 1), spool.stats()]);
    expect(await terminateBackends(suite.server().url, db, 'all')).toBeGreaterThan(0);
    await waitFor(() => errors.length, (k) => k > 0);
    expect(new Set(errors)).toEqual(new Set(['idle client:57P01']));
    await spool.enqueue([row('after')]);
    expect((await spool.lease('d', 10, 60_000)).map((i) => i.messageId)).toEqual(['after']);
  });

  it('a maintenance session killed while its task runs rejects that run; the process keeps running', async () => {
    const { spool, db } = await openSpool('direct');
    let killed = 0;
    spool.addMaintenance(async () => { killed = await terminateBackends(suite.server().url, db, 'advisory-lock-holders'); });
    await expect(spool.maintain()).rejects.toMatchObject({ code: 'PW_ERR_STORAGE_LOST' });
    expect(killed).toBe(1);
    await spool.enqueue([row('after')]);
    expect((await spool.stats()).pending).toBe(1);
  });
});

describe.runIf(run)('collector on postgres: lost connections at the HTTP edge', () => {
  it('answers 503 while the spool is unreachable and 200 again once it is back', async () => {
    const { proxy } = await suite.proxiedDatabase(`http_${++n}`);
    const configPath = writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
storage: { kind: postgres, url: "${proxy.url}", pool: 2 }
`);
    const collector = await startCollector({ configPath, deliver: false });
    suite.cleanup(() => collector.close());
    const event = (id: string) => ({ batch: [{ type: 'page', name: 'Home', anonymousId: `v-${id}`, messageId: id }] });
    expect((await post(`${collector.url}/v1/batch`, event('a'))).status).toBe(200);
    proxy.down();
    const refused = await post(`${collector.url}/v1/batch`, event('b'));
    expect(refused.status).toBe(503);
    expect(refused.json).toMatchObject({ error: { code: 'PW_ERR_SPOOL_UNAVAILABLE' } });
    proxy.restore();
    expect((await post(`${collector.url}/v1/batch`, event('c'))).status).toBe(200);
  });
});
