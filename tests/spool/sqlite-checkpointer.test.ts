import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { REPO, tempDir } from '../helpers/collector.js';
import { runUntilKilled } from '../helpers/killed-child.js';

// The collector's spool checkpoints its WAL on a thread (src/spool/sqlite/checkpointer.ts), so
// the commit that crosses SQLite's automatic-checkpoint threshold no longer copies ~40 MB on the
// event loop. What a user relies on must not change: committed rows survive a kill -9 and a
// clean close, and the database file receives the pages while the spool keeps running.

const opts = (path: string, backgroundCheckpointMs?: number) => ({
  path, maxRows: 100_000, maxBytes: 1e9, synchronous: 'normal' as const, groupCommitMs: 1, ...(backgroundCheckpointMs ? { backgroundCheckpointMs } : {}),
});
const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ messageId: `m${from + i}`, destination: 'd', payload: { i: from + i, text: 'x'.repeat(2000) } }));
const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);

async function eventually(check: () => boolean): Promise<boolean> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  return check();
}

describe('SQLite spool: background WAL checkpoints', () => {
  it('copies committed rows into the database file while the spool runs; without the thread they wait in the WAL for SQLite\'s own threshold', async () => {
    const withThread = join(tempDir(), 'spool.db');
    const a = new SqliteSpool(opts(withThread, 20));
    await a.enqueue(rows(0, 200));
    // ~400 KB of payloads: far below the ~40 MB at which the committing call would checkpoint.
    expect(await eventually(() => size(withThread) > 300_000)).toBe(true);

    const without = join(tempDir(), 'spool.db');
    const b = new SqliteSpool(opts(without));
    await b.enqueue(rows(0, 200));
    expect(size(without)).toBeLessThan(100_000);
    expect(size(`${without}-wal`)).toBeGreaterThan(300_000);
    await Promise.all([a.close(), b.close()]);
  });

  it('closes the thread with the spool: no WAL left, and the reopened file holds every row', async () => {
    const path = join(tempDir(), 'spool.db');
    const s = new SqliteSpool(opts(path, 10));
    for (let i = 0; i < 20; i++) await s.enqueue(rows(i * 10, 10));
    await s.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = new SqliteSpool(opts(path));
    expect((await again.stats()).pending).toBe(200);
    expect((await again.lease('d', 1000, 60_000)).map((l) => l.messageId)).toEqual(rows(0, 200).map((r) => r.messageId));
    await again.close();
  });

  it('after a kill -9 while the thread checkpoints, every enqueue that was acknowledged is still spooled', async () => {
    const path = join(tempDir(), 'spool.db');
    const script = `import { SqliteSpool } from ${JSON.stringify(pathToFileURL(join(REPO, 'src/spool/sqlite/sqlite-spool.ts')).href)};
      import { statSync } from 'node:fs';
      const s = new SqliteSpool(${JSON.stringify(opts(path, 5))});
      let acked = 0, checkpointedAt = -1;
      for (let i = 0; i < 2000 && (checkpointedAt < 0 || i < checkpointedAt + 20); i++) {
        await s.enqueue(Array.from({ length: 10 }, (_, j) => ({ messageId: 'm' + (i * 10 + j), destination: 'd', payload: { text: 'x'.repeat(2000) } })));
        acked += 10;
        process.stdout.write(acked + '\\n');
        if (checkpointedAt < 0 && statSync(${JSON.stringify(path)}).size > 100000) checkpointedAt = i;
      }
      process.kill(process.pid, 'SIGKILL');`;
    const stdout = runUntilKilled(script);
    const acked = Number(stdout.trim().split('\n').at(-1));
    // The loop ran until the thread had copied pages into the file, and 20 enqueues past that.
    expect(acked).toBeGreaterThan(200);
    expect(acked).toBeLessThan(20_000);
    const s = new SqliteSpool(opts(path));
    expect((await s.stats()).pending).toBe(acked);
    await s.close();
  });
});
