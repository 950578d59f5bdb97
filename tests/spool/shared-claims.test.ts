import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { IngestDedup } from '../../src/spool/ingest-dedup.js';
import { RELEASE_RIDE_MS, SharedClaims } from '../../src/spool/sqlite/shared-claims.js';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { tempDir } from '../helpers/collector.js';
import { walCommits as commits } from '../helpers/wal-commits.js';

// Two cluster workers, each with its own spool, meet in one claims file (real SQLite): a retry
// landing on the other worker is a copy, answered only once the original is durable on its
// worker, failed if that commit fails, and taken afresh if the original's worker died pending.
const opened: SharedClaims[] = [];
afterEach(() => { for (const c of opened.splice(0)) c.close(); });

const noneSeen = { seen: async () => new Set<string>() };
const ev = (messageId: string) => ({ type: 'track', event: 'Clicked', messageId, anonymousId: 'a-1' });
const sender = (e: Record<string, unknown>) => String(e.anonymousId);

function workers(opts: { staleMs?: number; waitMs?: number } = {}) {
  const path = join(tempDir(), 'ingest-claims.db');
  const claims = [0, 1].map((worker) => new SharedClaims({ path, worker, pid: 1000 + worker, synchronous: 'NORMAL', onError: () => undefined, ...opts }));
  opened.push(...claims);
  return { path, claims, dedup: claims.map((c) => new IngestDedup(noneSeen, 'k'.repeat(32), c)) };
}
const stateOf = async (p: Promise<void>) => Promise.race([p.then(() => 'resolved', () => 'rejected'), new Promise((r) => setTimeout(() => r('waiting'), 30))]);

describe('SharedClaims (serve --workers N on SQLite)', () => {
  it('a copy on the other worker waits for the original\'s commit there, then is known at once', async () => {
    const { dedup: [a, b] } = workers();
    const now = Date.now();
    const original = await a.claim('demo', [ev('m-1'), ev('m-2')], sender, now);
    expect(original.keys.every((k) => k !== undefined)).toBe(true);
    const copy = await b.claim('demo', [ev('m-1'), ev('m-3')], sender, now);
    expect([copy.keys[0], copy.copies]).toEqual([undefined, 1]);
    expect(copy.keys[1]).toBeDefined();
    const waiting = copy.settled();
    expect(await stateOf(waiting)).toBe('waiting');
    original.release(undefined, new Set(original.keys as string[]), now);
    await expect(waiting).resolves.toBeUndefined(); // polled: settles within its next poll (<= 50 ms)
    copy.release(undefined, new Set([copy.keys[1]!]), now);
    // Durable on worker A: a later copy on B is a copy with nothing to wait for.
    const later = await b.claim('demo', [ev('m-2')], sender, now + 1000);
    expect(later.keys).toEqual([undefined]);
    expect(await stateOf(later.settled())).toBe('resolved');
  });

  it('a failed commit fails the copy waiting on the other worker; the next copy is taken afresh', async () => {
    const { dedup: [a, b] } = workers();
    const now = Date.now();
    const original = await a.claim('demo', [ev('m-9')], sender, now);
    const copy = await b.claim('demo', [ev('m-9')], sender, now);
    original.release(new Error('disk full'), new Set(), now);
    await expect(copy.settled()).rejects.toMatchObject({ code: 'PW_ERR_SPOOL_UNAVAILABLE' });
    expect((await b.claim('demo', [ev('m-9')], sender, now)).keys[0]).toBeDefined();
  });

  it('an event that went nowhere (no rows) is not remembered: its copy on the other worker is answered, the next is taken', async () => {
    const { dedup: [a, b] } = workers();
    const now = Date.now();
    const original = await a.claim('demo', [ev('m-5')], sender, now);
    const copy = await b.claim('demo', [ev('m-5')], sender, now);
    original.release(undefined, new Set(), now);
    await expect(copy.settled()).resolves.toBeUndefined();
    expect((await b.claim('demo', [ev('m-5')], sender, now)).keys[0]).toBeDefined();
  });

  it('a claim left pending by a dead worker: copies fail (503) until it is stale, then one is taken; a restarted worker settles its own', async () => {
    const { path, claims, dedup: [a, b] } = workers({ staleMs: 200, waitMs: 100 });
    const now = Date.now();
    const lost = await a.claim('demo', [ev('m-7'), ev('m-8')], sender, now); // never released: the worker died
    const copy = await b.claim('demo', [ev('m-7')], sender, now);
    await expect(copy.settled()).rejects.toMatchObject({ code: 'PW_ERR_SPOOL_UNAVAILABLE' });
    expect((await b.claim('demo', [ev('m-7')], sender, now + 300)).keys[0]).toBeDefined();
    // Worker 0 restarts (another pid): m-8 was committed in its spool before it died, so it is done, not taken again.
    claims[0].close(); opened.shift();
    const restarted = new SharedClaims({ path, worker: 0, pid: 2000, synchronous: 'NORMAL', onError: () => undefined });
    opened.push(restarted);
    const m8 = lost.keys[1]!;
    expect(await restarted.recover(async (keys) => new Set(keys.filter((k) => k === m8)), now)).toBe(1);
    expect((await b.claim('demo', [ev('m-8')], sender, now)).keys).toEqual([undefined]);
  });
});

