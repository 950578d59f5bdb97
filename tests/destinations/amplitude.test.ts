import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { amplitudeDestination, type AmplitudeConfig } from '../../src/destinations/amplitude.js';
import type { Destination, DestinationType } from '../../src/destinations/types.js';
import { ingestedAmplitudeEvents, startAmplitudeFake } from '../fakes/amplitude.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { describeDestinationConformance } from './destination.case.js';
import { FIXED_NOW, cleanEvent, itemsOf, results, testDeps, toItems } from './fixtures.js';

const API_KEY = 'amp_3e5f7a9b1c2d4e6f8a0b';

describeDestinationConformance({
  type: amplitudeDestination as DestinationType<unknown>,
  start: () => startAmplitudeFake({ apiKey: API_KEY }),
  options: (base, extra) => ({ api_key: API_KEY, endpoint: base, ...extra }),
  secrets: [API_KEY],
  event: () => cleanEvent(),
  vendorId: (p) => (p as JsonObject).insert_id,
  badRequest: { body: { code: 400, error: 'Request missing required field', missing_field: 'api_key' }, code: /^HTTP_400$/ },
  accepted: (fake) => ingestedAmplitudeEvents(fake).length,
});

describe('amplitude destination', () => {
  let fake: FakeServer;
  let dest: Destination;
  const create = (extra: Partial<AmplitudeConfig> = {}) =>
    amplitudeDestination.create(amplitudeDestination.configSchema.parse({ api_key: API_KEY, endpoint: fake.url, ...extra }), testDeps('amplitude'));

  beforeAll(async () => {
    fake = await startAmplitudeFake({ apiKey: API_KEY });
    dest = create();
  });
  afterAll(async () => {
    await dest.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('maps a track event (golden)', () => {
    const event = cleanEvent({ messageId: 'msg-1', userId: 'member-00042', traits: { plan: 'gold' } }, FIXED_NOW);
    expect(dest.map(event)).toEqual({
      event_type: 'Signup Completed',
      time: FIXED_NOW - 60_000,
      insert_id: 'msg-1',
      platform: 'Web',
      user_id: 'member-00042',
      device_id: 'v_3kq9x7w2p0zz',
      session_id: Math.floor((FIXED_NOW - 600_000) / 1000) * 1000,
      ip: '203.0.113.7',
      language: 'en-US',
      event_properties: { plan: 'basic', value: 49, currency: 'usd' },
      user_properties: { plan: 'gold' },
    });
  });

  it('maps page views and skips events without a usable id', () => {
    const page = dest.map(cleanEvent({ type: 'page', event: undefined, properties: {} }, FIXED_NOW)) as JsonObject;
    expect(page.event_type).toBe('[Amplitude] Page Viewed');
    expect(page.event_properties).toEqual({
      '[Amplitude] Page Location': 'https://clinic.example/signup',
      '[Amplitude] Page Path': '/signup',
      '[Amplitude] Page Title': 'Sign up',
      referrer: 'https://www.google.com/',
    });
    expect(dest.map(cleanEvent({ visitorId: 'abc' }))).toEqual({ skip: 'AMPLITUDE_NO_ID' });
    expect(dest.map(cleanEvent({ visitorId: '00000000' }))).toEqual({ skip: 'AMPLITUDE_NO_ID' });
    expect(dest.map(cleanEvent({ type: 'identify' }))).toEqual({ skip: 'AMPLITUDE_UNSUPPORTED_TYPE' });
    expect((create({ min_id_length: 3 }).map(cleanEvent({ visitorId: 'abc' })) as JsonObject).device_id).toBe('abc');
  });

  it('screen calls are [Amplitude] Screen Viewed; identify is a $identify setting the traits', async () => {
    const screen = cleanEvent({ type: 'screen', event: undefined, name: 'Settings', page: undefined, properties: { tab: 'privacy' } });
    const identify = cleanEvent({ type: 'identify', event: undefined, properties: {}, traits: { plan: 'gold', logins: 3 } });
    expect(dest.map(screen)).toMatchObject({ event_type: '[Amplitude] Screen Viewed', event_properties: { tab: 'privacy', '[Amplitude] Screen Name': 'Settings' } });
    const mapped = dest.map(identify) as JsonObject;
    expect(mapped).toMatchObject({ event_type: '$identify', user_properties: { $set: { plan: 'gold', logins: 3 } } });
    expect(mapped.event_properties).toBeUndefined();
    expect(await dest.send(toItems(dest, [screen, identify]))).toEqual({ kind: 'ok' });
    expect(ingestedAmplitudeEvents(fake).map((e) => e.event_type)).toEqual(['[Amplitude] Screen Viewed', '$identify']);
  });

  it('a group call is an $identify filing the user under the group (groups), group_type configurable', async () => {
    const group = cleanEvent({ type: 'group', event: undefined, groupId: 'pw_group0001', properties: {}, traits: {} });
    const mapped = dest.map(group) as JsonObject;
    expect(mapped).toMatchObject({ event_type: '$identify', groups: { account: 'pw_group0001' }, user_properties: { $set: { account: 'pw_group0001' } } });
    expect(mapped.event_properties).toBeUndefined();
    expect((create({ group_type: 'practice' }).map(group) as JsonObject).groups).toEqual({ practice: 'pw_group0001' });
    expect(dest.map(cleanEvent({ type: 'group', event: undefined }))).toEqual({ skip: 'AMPLITUDE_GROUP_ID_NOT_ALLOWED' });
    expect(await dest.send(toItems(dest, [group]))).toEqual({ kind: 'ok' });
    expect(ingestedAmplitudeEvents(fake).map((e) => e.groups)).toEqual([{ account: 'pw_group0001' }]);
  });

  // A group's traits were dropped (they need the group API). Amplitude's SDKs send them as a
  // $groupidentify event on the same HTTP V2 endpoint: the group call now stores both events.
  it('a group call with traits also sends them as a $groupidentify (group_properties.$set), and the fake ingests both', async () => {
    const group = cleanEvent({ type: 'group', event: undefined, groupId: 'pw_group0002', properties: {}, traits: { plan: 'enterprise', employees: 12 } });
    const [membership, groupIdentify] = dest.map(group) as JsonObject[];
    expect(membership).toMatchObject({ event_type: '$identify', insert_id: group.messageId, user_properties: { $set: { account: 'pw_group0002' } } });
    expect(groupIdentify).toMatchObject({ event_type: '$groupidentify', insert_id: `${group.messageId}-group`, device_id: 'v_3kq9x7w2p0zz', groups: { account: 'pw_group0002' }, group_properties: { $set: { plan: 'enterprise', employees: 12 } } });
    expect(groupIdentify.user_properties).toBeUndefined();
    expect(await dest.send(toItems(dest, [cleanEvent(), group]))).toEqual({ kind: 'ok' });
    expect(ingestedAmplitudeEvents(fake).map((e) => e.event_type)).toEqual(['Signup Completed', '$identify', '$groupidentify']);
  });

  it('an invalid event of a group call drops that call only (index mapped back to its stored payload)', async () => {
    const group = cleanEvent({ type: 'group', event: undefined, groupId: 'pw_group0003', properties: {}, traits: { plan: 'team' } });
    const [membership, groupIdentify] = dest.map(group) as JsonObject[];
    const items = itemsOf([dest.map(cleanEvent()) as JsonObject, [membership, { ...groupIdentify, time: 1.5 }], dest.map(cleanEvent({ event: 'Second' })) as JsonObject]);
    const r = results(await dest.send(items), 3);
    expect(r.map((x) => x.kind)).toEqual(['ok', 'drop', 'ok']);
    expect(ingestedAmplitudeEvents(fake).map((e) => e.event_type)).toEqual(['Signup Completed', 'Second']);
  });

  it('puts api_key in the body', async () => {
    expect(await dest.send(toItems(dest, [cleanEvent()]))).toEqual({ kind: 'ok' });
    expect(fake.handled()[0].json).toMatchObject({ api_key: API_KEY });
  });

  it('400 names bad events: they drop, the rest are resent at once and ingested', async () => {
    const items = toItems(dest, Array.from({ length: 4 }, () => cleanEvent()));
    items[1] = { ...items[1], payload: { ...(items[1].payload as JsonObject), device_id: 'ab' } };
    const out = await dest.send(items);
    expect(results(out, 4).map((r) => (r.kind === 'drop' ? r.code : r.kind))).toEqual(['ok', 'AMPLITUDE_INVALID_EVENT', 'ok', 'ok']);
    expect(fake.handled()).toHaveLength(2);
    expect(ingestedAmplitudeEvents(fake)).toHaveLength(3);
  });

  it('429 without Retry-After pauses 30 s', async () => {
    fake.failNext(429, { body: { code: 429, error: 'Too many requests for some devices and users', eps_threshold: 30, throttled_events: [0] } });
    const [r] = results(await dest.send(toItems(dest, [cleanEvent()])), 1);
    expect(r).toMatchObject({ kind: 'retry', delayMs: 30_000 });
  });

  it('an invalid key is echoed by the API but never reaches the reason', async () => {
    const wrong = create({ api_key: 'amp_wrong_key_1234567' });
    const [r] = results(await wrong.send(toItems(wrong, [cleanEvent()])), 1);
    await wrong.close();
    expect(r).toMatchObject({ kind: 'drop', code: 'HTTP_400' });
    expect(JSON.stringify(r)).not.toContain('amp_wrong_key_1234567');
    expect(fake.handled()[0].errors[0]).toContain('amp_wrong_key_1234567');
  });

  it('413 halves the batch', async () => {
    const events = Array.from({ length: 6 }, () => cleanEvent({ properties: { notes: 'n'.repeat(300_000) } }));
    expect(await dest.send(toItems(dest, events))).toEqual({ kind: 'ok' });
    expect(ingestedAmplitudeEvents(fake)).toHaveLength(6);
    expect(fake.handled().length).toBeGreaterThan(1);
  });
});
