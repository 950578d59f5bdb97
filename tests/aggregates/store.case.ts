// The aggregate store conformance suite, run against every adapter (SQLite file, real
// PostgreSQL). Each test gets a fresh, empty store; `open` may be called several times on it:
// two instances are two collectors (two SQLite connections to one file = cluster workers; two
// pools on one database = two machines).
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { AggregateConfig, DAY_MS } from '../../src/aggregates/options.js';
import { releaseAttribution, releaseRollups, type ReleaseContext } from '../../src/aggregates/releaser.js';
import type { Sink } from '../../src/aggregates/sinks.js';
import { RELEASE_LEASE_MS, type AggregateStore, type CellDelta } from '../../src/aggregates/store.js';
import { rollupRows } from '../../src/aggregates/views.js';

export type Opener = () => AggregateStore;
export interface StoreHarness {
  name: string;
  /** A fresh, empty store; the opener makes instances on it. */
  fresh(): Promise<Opener>;
}

const DEST = 'agg';
const DIMSET = 'event';
const NOW = Date.UTC(2026, 10, 20, 12);
const DAY = Math.floor(NOW / DAY_MS) * DAY_MS - 2 * DAY_MS;
const dims = (v: string) => JSON.stringify([v]);
const delta = (who: string[], extra: Partial<CellDelta> = {}): CellDelta => ({ windowStart: DAY, dims: dims('page_view'), events: who.length, who, anonymous: 0, sums: {}, ...extra });

export class CaptureSink implements Sink {
  readonly name = 'capture';
  readonly rows: JsonObject[] = [];
  async write(rows: readonly JsonObject[]) { this.rows.push(...rows); return { ok: true as const }; }
  async close() {}
}

export function context(store: AggregateStore, sink: CaptureSink, options: Record<string, unknown> = {}): ReleaseContext {
  const config = AggregateConfig.parse({ dimensions: ['event'], k: 11, grace_minutes: 0, ...options });
  return { store, dest: DEST, config, sinks: [sink], policy: { k: config.k, mode: config.mode } };
}

