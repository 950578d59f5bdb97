import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { mixpanelDestination, mixpanelInsertId } from '../../src/destinations/mixpanel.js';
import type { Destination, DestinationType } from '../../src/destinations/types.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { acceptedMixpanelProfiles, importedMixpanelRecords, startMixpanelFake } from '../fakes/mixpanel.js';
import { describeDestinationConformance } from './destination.case.js';
import { FIXED_NOW, cleanEvent, results, testDeps, toItems } from './fixtures.js';

const TOKEN = 'mp_token_4c8e1f0a2b3d5e7f';
const SA = { user: 'phiwall.sa.1234', secret: 'saSecret_Kj7Hg5Fd3Sa1', projectId: '2468' };

describeDestinationConformance({
  type: mixpanelDestination as DestinationType<unknown>,
  start: () => startMixpanelFake({ projectToken: TOKEN }),
  options: (base, extra) => ({ project_token: TOKEN, endpoint: base, ...extra }),
  secrets: [TOKEN, Buffer.from(`${TOKEN}:`).toString('base64')],
  event: () => cleanEvent(),
  vendorId: (p) => ((p as JsonObject).properties as JsonObject).$insert_id,
  badRequest: { body: { code: 400, error: 'malformed request', status: 'Bad Request' }, code: /^HTTP_400$/ },
  accepted: (fake) => importedMixpanelRecords(fake).length,
});

