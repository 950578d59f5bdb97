// Another cluster worker's write lock on a shared SQLite file (pseudonymous ids, ingest claims)
// is waited for on timers, not by blocking this worker's event loop (src/common/busy-retry.ts):
// the claim still commits once the lock is released, or fails with the same error past the same
// total wait. Real SQLite files; a second connection in this process holds the lock, released
// by a timer of this event loop (a synchronous busy wait would hold that timer back until it gave up).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SharedClaims } from '../../src/spool/sqlite/shared-claims.js';
import { SharedRandomVisitorIds } from '../../src/spool/sqlite/shared-visitor-ids.js';
import { PSEUDO_IDS_FILE } from '../../src/spool/sqlite/token-table.js';
import { tempDir } from '../helpers/collector.js';
import { holdLock, ticksDuring } from '../helpers/lock-wait.js';

const closers: (() => void)[] = [];
afterEach(() => { for (const c of closers.splice(0)) c(); });

describe('waiting for a shared file another worker is writing', () => {
  it('a new pseudonymous id waits for the lock without holding the event loop, then commits', async () => {
    const dir = tempDir();
    const ids = new SharedRandomVisitorIds({ path: join(dir, PSEUDO_IDS_FILE), legacySpool: join(dir, 'spool.db'), ownsLegacy: true, synchronous: 'NORMAL', onError: () => undefined }, 'a-secret-of-sixteen-chars', 86_400_000);
    const now = Date.now();
    const released = holdLock(join(dir, PSEUDO_IDS_FILE), 300);
    const started = performance.now();
    const { ticks } = await ticksDuring(ids.prepare(['v-1', 'v-2'], ['d'], now));
    await released;
    // Committed after the lock was released (300 ms), by a claim that let the loop run meanwhile.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(ticks).toBeGreaterThanOrEqual(1);
    expect(ids.idFor('v-1', 'd', now)).toMatch(/^pw_[\w-]{16}$/);
    expect(ids.idFor('v-1', 'd', now)).not.toBe(ids.idFor('v-2', 'd', now));
  });

  it('an ingest claim waits for the lock without holding the event loop, then is taken', async () => {
    const path = join(tempDir(), 'ingest-claims.db');
    const claims = new SharedClaims({ path, worker: 0, pid: 1000, synchronous: 'NORMAL', onError: () => undefined });
    closers.push(() => claims.close());
    const released = holdLock(path, 300);
    const { value, ticks } = await ticksDuring(claims.claim(['k-1', 'k-2'], Date.now()));
    await released;
    expect(value).toEqual(['taken', 'taken']);
    expect(ticks).toBeGreaterThanOrEqual(1);
  });

  it('past its wait an ingest claim fails closed (503 code), and the next one is taken once the lock is free', async () => {
    const path = join(tempDir(), 'ingest-claims.db');
    const errors: string[] = [];
    const claims = new SharedClaims({ path, worker: 0, pid: 1000, synchronous: 'NORMAL', onError: (_w, code) => errors.push(code), busyTimeoutMs: 40 });
    closers.push(() => claims.close());
    const released = holdLock(path, 200);
    const { value, ticks } = await ticksDuring(claims.claim(['k-1'], Date.now()).then(() => 'taken', (e: { code?: string }) => e.code));
    expect(value).toBe('PW_ERR_SPOOL_UNAVAILABLE');
    expect(errors[0]).toMatch(/^SQLITE_BUSY/);
    expect(ticks).toBeGreaterThanOrEqual(1);
    await released;
    expect(await claims.claim(['k-1'], Date.now())).toEqual(['taken']);
  });

  it('closing while the file is locked gives up on what was left once (no retry loop on a closed file)', async () => {
    const path = join(tempDir(), 'ingest-claims.db');
    const errors: string[] = [];
    const claims = new SharedClaims({ path, worker: 0, pid: 1000, synchronous: 'NORMAL', onError: (_w, code) => errors.push(code) });
    expect(await claims.claim(['k-1'], Date.now())).toEqual(['taken']);
    const released = holdLock(path, 100);
    claims.release(['k-1'], new Set(['k-1']), false, Date.now());
    claims.close();
    await released;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reported = errors.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Reported (the retry after close, the flush close had already queued), then nothing more.
    expect(reported).toBeLessThanOrEqual(2);
    expect(errors.length).toBe(reported);
  });
});