export function describeAggregateStoreConformance(h: StoreHarness): void {
  describe(`aggregate store conformance: ${h.name}`, () => {
    const opened: AggregateStore[] = [];
    const start = async (): Promise<{ open: () => AggregateStore; a: AggregateStore }> => {
      const opener = await h.fresh();
      const open = () => { const s = opener(); opened.push(s); return s; };
      return { open, a: open() };
    };
    afterEach(async () => { await Promise.all(opened.splice(0).map((s) => s.close())); });

    it('counts distinct visitors per cell across batches; events and sums add up', async () => {
      const { a } = await start();
      await a.transaction((w) => w.addCells(DEST, DIMSET, [delta(['v1', 'v2'], { events: 3, sums: { value: 10 } }), delta([], { dims: dims('x'), events: 2, anonymous: 2 })], NOW));
      await a.addCells(DEST, DIMSET, [delta(['v2', 'v3'], { sums: { value: 2.5, other: 1 } })], NOW + 1);
      const cells = await a.cells(DEST, DIMSET, DAY, DAY + 1);
      expect(cells.map((c) => [c.dims, c.count, c.contributors, JSON.parse(c.sums)])).toEqual([
        [dims('page_view'), 5, 3, { value: 12.5, other: 1 }],
        [dims('x'), 2, 2, {}],
      ]);
    });

    it('decides k on global counts: 6 + 6 visitors from two instances are released once, as 12', async () => {
      const { open, a } = await start();
      const b = open();
      await a.transaction((w) => w.addCells(DEST, DIMSET, [delta(Array.from({ length: 6 }, (_, i) => `a${i}`))], NOW));
      // One instance's visitors alone are below k: the table is withheld.
      expect(rollupRows(await a.cells(DEST, DIMSET, DAY, DAY + 1), ['event'], 'day', { k: 11, mode: 'other' })).toEqual([{ window: 'day', window_start: new Date(DAY).toISOString(), row: 'withheld' }]);
      await b.transaction((w) => w.addCells(DEST, DIMSET, [delta(Array.from({ length: 6 }, (_, i) => `b${i}`))], NOW));
      const [sa, sb] = [new CaptureSink(), new CaptureSink()];
      const results = await Promise.all([a, b].map((s, i) => s.withReleaseLock(DEST, () => releaseRollups(context(s, [sa, sb][i]), NOW))));
      expect(results.some((r) => r.ran)).toBe(true);
      const published = [...sa.rows, ...sb.rows];
      expect(published.map((r) => [r.kind, r.row, r.count])).toEqual([['aggregate', 'cell', 12], ['aggregate', 'total', 12]]);
      // Nothing is due any more, from either instance.
      for (const s of [a, b]) expect(await s.windowsToRelease(DEST, DIMSET, NOW, DAY_MS)).toEqual([]);
    });

    it('holds one instance\'s releases while another holds the lock', async () => {
      const { open, a } = await start();
      const b = open();
      let release!: () => void;
      let started!: () => void;
      const inside = new Promise<void>((r) => { started = r; });
      const holding = a.withReleaseLock(DEST, () => new Promise<string>((r) => { release = () => r('done'); started(); }));
      await inside;
      expect(await b.withReleaseLock(DEST, async () => 'b')).toEqual({ ran: false });
      release();
      expect(await holding).toEqual({ ran: true, value: 'done' });
      expect(await b.withReleaseLock(DEST, async () => 'b')).toEqual({ ran: true, value: 'b' });
    });

    it('a window written to after its release is due again', async () => {
      const { a } = await start();
      await a.addCells(DEST, DIMSET, [delta(['v1'])], NOW);
      expect(await a.windowsToRelease(DEST, DIMSET, NOW, DAY_MS)).toEqual([DAY]);
      expect(await a.windowsToRelease(DEST, DIMSET, DAY + DAY_MS - 1, DAY_MS)).toEqual([]);
      const cells = await a.cells(DEST, DIMSET, DAY, DAY + 1);
      await a.saveReleased(DEST, DIMSET, DAY, [{ row_key: 'r', true_count: 1, published: '{"row":"withheld"}' }], { trueTotal: 1, seen: cells[0].changes, withheld: true }, NOW);
      expect(await a.windowsToRelease(DEST, DIMSET, NOW, DAY_MS)).toEqual([]);
      expect(await a.releasedState(DEST, DIMSET, DAY)).toEqual({ rows: [{ row_key: 'r', true_count: 1, published: '{"row":"withheld"}' }], mark: { trueTotal: 1, seen: cells[0].changes, withheld: true } });
      await a.addCells(DEST, DIMSET, [delta(['v1'])], NOW);
      expect(await a.windowsToRelease(DEST, DIMSET, NOW, DAY_MS)).toEqual([DAY]);
    });

    it('a window\'s release is claimed by one instance; its own retry re-uses the claim, a stale or abandoned one does not block', async () => {
      const { open, a } = await start();
      const b = open();
      await a.addCells(DEST, DIMSET, [delta(['v1'])], NOW);
      // Two instances deciding on the same (unreleased) state: one wins, at once too.
      expect((await Promise.all([a.claimRelease(DEST, DIMSET, DAY, -1, NOW), b.claimRelease(DEST, DIMSET, DAY, -1, NOW)])).sort()).toEqual([false, true]);
      const [winner, loser] = (await a.claimRelease(DEST, DIMSET, DAY, -1, NOW + 1)) ? [a, b] : [b, a];
      expect(await loser.claimRelease(DEST, DIMSET, DAY, -1, NOW + 2)).toBe(false);
      // Saving needs the claim: the loser's save is refused, nothing is written.
      const mark = { trueTotal: 1, seen: 1, withheld: true };
      expect(await loser.saveReleased(DEST, DIMSET, DAY, [], mark, NOW, -1)).toBe(false);
      expect((await a.releasedState(DEST, DIMSET, DAY)).mark).toBeUndefined();
      expect(await winner.saveReleased(DEST, DIMSET, DAY, [], mark, NOW, -1)).toBe(true);
      // Released: a claim on the old state is stale; the next release is claimed on the new mark.
      expect(await loser.claimRelease(DEST, DIMSET, DAY, -1, NOW + 3)).toBe(false);
      expect(await loser.claimRelease(DEST, DIMSET, DAY, 1, NOW + 3)).toBe(true);
      // Abandoned (its instance died mid-send): taken over after RELEASE_LEASE_MS.
      expect(await winner.claimRelease(DEST, DIMSET, DAY, 1, NOW + 4)).toBe(false);
      expect(await winner.claimRelease(DEST, DIMSET, DAY, 1, NOW + 3 + RELEASE_LEASE_MS + 1)).toBe(true);
    });

    it('journeys, touches and leads: one attribution id per visitor on every instance; expiry forgets', async () => {
      const { open, a } = await start();
      const b = open();
      const j = await a.journeyFor(DEST, 'hmac-1', NOW - 10);
      expect(await b.transaction((w) => w.journeyFor(DEST, 'hmac-1', NOW))).toBe(j);
      expect(await b.findJourney(DEST, 'hmac-1')).toBe(j);
      expect(await a.findJourney(DEST, 'nobody')).toBeUndefined();
      await a.linkEmail(DEST, 'email-1', j, NOW);
      expect(await b.journeyByEmail(DEST, 'email-1')).toBe(j);
      await a.addTouch(DEST, { journey: j, time: NOW - 3000, channel: 'email', campaign: 'c1', lead: 0 });
      await b.addTouch(DEST, { journey: j, time: NOW - 1000, channel: 'paid_search', campaign: 'c2', lead: 0 });
      await a.markLead(DEST, j, NOW - 2000);
      expect(await b.lastTouch(DEST, j)).toMatchObject({ channel: 'paid_search', time: NOW - 1000, lead: 0 });
      expect((await b.touches(DEST, 0, NOW)).map((t) => [t.channel, t.lead])).toEqual([['email', 1], ['paid_search', 0]]);
      expect(await a.expire(DEST, NOW + 100 * DAY_MS, 90 * DAY_MS)).toBe(4);
      expect(await b.touches(DEST, 0, NOW)).toEqual([]);
      expect(await b.findJourney(DEST, 'hmac-1')).toBeUndefined();
    });

    it('conversions: inserted once, a pending one confirmed once, then duplicates (also across instances)', async () => {
      const { open, a } = await start();
      const b = open();
      const conv = { conversion_id: 'c1', journey: 'j', type: 'Booked', time: DAY + 1000, value: 250.5, status: 'pending', source: 'offline' };
      const outcomes = await Promise.all([a.addConversion(DEST, conv), b.addConversion(DEST, conv)]);
      expect(outcomes.sort()).toEqual(['duplicate', 'inserted']);
      const confirmed = await Promise.all([a, b].map((s) => s.transaction((w) => w.addConversion(DEST, { ...conv, status: 'confirmed' }))));
      expect(confirmed.sort()).toEqual(['confirmed', 'duplicate']);
      expect(await b.conversions(DEST, 0, NOW, 'confirmed')).toEqual([{ ...conv, status: 'confirmed' }]);
      expect(await a.confirmedPerDay(DEST, DAY - DAY_MS, NOW, DAY_MS)).toEqual(new Map([[DAY, 1]]));
    });

    it('forward claims: once per (conversion, target); a released claim can be taken again; done is final', async () => {
      const { open, a } = await start();
      const b = open();
      const claims = await Promise.all([a.claimForward(DEST, 'c1', 'gads', NOW), b.claimForward(DEST, 'c1', 'gads', NOW)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await a.claimForward(DEST, 'c1', 'meta', NOW)).toBe(true);
      await a.releaseForwards(DEST, [{ conversionId: 'c1', target: 'meta' }]);
      expect(await b.claimForward(DEST, 'c1', 'meta', NOW)).toBe(true);
      await b.finishForwards(DEST, [{ conversionId: 'c1', target: 'meta' }]);
      await a.releaseForwards(DEST, [{ conversionId: 'c1', target: 'meta' }]);
      expect(await a.claimForward(DEST, 'c1', 'meta', NOW + 3_600_000)).toBe(false);
      // An unfinished claim whose instance died is taken over after a while.
      expect(await a.claimForward(DEST, 'c1', 'gads', NOW + 3_600_000)).toBe(true);
    });

    it('attribution days: released once; late confirmations become delta rows, never a cell below k', async () => {
      const { a } = await start();
      const sink = new CaptureSink();
      const ctx = context(a, sink, { attribution: { conversions: ['Booked'], models: ['last_click'] } });
      const add = async (group: string, n: number, channel: string, status = 'confirmed', from = 0) => {
        await a.transaction(async (w) => {
          for (let i = from; i < from + n; i++) {
            await w.addTouch(DEST, { journey: `${group}${i}`, time: DAY - 3600_000, channel, campaign: '(none)', lead: 0 });
            await w.addConversion(DEST, { conversion_id: `${group}${i}`, journey: `${group}${i}`, type: 'Booked', time: DAY + 3600_000, value: 100, status, source: 'offline' });
          }
        });
      };
      await add('s', 12, 'paid_search');
      await add('e', 12, 'email');
      await add('r', 3, 'referral');
      await add('p', 14, 'referral', 'pending', 3);
      const first = await releaseAttribution(ctx, NOW);
      expect(first).toMatchObject({ windows: 1, held: 0 });
      const initial = sink.rows.splice(0);
      // referral (3) alone would be revealed by the total: the next-smallest cell joins it in other.
      expect(initial.map((r) => [r.kind, r.row, r.channel, r.conversions])).toEqual([
        ['attribution', 'cell', 'paid_search', 12], ['attribution', 'other', '(other)', 15], ['attribution', 'total', '(total)', 27],
      ]);
      expect(await releaseAttribution(ctx, NOW)).toMatchObject({ windows: 0, rows: 0, held: 0 });
      // 5 late confirmations: fewer than k new conversions, held.
      const confirm = (i: number) => a.addConversion(DEST, { conversion_id: `p${i}`, journey: `p${i}`, type: 'Booked', time: DAY + 3600_000, value: 100, status: 'confirmed', source: 'offline' });
      for (let i = 3; i < 8; i++) expect(await confirm(i)).toBe('confirmed');
      expect(await releaseAttribution(ctx, NOW)).toMatchObject({ windows: 0, held: 1 });
      expect(sink.rows).toEqual([]);
      for (let i = 8; i < 14; i++) await confirm(i);
      expect(await releaseAttribution(ctx, NOW)).toMatchObject({ windows: 1, held: 0 });
      const corrections = sink.rows.splice(0);
      expect(corrections.every((r) => r.kind === 'correction')).toBe(true);
      // paid_search did not change: no row for it.
      expect(corrections.map((r) => [r.row, r.channel, r.conversions, r.delta_conversions])).toEqual([
        ['cell', 'email', 12, 12], ['cell', 'referral', 14, 14], ['total', '(total)', 38, 11], ['other', '(other)', 0, -15],
      ]);
      for (const r of corrections) expect(r.conversions === 0 || (r.conversions as number) >= 11).toBe(true);
      // The published table is whole: total minus the published cells hides nothing.
      const cells = corrections.filter((r) => r.row === 'cell').reduce((s, r) => s + (r.credit as number), 12);
      expect(corrections.find((r) => r.row === 'total')!.credit).toBe(cells);
      expect(await releaseAttribution(ctx, NOW)).toMatchObject({ windows: 0, rows: 0 });
    });
  });
}
