// The spool conformance suite: the contract the runtime and the delivery workers rely on,
// run against every adapter (SQLite file, real PostgreSQL server). Each test gets a fresh,
// empty store; `open` may be called several times on it (two collectors sharing one store).
import { afterEach, describe, expect, it } from 'vitest';
import type { VisitorIds } from '../../src/pipeline/project.js';
import type { Spool } from '../../src/spool/port.js';
import type { CleanEvent } from '../../src/destinations/types.js';
import { REFUSED_BEFORE_SENDING, unmappedEvent, wrapUnmapped } from '../../src/spool/unmapped.js';
import { issueReplayPermit } from '../../src/spool/replay-permit.js';

/** A replay permit as src/delivery/replay.ts issues them (the decision is tested in tests/delivery). */
const permit = (destination: string, more: { code?: string; ids?: string[] } = {}) => issueReplayPermit({ destination, ...more, issuedAt: Date.now() });

export interface OpenedSpool {
  spool: Spool;
  ids(secret: string, rotateMs: number): VisitorIds;
}
export interface OpenOptions { maxRows?: number; groupCommitMs?: number }
export type Opener = (o?: OpenOptions) => OpenedSpool;

export interface SpoolHarness {
  name: string;
  /** A fresh, empty store; the opener makes instances on it. */
  fresh(): Promise<Opener>;
  /**
   * Whether instances on one store lease fresh items side by side (Postgres: on-disk leases), or
   * one instance consumes them while others stand by (SQLite: a spool file has one consumer
   * process, whose leases live in memory).
   */
  oneConsumer: boolean;
}

