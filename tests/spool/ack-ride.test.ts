import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACK_RIDE_MS, SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { tempDir } from '../helpers/collector.js';
import { walCommits as commits } from '../helpers/wal-commits.js';
import { runUntilKilled, srcModule } from '../helpers/killed-child.js';

// A delivered pack's DELETE rides on the next group commit (ACK_RIDE_MS) instead of a write
// transaction of its own. What must not change: an enqueue resolves only once its rows are
// committed (ack means durable), an ack resolves only once its pack is gone on disk, and a kill at
// any point loses no enqueued row; a pack whose delete had not committed is sent again (at least once).
const optsFor = (path: string) => ({ path, maxRows: 1000, maxBytes: 1e7, synchronous: 'normal' as const, groupCommitMs: 2 });
const row = (id: string) => ({ messageId: id, destination: 'd', payload: { id } });

const packsOnDisk = (path: string): number => {
  const reader = new Database(path, { readonly: true });
  try { return reader.prepare('SELECT COUNT(*) FROM outbox_packs').pluck().get() as number; } finally { reader.close(); }
};

describe('SQLite spool: a delivered pack\'s delete rides on the next group commit', () => {
  it('an ack and the enqueue arriving after it share one write transaction; both resolve with their changes on disk', async () => {
    const path = join(tempDir(), 'spool.db');
    const s = new SqliteSpool(optsFor(path));
    await s.enqueue([row('m1'), row('m2')]);
    const leased = await s.lease('d', 10, 60_000);
    const before = commits(path);
    const acked = s.ack(leased.map((l) => l.id)); // no group commit pending: it waits for one
    await new Promise((r) => setTimeout(r, 1));
    await Promise.all([acked, s.enqueue([row('m3')])]);
    expect(commits(path) - before).toBe(1); // not two: the DELETE rode on the INSERT's commit
    expect(packsOnDisk(path)).toBe(1); // another process (a standby, `phiwall dlq`, a restart) sees only m3's pack
    await s.close();
  });

  it('with no event arriving, the delete commits alone within ACK_RIDE_MS, before the ack resolves', async () => {
    const path = join(tempDir(), 'spool.db');
    const s = new SqliteSpool(optsFor(path));
    await s.enqueue([row('m1')]);
    const leased = await s.lease('d', 10, 60_000);
    const before = commits(path), started = Date.now();
    await s.ack(leased.map((l) => l.id));
    expect(Date.now() - started).toBeLessThan(ACK_RIDE_MS + 500);
    expect(commits(path) - before).toBe(1);
    expect(packsOnDisk(path)).toBe(0);
    await s.close();
  });

  it('kill -9 after the ack resolved: the pack is not sent again; killed while its delete waited: sent again, nothing lost', async () => {
    const resolved = join(tempDir(), 'spool.db'), waiting = join(tempDir(), 'spool.db');
    const child = (path: string, awaitAck: boolean) => `import { SqliteSpool } from ${srcModule('src/spool/sqlite/sqlite-spool.ts')};
      const s = new SqliteSpool(${JSON.stringify(optsFor(path))});
      await s.enqueue([{ messageId: 'm1', destination: 'd', payload: {} }, { messageId: 'm2', destination: 'd', payload: {} }]);
      const a = await s.lease('d', 10, 600000);
      const acked = s.ack(a.map((l) => l.id));
      if (${awaitAck}) await acked;
      process.kill(process.pid, 'SIGKILL');`;
    runUntilKilled(child(resolved, true));
    runUntilKilled(child(waiting, false));
    const after = new SqliteSpool(optsFor(resolved));
    expect(await after.lease('d', 10, 60_000)).toEqual([]);
    await after.close();
    const again = new SqliteSpool(optsFor(waiting));
    expect((await again.lease('d', 10, 60_000)).map((l) => l.messageId)).toEqual(['m1', 'm2']); // at least once
    await again.close();
  });

  it('kill -9 once an enqueue resolved in the commit its ack\'s delete rode on: its rows survive, the acked pack is gone', async () => {
    const path = join(tempDir(), 'spool.db');
    runUntilKilled(`import { SqliteSpool } from ${srcModule('src/spool/sqlite/sqlite-spool.ts')};
      const s = new SqliteSpool(${JSON.stringify(optsFor(path))});
      await s.enqueue([{ messageId: 'delivered', destination: 'd', payload: {} }]);
      const a = await s.lease('d', 10, 600000);
      const acked = s.ack(a.map((l) => l.id));
      await s.enqueue([{ messageId: 'acked-to-browser', destination: 'd', payload: {} }]);
      process.kill(process.pid, 'SIGKILL');`);
    const s = new SqliteSpool(optsFor(path));
    expect((await s.lease('d', 10, 60_000)).map((l) => l.messageId)).toEqual(['acked-to-browser']);
    await s.close();
  });

  it('a clean close right after an ack deletes the pack: the next process sends nothing again', async () => {
    const path = join(tempDir(), 'spool.db');
    const s = new SqliteSpool(optsFor(path));
    await s.enqueue([row('m1')]);
    const acked = s.ack((await s.lease('d', 10, 60_000)).map((l) => l.id));
    await s.close();
    await acked;
    const next = new SqliteSpool(optsFor(path));
    expect(await next.lease('d', 10, 60_000)).toEqual([]);
    await next.close();
  });
});
