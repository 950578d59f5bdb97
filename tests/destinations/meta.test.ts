import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { metaDestination, type MetaConfig } from '../../src/destinations/meta.js';
import type { Destination, DestinationType } from '../../src/destinations/types.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { acceptedMetaEvents, startMetaFake } from '../fakes/meta.js';
import { describeDestinationConformance } from './destination.case.js';
import { EM_HASH, FIXED_NOW, PH_HASH, cleanEvent, itemsOf, reasonsOf, results, sha256, testDeps, toItems } from './fixtures.js';

const PIXEL_ID = '1234567890';
const ACCESS_TOKEN = 'EAAGm0PX4ZCpsBAtestTokenZZZ123';

describeDestinationConformance({
  type: metaDestination as DestinationType<unknown>,
  start: () => startMetaFake({ pixelId: PIXEL_ID, accessToken: ACCESS_TOKEN }),
  options: (base, extra) => ({ pixel_id: PIXEL_ID, access_token: ACCESS_TOKEN, endpoint: base, ...extra }),
  secrets: [ACCESS_TOKEN],
  event: () => cleanEvent(),
  vendorId: (p) => (p as JsonObject).event_id,
  badRequest: { body: { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100, error_subcode: 2804050, fbtrace_id: 'x' } }, code: /^HTTP_400_100_2804050$/ },
  accepted: (fake) => acceptedMetaEvents(fake).length,
});

