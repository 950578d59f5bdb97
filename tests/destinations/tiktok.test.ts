import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { tiktokDestination, type TikTokConfig } from '../../src/destinations/tiktok.js';
import type { Destination, DestinationType } from '../../src/destinations/types.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { TIKTOK_PATH, acceptedTikTokEvents, startTikTokFake } from '../fakes/tiktok.js';
import { describeDestinationConformance } from './destination.case.js';
import { EM_HASH, FIXED_NOW, PH_HASH, cleanEvent, results, sha256, testDeps, toItems } from './fixtures.js';

const PIXEL_CODE = 'C4TESTPIXEL00';
const ACCESS_TOKEN = 'ttk_5b0c2e7d9f1a3c4e6b8d0f2a';

describeDestinationConformance({
  type: tiktokDestination as DestinationType<unknown>,
  start: () => startTikTokFake({ pixelCode: PIXEL_CODE, accessToken: ACCESS_TOKEN }),
  options: (base, extra) => ({ pixel_code: PIXEL_CODE, access_token: ACCESS_TOKEN, endpoint: base, ...extra }),
  secrets: [ACCESS_TOKEN],
  event: () => cleanEvent(),
  vendorId: (p) => (p as JsonObject).event_id,
  badRequest: { body: { code: 40001, message: 'No permission' }, code: /^HTTP_400_40001$/ },
  accepted: (fake) => acceptedTikTokEvents(fake).length,
});

describe('tiktok destination', () => {
  let fake: FakeServer;
  let dest: Destination;
  const create = (extra: Partial<TikTokConfig> = {}) =>
    tiktokDestination.create(tiktokDestination.configSchema.parse({ pixel_code: PIXEL_CODE, access_token: ACCESS_TOKEN, endpoint: fake.url, ...extra }), testDeps('tiktok'));

  beforeAll(async () => {
    fake = await startTikTokFake({ pixelCode: PIXEL_CODE, accessToken: ACCESS_TOKEN });
    dest = create();
  });
  afterAll(async () => {
    await dest.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('maps a track event (golden)', () => {
    const event = cleanEvent({ messageId: 'msg-1', event: 'CompletePayment', matchKeys: { em: EM_HASH, ph: PH_HASH, ct: sha256('springfield') } }, FIXED_NOW);
    expect(dest.map(event)).toEqual({
      event: 'CompletePayment',
      event_time: Math.floor((FIXED_NOW - 60_000) / 1000),
      event_id: 'msg-1',
      user: {
        email: [EM_HASH],
        phone: [PH_HASH],
        external_id: [sha256('v_3kq9x7w2p0zz')],
        ttclid: 'E.C.P.abc123',
        ip: '203.0.113.7',
        user_agent: cleanEvent().userAgent,
        locale: 'en-US',
      },
      page: { url: 'https://clinic.example/signup', referrer: 'https://www.google.com/' },
      properties: { plan: 'basic', value: 49, currency: 'USD' },
    });
  });

  it('event_id is the site\'s own event id when it sends one (the pixel\'s), else messageId', () => {
    expect((dest.map(cleanEvent({ messageId: 'm-1', event: 'CompletePayment', properties: { 'event-id': 'px-991' } })) as JsonObject).event_id).toBe('px-991');
    expect((dest.map(cleanEvent({ messageId: 'm-2', event: 'CompletePayment', properties: { event_id: { nested: 1 } } })) as JsonObject).event_id).toBe('m-2');
  });

  it('maps page views to Pageview and skips other types', () => {
    expect((dest.map(cleanEvent({ type: 'page', event: undefined })) as JsonObject).event).toBe('Pageview');
    expect(dest.map(cleanEvent({ type: 'identify' }))).toEqual({ skip: 'TIKTOK_UNSUPPORTED_TYPE' });
    expect(dest.map(cleanEvent({ event: '  ' }))).toEqual({ skip: 'TIKTOK_NO_EVENT_NAME' });
  });

  it('posts the Events 2.0 envelope with the Access-Token header', async () => {
    const testing = create({ test_event_code: 'TEST123' });
    expect(await testing.send(toItems(testing, [cleanEvent()]))).toEqual({ kind: 'ok' });
    await testing.close();
    const [req] = fake.handled();
    expect(req.path).toBe(TIKTOK_PATH);
    expect(req.headers['access-token']).toBe(ACCESS_TOKEN);
    expect(req.json).toMatchObject({ event_source: 'web', event_source_id: PIXEL_CODE, test_event_code: 'TEST123' });
  });

  it('a revoked token (code 40105 in a 200) drops, without the token in the reason', async () => {
    const wrong = create({ access_token: 'ttk_wrong_token_0000000000' });
    const [r] = results(await wrong.send(toItems(wrong, [cleanEvent()])), 1);
    await wrong.close();
    expect(r).toMatchObject({ kind: 'drop', code: 'TIKTOK_40105' });
    expect(JSON.stringify(r)).not.toContain('ttk_wrong_token');
  });

  it('rate limiting (code 40100) and TikTok-side errors (5xxxx) retry', async () => {
    fake.failNext(200, { body: { code: 40100, message: 'Too many requests' } });
    fake.failNext(200, { body: { code: 50002, message: 'internal error' } });
    for (let i = 0; i < 2; i++) expect(results(await dest.send(toItems(dest, [cleanEvent()])), 1)[0].kind).toBe('retry');
  });

  it('pre-flight drops an unhashed identifier: 10 events -> 9 ok, 1 drop', async () => {
    const items = toItems(dest, Array.from({ length: 10 }, () => cleanEvent()));
    const p = items[2].payload as { user: JsonObject };
    items[2] = { ...items[2], payload: { ...(items[2].payload as JsonObject), user: { ...p.user, email: ['jane.doe@example.com'] } } };
    const out = results(await dest.send(items), 10);
    expect(out[2]).toMatchObject({ kind: 'drop', code: 'TIKTOK_UNHASHED_KEY' });
    expect(out.filter((r) => r.kind === 'ok')).toHaveLength(9);
    expect(acceptedTikTokEvents(fake)).toHaveLength(9);
  });

  it('a parameter error (40002) splits the batch; a lone event with it is dropped', async () => {
    fake.failNext(200, { body: { code: 40002, message: 'data[3].event: invalid' } });
    const out = results(await dest.send(toItems(dest, Array.from({ length: 4 }, () => cleanEvent()))), 4);
    // The forced 40002 hits the whole batch once; both halves then go through.
    expect(out.map((r) => r.kind)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(fake.requests).toHaveLength(3);
    fake.failNext(200, { body: { code: 40002, message: 'data[0].event: invalid' } });
    const [r] = results(await dest.send(toItems(dest, [cleanEvent()])), 1);
    expect(r).toMatchObject({ kind: 'drop', code: 'TIKTOK_40002' });
  });
});
