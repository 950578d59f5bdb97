// The disclosure ledger conformance suite, run against SQLite and Postgres (see the
// *.conformance.test.ts files here). `open` makes a second writer on the same store.
import { afterEach, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../src/audit/ledger.js';
import type { JsonObject } from '../../src/common/json.js';
import { instancesOf, type BackendHarness } from '../helpers/governance-backends.js';

const item = (i: number, policyVersion = 'v1', payload: JsonObject = { event: 'Clicked', properties: { plan: 'x' } }, destination = 'ga4'): Disclosure =>
  ({ destination, messageId: `m${i}`, policyVersion, payload });

export function describeLedgerConformance(h: BackendHarness): void {
  describe(`disclosure ledger conformance: ${h.name}`, () => {
    const start = instancesOf(h, afterEach);
    const now = Date.UTC(2026, 0, 5, 10, 30);

    it('merges counts from two writers per destination, hour and policy version; a new field is reported once overall', async () => {
      const { a, open } = await start();
      const b = open();
      const [fa, fb] = await Promise.all([
        a.ledger.add([item(1), item(2)], now),
        b.ledger.add([item(3), item(4, 'v2', { event: 'Clicked', extra: 1 }), item(5, 'v1', { event: 'Viewed' }, 'meta')], now),
      ]);
      const fresh = [...fa, ...fb].map((f) => `${f.destination}:${f.field}`).sort();
      expect(fresh).toEqual(['ga4:event', 'ga4:extra', 'ga4:properties.plan', 'meta:event']);
      expect(await b.ledger.add([item(6)], now + 60_000)).toEqual([]);
      const r = await open().ledger.report('ga4', now - 3_600_000, now + 3_600_000);
      expect(r.total).toBe(5);
      expect(r.policyVersions.sort()).toEqual(['v1', 'v2']);
      expect(r.hours).toEqual([
        { hour: '2026-01-05T10:00:00.000Z', policyVersion: 'v1', events: 4, fields: ['event', 'properties.plan'] },
        { hour: '2026-01-05T10:00:00.000Z', policyVersion: 'v2', events: 1, fields: ['event', 'extra'] },
      ]);
      expect(r.newFields.map((f) => f.field).sort()).toEqual(['event', 'extra', 'properties.plan']);
      expect(r.perEventRows).toBe(0);
      expect((await a.ledger.report('meta', now - 3_600_000, now + 3_600_000)).total).toBe(1);
      expect((await a.ledger.report('ga4', now + 3_600_000, now + 7_200_000)).total).toBe(0);
    });

    it('one writer batch after batch: counts add up, fields are listed in every hour they were sent, each new field is reported once', async () => {
      const { a } = await start();
      expect((await a.ledger.add([item(1), item(2)], now)).map((f) => f.field).sort()).toEqual(['event', 'properties.plan']);
      expect(await a.ledger.add([item(3)], now + 1000)).toEqual([]);
      expect((await a.ledger.add([item(4, 'v1', { event: 'Clicked', extra: { a: [1] } })], now + 2000)).map((f) => f.field)).toEqual(['extra.a[]']);
      expect(await a.ledger.add([item(5)], now + 3_600_000)).toEqual([]);
      const r = await a.ledger.report('ga4', now - 3_600_000, now + 7_200_000);
      expect(r.hours).toEqual([
        { hour: '2026-01-05T10:00:00.000Z', policyVersion: 'v1', events: 4, fields: ['event', 'extra.a[]', 'properties.plan'] },
        { hour: '2026-01-05T11:00:00.000Z', policyVersion: 'v1', events: 1, fields: ['event', 'properties.plan'] },
      ]);
    });

    it('keeps one row per event (payload hash, never the payload) when the per-event ledger is on', async () => {
      const { a, open } = await start(true);
      await Promise.all([a.ledger.add([item(1), item(2)], now), open().ledger.add([item(3)], now)]);
      expect((await a.ledger.report('ga4', now - 1000, now + 1000)).perEventRows).toBe(3);
    });
  });
}