describe('SharedClaims: a claims file of an older release (no tickets)', () => {
  it('opens with its claims kept: done keys stay copies, a dead worker\'s pending key is recovered, new keys are taken and settled', async () => {
    const path = join(tempDir(), 'ingest-claims.db');
    const dedupKey = (id: string) => new IngestDedup(noneSeen, 'k'.repeat(32)).key('demo', 'a-1', id);
    const now = Date.now();
    // The file as the release before tickets wrote it: a done key, and one left pending by worker 0 (pid 999), which died.
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.exec(`CREATE TABLE ingest_claims (k TEXT PRIMARY KEY, state INTEGER NOT NULL, worker INTEGER NOT NULL, pid INTEGER NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID;
      CREATE INDEX ingest_claims_at ON ingest_claims (at)`);
    old.prepare('INSERT INTO ingest_claims VALUES (?, 1, 1, 998, ?), (?, 0, 0, 999, ?)').run(dedupKey('m-old-done'), now - 1000, dedupKey('m-old-pending'), now - 1000);
    old.close();
    const [a, b] = [0, 1].map((worker) => new SharedClaims({ path, worker, pid: 2000 + worker, synchronous: 'NORMAL', onError: () => undefined }));
    opened.push(a, b);
    const [da, db] = [a, b].map((c) => new IngestDedup(noneSeen, 'k'.repeat(32), c));
    // Worker 0's successor finds the pending key in its spool: done, so a copy on worker 1 is a copy.
    expect(await a.recover(async (keys) => new Set(keys), now)).toBe(1);
    const copies = await db.claim('demo', [ev('m-old-done'), ev('m-old-pending')], sender, now);
    expect([copies.keys, copies.copies]).toEqual([[undefined, undefined], 2]);
    // New keys in the migrated file: one request, one committed and one without rows.
    const fresh = await da.claim('demo', [ev('m-new-1'), ev('m-new-2')], sender, now);
    fresh.release(undefined, new Set([fresh.keys[0]!]), now);
    await new Promise((r) => setTimeout(r, 20));
    const again = await db.claim('demo', [ev('m-new-1'), ev('m-new-2')], sender, now);
    expect(again.keys[0]).toBeUndefined(); // committed on worker 0: a copy
    expect(again.keys[1]).toBeDefined(); // went nowhere: taken afresh
  });
});

