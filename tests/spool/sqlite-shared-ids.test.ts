// Random pseudonymous ids of cluster workers (one shared token file) and the moves between a
// single process (tokens in spool.db) and a cluster, in both directions. Real SQLite files; two
// instances on one file stand for two worker processes (separate connections).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { RandomVisitorIds } from '../../src/spool/sqlite/visitor-ids.js';
import { SharedRandomVisitorIds, type SharedIdsOptions } from '../../src/spool/sqlite/shared-visitor-ids.js';
import { PSEUDO_IDS_FILE } from '../../src/spool/sqlite/token-table.js';
import { tempDir } from '../helpers/collector.js';

const SECRET = 'a-secret-of-sixteen-chars';
const DAY = 86_400_000;
const spools: SqliteSpool[] = [];
afterEach(async () => { await Promise.all(spools.splice(0).map((s) => s.close())); });

function openSpool(dir: string): SqliteSpool {
  const s = new SqliteSpool({ path: join(dir, 'spool.db'), maxRows: 1000, maxBytes: 1e9, synchronous: 'normal', groupCommitMs: 1 });
  spools.push(s);
  return s;
}
const worker = (dir: string, index: number, busyTimeoutMs?: number) => {
  const opts: SharedIdsOptions = { path: join(dir, PSEUDO_IDS_FILE), legacySpool: join(dir, 'spool.db'), ownsLegacy: index === 0, synchronous: 'NORMAL', onError: () => undefined, busyTimeoutMs };
  return new SharedRandomVisitorIds(opts, SECRET, DAY);
};
const tokensIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try { return (db.prepare('SELECT COUNT(*) AS n FROM pseudo_ids').get() as { n: number }).n; } finally { db.close(); }
};

