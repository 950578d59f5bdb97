import { describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEDUP_WINDOW_MS, IngestDedup, RECENT_MAX, RECENT_SLACK } from '../../src/spool/ingest-dedup.js';

// A copy of an event whose original is still on its way is answered only once the original's
// rows are durable: when that commit fails, the copy fails too (and the next copy is taken afresh).
const noneSeen = { seen: async () => new Set<string>() };
const ev = (messageId: string) => ({ type: 'track', event: 'Clicked', messageId, anonymousId: 'a-1' });
const sender = (e: Record<string, unknown>) => String(e.anonymousId);

describe('IngestDedup', () => {
  it('a copy waits for its original: resolved by its commit, failed by its failure', async () => {
    const dedup = new IngestDedup(noneSeen, 'k'.repeat(32));
    const now = Date.now();
    const original = await dedup.claim('demo', [ev('m-1'), ev('m-2')], sender, now);
    const copy = await dedup.claim('demo', [ev('m-1')], sender, now);
    expect(original.keys.every((k) => k !== undefined)).toBe(true);
    expect(copy.keys).toEqual([undefined]);
    let settled = false;
    const waiting = copy.settled().then(() => { settled = true; });
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    original.release(undefined, new Set(original.keys as string[]), now);
    await waiting;
    // Committed: later copies are known without waiting; past the window they are new events.
    expect((await dedup.claim('demo', [ev('m-2')], sender, now + 1000)).keys).toEqual([undefined]);
    expect((await dedup.claim('demo', [ev('m-2')], sender, now + DEDUP_WINDOW_MS + 1)).keys[0]).toBeDefined();

    const failing = await dedup.claim('demo', [ev('m-9')], sender, now);
    const copy2 = await dedup.claim('demo', [ev('m-9')], sender, now);
    failing.release(new Error('disk full'), new Set(), now);
    await expect(copy2.settled()).rejects.toThrow('disk full');
    expect((await dedup.claim('demo', [ev('m-9')], sender, now)).keys[0]).toBeDefined();
  });

  it('keys are keyed hashes of site, sender and messageId: nothing stored as sent', () => {
    const dedup = new IngestDedup(noneSeen, 'k'.repeat(32));
    const k = dedup.key('demo', 'jane@example.org', 'm-1');
    expect(k).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(dedup.key('demo', 'other', 'm-1')).not.toBe(k);
    expect(dedup.key('shop', 'jane@example.org', 'm-1')).not.toBe(k);
  });

  it('a durable lookup that overlapped its original\'s commit still finds it, however many keys were committed meanwhile', async () => {
    // The store answers like a spool: keys committed before the lookup runs. The copy's lookup is held open
    // while its original and RECENT_MAX + RECENT_SLACK other events commit (the memory of recent commits overflows).
    const disk = new Set<string>();
    let open!: () => void;
    let gate: Promise<void> | undefined;
    const store = { seen: async (keys: readonly string[]) => { const before = new Set(keys.filter((k) => disk.has(k))); if (gate) { const g = gate; gate = undefined; await g; } return before; } };
    const dedup = new IngestDedup(store, 'k'.repeat(32));
    const now = Date.now();
    gate = new Promise((r) => { open = r; });
    const copyClaim = dedup.claim('demo', [ev('m-r')], sender, now); // its first lookup misses: nothing is on disk yet
    const original = await dedup.claim('demo', [ev('m-r')], sender, now);
    const commit = (c: typeof original) => { for (const k of c.keys) if (k) disk.add(k); c.release(undefined, new Set(c.keys as string[]), now); };
    commit(original);
    for (let i = 0; i < RECENT_MAX + RECENT_SLACK + 10; i++) commit(await dedup.claim('demo', [ev(`m-o${i}`)], sender, now));
    open();
    const copy = await copyClaim;
    expect([copy.keys, copy.copies]).toEqual([[undefined], 1]);
  });

  it('a busy worker\'s memory of recent commits stays small: 20,000 events committed hold under 0.8 MB', async () => {
    // Issue #5: each MB a worker keeps, V8 lets its old generation grow to twice of. 8,192 keys held 1.64 MB of a
    // batch worker's heap (H194); the race the memory closes is covered above at any bound.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const dedup = new IngestDedup(noneSeen, 'k'.repeat(32));
    const now = Date.now();
    const commitMany = async (from: number, n: number) => {
      for (let i = from; i < from + n; i += 20) {
        const c = await dedup.claim('demo', Array.from({ length: 20 }, (_, j) => ev(`m-b${i + j}`)), sender, now);
        c.release(undefined, new Set(c.keys as string[]), now);
      }
    };
    await commitMany(0, 200);
    gc(); gc();
    const before = process.memoryUsage().heapUsed;
    await commitMany(200, 20_000);
    gc(); gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(0.8 * 1048576);
  });
});
