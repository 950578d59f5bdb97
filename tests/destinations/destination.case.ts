// The conformance suite every destination runs against its own fake: the contract the
// dispatcher relies on (pure map, ok/retry/drop values, Retry-After, no secrets in reasons).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/common/json.js';
import type { CleanEvent, Destination, DestinationType, ItemResult } from '../../src/destinations/types.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { closedPort, deepFreeze, isSkip, reasonsOf, results, testDeps, toItems } from './fixtures.js';

export interface ConformanceCase {
  /** Registry type name. */
  type: DestinationType<unknown>;
  /** Starts this destination's fake (a fresh one per suite). */
  start(): Promise<FakeServer>;
  /** Raw options pointing at `baseUrl` (the fake, or a closed port); must carry credentials. */
  options(baseUrl: string, extra?: Record<string, unknown>): Record<string, unknown>;
  /** Every credential in `options`: none may appear in any reason. */
  secrets: readonly string[];
  /** A mappable event near now. */
  event(): CleanEvent;
  /** Where messageId lands in the payload (omit when the format has no event id). */
  vendorId?(payload: JsonValue): unknown;
  /** A vendor-shaped 400 body, and the drop code we expect for it. */
  badRequest: { body: unknown; code: RegExp };
  /** Events the fake accepted as valid so far. */
  accepted(fake: FakeServer): number;
}

function build(c: ConformanceCase, options: Record<string, unknown>): Destination {
  return c.type.create(c.type.configSchema.parse(options), testDeps(`${c.type.type}-test`));
}

/** Vendor error bodies that echo every credential and the request URL back at us. */
function echoingBodies(c: ConformanceCase, baseUrl: string): unknown[] {
  const all = c.secrets.join(' ');
  const url = `${baseUrl}/x?access_token=${c.secrets[0]}&api_secret=${c.secrets[0]}`;
  return [
    { error: { message: `Invalid token ${all} for ${url}`, code: 190, error_user_msg: all } },
    { code: 400, error: `Invalid API key: ${all}`, message: url },
    `<html>proxy error for ${url} with ${all}</html>`,
  ];
}