describe('meta destination', () => {
  let fake: FakeServer;
  let dest: Destination;
  let clock = Date.now();
  const poison = new Set<string>();
  const create = (extra: Partial<MetaConfig> = {}) =>
    metaDestination.create(metaDestination.configSchema.parse({ pixel_id: PIXEL_ID, access_token: ACCESS_TOKEN, endpoint: fake.url, ...extra }), testDeps('meta', () => clock));

  beforeAll(async () => {
    fake = await startMetaFake({ pixelId: PIXEL_ID, accessToken: ACCESS_TOKEN, poisonEventIds: poison });
    dest = create();
  });
  afterAll(async () => {
    await dest.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    poison.clear();
    clock = Date.now();
  });

  it('maps a track event to a server event (golden)', () => {
    const event = cleanEvent({ messageId: 'msg-1', event: 'Purchase', matchKeys: { em: EM_HASH, ph: PH_HASH, external_id: sha256('crm-42') } }, FIXED_NOW);
    expect(dest.map(event)).toEqual({
      event_name: 'Purchase',
      event_time: Math.floor((FIXED_NOW - 60_000) / 1000),
      event_id: 'msg-1',
      action_source: 'website',
      event_source_url: 'https://clinic.example/signup',
      user_data: {
        client_user_agent: cleanEvent().userAgent,
        client_ip_address: '203.0.113.7',
        em: [EM_HASH],
        ph: [PH_HASH],
        external_id: [sha256('crm-42'), sha256('v_3kq9x7w2p0zz')],
        fbc: `fb.1.${FIXED_NOW - 60_000}.IwAR0abcDEF`,
      },
      custom_data: { plan: 'basic', value: 49, currency: 'USD' },
    });
  });

  it('event_id is the event id the site gave its pixel copy (any spelling), so browser and server copies dedupe; else messageId', () => {
    const browser = cleanEvent({ messageId: 'ajs-next-1-a', event: 'Purchase', properties: { value: 30, currency: 'USD', eventID: 'ord-77.f00d' } }, FIXED_NOW);
    const server = cleanEvent({ messageId: '5b0e7c1e-0000-4000-a000-000000000001', event: 'Purchase', properties: { value: 30, currency: 'USD', event_id: 'ord-77.f00d' } }, FIXED_NOW);
    expect([dest.map(browser), dest.map(server)].map((p) => (p as JsonObject).event_id)).toEqual(['ord-77.f00d', 'ord-77.f00d']);
    const plain = cleanEvent({ messageId: 'msg-9', event: 'Purchase', properties: { value: 30, currency: 'USD', event_id: '' } }, FIXED_NOW);
    expect((dest.map(plain) as JsonObject).event_id).toBe('msg-9');
  });

  it('maps a page view as PageView, without an IP when none is allowed', () => {
    const payload = dest.map(cleanEvent({ type: 'page', event: undefined, ip: undefined, matchKeys: undefined, clickIds: undefined, properties: {} }, FIXED_NOW)) as JsonObject;
    expect(payload.event_name).toBe('PageView');
    expect(payload.user_data).toEqual({ client_user_agent: cleanEvent().userAgent, external_id: [sha256('v_3kq9x7w2p0zz')] });
    expect(payload.custom_data).toBeUndefined();
  });

  it('skips events Meta would refuse', () => {
    expect(dest.map(cleanEvent({ userAgent: undefined }))).toEqual({ skip: 'META_NO_USER_AGENT' });
    expect(dest.map(cleanEvent({ page: { path: '/x' } }))).toEqual({ skip: 'META_NO_SOURCE_URL' });
    expect(dest.map(cleanEvent({ event: 'Purchase', properties: { value: 'n/a' } }))).toEqual({ skip: 'META_PURCHASE_NEEDS_VALUE' });
    expect(dest.map(cleanEvent({ type: 'identify' }))).toEqual({ skip: 'META_UNSUPPORTED_TYPE' });
    const old = cleanEvent({ timestamp: new Date(FIXED_NOW - 8 * 86400e3).toISOString(), receivedAt: new Date(FIXED_NOW).toISOString() });
    expect(dest.map(old)).toEqual({ skip: 'META_TOO_OLD' });
  });

  it('source_url stands in for a withheld page URL, never for one the event carries', async () => {
    const withFallback = create({ source_url: 'https://clinic.example.org/' });
    expect(withFallback.map(cleanEvent({ page: { path: '/x' } }))).toMatchObject({ event_source_url: 'https://clinic.example.org/' });
    const own = cleanEvent().page?.url;
    expect(own).toBeTruthy();
    expect(withFallback.map(cleanEvent())).toMatchObject({ event_source_url: own });
    await withFallback.close();
  });

  it('sends the token in the query and test_event_code in the body', async () => {
    const testing = create({ test_event_code: 'TEST4242' });
    expect(await testing.send(toItems(testing, [cleanEvent()]))).toEqual({ kind: 'ok' });
    await testing.close();
    const [req] = fake.handled();
    expect(req.path).toBe(`/v21.0/${PIXEL_ID}/events`);
    expect(req.query.access_token).toBe(ACCESS_TOKEN);
    expect((req.json as JsonObject).test_event_code).toBe('TEST4242');
  });

  it('poison event caught before sending: 10 events -> 9 ok, 1 drop, one request', async () => {
    const items = toItems(dest, Array.from({ length: 10 }, () => cleanEvent()));
    const bad = items[4].payload as { user_data: JsonObject };
    items[4] = { ...items[4], payload: { ...items[4].payload as JsonObject, user_data: { ...bad.user_data, em: ['jane.doe@example.com'] } } };
    const out = results(await dest.send(items), 10);
    expect(out.filter((r) => r.kind === 'ok')).toHaveLength(9);
    expect(out[4]).toMatchObject({ kind: 'drop', code: 'META_UNHASHED_KEY' });
    expect(fake.handled()).toHaveLength(1);
    expect(acceptedMetaEvents(fake)).toHaveLength(9);
    expect(reasonsOf(out).join(' ')).not.toContain('jane');
  });

  it('poison event only Meta knows about: the batch is split until 9 ok, 1 drop', async () => {
    const events = Array.from({ length: 10 }, () => cleanEvent());
    poison.add(events[7].messageId);
    const out = results(await dest.send(toItems(dest, events)), 10);
    expect(out.map((r) => r.kind)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'drop', 'ok', 'ok']);
    expect(out[7]).toMatchObject({ code: 'HTTP_400_100_2804050' });
    expect(acceptedMetaEvents(fake).map((e) => e.event_id).sort()).toEqual(events.filter((_, i) => i !== 7).map((e) => e.messageId).sort());
    expect(fake.handled().length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(10)));
  });

  it('drops events that waited in the spool past 7 days instead of failing the batch', async () => {
    const items = toItems(dest, [cleanEvent(), cleanEvent()]);
    const stale = { ...(items[0].payload as JsonObject), event_time: Math.floor(clock / 1000) - 8 * 86400 };
    const out = results(await dest.send([{ ...items[0], payload: stale }, items[1]]), 2);
    expect(out[0]).toMatchObject({ kind: 'drop', code: 'META_TOO_OLD' });
    expect(out[1].kind).toBe('ok');
  });

  it('a bad access token drops with Graph code 190 and never shows the token', async () => {
    const wrong = create({ access_token: 'EAAwrongTokenValue0000000001' });
    const out = results(await wrong.send(toItems(wrong, [cleanEvent(), cleanEvent()])), 2);
    await wrong.close();
    expect(out.map((r) => (r.kind === 'drop' ? r.code : r.kind))).toEqual(['HTTP_400_190', 'HTTP_400_190']);
    expect(fake.handled()).toHaveLength(1);
    expect(JSON.stringify(out)).not.toContain('EAAwrongTokenValue0000000001');
  });

  it('an unknown pixel drops the batch without splitting it', async () => {
    const other = create({ pixel_id: '999' });
    const out = results(await other.send(toItems(other, [cleanEvent(), cleanEvent(), cleanEvent()])), 3);
    await other.close();
    expect(out.every((r) => r.kind === 'drop' && r.code === 'HTTP_400_100_33')).toBe(true);
    expect(fake.handled()).toHaveLength(1);
  });

  it.each([
    ['throttling code 17', { code: 17, message: 'User request limit reached' }],
    ['throttling code 613', { code: 613, message: 'Calls to this api have exceeded the rate limit.' }],
    ['is_transient', { code: 100, error_subcode: 2804050, is_transient: true, message: 'try later' }],
  ])('%s -> retry', async (_, error) => {
    fake.failNext(400, { body: { error: { type: 'OAuthException', ...error } } });
    const [r] = results(await dest.send(toItems(dest, [cleanEvent()])), 1);
    expect(r.kind).toBe('retry');
  });

  it('splits batches at max_batch', async () => {
    const small = create({ max_batch: 4 });
    expect(await small.send(toItems(small, Array.from({ length: 10 }, () => cleanEvent())))).toEqual({ kind: 'ok' });
    await small.close();
    expect(fake.handled().map((r) => ((r.json as { data: unknown[] }).data).length)).toEqual([4, 4, 2]);
  });

  it('drops a stored payload that is not a server event', async () => {
    const [r] = results(await dest.send(itemsOf(['nope'])), 1);
    expect(r).toMatchObject({ kind: 'drop', code: 'META_BAD_PAYLOAD' });
  });
});