describe('random pseudonymous ids shared by cluster workers', () => {
  it('gives a visitor one id whichever worker asks, and keeps it across restarts', async () => {
    const dir = tempDir();
    const now = Date.now();
    const a = worker(dir, 0);
    const b = worker(dir, 1);
    await a.prepare(['v1', 'v2'], ['d', 'e'], now);
    const first = a.idFor('v1', 'd', now);
    expect(first).toMatch(/^pw_[\w-]{16}$/);
    // b never prepared v1: idFor resolves it synchronously from the shared file.
    expect(b.idFor('v1', 'd', now)).toBe(first);
    expect(b.idFor('v1', 'e', now)).not.toBe(first);
    // A token b made first is the one a, then a restarted worker, hand out.
    const fromB = b.idFor('v3', 'd', now);
    expect(a.idFor('v3', 'd', now)).toBe(fromB);
    expect(worker(dir, 1).idFor('v1', 'd', now)).toBe(first);
  });

  it('keeps the ids of a single process when it becomes a cluster, and back', async () => {
    const dir = tempDir();
    const now = Date.now();
    const single = new RandomVisitorIds(openSpool(dir), SECRET, DAY);
    const id = single.idFor('v1', 'd', now);
    await spools[0].enqueue([{ messageId: 'm', destination: 'd', payload: {} }]); // the commit persists the token
    await spools.splice(0)[0].close();

    // Worker 1 may start first: it copies the old tokens too; worker 0 then empties spool.db's table.
    expect(worker(dir, 1).idFor('v1', 'd', now)).toBe(id);
    expect(worker(dir, 0).idFor('v1', 'd', now)).toBe(id);
    expect(tokensIn(join(dir, 'spool.db'))).toBe(0);
    const clusterMade = worker(dir, 1).idFor('v2', 'd', now);

    // `--workers 1` again: the process takes the cluster's tokens over.
    const again = new RandomVisitorIds(openSpool(dir), SECRET, DAY, join(dir, PSEUDO_IDS_FILE));
    expect(again.idFor('v1', 'd', now)).toBe(id);
    expect(again.idFor('v2', 'd', now)).toBe(clusterMade);
    expect(tokensIn(join(dir, PSEUDO_IDS_FILE))).toBe(0);
  });

  it('drops tokens of periods before the previous one when a worker starts', () => {
    const dir = tempDir();
    const now = Date.now();
    const old = worker(dir, 0).idFor('v1', 'd', now - 3 * DAY);
    const recent = worker(dir, 0).idFor('v1', 'd', now - DAY);
    const restarted = worker(dir, 1);
    expect(restarted.idFor('v1', 'd', now - DAY)).toBe(recent);
    expect(restarted.idFor('v1', 'd', now - 3 * DAY)).not.toBe(old);
  });

  it('gives concurrent requests with overlapping new visitors, on two workers, one id per visitor and destination', async () => {
    const dir = tempDir();
    const now = Date.now();
    const workers = [worker(dir, 0), worker(dir, 1)];
    const visitors = Array.from({ length: 12 }, (_, i) => `v${i}`);
    // 60 requests at once, each with two visitors that other requests (on either worker) share.
    const seen = await Promise.all(Array.from({ length: 60 }, async (_, i) => {
      const ids = workers[i % 2];
      const mine = [visitors[i % 12], visitors[(i * 5 + 1) % 12]];
      await ids.prepare(mine, ['d', 'e'], now);
      return mine.flatMap((v) => ['d', 'e'].map((d) => [`${v}|${d}`, ids.idFor(v, d, now)] as const));
    }));
    const byKey = new Map<string, Set<string>>();
    for (const [k, token] of seen.flat()) byKey.set(k, (byKey.get(k) ?? new Set()).add(token));
    expect(byKey.size).toBe(24);
    for (const tokens of byKey.values()) expect(tokens.size).toBe(1);
    expect(tokensIn(join(dir, PSEUDO_IDS_FILE))).toBe(24);
    // A restarted worker reads the same ids back.
    const restarted = worker(dir, 1);
    for (const [k, tokens] of byKey) {
      const [v, d] = k.split('|');
      expect(restarted.idFor(v, d, now)).toBe([...tokens][0]);
    }
  });

  it('fails every request waiting on a claim that cannot commit, and serves the next ones', async () => {
    const dir = tempDir();
    const now = Date.now();
    const ids = worker(dir, 0, 20);
    const fresh = worker(dir, 1, 20);
    await ids.prepare(['known'], ['d'], now);
    const known = ids.idFor('known', 'd', now);
    // Another process holds the write lock past the busy timeout.
    const other = new Database(join(dir, PSEUDO_IDS_FILE));
    other.exec('BEGIN IMMEDIATE');
    const waiting = [ids.prepare(['n1'], ['d'], now), ids.prepare(['n2', 'known'], ['d'], now), ids.prepare(['n1', 'n3'], ['d'], now)];
    const settled = await Promise.allSettled(waiting);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(settled.map((s) => (s.status === 'rejected' ? (s.reason as { code?: string }).code : ''))).toEqual(['SQLITE_BUSY', 'SQLITE_BUSY', 'SQLITE_BUSY']);
    // A token already committed is still served while the file is locked, by a worker that never saw it: it needs no write.
    await fresh.prepare(['known'], ['d'], now);
    expect(fresh.idFor('known', 'd', now)).toBe(known);
    other.exec('COMMIT');
    other.close();
    await Promise.all([ids.prepare(['n1', 'n2'], ['d'], now), ids.prepare(['n3'], ['d'], now)]);
    expect(new Set(['n1', 'n2', 'n3', 'known'].map((v) => ids.idFor(v, 'd', now))).size).toBe(4);
    expect(ids.idFor('known', 'd', now)).toBe(known);
    expect(tokensIn(join(dir, PSEUDO_IDS_FILE))).toBe(4);
  });
  it('keeps each visitor one id when requests interleave, past the visitor-key memo\'s size', async () => {
    // Requests prepare their visitors, then read the ids in projection, with other requests'
    // prepares in between (VisitorKeyHasher remembers a bounded number of answers). 1,500
    // visitors go through the memo of 1,024 once over; each visitor's id stays the one a
    // restarted worker (nothing remembered) reads from the shared file.
    const dir = tempDir();
    const now = Date.now();
    const a = worker(dir, 0);
    const visitors = Array.from({ length: 1500 }, (_, i) => `visitor-${i}`);
    await Promise.all(visitors.map((v) => a.prepare([v], ['d'], now)));
    const ids = visitors.map((v) => a.idFor(v, 'd', now));
    expect(new Set(ids).size).toBe(visitors.length);
    const again = visitors.map((v) => a.idFor(v, 'd', now));
    expect(again).toEqual(ids);
    const restarted = worker(dir, 1);
    expect(visitors.map((v) => restarted.idFor(v, 'd', now))).toEqual(ids);
  });
});