export function describeDestinationConformance(c: ConformanceCase): void {
  describe(`${c.type.type} conformance`, () => {
    let fake: FakeServer;
    let dest: Destination;
    const seenReasons: string[] = [];

    async function sendEvents(d: Destination, events: CleanEvent[]): Promise<ItemResult[]> {
      const out = results(await d.send(toItems(d, events)), events.length);
      seenReasons.push(...reasonsOf(out));
      return out;
    }

    beforeAll(async () => {
      fake = await c.start();
      dest = build(c, c.options(fake.url));
    });
    afterAll(async () => {
      await dest.close();
      await fake.close();
    });
    beforeEach(() => fake.reset());

    it('config schema accepts the options and rejects unknown keys', () => {
      expect(c.type.configSchema.safeParse(c.options(fake.url)).success).toBe(true);
      expect(c.type.configSchema.safeParse({ ...c.options(fake.url), surprise: 1 }).success).toBe(false);
      expect(typeof c.type.describe).toBe('string');
    });

    it('map is pure, leaves its input alone and returns JSON', () => {
      const event = deepFreeze(c.event());
      const a = dest.map(event);
      const b = dest.map(event);
      expect(isSkip(a)).toBe(false);
      expect(a).toEqual(b);
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    });

    it.skipIf(!c.vendorId)('keeps messageId as the vendor event id', () => {
      const event = c.event();
      const payload = dest.map(event);
      expect(isSkip(payload)).toBe(false);
      expect(c.vendorId?.(payload as JsonValue)).toBe(event.messageId);
    });

    it('delivers a batch the fake accepts as valid', async () => {
      const out = await sendEvents(dest, [c.event(), c.event(), c.event()]);
      expect(out.map((r) => r.kind)).toEqual(['ok', 'ok', 'ok']);
      expect(c.accepted(fake)).toBe(3);
      expect(fake.handled().flatMap((r) => r.errors)).toEqual([]);
    });

    it('500 -> retry', async () => {
      fake.failNext(500);
      const [r] = await sendEvents(dest, [c.event()]);
      expect(r.kind).toBe('retry');
    });

    it('a burst of 5xx retries until the vendor recovers', async () => {
      fake.burst5xx(5);
      for (let i = 0; i < 5; i++) expect((await sendEvents(dest, [c.event()]))[0].kind).toBe('retry');
      expect((await sendEvents(dest, [c.event()]))[0].kind).toBe('ok');
    });

    it('429 with Retry-After seconds -> retry with delayMs', async () => {
      fake.throttleNext(7);
      const [r] = await sendEvents(dest, [c.event()]);
      expect(r).toMatchObject({ kind: 'retry', delayMs: 7000 });
    });

    it('429 with a Retry-After HTTP date -> retry with delayMs until then', async () => {
      fake.throttleNext(new Date(Date.now() + 20_000).toUTCString());
      const [r] = await sendEvents(dest, [c.event()]);
      expect(r.kind).toBe('retry');
      const delay = r.kind === 'retry' ? (r.delayMs ?? -1) : -1;
      expect(delay).toBeGreaterThan(15_000);
      expect(delay).toBeLessThanOrEqual(20_000);
    });

    it('400 -> drop with the vendor code', async () => {
      fake.failNext(400, { body: c.badRequest.body });
      const [r] = await sendEvents(dest, [c.event()]);
      expect(r.kind).toBe('drop');
      expect(r.kind === 'drop' ? r.code : '').toMatch(c.badRequest.code);
    });

    it('connection reset -> retry with the transport error code', async () => {
      fake.resetNext();
      const [r] = await sendEvents(dest, [c.event()]);
      expect(r.kind).toBe('retry');
      expect(r.kind === 'retry' ? r.reason : '').toMatch(/UND_ERR_SOCKET|ECONNRESET|EPIPE/);
    });

    it('slow response -> retry on the headers timeout', async () => {
      const slow = build(c, c.options(fake.url, { headers_timeout_ms: 200 }));
      try {
        fake.delayNext(1_500);
        const [r] = await sendEvents(slow, [c.event()]);
        expect(r.kind).toBe('retry');
        expect(r.kind === 'retry' ? r.reason : '').toMatch(/UND_ERR_HEADERS_TIMEOUT/);
      } finally {
        await slow.close();
      }
    });

    it('unreachable vendor -> retry, never a throw', async () => {
      const down = build(c, c.options(`http://127.0.0.1:${await closedPort()}`, { connect_timeout_ms: 1_000 }));
      try {
        const [r] = await sendEvents(down, [c.event()]);
        expect(r.kind).toBe('retry');
        expect(r.kind === 'retry' ? r.reason : '').toMatch(/ECONNREFUSED|UND_ERR_CONNECT_TIMEOUT|UND_ERR_SOCKET/);
      } finally {
        await down.close();
      }
    });

    it('a vendor answer with a garbage, truncated, empty or huge body gives a result per item, not an exception', async () => {
      for (const status of [200, 202, 500]) {
        for (const body of ['<html>gateway</html>', '{"events_received":', '', 'null', '[]', '{"code":"NaN","errors":7}', 'x'.repeat(300_000)]) {
          fake.failNext(status, { body });
          const [r] = await sendEvents(dest, [c.event()]);
          expect(['ok', 'retry', 'drop']).toContain(r.kind);
          if (status >= 500) expect(r.kind).toBe('retry');
        }
      }
    });

    it('a stored payload of the wrong shape gives a result, not an exception', async () => {
      const out = results(await dest.send([{ id: '1', messageId: 'm', payload: { unexpected: true }, attempts: 0, enqueuedAt: 0 }]), 1);
      expect(out).toHaveLength(1);
      seenReasons.push(...reasonsOf(out));
    });

    it('credentials never appear in reasons, even when the vendor echoes them', async () => {
      for (const status of [400, 401, 403, 404, 429, 500, 502]) {
        for (const body of echoingBodies(c, fake.url)) {
          // Twice: a 401 may legitimately be retried once with a fresh OAuth token.
          fake.failNext(status, { body, count: 2 });
          const [r] = await sendEvents(dest, [c.event()]);
          fake.clearFaults();
          expect(r.kind).not.toBe('ok');
        }
      }
      expect(seenReasons.length).toBeGreaterThan(20);
      for (const reason of seenReasons) {
        expect(reason.length).toBeLessThanOrEqual(200);
        expect(reason).not.toMatch(/https?:\/\//);
        for (const secret of c.secrets) {
          expect(reason).not.toContain(secret);
          expect(reason).not.toContain(encodeURIComponent(secret));
        }
      }
    });

    it('close() releases connections and can be called twice', async () => {
      const d = build(c, c.options(fake.url));
      expect((await sendEvents(d, [c.event()]))[0].kind).toBe('ok');
      await d.close();
      await d.close();
    });
  });
}