describe('mixpanel destination', () => {
  let fake: FakeServer;
  let dest: Destination;
  const create = (options: Record<string, unknown> = { project_token: TOKEN }) =>
    mixpanelDestination.create(mixpanelDestination.configSchema.parse({ endpoint: fake.url, ...options }), testDeps('mixpanel'));

  beforeAll(async () => {
    fake = await startMixpanelFake({ projectToken: TOKEN });
    dest = create();
  });
  afterAll(async () => {
    await dest.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('maps a track event to an /import record (golden)', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(dest.map(cleanEvent({ messageId: id, properties: { plan: 'basic', time: 1, distinct_id: 'spoof' } }, FIXED_NOW))).toEqual({
      event: 'Signup Completed',
      properties: {
        plan: 'basic',
        $current_url: 'https://clinic.example/signup',
        current_url_path: '/signup',
        current_page_title: 'Sign up',
        $referrer: 'https://www.google.com/',
        utm_source: 'google',
        utm_medium: 'cpc',
        utm_campaign: 'fall',
        ip: '203.0.113.7',
        $device_id: 'v_3kq9x7w2p0zz',
        time: FIXED_NOW - 60_000,
        distinct_id: 'v_3kq9x7w2p0zz',
        $insert_id: id,
      },
    });
  });

  it('page views are $mp_web_page_view; identify is not an event', () => {
    expect((dest.map(cleanEvent({ type: 'page', event: undefined })) as JsonObject).event).toBe('$mp_web_page_view');
    expect(dest.map(cleanEvent({ type: 'identify' }))).toEqual({ skip: 'MIXPANEL_UNSUPPORTED_TYPE' });
    expect(dest.map(cleanEvent({ visitorId: 'anonymous' }))).toEqual({ skip: 'MIXPANEL_PLACEHOLDER_ID' });
  });

  it('an alias is a $merge of the previous id and the new one, imported by the fake', async () => {
    const alias = cleanEvent({ type: 'alias', event: undefined, previousId: 'pw_previous01', properties: {} }, FIXED_NOW);
    const record = dest.map(alias) as { event: string; properties: JsonObject };
    expect(record.event).toBe('$merge');
    expect(record.properties).toMatchObject({ $distinct_ids: ['pw_previous01', 'v_3kq9x7w2p0zz'], distinct_id: 'v_3kq9x7w2p0zz', time: FIXED_NOW - 60_000 });
    expect(dest.map(cleanEvent({ type: 'alias', event: undefined }))).toEqual({ skip: 'MIXPANEL_PREVIOUS_ID_NOT_ALLOWED' });
    expect(dest.map(cleanEvent({ type: 'group', event: undefined, groupId: 'g' }))).toEqual({ skip: 'MIXPANEL_UNSUPPORTED_TYPE' });
    expect(await dest.send(toItems(dest, [cleanEvent({ type: 'alias', event: undefined, previousId: 'pw_previous01' })]))).toEqual({ kind: 'ok' });
    expect(importedMixpanelRecords(fake).map((r) => r.event)).toEqual(['$merge']);
  });

  it('screen calls are Loaded a Screen events with the screen name', () => {
    const screen = dest.map(cleanEvent({ type: 'screen', event: undefined, name: 'Cart', page: undefined, properties: { step: 2 } }, FIXED_NOW)) as { event: string; properties: JsonObject };
    expect(screen.event).toBe('Loaded a Screen');
    expect(screen.properties).toMatchObject({ screen_name: 'Cart', step: 2 });
  });

  it('nesting deeper than 3 levels and arrays of 255+ are fitted, and the fake imports them', async () => {
    const properties: JsonObject = { deep: { a: { b: { c: { d: 1 } } } }, list: Array.from({ length: 300 }, (_, i) => i), filters: { size: ['S', 'M'] } };
    const event = cleanEvent({ properties }, FIXED_NOW);
    const record = dest.map(event) as { properties: JsonObject };
    expect(record.properties.deep).toEqual({ a: { b: { c: '{"d":1}' } } });
    expect(record.properties.list).toHaveLength(250);
    expect(record.properties.filters).toEqual({ size: ['S', 'M'] });
    expect(await dest.send(toItems(dest, [cleanEvent({ properties })]))).toEqual({ kind: 'ok' });
    expect(importedMixpanelRecords(fake)).toHaveLength(1);
  });

  // 250 own properties plus page, campaign and id properties made a record of 255 or more, which
  // strict mode fails: the own properties now fill only what the system ones leave.
  it('an event with hundreds of properties stays under 255 with every system property, and the fake imports it', async () => {
    const properties: JsonObject = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`opt_${i}`, i]));
    const event = cleanEvent({ properties, userId: 'u_5001' }, FIXED_NOW);
    const record = dest.map(event) as { properties: JsonObject };
    expect(Object.keys(record.properties).length).toBe(254);
    expect(record.properties).toMatchObject({ distinct_id: 'u_5001', $insert_id: event.messageId, utm_campaign: 'fall', ip: '203.0.113.7' });
    expect(await dest.send(toItems(dest, [event]))).toEqual({ kind: 'ok' });
    expect(importedMixpanelRecords(fake)).toHaveLength(1);
  });

  it('derives a stable 36-char $insert_id from messageIds Mixpanel would refuse', () => {
    const long = 'ajs-next-1700000000000-0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(mixpanelInsertId(long)).toHaveLength(36);
    expect(mixpanelInsertId(long)).toBe(mixpanelInsertId(long));
    expect(mixpanelInsertId(long)).toMatch(/^[0-9a-f]{36}$/);
    expect(mixpanelInsertId('null')).not.toBe('null');
  });

  it('posts to /import?strict=1 with the project token as Basic username', async () => {
    expect(await dest.send(toItems(dest, [cleanEvent()]))).toEqual({ kind: 'ok' });
    const [req] = fake.handled();
    expect(req.query).toEqual({ strict: '1' });
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${TOKEN}:`).toString('base64')}`);
  });

  it('authenticates with a service account and project_id', async () => {
    const saFake = await startMixpanelFake({ serviceAccount: SA });
    try {
      const sa = mixpanelDestination.create(
        mixpanelDestination.configSchema.parse({ endpoint: saFake.url, service_account_user: SA.user, service_account_secret: SA.secret, project_id: SA.projectId }),
        testDeps('mixpanel'),
      );
      expect(await sa.send(toItems(sa, [cleanEvent()]))).toEqual({ kind: 'ok' });
      await sa.close();
      expect(saFake.handled()[0].query).toEqual({ strict: '1', project_id: SA.projectId });
    } finally {
      await saFake.close();
    }
  });

  it('requires some credentials', () => {
    expect(mixpanelDestination.configSchema.safeParse({ endpoint: 'http://x' }).success).toBe(false);
    expect(mixpanelDestination.configSchema.safeParse({ service_account_user: 'u', service_account_secret: 's' }).success).toBe(false);
  });

  it('400 partial success: failed_records drop by index, the rest count as imported', async () => {
    const items = toItems(dest, Array.from({ length: 4 }, () => cleanEvent()));
    const p = items[2].payload as { properties: JsonObject };
    items[2] = { ...items[2], payload: { ...(items[2].payload as JsonObject), properties: { ...p.properties, time: Date.now() + 7200_000 } } };
    const out = await dest.send(items);
    expect(results(out, 4).map((r) => (r.kind === 'drop' ? r.code : r.kind))).toEqual(['ok', 'ok', 'MIXPANEL_INVALID_PROPERTIES_TIME', 'ok']);
    expect(importedMixpanelRecords(fake)).toHaveLength(3);
  });

  it('a wrong token drops with HTTP_401_*', async () => {
    const wrong = create({ project_token: 'mp_wrong_token_000' });
    const [r] = results(await wrong.send(toItems(wrong, [cleanEvent()])), 1);
    await wrong.close();
    expect(r).toMatchObject({ kind: 'drop', code: 'HTTP_401_UNAUTHORIZED' });
    expect(JSON.stringify(r)).not.toContain('mp_wrong_token_000');
  });

  it('413 halves the batch until it fits', async () => {
    const small = await startMixpanelFake({ projectToken: TOKEN, maxBytes: 3000 });
    try {
      const d = mixpanelDestination.create(mixpanelDestination.configSchema.parse({ endpoint: small.url, project_token: TOKEN }), testDeps('mixpanel'));
      expect(await d.send(toItems(d, Array.from({ length: 8 }, () => cleanEvent())))).toEqual({ kind: 'ok' });
      await d.close();
      expect(small.handled().some((r) => r.errors.some((e) => e.includes('413')))).toBe(true);
      expect(importedMixpanelRecords(small)).toHaveLength(8);
    } finally {
      await small.close();
    }
  });
});

