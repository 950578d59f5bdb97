import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { segmentDestination, type SegmentConfig } from '../../src/destinations/segment.js';
import type { Destination, DestinationType } from '../../src/destinations/types.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { acceptedSegmentMessages, startSegmentFake } from '../fakes/segment.js';
import { describeDestinationConformance } from './destination.case.js';
import { FIXED_NOW, cleanEvent, itemsOf, results, testDeps, toItems } from './fixtures.js';

const WRITE_KEY = 'wk_9TfQx2LmP0aZ7bC4dE6f';

describeDestinationConformance({
  type: segmentDestination as DestinationType<unknown>,
  start: () => startSegmentFake({ writeKey: WRITE_KEY }),
  options: (base, extra) => ({ write_key: WRITE_KEY, endpoint: base, ...extra }),
  secrets: [WRITE_KEY, Buffer.from(`${WRITE_KEY}:`).toString('base64')],
  event: () => cleanEvent(),
  vendorId: (p) => (p as JsonObject).messageId,
  badRequest: { body: { error: 'Invalid JSON', code: 'invalid_request' }, code: /^HTTP_400_INVALID_REQUEST$/ },
  accepted: (fake) => acceptedSegmentMessages(fake).length,
});

describe('segment destination', () => {
  let fake: FakeServer;
  let dest: Destination;
  const create = (extra: Partial<SegmentConfig> = {}) =>
    segmentDestination.create(segmentDestination.configSchema.parse({ write_key: WRITE_KEY, endpoint: fake.url, ...extra }), testDeps('segment', () => FIXED_NOW));

  beforeAll(async () => {
    fake = await startSegmentFake({ writeKey: WRITE_KEY });
    dest = create();
  });
  afterAll(async () => {
    await dest.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('maps a track event to a Segment message (golden)', () => {
    const event = cleanEvent({ messageId: 'msg-1', userId: 'patient-portal-7', anonymousId: 'anon-123' }, FIXED_NOW);
    expect(dest.map(event)).toEqual({
      type: 'track',
      messageId: 'msg-1',
      timestamp: '2026-11-23T11:59:00.000Z',
      userId: 'patient-portal-7',
      anonymousId: 'anon-123',
      event: 'Signup Completed',
      properties: { plan: 'basic', value: 49, currency: 'usd' },
      context: {
        page: { path: '/signup', url: 'https://clinic.example/signup', referrer: 'https://www.google.com/', title: 'Sign up' },
        campaign: { source: 'google', medium: 'cpc', name: 'fall' },
        ip: '203.0.113.7',
        userAgent: cleanEvent().userAgent,
        locale: 'en-US',
        consent: { categoryPreferences: { analytics: true, ads: true } },
      },
    });
  });

  it('uses the visitor id as anonymousId when no raw id is allowed; identify carries traits', () => {
    const page = dest.map(cleanEvent({ type: 'page', event: undefined, name: 'Signup' })) as JsonObject;
    expect(page).toMatchObject({ type: 'page', name: 'Signup', anonymousId: 'v_3kq9x7w2p0zz' });
    expect(page.userId).toBeUndefined();
    const identify = dest.map(cleanEvent({ type: 'identify', traits: { plan: 'gold' } })) as JsonObject;
    expect(identify).toMatchObject({ type: 'identify', traits: { plan: 'gold' } });
    expect(identify.properties).toBeUndefined();
  });

  it('group and alias calls carry their groupId/previousId and are accepted by the fake', async () => {
    const group = dest.map(cleanEvent({ type: 'group', event: undefined, groupId: 'pw_grouptoken1', traits: { plan: 'enterprise' } })) as JsonObject;
    expect(group).toMatchObject({ type: 'group', groupId: 'pw_grouptoken1', anonymousId: 'v_3kq9x7w2p0zz', traits: { plan: 'enterprise' } });
    expect(group.properties).toBeUndefined();
    // Without raw ids the alias moves from the previous id's token to this visitor's token.
    const alias = dest.map(cleanEvent({ type: 'alias', event: undefined, previousId: 'v_previous0001' })) as JsonObject;
    expect(alias).toMatchObject({ type: 'alias', previousId: 'v_previous0001', userId: 'v_3kq9x7w2p0zz' });
    expect(alias.anonymousId).toBeUndefined();
    const raw = dest.map(cleanEvent({ type: 'alias', event: undefined, userId: 'member-7', anonymousId: 'anon-1', previousId: 'anon-1' })) as JsonObject;
    expect(raw).toMatchObject({ userId: 'member-7', anonymousId: 'anon-1', previousId: 'anon-1' });
    expect(results(await dest.send(toItems(dest, [cleanEvent({ type: 'group', event: undefined, groupId: 'g1' }), cleanEvent({ type: 'alias', event: undefined, previousId: 'p1' })])), 2).map((r) => r.kind)).toEqual(['ok', 'ok']);
    expect(fake.handled().flatMap((r) => r.errors)).toEqual([]);
    expect(acceptedSegmentMessages(fake)).toHaveLength(2);
  });

  it('skips what Segment cannot take', () => {
    // A group or alias whose id the allow list withholds: not applicable (not a dead letter).
    expect(dest.map(cleanEvent({ type: 'alias', event: undefined }))).toEqual({ skip: 'SEGMENT_PREVIOUS_ID_NOT_ALLOWED' });
    expect(dest.map(cleanEvent({ type: 'group', event: undefined }))).toEqual({ skip: 'SEGMENT_GROUP_ID_NOT_ALLOWED' });
    expect(dest.map(cleanEvent({ visitorId: undefined }))).toEqual({ skip: 'SEGMENT_NO_USER_ANON_ID' });
    expect(dest.map(cleanEvent({ properties: { blob: 'x'.repeat(40_000) } }))).toEqual({ skip: 'SEGMENT_EVENT_TOO_LARGE' });
  });

  it('posts /v1/batch with Basic write key (empty password) and sentAt', async () => {
    expect(await dest.send(toItems(dest, [cleanEvent(), cleanEvent()]))).toEqual({ kind: 'ok' });
    const [req] = fake.handled();
    expect(req.path).toBe('/v1/batch');
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`);
    expect(req.json).toMatchObject({ sentAt: new Date(FIXED_NOW).toISOString() });
    expect(req.errors).toEqual([]);
  });

  it('splits batches to stay under 500 KB', async () => {
    const events = Array.from({ length: 40 }, () => cleanEvent({ properties: { notes: 'n'.repeat(25_000) } }));
    expect(await dest.send(toItems(dest, events))).toEqual({ kind: 'ok' });
    expect(fake.handled().length).toBeGreaterThan(1);
    for (const r of fake.handled()) expect(Buffer.byteLength(r.raw)).toBeLessThanOrEqual(500 * 1024);
    expect(acceptedSegmentMessages(fake)).toHaveLength(40);
  });

  it('a 400 for one oversized stored event is isolated by halving the batch', async () => {
    const items = toItems(dest, Array.from({ length: 5 }, () => cleanEvent()));
    items[3] = { ...items[3], payload: { ...(items[3].payload as JsonObject), properties: { blob: 'x'.repeat(40_000) } } };
    const out = results(await dest.send(items), 5);
    expect(out.map((r) => r.kind)).toEqual(['ok', 'ok', 'ok', 'drop', 'ok']);
    expect(acceptedSegmentMessages(fake)).toHaveLength(4);
  });

  it('sends whatever shape is stored and lets Segment judge it', async () => {
    expect(results(await dest.send(itemsOf([{ type: 'track', event: 'x', anonymousId: 'a1' }])), 1)[0].kind).toBe('ok');
  });
});
