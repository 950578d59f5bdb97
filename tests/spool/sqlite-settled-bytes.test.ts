import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { tempDir } from '../helpers/collector.js';
import { runUntilKilled, srcModule } from '../helpers/killed-child.js';

// Items of a pack acknowledged with work of their own (the ledger's owed batch) are settled on disk in
// pack_acks while their pack stays. Opened after a kill, the spool subtracted them from its row count but
// not from its bytes: stats (and the max_bytes limit, which reads the same count) overstated what waits.

const opts = (dir: string) => ({ path: join(dir, 'spool.db'), maxRows: 1000, maxBytes: 1e7, synchronous: 'full' as const, groupCommitMs: 1 });

/** Three events of different sizes in one pack, the first two acked with work (settled in pack_acks); stats printed, then SIGKILL. */
function settleTwoAndKill(dir: string): { pending: number; bytes: number } {
  const script = `import { SqliteSpool } from ${srcModule('src/spool/sqlite/sqlite-spool.ts')};
    const spool = new SqliteSpool(${JSON.stringify(opts(dir))});
    await spool.enqueue([['m1', 500], ['m2', 1500], ['m3', 40]].map(([m, n]) => ({ messageId: m, destination: 'hook', payload: { event: 'Clicked', message_id: m, pad: 'x'.repeat(n) } })));
    const sent = await spool.lease('hook', 2, 60000);
    await spool.ack(sent.map((s) => s.id), () => undefined);
    const { pending, bytes } = await spool.stats();
    process.stdout.write(JSON.stringify({ pending, bytes, settled: spool.db.prepare('SELECT COUNT(*) FROM pack_acks').pluck().get() }));
    process.kill(process.pid, 'SIGKILL');`;
  const stdout = runUntilKilled(script);
  const seen = JSON.parse(stdout) as { pending: number; bytes: number; settled: number };
  expect(seen.settled).toBe(2);
  return { pending: seen.pending, bytes: seen.bytes };
}

describe('SQLite spool stats after items of a pack were settled on disk', () => {
  it('count and bytes at the next start are those of the items left, as the killed process had them', async () => {
    const dir = tempDir();
    const before = settleTwoAndKill(dir);
    expect(before).toEqual({ pending: 1, bytes: JSON.stringify({ event: 'Clicked', message_id: 'm3', pad: 'x'.repeat(40) }).length });
    const spool = new SqliteSpool(opts(dir));
    const after = await spool.stats();
    expect({ pending: after.pending, bytes: after.bytes }).toEqual(before);
    // What is left is the one unsettled item; delivering it empties the spool to zero bytes.
    const left = await spool.lease('hook', 10, 60_000);
    expect(left.map((l) => l.messageId)).toEqual(['m3']);
    await spool.ack(left.map((l) => l.id));
    expect(await spool.stats()).toMatchObject({ pending: 0, bytes: 0 });
    await spool.close();
  }, 30_000);
});
