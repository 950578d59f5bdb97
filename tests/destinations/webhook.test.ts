import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { signWebhookBody, webhookDestination } from '../../src/destinations/webhook.js';
import type { DestinationType } from '../../src/destinations/types.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { startWebhookFake } from '../fakes/webhook.js';
import { describeDestinationConformance } from './destination.case.js';
import { FIXED_NOW, cleanEvent, results, testDeps, toItems } from './fixtures.js';

const SECRET = 'whsec_5f2b9c1e8d7a6f4e3b2a1c0d';
const AUTH = 'Bearer hookauth_9a8b7c6d5e4f3a2b1c0d';

function accepted(fake: FakeServer): number {
  return fake.handled().filter((r) => r.errors.length === 0 && Array.isArray(r.json)).reduce((n, r) => n + (r.json as unknown[]).length, 0);
}

describeDestinationConformance({
  type: webhookDestination as DestinationType<unknown>,
  start: () => startWebhookFake({ secret: SECRET }),
  options: (base, extra) => ({ url: `${base}/hook/phiwall`, secret: SECRET, headers: { authorization: AUTH }, ...extra }),
  secrets: [SECRET, AUTH],
  event: () => cleanEvent(),
  vendorId: (p) => (p as JsonObject).message_id,
  badRequest: { body: { error: 'rows rejected', code: 'INVALID_ROWS' }, code: /^HTTP_400_INVALID_ROWS$/ },
  accepted,
});

describe('webhook destination', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startWebhookFake({ secret: SECRET });
  });
  afterAll(() => fake.close());

  const create = (options: Record<string, unknown>, now = () => FIXED_NOW) =>
    webhookDestination.create(webhookDestination.configSchema.parse({ url: `${fake.url}/hook/a`, ...options }), testDeps('hook', now));

  it('maps to the warehouse row (golden)', () => {
    const dest = create({});
    const event = cleanEvent({ messageId: 'msg-1', matchKeys: undefined, clickIds: { gclid: 'abc' } }, FIXED_NOW);
    expect(dest.map(event)).toEqual({
      message_id: 'msg-1',
      event_type: 'track',
      event_name: 'Signup Completed',
      timestamp: '2026-11-23T11:59:00.000Z',
      received_at: '2026-11-23T12:00:00.000Z',
      visitor_id: 'v_3kq9x7w2p0zz',
      session_id: Math.floor((FIXED_NOW - 600_000) / 1000),
      page_group: 'signup',
      path: '/signup',
      url: 'https://clinic.example/signup',
      referrer: 'https://www.google.com/',
      title: 'Sign up',
      utm_source: 'google',
      utm_medium: 'cpc',
      utm_campaign: 'fall',
      gclid: 'abc',
      ip: '203.0.113.7',
      user_agent: cleanEvent().userAgent,
      locale: 'en-US',
      consent: { analytics: true, ads: true },
      properties: { plan: 'basic', value: 49, currency: 'usd' },
    });
  });

  it('group and alias rows carry group_id and previous_id', () => {
    const dest = create({});
    expect(dest.map(cleanEvent({ type: 'group', event: undefined, groupId: 'pw_group0001', traits: { plan: 'gold' } }))).toMatchObject({ event_type: 'group', group_id: 'pw_group0001', traits: { plan: 'gold' } });
    expect(dest.map(cleanEvent({ type: 'alias', event: undefined, previousId: 'pw_prev' }))).toMatchObject({ event_type: 'alias', visitor_id: 'v_3kq9x7w2p0zz', previous_id: 'pw_prev' });
  });

  it('signs the exact body with HMAC-SHA-256 and stamps the time', async () => {
    fake.reset();
    const dest = create({ secret: SECRET, headers: { 'x-tenant': 'clinic-1' } });
    const out = await dest.send(toItems(dest, [cleanEvent(), cleanEvent()]));
    await dest.close();
    expect(out).toEqual({ kind: 'ok' });
    const [req] = fake.handled();
    expect(req.errors).toEqual([]);
    expect(req.headers['x-phiwall-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(req.raw).digest('hex')}`);
    expect(req.headers['x-phiwall-signature']).toBe(signWebhookBody(req.raw, SECRET));
    expect(req.headers['x-phiwall-timestamp']).toBe(String(FIXED_NOW / 1000));
    expect(req.headers['x-tenant']).toBe('clinic-1');
    expect(req.headers['content-type']).toBe('application/json');
    expect(Array.isArray(req.json) && req.json.length).toBe(2);
  });

  it('a wrong secret is refused by the receiver and dropped as HTTP_401', async () => {
    const dest = create({ secret: 'not-the-right-secret' });
    const [r] = results(await dest.send(toItems(dest, [cleanEvent()])), 1);
    await dest.close();
    expect(r).toMatchObject({ kind: 'drop', code: 'HTTP_401' });
  });

  it('sends unsigned when no secret is configured; max_batch defaults to 100', async () => {
    const open = await startWebhookFake();
    try {
      const dest = webhookDestination.create(webhookDestination.configSchema.parse({ url: `${open.url}/hook/b` }), testDeps('hook'));
      expect(dest.maxBatch).toBe(100);
      expect(await dest.send(toItems(dest, [cleanEvent()]))).toEqual({ kind: 'ok' });
      await dest.close();
      expect(open.handled()[0].headers['x-phiwall-signature']).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it('never puts a tokenised URL in a reason', async () => {
    const dest = create({ url: `${fake.url}/hook/tok_abcdefghijklmnop12345?key=sekrit-key-123` });
    fake.failNext(500, { body: `failed for ${fake.url}/hook/tok_abcdefghijklmnop12345?key=sekrit-key-123` });
    const [r] = results(await dest.send(toItems(dest, [cleanEvent()])), 1);
    await dest.close();
    expect(r.kind).toBe('retry');
    expect(JSON.stringify(r)).not.toMatch(/sekrit|tok_abcdefghijklmnop12345/);
  });
});