const row = (i: number, destination = 'd') => ({ messageId: `m${i}`, destination, payload: { i, text: `p${i}` } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function describeSpoolConformance(h: SpoolHarness): void {
  describe(`spool conformance: ${h.name}`, () => {
    const opened: Spool[] = [];
    const start = async (o?: OpenOptions): Promise<{ open: (o2?: OpenOptions) => OpenedSpool; first: OpenedSpool }> => {
      const opener = await h.fresh();
      const open = (o2?: OpenOptions) => { const x = opener(o2 ?? o); opened.push(x.spool); return x; };
      return { open, first: open() };
    };
    afterEach(async () => { await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined))); });

    it('group-commits concurrent enqueues; a second instance sees them all', async () => {
      const { open, first } = await start({ groupCommitMs: 5 });
      await Promise.all(Array.from({ length: 50 }, (_, i) => first.spool.enqueue([row(i)])));
      const other = open();
      expect((await other.spool.stats()).pending).toBe(50);
      expect((await other.spool.stats()).byDestination.d).toEqual({ pending: 50, dead: 0 });
    });

    it('leases due items once; acks remove them; retries come back after their time', async () => {
      const { first: { spool: s } } = await start();
      await s.enqueue([row(1), row(2), row(3), row(4, 'other')]);
      const leased = await s.lease('d', 10, 60_000);
      expect(leased.map((l) => l.messageId)).toEqual(['m1', 'm2', 'm3']);
      expect(leased[0].payload).toEqual({ i: 1, text: 'p1' });
      expect(await s.lease('d', 10, 60_000)).toEqual([]);
      await s.ack([leased[0].id]);
      await s.retry([leased[1].id], 0, 'HTTP 503');
      await s.retry([leased[2].id], Date.now() + 60_000, 'HTTP 503');
      const again = await s.lease('d', 10, 60_000);
      expect(again.map((l) => [l.messageId, l.attempts])).toEqual([['m2', 1]]);
      const stats = await s.stats();
      expect([stats.pending, stats.leased]).toEqual([3, 1]);
    });

    // Adapter-specific: only the case that applies is registered (a SQLite file has one consumer).
    if (!h.oneConsumer) it('an expired lease (crashed instance) is handed out again, to another instance', async () => {
      const { open, first } = await start();
      await first.spool.enqueue([row(1), row(2)]);
      const a = await first.spool.lease('d', 1, 1000);
      const expires = Date.now() + 1000;
      expect(a.map((x) => x.messageId)).toEqual(['m1']);
      const other = open();
      expect((await other.spool.lease('d', 10, 60_000)).map((x) => x.messageId)).toEqual(['m2']);
      expect(await other.spool.nextDue('d')).toBeGreaterThan(Date.now());
      await sleep(expires - Date.now() + 50);
      const b = await other.spool.lease('d', 10, 60_000);
      expect(b.map((x) => [x.messageId, x.id])).toEqual([['m1', a[0].id]]);
    });

    if (h.oneConsumer) it('a second instance stands by while the first consumes, and takes over unsettled items when it stops', async () => {
      const { open, first } = await start();
      await first.spool.enqueue([row(1), row(2), row(3)]);
      const a = await first.spool.lease('d', 2, 60_000);
      expect(a.map((x) => x.messageId)).toEqual(['m1', 'm2']);
      await first.spool.ack([a[0].id]);
      const other = open();
      expect(await other.spool.lease('d', 10, 60_000)).toEqual([]);
      await first.spool.close();
      const b = await other.spool.lease('d', 10, 60_000);
      expect(b.map((x) => x.messageId)).toEqual(['m2', 'm3']);
    });

    it('an expired lease is handed out again, with the same id', async () => {
      const { first: { spool: s } } = await start();
      await s.enqueue([row(1), row(2)]);
      const a = await s.lease('d', 1, 200);
      expect(await s.lease('d', 10, 60_000)).toHaveLength(1);
      await sleep(300);
      const b = await s.lease('d', 10, 60_000);
      expect(b.map((x) => [x.messageId, x.id])).toEqual([['m1', a[0].id]]);
    });

    it('settles the items of one enqueue call one by one: ack, retry and dead letter each keep their own fate', async () => {
      const { open, first: { spool: s } } = await start();
      await s.enqueue([row(1), row(2), row(3), row(4), row(5), row(6, 'other')]);
      const a = await s.lease('d', 2, 60_000);
      await s.ack([a[0].id]);
      await s.retry([a[1].id], 0, 'HTTP 503');
      const b = await s.lease('d', 10, 60_000);
      expect(b.map((x) => [x.messageId, x.attempts])).toEqual([['m2', 1], ['m3', 0], ['m4', 0], ['m5', 0]]);
      expect(await s.lease('d', 10, 60_000)).toEqual([]);
      await s.deadLetter([b[2].id], 'HTTP_400', 'bad');
      await s.retry([b[3].id], Date.now() + 60_000, 'HTTP 503');
      await s.ack([b[0].id, b[1].id, b[1].id]);
      const stats = await s.stats();
      expect([stats.pending, stats.dead, stats.byDestination]).toEqual([2, 1, { d: { pending: 1, dead: 1 }, other: { pending: 1, dead: 0 } }]);
      expect((await s.listDead('d', 10)).map((d) => [d.messageId, d.attempts])).toEqual([['m4', 1]]);
      expect(await s.nextDue('d')).toBeGreaterThan(Date.now() + 30_000);
      const reopened = open().spool;
      expect((await reopened.stats()).pending).toBe(2);
      expect((await s.getDead((await s.listDead('d', 1))[0].id))?.payload).toEqual({ i: 4, text: 'p4' });
    });

    it('releases a destination\'s backed-off retries after an outage, leaving leased rows, far-off retries and other destinations', async () => {
      const { first: { spool: s } } = await start();
      await s.enqueue([row(1), row(2), row(3), row(4), row(5, 'other')]);
      const [a, b, c, d] = await s.lease('d', 10, 60_000);
      const [o] = await s.lease('other', 10, 60_000);
      await s.retry([a.id, b.id], Date.now() + 120_000, 'HTTP 503');
      await s.retry([c.id], Date.now() + 6 * 3_600_000, 'TOO_RECENT_CLICK');
      await s.retry([o.id], Date.now() + 120_000, 'HTTP 503');
      expect(await s.lease('d', 10, 60_000)).toEqual([]);
      expect(await s.releaseRetries('d', Date.now() + 600_000)).toBe(2);
      const due = await s.lease('d', 10, 60_000);
      expect(due.map((x) => [x.messageId, x.attempts])).toEqual([['m1', 1], ['m2', 1]]);
      expect(await s.releaseRetries('d', Date.now() + 600_000)).toBe(0);
      expect(await s.lease('other', 10, 60_000)).toEqual([]);
      await s.ack([d.id, ...due.map((x) => x.id)]);
      expect((await s.stats()).byDestination.d.pending).toBe(1);
    });

    it('leases rows another instance wrote while this one consumes (a new enqueue, a dead-letter replay)', async () => {
      const { open, first: { spool: s } } = await start();
      await s.enqueue([row(1)]);
      const a = await s.lease('d', 10, 60_000);
      await s.deadLetter([a[0].id], 'HTTP_400', 'x');
      const other = open().spool;
      await other.enqueue([row(2), row(3)]);
      expect(await other.replayDead(permit('d'))).toBe(1);
      const b = await s.lease('d', 10, 60_000);
      expect(b.map((x) => x.messageId).sort()).toEqual(['m1', 'm2', 'm3']);
      await s.enqueue([row(4)]);
      expect((await s.lease('d', 10, 60_000)).map((x) => x.messageId)).toEqual(['m4']);
    });

    it('concurrent leasers on two instances never share an item', async () => {
      const { open, first } = await start();
      await first.spool.enqueue(Array.from({ length: 200 }, (_, i) => row(i)));
      const other = open();
      const got: string[] = [];
      const drain = async (s: Spool) => {
        for (;;) {
          const items = await s.lease('d', 7, 60_000);
          if (items.length === 0) return;
          got.push(...items.map((i) => i.messageId));
          await s.ack(items.map((i) => i.id));
        }
      };
      await Promise.all([drain(first.spool), drain(other.spool), drain(first.spool), drain(other.spool)]);
      expect(got.length).toBe(200);
      expect(new Set(got).size).toBe(200);
      expect((await open().spool.stats()).pending).toBe(0);
    });

    it('dead letters keep code and reason, can be listed, shown, replayed and purged', async () => {
      const { first: { spool: s } } = await start();
      await s.enqueue([row(1), row(2), row(3)]);
      const [a, b, c] = await s.lease('d', 10, 60_000);
      await s.deadLetter([a.id], 'HTTP_400', 'invalid parameter');
      await s.deadLetter([b.id, c.id], 'MAX_ATTEMPTS', 'HTTP 503');
      const dead = await s.listDead('d', 10);
      expect(dead.map((d) => [d.messageId, d.code, d.attempts])).toEqual([['m1', 'HTTP_400', 1], ['m2', 'MAX_ATTEMPTS', 1], ['m3', 'MAX_ATTEMPTS', 1]]);
      expect((await s.getDead(dead[0].id))?.payload).toEqual({ i: 1, text: 'p1' });
      expect(await s.getDead('999999')).toBeUndefined();
      expect((await s.stats()).dead).toBe(3);
      expect(await s.purgeDead('d', 60_000)).toBe(0);
      expect(await s.replayDead(permit('d'))).toBe(3);
      expect((await s.lease('d', 10, 1000)).length).toBe(3);
      expect(await s.purgeDead('d')).toBe(0);
    });

    it('a replayed ingest-time dead letter keeps (or, written by an older version, gets) the unmapped envelope; others move unchanged', async () => {
      const { first: { spool: s } } = await start();
      const clean = (id: string) => ({ messageId: id, type: 'track', event: 'Lead', timestamp: '2026-01-01T00:00:00.000Z', receivedAt: '2026-01-01T00:00:00.000Z', properties: {}, traits: {} });
      const refused = { code: 'META_NO_SOURCE_URL', reason: REFUSED_BEFORE_SENDING };
      await s.enqueue([
        { messageId: 'new', destination: 'd', payload: wrapUnmapped(clean('new') as unknown as CleanEvent), dead: refused },
        { messageId: 'legacy', destination: 'd', payload: clean('legacy'), dead: refused },
        { messageId: 'other-reason', destination: 'd', payload: { i: 1 }, dead: { code: 'X', reason: 'something else' } },
        row(5),
      ]);
      await s.deadLetter((await s.lease('d', 10, 60_000)).map((l) => l.id), 'META_NO_EVENT_NAME', REFUSED_BEFORE_SENDING);
      expect(await s.replayDead(permit('d'))).toBe(4);
      const byId = new Map((await s.lease('d', 10, 60_000)).map((l) => [l.messageId, l.payload]));
      expect(unmappedEvent(byId.get('new')!)).toEqual(clean('new'));
      expect(unmappedEvent(byId.get('legacy')!)).toEqual(clean('legacy'));
      expect(byId.get('other-reason')).toEqual({ i: 1 });
      // A vendor payload dead-lettered after an attempt is never wrapped, whatever its reason.
      expect(byId.get('m5')).toEqual({ i: 5, text: 'p5' });
    });

    it('purges dead letters by destination and by age', async () => {
      const { first: { spool: s } } = await start();
      await s.enqueue([row(1), row(2, 'other')]);
      for (const dest of ['d', 'other']) await s.deadLetter((await s.lease(dest, 10, 1000)).map((x) => x.id), 'DROP', 'x');
      await sleep(20);
      expect(await s.purgeDead('d', 5)).toBe(1);
      expect(await s.purgeDead('*')).toBe(1);
      expect((await s.stats()).dead).toBe(0);
    });

    it('refuses to grow past max_rows; reports writable otherwise', async () => {
      const { first: { spool: s } } = await start({ maxRows: 3 });
      expect(await s.writable()).toBe(true);
      await s.enqueue([row(1), row(2), row(3)]);
      await expect(s.enqueue([row(4)])).rejects.toMatchObject({ code: 'PW_ERR_SPOOL_FULL', status: 503 });
      expect(await s.writable()).toBe(false);
    });

    it('keeps each row\'s governance metadata (policy version, subject keys) through lease, dead letter and replay', async () => {
      const { open, first: { spool: s } } = await start();
      await s.enqueue([
        { ...row(1), policyVersion: 'v1', subjectKeys: ['k1', 'k2'] },
        { ...row(2), policyVersion: 'v1', subjectKeys: [] },
        row(3),
        { ...row(4), policyVersion: 'v2', subjectKeys: ['k4'], dead: { code: 'SKIP', reason: 'rejected' } },
      ]);
      const other = open().spool;
      const leased = await other.lease('d', 10, 60_000);
      expect(leased.map((l) => [l.messageId, l.policyVersion, l.subjectKeys])).toEqual([['m1', 'v1', ['k1', 'k2']], ['m2', 'v1', []], ['m3', undefined, undefined]]);
      await other.deadLetter([leased[0].id], 'HTTP_400', 'x');
      expect(await other.replayDead(permit('d'))).toBe(2);
      const again = await s.lease('d', 10, 60_000);
      expect(again.map((l) => [l.messageId, l.policyVersion, l.subjectKeys]).sort()).toEqual([['m1', 'v1', ['k1', 'k2']], ['m4', 'v2', ['k4']]]);
    });

    it('records each destination\'s policy per plan version, for every instance; a version\'s first record stays', async () => {
      const { open, first } = await start();
      expect(await first.spool.policyOf('v1', 'd')).toBeUndefined();
      await first.spool.recordPolicies('v1', { d: 'b:aaaa', e: 'n:bbbb' });
      await first.spool.recordPolicies('v1', { d: 'n:cccc' });
      await first.spool.recordPolicies('v2', { d: 'n:dddd' });
      const other = open();
      expect(await other.spool.policyOf('v1', 'd')).toBe('b:aaaa');
      expect(await other.spool.policyOf('v1', 'e')).toBe('n:bbbb');
      expect(await other.spool.policyOf('v2', 'd')).toBe('n:dddd');
      expect(await other.spool.policyOf('v2', 'e')).toBeUndefined();
    });

    it('gives every instance the same random pseudonymous id for a visitor and destination', async () => {
      const { open, first } = await start();
      const now = Date.now();
      const idsA = first.ids('a-secret-of-sixteen-chars', 86_400_000);
      await idsA.prepare?.(['visitor-1', 'visitor-2'], ['d', 'e'], now);
      const a1 = idsA.idFor('visitor-1', 'd', now);
      await first.spool.enqueue([row(1)]); // SQLite persists new ids in the group commit
      const other = open();
      const idsB = other.ids('a-secret-of-sixteen-chars', 86_400_000);
      await idsB.prepare?.(['visitor-1'], ['d', 'e'], now);
      expect(a1).toMatch(/^pw_[\w-]{16}$/);
      expect(idsB.idFor('visitor-1', 'd', now)).toBe(a1);
      expect(idsB.idFor('visitor-1', 'e', now)).not.toBe(a1);
      expect(idsA.idFor('visitor-2', 'd', now)).not.toBe(a1);
    });
  });
}
