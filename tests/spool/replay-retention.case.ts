// Conformance, every adapter: dead letters move back only with a replay permit (src/spool/
// replay-permit.ts), filtered by code or ids, keeping their scrub time; the policy history
// forgets versions no row refers to any more.
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayPermit, Spool } from '../../src/spool/port.js';
import { issueReplayPermit, PERMIT_TTL_MS } from '../../src/spool/replay-permit.js';
import type { SpoolHarness } from './spool.case.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dead = (i: number, code: string, policyVersion?: string, scrubbedAt?: number) => ({ messageId: `m${i}`, destination: 'd', payload: { i }, policyVersion, scrubbedAt, dead: { code, reason: 'x' } });
const permit = (more: { code?: string; ids?: string[] } = {}) => issueReplayPermit({ destination: 'd', ...more, issuedAt: Date.now() });

export function describeReplayAndRetention(h: SpoolHarness): void {
  describe(`spool replay permits and policy retention: ${h.name}`, () => {
    const opened: Spool[] = [];
    const fresh = async (): Promise<Spool> => { const s = (await h.fresh())().spool; opened.push(s); return s; };
    afterEach(async () => { await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined))); });

    it('moves nothing on a permit it did not issue, or a stale one', async () => {
      const s = await fresh();
      await s.enqueue([dead(1, 'HTTP_400')]);
      const forged = { destination: 'd', issuedAt: Date.now() } as unknown as ReplayPermit;
      await expect(s.replayDead(forged)).rejects.toMatchObject({ code: 'PW_ERR_REPLAY_REFUSED', status: 409 });
      const stale = issueReplayPermit({ destination: 'd', issuedAt: Date.now() - PERMIT_TTL_MS - 1 });
      await expect(s.replayDead(stale)).rejects.toMatchObject({ code: 'PW_ERR_REPLAY_REFUSED' });
      expect((await s.stats()).byDestination.d).toEqual({ pending: 0, dead: 1 });
    });

    it('replays only the code or the ids asked for; a replayed row keeps its scrub time through another dead letter', async () => {
      const s = await fresh();
      // Scrub times are the calendar's (the wall clock the scrub decisions used), not the spool's clock.
      const scrubbedAt = Date.now() - 3_600_000;
      await s.enqueue([dead(1, 'HTTP_400', 'v1', scrubbedAt), dead(2, 'HTTP_503', 'v1', scrubbedAt), dead(3, 'HTTP_503', 'v1', scrubbedAt)]);
      const scrubs = await s.deadScrubs('d', 'HTTP_503');
      expect(scrubs.map((x) => [x.policyVersion, x.scrubbedAt])).toEqual([['v1', scrubbedAt], ['v1', scrubbedAt]]);
      await sleep(30);
      expect(await s.replayDead(permit({ code: 'HTTP_503', ids: [scrubs[0]!.id] }))).toBe(1);
      expect((await s.listDead('d', 10)).map((x) => x.messageId)).toEqual(['m1', 'm3']);
      const [item] = await s.lease('d', 10, 60_000);
      expect(item).toMatchObject({ messageId: 'm2', scrubbedAt });
      expect(item!.enqueuedAt).toBeGreaterThan(scrubbedAt);
      await s.deadLetter([item!.id], 'HTTP_500', 'x');
      expect((await s.deadScrubs('d', 'HTTP_500')).map((x) => x.scrubbedAt)).toEqual([scrubbedAt]);
      expect(await s.replayDead(permit({ code: 'HTTP_400' }))).toBe(1);
      expect((await s.listDead('d', 10)).map((x) => x.code).sort()).toEqual(['HTTP_500', 'HTTP_503']);
    });

    it('a live row keeps its calendar scrub time from disk, through a retry and into a dead letter', async () => {
      const opener = await h.fresh();
      const first = opener().spool;
      opened.push(first);
      const scrubbedAt = Date.now() - 7_200_000; // a wall clock two hours behind the spool's
      await first.enqueue([{ messageId: 'live', destination: 'd', payload: { i: 1 }, policyVersion: 'v1', scrubbedAt }]);
      await first.close();
      const s = opener().spool; // read back from disk, not from the writer's memory
      opened.push(s);
      const [item] = await s.lease('d', 10, 60_000);
      expect(item).toMatchObject({ messageId: 'live', scrubbedAt });
      await s.retry([item!.id], 0, 'x');
      const [again] = await s.lease('d', 10, 60_000);
      expect(again).toMatchObject({ messageId: 'live', scrubbedAt });
      await s.deadLetter([again!.id], 'HTTP_400', 'x');
      expect((await s.deadScrubs('d')).map((x) => x.scrubbedAt)).toEqual([scrubbedAt]);
    });

    it('a row stored without a scrub time (older versions) is replayed with its enqueue time as one', async () => {
      const s = await fresh();
      await s.enqueue([dead(1, 'HTTP_400', 'v1')]);
      const [before] = await s.deadScrubs('d');
      expect(before).toMatchObject({ policyVersion: 'v1' });
      expect(before!.scrubbedAt).toBeUndefined();
      await sleep(30);
      expect(await s.replayDead(permit())).toBe(1);
      const [item] = await s.lease('d', 10, 60_000);
      expect(item).toMatchObject({ messageId: 'm1', scrubbedAt: before!.enqueuedAt });
    });

    it('forgets the policies of versions no pending or dead row refers to, but not the running version nor recent records', async () => {
      const s = await fresh();
      for (const v of ['v1', 'v2', 'v3', 'v4', 'v5']) await s.recordPolicies(v, { d: `n:${v}`, e: `b:${v}` });
      await s.enqueue([{ messageId: 'p1', destination: 'd', payload: {}, policyVersion: 'v1' }, dead(2, 'HTTP_400', 'v2')]);
      await s.enqueue([{ messageId: 'p5', destination: 'e', payload: {}, policyVersion: 'v5' }]);
      // A retried row: an outbox row, not a pack item (SQLite).
      const [r5] = await s.lease('e', 1, 60_000);
      await s.retry([r5!.id], Date.now(), 'x');
      expect(await s.prunePolicies('v4', Date.now() - 60_000)).toBe(0);
      expect(await s.prunePolicies('v4', Date.now() + 1000)).toBe(2);
      const left = async () => { const out: string[] = []; for (const v of ['v1', 'v2', 'v3', 'v4', 'v5']) if (await s.policyOf(v, 'd')) out.push(v); return out; };
      expect(await left()).toEqual(['v1', 'v2', 'v4', 'v5']);
      await s.ack((await s.lease('d', 10, 60_000)).map((x) => x.id));
      await s.purgeDead('d');
      expect(await s.prunePolicies('v4', Date.now() + 1000)).toBe(4);
      expect(await left()).toEqual(['v4', 'v5']);
      // Recording a version again (each instance does, hourly) marks it in use; its first record stays.
      const before = Date.now();
      await sleep(5);
      await s.recordPolicies('v5', { d: 'n:changed' });
      expect(await s.policyOf('v5', 'd')).toBe('n:v5');
      await s.ack((await s.lease('e', 10, 60_000)).map((x) => x.id));
      expect(await s.prunePolicies('v4', before)).toBe(0);
      expect(await s.prunePolicies('v4', Date.now() + 1000)).toBe(2);
      expect(await left()).toEqual(['v4']);
    });
  });
}
