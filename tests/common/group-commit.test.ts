import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/common/group-commit.js';

// The disclosure ledger's group commit (src/audit/ledger.ts): what a caller relies on is that its
// promise settles only after the commit that carried its item, with its own result or the group's error.
describe('GroupCommit', () => {
  it('items within the window share one commit; items arriving while it runs share the next', async () => {
    const calls: number[][] = [];
    let release: () => void = () => undefined;
    const g = new GroupCommit<number, string>(5, 64, async (items) => {
      calls.push([...items]);
      if (calls.length === 1) await new Promise<void>((r) => { release = r; }); // the first commit is slow (a busy file)
      return items.map((i) => `r${i}`);
    });
    const first = [g.add(1), g.add(2)];
    await new Promise((r) => setTimeout(r, 20));
    const second = [g.add(3), g.add(4), g.add(5)];
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([[1, 2]]); // 3..5 wait for the commit in flight, not for a window of their own
    release();
    expect(await Promise.all([...first, ...second])).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(calls).toEqual([[1, 2], [3, 4, 5]]);
  });

  it('a failed commit rejects every item in it and none of the next group', async () => {
    let fail = true;
    const g = new GroupCommit<number, number>(5, 64, async (items) => { if (fail) throw new Error('disk full'); return [...items]; });
    const failed = await Promise.allSettled([g.add(1), g.add(2)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await g.add(3)).toBe(3);
  });

  it('a full group commits at once; flush commits what waits without the window', async () => {
    const calls: number[][] = [];
    const g = new GroupCommit<number, number>(60_000, 2, async (items) => { calls.push([...items]); return [...items]; });
    await Promise.all([g.add(1), g.add(2)]); // not 60 s
    expect(calls).toEqual([[1, 2]]);
    const waiting = g.add(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([[1, 2]]); // waits for its window
    await g.flush();
    expect(await waiting).toBe(3);
    expect(calls).toEqual([[1, 2], [3]]);
  });
});
