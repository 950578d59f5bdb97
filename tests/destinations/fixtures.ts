import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { JsonValue } from '../../src/common/json.js';
import { expandResult } from '../../src/destinations/batch.js';
import type { CleanEvent, DeliveryResult, Destination, DestinationDeps, ItemResult, OutboundItem } from '../../src/destinations/types.js';

/** A fixed instant for golden payloads. */
export const FIXED_NOW = Date.parse('2026-11-23T12:00:00.000Z');

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export const EM_HASH = sha256('jane.doe@example.com');
export const PH_HASH = sha256('16505551212');

/** A clean event near `now` that every destination can map (override per test). */
export function cleanEvent(overrides: Partial<CleanEvent> = {}, now = Date.now()): CleanEvent {
  return {
    messageId: randomUUID(),
    type: 'track',
    event: 'Signup Completed',
    timestamp: new Date(now - 60_000).toISOString(),
    receivedAt: new Date(now).toISOString(),
    visitorId: 'v_3kq9x7w2p0zz',
    sessionId: Math.floor((now - 600_000) / 1000),
    pageGroup: 'signup',
    page: { path: '/signup', url: 'https://clinic.example/signup', referrer: 'https://www.google.com/', title: 'Sign up' },
    campaign: { source: 'google', medium: 'cpc', name: 'fall' },
    clickIds: { gclid: 'Cj0KCQiA_test-gclid_123', fbclid: 'IwAR0abcDEF', ttclid: 'E.C.P.abc123' },
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0 Safari/537.36',
    ip: '203.0.113.7',
    locale: 'en-US',
    consent: { analytics: true, ads: true },
    properties: { plan: 'basic', value: 49, currency: 'usd' },
    traits: {},
    matchKeys: { em: EM_HASH, ph: PH_HASH },
    ...overrides,
  };
}

export function testDeps(name: string, now: () => number = Date.now): DestinationDeps {
  return { name, baa: false, dataDir: '/tmp/phiwall-test', now };
}

/** Maps events through the destination (failing on a skip) and wraps them as spooled items. */
export function toItems(dest: Destination, events: readonly CleanEvent[]): OutboundItem[] {
  return events.map((e, i) => {
    const payload = dest.map(e);
    if (isSkip(payload)) throw new Error(`map skipped a test event: ${payload.skip}`);
    return { id: String(i + 1), messageId: e.messageId, payload, attempts: 0, enqueuedAt: Date.now() };
  });
}

export function itemsOf(payloads: readonly JsonValue[]): OutboundItem[] {
  return payloads.map((payload, i) => ({ id: String(i + 1), messageId: `m-${i + 1}`, payload, attempts: 0, enqueuedAt: Date.now() }));
}

export function isSkip(value: JsonValue | { skip: string }): value is { skip: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.skip === 'string' && Object.keys(value).length === 1;
}

export function results(result: DeliveryResult, count: number): ItemResult[] {
  return expandResult(result, count);
}

export function reasonsOf(items: readonly ItemResult[]): string[] {
  return items.flatMap((r) => (r.kind === 'ok' ? [] : [r.reason]));
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