describe('SharedClaims recovery from a cluster worker\'s spool (its keys logged per commit)', () => {
  it('a key committed by a worker that died before settling its claim is done after the restart, one claimed but never committed is free', async () => {
    const { path, claims, dedup: [a, b] } = workers();
    const spoolPath = join(tempDir(), 'spool.db');
    const spool = new SqliteSpool({ path: spoolPath, maxRows: 1000, maxBytes: 1e7, synchronous: 'normal', groupCommitMs: 2 });
    spool.seenKeysLogged(true);
    const now = Date.now();
    const lost = await a.claim('demo', [ev('m-c1'), ev('m-c2')], sender, now);
    await spool.enqueue([{ messageId: 'm-c1', destination: 'd', payload: {}, dedupKey: lost.keys[0]! }]); // m-c2's rows never committed
    await spool.close(); // the worker dies: its claims stay pending
    claims[0].close(); opened.shift();
    const restarted = new SharedClaims({ path, worker: 0, pid: 3000, synchronous: 'NORMAL', onError: () => undefined });
    opened.push(restarted);
    const reopened = new SqliteSpool({ path: spoolPath, maxRows: 1000, maxBytes: 1e7, synchronous: 'normal', groupCommitMs: 2 });
    reopened.seenKeysLogged(true);
    expect(await restarted.recover((keys, since) => reopened.seen(keys, since), Date.now())).toBe(2);
    const copies = await b.claim('demo', [ev('m-c1'), ev('m-c2')], sender, now);
    expect(copies.keys[0]).toBeUndefined(); // durable on worker 0: a copy
    expect(copies.keys[1]).toBeDefined(); // never committed: taken afresh
    await reopened.close();
  });
});

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('SharedClaims: a release rides on the next claim\'s write transaction', () => {
  it('released, then the worker\'s next request a turn later: one commit for both, and the copy on the other worker is answered', async () => {
    const { path, dedup: [a, b] } = workers();
    const now = Date.now();
    const original = await a.claim('demo', [ev('m-21')], sender, now);
    const copy = await b.claim('demo', [ev('m-21')], sender, now);
    const waiting = copy.settled();
    const before = commits(path);
    original.release(undefined, new Set(original.keys as string[]), now);
    await nextTurn(); // the next request reaches the claims a turn later, as the next wave of a loaded worker's does
    const next = await a.claim('demo', [ev('m-22')], sender, now);
    expect(next.keys[0]).toBeDefined();
    expect(commits(path) - before).toBe(1); // the release and the claim: one write transaction, not two
    await expect(waiting).resolves.toBeUndefined();
    // Durable on worker A: a later copy on B has nothing to wait for.
    const later = await b.claim('demo', [ev('m-21')], sender, now + 1000);
    expect([later.keys, later.copies]).toEqual([[undefined], 1]);
  });

  it('a failed commit riding on the next claim still fails the copy on the other worker (503), and the next copy is taken', async () => {
    const { dedup: [a, b] } = workers();
    const now = Date.now();
    const original = await a.claim('demo', [ev('m-23')], sender, now);
    const copy = await b.claim('demo', [ev('m-23')], sender, now);
    original.release(new Error('disk full'), new Set(), now);
    await nextTurn();
    await a.claim('demo', [ev('m-24')], sender, now);
    await expect(copy.settled()).rejects.toMatchObject({ code: 'PW_ERR_SPOOL_UNAVAILABLE' });
    expect((await b.claim('demo', [ev('m-23')], sender, now)).keys[0]).toBeDefined();
  });

  it('with no request after it, a release commits on its own after RELEASE_RIDE_MS: the copy is answered', async () => {
    const { path, dedup: [a, b] } = workers();
    const now = Date.now();
    const original = await a.claim('demo', [ev('m-25')], sender, now);
    const copy = await b.claim('demo', [ev('m-25')], sender, now);
    const before = commits(path);
    const started = performance.now();
    original.release(undefined, new Set(original.keys as string[]), now);
    await expect(copy.settled()).resolves.toBeUndefined(); // it polls the file: only the release's commit lets it through
    expect(performance.now() - started).toBeGreaterThanOrEqual(RELEASE_RIDE_MS - 1);
    expect(commits(path) - before).toBe(1);
  });
});
