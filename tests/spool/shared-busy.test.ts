// Another cluster worker's write lock on a shared SQLite file (pseudonymous ids, ingest claims)
// is waited for on timers, not by blocking this worker's event loop (src/common/busy-retry.ts):
// the claim still commits once the lock is released, or fails with the same error past the same
// total wait. Real SQLite files; a second connection in this process holds the lock, released
// by a timer of this event loop (a synchronous busy wait would hold that timer back until it gave up).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SharedClaims } from '../../src/spool/sqlite/shared-claims.js';
import { SharedRandomVisitorIds } from '../../src/spool/sqlite/shared-visitor-ids.js';
import { PSEUDO_IDS_FILE } from '../../src/spool/sqlite/token-table.js';
import { tempDir } from '../helpers/collector.js';

const closers: (() => void)[] = [];
afterEach(() => { for (const c of closers.splice(0)) c(); });

/** Holds `path`'s write lock (BEGIN IMMEDIATE) for `ms` on a timer of this event loop. */
function holdLock(path: string, ms: number): Promise<void> {
  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  return new Promise((resolve) => setTimeout(() => { other.exec('COMMIT'); other.close(); resolve(); }, ms));
}

/** The longest gap between the ticks of a 1 ms interval while `work` runs: how long the event loop was held. */
async function longestStall<T>(work: Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now(), stallMs = 0;
  const tick = setInterval(() => { const now = performance.now(); stallMs = Math.max(stallMs, now - last); last = now; }, 1);
  try { return { value: await work, stallMs }; } finally { clearInterval(tick); }
}

describe('waiting for a shared file another worker is writing', () => {
  it('a new pseudonymous id waits for the lock without holding the event loop, then commits', async () => {
    const dir = tempDir();
    const ids = new SharedRandomVisitorIds({ path: join(dir, PSEUDO_IDS_FILE), legacySpool: join(dir, 'spool.db'), ownsLegacy: true, synchronous: 'NORMAL', onError: () => undefined }, 'a-secret-of-sixteen-chars', 86_400_000);
    const now = Date.now();
    const released = holdLock(join(dir, PSEUDO_IDS_FILE), 150);
    const started = performance.now();
    const { stallMs } = await longestStall(ids.prepare(['v-1', 'v-2'], ['d'], now));
    await released;
    // Committed after the lock was released (150 ms), by a claim that let the loop run meanwhile.
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(stallMs).toBeLessThan(60);
    expect(ids.idFor('v-1', 'd', now)).toMatch(/^pw_[\w-]{16}$/);
    expect(ids.idFor('v-1', 'd', now)).not.toBe(ids.idFor('v-2', 'd', now));
  });

  it('an ingest claim waits for the lock without holding the event loop, then is taken', async () => {
    const path = join(tempDir(), 'ingest-claims.db');
    const claims = new SharedClaims({ path, worker: 0, pid: 1000, synchronous: 'NORMAL', onError: () => undefined });
    closers.push(() => claims.close());
    const released = holdLock(path, 150);
    const { value, stallMs } = await longestStall(claims.claim(['k-1', 'k-2'], Date.now()));
    await released;
    expect(value).toEqual(['taken', 'taken']);
    expect(stallMs).toBeLessThan(60);
  });

  it('past its wait an ingest claim fails closed (503 code), and the next one is taken once the lock is free', async () => {
    const path = join(tempDir(), 'ingest-claims.db');
    const errors: string[] = [];
    const claims = new SharedClaims({ path, worker: 0, pid: 1000, synchronous: 'NORMAL', onError: (_w, code) => errors.push(code), busyTimeoutMs: 40 });
    closers.push(() => claims.close());
    const released = holdLock(path, 200);
    const { value, stallMs } = await longestStall(claims.claim(['k-1'], Date.now()).then(() => 'taken', (e: { code?: string }) => e.code));
    expect(value).toBe('PW_ERR_SPOOL_UNAVAILABLE');
    expect(errors[0]).toMatch(/^SQLITE_BUSY/);
    expect(stallMs).toBeLessThan(60);
    await released;
    expect(await claims.claim(['k-1'], Date.now())).toEqual(['taken']);
  });
});