// Identify traits and group traits are profile updates, which /import does not take: with
// `profiles: true` they go to /engage and /groups ($set), in the same batch as the events.
describe('mixpanel profiles', () => {
  let fake: FakeServer;
  let dest: Destination;
  beforeAll(async () => {
    fake = await startMixpanelFake({ projectToken: TOKEN });
    dest = mixpanelDestination.create(mixpanelDestination.configSchema.parse({ endpoint: fake.url, project_token: TOKEN, profiles: true, group_key: 'org_id' }), testDeps('mixpanel'));
  });
  afterAll(async () => { await dest.close(); await fake.close(); });
  beforeEach(() => fake.reset());

  const identify = (traits: JsonObject, extra: Partial<Parameters<typeof cleanEvent>[0]> = {}) => cleanEvent({ type: 'identify', event: undefined, properties: {}, traits, ...extra });
  const group = (traits: JsonObject) => cleanEvent({ type: 'group', event: undefined, properties: {}, groupId: 'pw_group_token01', traits });

  it('sends identify traits to /engage and group traits to /groups beside the events, and the fake takes all three', async () => {
    const long = 'x'.repeat(400);
    const events = [cleanEvent(), identify({ plan: 'gold', note: long, deep: { a: { b: { c: { d: 1 } } } } }), group({ industry: 'nonprofit', employees: 12 })];
    expect(await dest.send(toItems(dest, events))).toEqual({ kind: 'ok' });
    expect(importedMixpanelRecords(fake)).toHaveLength(1);
    const [profile] = acceptedMixpanelProfiles(fake, '/engage');
    expect(profile).toMatchObject({ $token: TOKEN, $distinct_id: 'v_3kq9x7w2p0zz', $ip: '203.0.113.7', $set: { plan: 'gold' } });
    expect(((profile.$set as JsonObject).note as string).length).toBe(255);
    expect((profile.$set as JsonObject).deep).toEqual({ a: { b: { c: '{"d":1}' } } });
    expect(acceptedMixpanelProfiles(fake, '/groups')).toEqual([{ $token: TOKEN, $group_key: 'org_id', $group_id: 'pw_group_token01', $set: { industry: 'nonprofit', employees: 12 } }]);
    // The token is added when sending, never stored in the spooled payload.
    expect(JSON.stringify(toItems(dest, events).map((i) => i.payload))).not.toContain(TOKEN);
  });

  it('a user id is the profile\'s distinct_id; without an ip allowed, $ip "0" keeps Mixpanel from placing it at phiwall', () => {
    expect(dest.map(identify({ plan: 'gold' }, { userId: 'u_5001', ip: undefined }))).toMatchObject({ $distinct_id: 'u_5001', $ip: '0' });
  });

  it('skips what has no profile to set: no traits left, no group id allowed, a placeholder id', () => {
    expect(dest.map(identify({}))).toEqual({ skip: 'MIXPANEL_NO_TRAITS' });
    expect(dest.map(cleanEvent({ type: 'group', event: undefined, traits: { a: 1 } }))).toEqual({ skip: 'MIXPANEL_GROUP_ID_NOT_ALLOWED' });
    expect(dest.map(identify({ a: 1 }, { visitorId: 'undefined' }))).toEqual({ skip: 'MIXPANEL_PLACEHOLDER_ID' });
  });

  it('a refused update (200 with status 0) is found by halving and dropped alone; the others are taken', async () => {
    const good = toItems(dest, [identify({ plan: 'a' }), identify({ plan: 'b' }), identify({ plan: 'c' })]);
    const bad = { ...(good[1].payload as JsonObject), $distinct_id: 'null' };
    const items = [good[0], { ...good[1], payload: bad }, good[2]];
    const r = results(await dest.send(items), 3);
    expect(r.map((x) => x.kind)).toEqual(['ok', 'drop', 'ok']);
    expect(r[1]).toMatchObject({ code: 'MIXPANEL_ENGAGE_REFUSED' });
    expect(JSON.stringify(r)).not.toContain(TOKEN);
    expect(acceptedMixpanelProfiles(fake, '/engage').map((p) => (p.$set as JsonObject).plan).sort()).toEqual(['a', 'c']);
  });

  it('is off by default (identify and group stay skipped) and needs the project token', () => {
    const off = mixpanelDestination.create(mixpanelDestination.configSchema.parse({ endpoint: fake.url, project_token: TOKEN }), testDeps('mixpanel'));
    expect(off.map(identify({ plan: 'gold' }))).toEqual({ skip: 'MIXPANEL_UNSUPPORTED_TYPE' });
    expect(mixpanelDestination.configSchema.safeParse({ service_account_user: SA.user, service_account_secret: SA.secret, project_id: SA.projectId, profiles: true }).success).toBe(false);
  });
});
