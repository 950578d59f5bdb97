import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/common/json.js';
import { ga4Destination, validateGa4, type Ga4Config } from '../../src/destinations/ga4.js';
import { ga4EventName, ga4ParamName } from '../../src/destinations/ga4-names.js';
import type { Destination, DestinationType } from '../../src/destinations/types.js';
import { acceptedGa4Events, startGa4Fake, validateGa4Request } from '../fakes/ga4.js';
import type { FakeServer, RecordedRequest } from '../fakes/http-fake.js';
import { describeDestinationConformance } from './destination.case.js';
import { FIXED_NOW, cleanEvent, isSkip, itemsOf, results, testDeps, toItems } from './fixtures.js';

const MEASUREMENT_ID = 'G-TEST123';
const API_SECRET = 'mpsecret_Zx81kQ0pLm2Nb7Vc';

describeDestinationConformance({
  type: ga4Destination as DestinationType<unknown>,
  start: () => startGa4Fake({ measurementId: MEASUREMENT_ID, apiSecret: API_SECRET }),
  options: (base, extra) => ({ measurement_id: MEASUREMENT_ID, api_secret: API_SECRET, endpoint: base, ...extra }),
  secrets: [API_SECRET],
  event: () => cleanEvent(),
  badRequest: { body: { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'bad' } }, code: /^HTTP_400_INVALID_ARGUMENT$/ },
  accepted: (fake) => acceptedGa4Events(fake).length,
});

describe('ga4 names', () => {
  it.each([
    ['Order Completed', 'order_completed'],
    ['signupCompleted', 'signup_completed'],
    ['add-to-cart', 'add_to_cart'],
    ['error', 'evt_error'],
    ['session_start', 'evt_session_start'],
    ['google_thing', 'evt_google_thing'],
    ['Firebase Campaign', 'evt_firebase_campaign'],
    ['404 Page', 'evt_404_page'],
    ['Café visité', 'cafe_visite'],
    // Cyrillic and Greek are romanised (GA4 names are ASCII), and Latin letters NFKD keeps whole.
    ['Заявка отправлена', 'zaiavka_otpravlena'],
    ['Реєстрація', 'reiestratsiia'],
    ['Ψυχολόγος ραντεβού', 'psychologos_rantevoy'],
    ['Größe gewählt', 'grosse_gewahlt'],
    ['Łódź Ærø', 'lodz_aero'],
    // Hangul and kana are syllabaries with one reading per letter: spelt (Revised Romanization, Hepburn).
    ['신청 완료', 'sincheong_wanryo'],
    ['예약하기', 'yeyakhagi'],
    ['ダウンロード', 'daunrodo'],
    ['チェックアウト', 'chekkuauto'],
    ['きっぷ', 'kippu'],
  ])('event %j -> %j', (input, expected) => {
    expect(ga4EventName(input)).toEqual({ name: expected, lossy: false });
  });

  it('delivers Cyrillic-named events and properties GA4 accepts (were dead-lettered as GA4_INVALID_EVENT_NAME)', async () => {
    const fake = await startGa4Fake({ measurementId: MEASUREMENT_ID, apiSecret: API_SECRET });
    const dest = ga4Destination.create(ga4Destination.configSchema.parse({ measurement_id: MEASUREMENT_ID, api_secret: API_SECRET, endpoint: fake.url }), testDeps('ga4'));
    try {
      expect(await dest.send(toItems(dest, [cleanEvent({ event: 'Заявка отправлена', properties: { 'Размер': 'большой' } })]))).toEqual({ kind: 'ok' });
      expect(acceptedGa4Events(fake)).toMatchObject([{ name: 'zaiavka_otpravlena', params: { razmer: 'большой' } }]);
    } finally { await dest.close(); await fake.close(); }
  });

  it('names GA4 cannot spell keep what can be spelt plus a digest of the whole name (were dead-lettered)', () => {
    for (const name of ['予約完了', 'تم الحجز', 'הרשמה הושלמה', 'ลงทะเบียนสำเร็จ', 'हिंदी बटन क्लिक', '🎉', '!!!']) {
      expect(ga4EventName(name)).toEqual({ name: expect.stringMatching(/^evt_[0-9a-f]{8}$/), lossy: true });
    }
    expect(ga4EventName('下载 PDF')?.name).toMatch(/^pdf_[0-9a-f]{8}$/);
    expect(ga4EventName('カートに追加')?.name).toMatch(/^katoni_[0-9a-f]{8}$/);
    expect(ga4EventName('ga_x 予約')?.name).toMatch(/^evt_ga_x_[0-9a-f]{8}$/);
    // Two such names never merge into one GA4 event.
    expect(ga4EventName('下载 PDF')?.name).not.toBe(ga4EventName('打印 PDF')?.name);
    expect(ga4EventName('   ')).toBeUndefined();
  });

  it('delivers them with the name as sent in original_event_name, and the fake accepts them', async () => {
    const fake = await startGa4Fake({ measurementId: MEASUREMENT_ID, apiSecret: API_SECRET });
    const dest = ga4Destination.create(ga4Destination.configSchema.parse({ measurement_id: MEASUREMENT_ID, api_secret: API_SECRET, endpoint: fake.url }), testDeps('ga4'));
    try {
      const events = ['予約完了', 'تم الحجز', '신청 완료'].map((event) => cleanEvent({ event }));
      expect(await dest.send(toItems(dest, events))).toEqual({ kind: 'ok' });
      const accepted = acceptedGa4Events(fake) as { name: string; params: JsonObject }[];
      expect(accepted.map((e) => e.params.original_event_name)).toEqual(['予約完了', 'تم الحجز', undefined]);
      expect(accepted[2].name).toBe('sincheong_wanryo');
    } finally { await dest.close(); await fake.close(); }
  });

  // Cut to 40 characters, two long names sharing their first 40 merged into one event (or the
  // second param was dropped): a name longer than 40 once spelt is cut shorter and tagged.
  it('keeps long names apart: over 40 characters they are cut to 31 plus 8 hex of their SHA-256', () => {
    const a = ga4EventName('Clicked the hero call to action on the home page: Book now');
    const b = ga4EventName('Clicked the hero call to action on the home page: Learn more');
    expect(a).toEqual({ name: expect.stringMatching(/^clicked_the_hero_call_to_action_[0-9a-f]{8}$/), lossy: true });
    expect(b?.name).not.toBe(a?.name);
    expect(ga4EventName('x'.repeat(60))?.name).toMatch(/^x{31}_[0-9a-f]{8}$/);
    expect(ga4EventName('x'.repeat(40))).toEqual({ name: 'x'.repeat(40), lossy: false });
    const p1 = ga4ParamName('a_really_long_property_name_that_goes_well_past_forty_characters_total');
    const p2 = ga4ParamName('a_really_long_property_name_that_goes_well_past_forty_characters_again');
    expect(p1).toMatch(/^a_really_long_property_name_tha_[0-9a-f]{8}$/);
    expect(p2).not.toBe(p1);
    expect(p2?.length).toBe(40);
  });

  it('renames reserved parameter names', () => {
    expect(ga4ParamName('ga_session')).toBe('p_ga_session');
    expect(ga4ParamName('firebase_conversion')).toBe('p_firebase_conversion');
    expect(ga4ParamName('_private')).toBe('private');
    expect(ga4ParamName('1st')).toBe('p_1st');
  });

  // A property named in a script GA4 cannot spell was dropped: GA4 never saw it. Its name is
  // now spelt like an unspellable event name (spellable part + 8 hex of SHA-256), within GA4's rules.
  it('maps parameter names in unspellable scripts to their spellable part plus a hash, and the fake accepts them', async () => {
    const names = ['价格档', 'الفئة', 'หมวดหมู่', '🎯', 'size_サイズ_中文', '選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選選'];
    const mapped = names.map((n) => ga4ParamName(n));
    for (const m of mapped) expect(m).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
    expect(mapped[3]).toMatch(/^p_[0-9a-f]{8}$/);
    expect(mapped[4]).toMatch(/^size_saizu_[0-9a-f]{8}$/);
    expect(new Set(mapped).size).toBe(names.length);
    // Same name, same param, every time; Cyrillic and Greek are still romanised without a hash.
    expect(ga4ParamName('价格档')).toBe(mapped[0]);
    expect(ga4ParamName('цвет')).toBe('tsvet');
    const fake = await startGa4Fake({ measurementId: MEASUREMENT_ID, apiSecret: API_SECRET });
    const dest = ga4Destination.create(ga4Destination.configSchema.parse({ measurement_id: MEASUREMENT_ID, api_secret: API_SECRET, endpoint: fake.url }), testDeps('ga4'));
    try {
      const properties: JsonObject = Object.fromEntries(names.map((n, i) => [n, i]));
      properties.items = [{ item_id: 'a', 'カラー': 'blue' }];
      expect(await dest.send(toItems(dest, [cleanEvent({ event: 'Gift Bought', properties })]))).toEqual({ kind: 'ok' });
      const [accepted] = acceptedGa4Events(fake) as { params: JsonObject }[];
      for (const [i, m] of mapped.entries()) expect(accepted.params[m as string]).toBe(i);
      expect(accepted.params.items).toEqual([{ item_id: 'a', [ga4ParamName('カラー') as string]: 'blue' }]);
    } finally { await dest.close(); await fake.close(); }
  });
});

describe('ga4 destination', () => {
  let fake: FakeServer;
  let dest: Destination;
  let clock = Date.now();
  const create = (extra: Partial<Ga4Config> = {}) =>
    ga4Destination.create(ga4Destination.configSchema.parse({ measurement_id: MEASUREMENT_ID, api_secret: API_SECRET, endpoint: fake.url, ...extra }), testDeps('ga4', () => clock));

  beforeAll(async () => {
    fake = await startGa4Fake({ measurementId: MEASUREMENT_ID, apiSecret: API_SECRET });
    dest = create();
  });
  afterAll(async () => {
    await dest.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    clock = Date.now();
  });

  it('engagement_time_msec is the site\'s own when it sends a positive whole number (or digits), else 1', () => {
    const ms = (v: JsonValue) => ((dest.map(cleanEvent({ properties: { engagement_time_msec: v } })) as { event: { params: JsonObject } }).event.params.engagement_time_msec);
    expect([ms(1200), ms('250'), ms(0), ms(-5), ms('abc'), ms(12.5)]).toEqual([1200, 250, 1, 1, 1, 1]);
  });

  it('maps a track event (golden)', () => {
    const event = cleanEvent({ messageId: 'msg-1', properties: { plan: 'basic', value: 49, currency: 'usd', trial: true, nested: { a: 1 } } }, FIXED_NOW);
    expect(dest.map(event)).toEqual({
      client_id: 'v_3kq9x7w2p0zz',
      consent: { ad_user_data: 'GRANTED', ad_personalization: 'GRANTED' },
      event: {
        name: 'signup_completed',
        timestamp_micros: (FIXED_NOW - 60_000) * 1000,
        params: {
          session_id: Math.floor((FIXED_NOW - 600_000) / 1000),
          engagement_time_msec: 1,
          page_location: 'https://clinic.example/signup',
          page_path: '/signup',
          page_title: 'Sign up',
          page_referrer: 'https://www.google.com/',
          plan: 'basic',
          value: 49,
          // GA4 takes ISO 4217 codes: 'usd' is sent upper-cased.
          currency: 'USD',
          trial: 'true',
          // GA4 params are scalars: an object's fields are spelt parent_child.
          nested_a: 1,
        },
      },
    });
  });

  it('maps a page view with only the page fields present, and denied ad consent', () => {
    const event = cleanEvent({ type: 'page', event: undefined, page: { url: 'https://clinic.example/' }, properties: {}, sessionId: undefined, consent: { ads: false } }, FIXED_NOW);
    expect(dest.map(event)).toEqual({
      client_id: 'v_3kq9x7w2p0zz',
      consent: { ad_user_data: 'DENIED', ad_personalization: 'DENIED' },
      event: { name: 'page_view', timestamp_micros: (FIXED_NOW - 60_000) * 1000, params: { engagement_time_msec: 1, page_location: 'https://clinic.example/' } },
    });
  });

  it('skips what GA4 cannot take', () => {
    expect(dest.map(cleanEvent({ visitorId: undefined }))).toEqual({ skip: 'GA4_NO_CLIENT_ID' });
    expect(dest.map(cleanEvent({ event: ' ' }))).toEqual({ skip: 'GA4_INVALID_EVENT_NAME' });
    expect(dest.map(cleanEvent({ type: 'identify' }))).toEqual({ skip: 'GA4_UNSUPPORTED_TYPE' });
    const old = cleanEvent({ timestamp: new Date(FIXED_NOW - 73 * 3600e3).toISOString(), receivedAt: new Date(FIXED_NOW).toISOString() });
    expect(dest.map(old)).toEqual({ skip: 'GA4_TOO_OLD' });
  });

  it('keeps at most 25 params, truncates strings to 100 and sanitises names', () => {
    const properties: JsonObject = { 'Long Text': 'y'.repeat(300), ga_secret_sauce: 1, items: [{ item_id: 'sku-1', 'Item Name': 'z'.repeat(150), deep: { no: 1 } }] };
    for (let i = 0; i < 40; i++) properties[`prop${i}`] = i;
    const payload = dest.map(cleanEvent({ properties })) as { event: { params: JsonObject } };
    const params = payload.event.params;
    expect(Object.keys(params)).toHaveLength(25);
    expect(params.long_text).toBe('y'.repeat(100));
    expect(params.p_ga_secret_sauce).toBe(1);
    expect(params.items).toEqual([{ item_id: 'sku-1', item_name: 'z'.repeat(100) }]);
    expect(validateGa4Request(fakeRequest({ client_id: 'c', events: [payload.event] }))).toEqual([]);
  });

  it('never produces an event the validator would reject (property-based)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.dictionary(fc.string({ maxLength: 60 }), fc.oneof(fc.string({ maxLength: 300 }), fc.double(), fc.boolean(), fc.constant(null)), { maxKeys: 40 }), (name, properties) => {
        const payload = dest.map(cleanEvent({ event: name, properties }, FIXED_NOW));
        if (isSkip(payload)) {
          expect(payload.skip).toBe('GA4_INVALID_EVENT_NAME');
          return;
        }
        const { event } = payload as { event: JsonObject };
        const problems = validateGa4Request(fakeRequest({ client_id: 'c', events: [{ ...event, timestamp_micros: undefined }] }));
        expect(problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('groups by client_id, at most 25 events per request', async () => {
    const events = [...Array.from({ length: 30 }, () => cleanEvent()), ...Array.from({ length: 3 }, () => cleanEvent({ visitorId: 'other-visitor' }))];
    const big = create({ max_batch: 100 });
    expect(await big.send(toItems(big, events))).toEqual({ kind: 'ok' });
    await big.close();
    const bodies = fake.handled('/mp/collect').map((r) => r.json as { client_id: string; events: unknown[] });
    expect(bodies.map((b) => [b.client_id, b.events.length]).sort()).toEqual([
      ['other-visitor', 3],
      ['v_3kq9x7w2p0zz', 25],
      ['v_3kq9x7w2p0zz', 5],
    ]);
    expect(fake.handled().flatMap((r) => r.errors)).toEqual([]);
    expect(fake.handled()[0].query).toEqual({ measurement_id: MEASUREMENT_ID, api_secret: API_SECRET });
  });

  it('drops events that waited in the spool past 72 hours', async () => {
    const items = toItems(dest, [cleanEvent(), cleanEvent()]);
    clock += 73 * 3600e3;
    const out = results(await dest.send(items), 2);
    expect(out.map((r) => (r.kind === 'drop' ? r.code : r.kind))).toEqual(['GA4_TOO_OLD', 'GA4_TOO_OLD']);
    expect(fake.handled()).toHaveLength(0);
  });

  it('validate: true drops what /debug/mp/collect flags and sends the rest', async () => {
    const checked = create({ validate: true });
    const good = toItems(checked, [cleanEvent(), cleanEvent()]);
    const bad = { ...(good[0].payload as JsonObject), event: { name: '_bad', params: {}, timestamp_micros: Date.now() * 1000 } };
    const out = results(await checked.send([good[0], { ...good[1], id: 'x', payload: bad }, good[1]]), 3);
    await checked.close();
    expect(out.map((r) => (r.kind === 'drop' ? r.code : r.kind))).toEqual(['ok', 'GA4_NAME_INVALID', 'ok']);
    expect(fake.handled('/debug/mp/collect')).toHaveLength(1);
    expect((fake.handled('/mp/collect')[0].json as { events: unknown[] }).events).toHaveLength(2);
  });

  it('validateGa4 returns the validation messages for stored payloads', async () => {
    const payloads = toItems(dest, [cleanEvent()]).map((i) => i.payload);
    const config = ga4Destination.configSchema.parse({ measurement_id: MEASUREMENT_ID, api_secret: API_SECRET, endpoint: fake.url });
    expect(await validateGa4(payloads, config)).toEqual([]);
    const bad = { ...(payloads[0] as JsonObject), event: { name: 'session_start', params: { ga_x: 1 }, timestamp_micros: Date.now() * 1000 } } as JsonValue;
    const messages = await validateGa4([bad], config);
    expect(messages.map((m) => m.validationCode).sort()).toEqual(['NAME_RESERVED', 'NAME_RESERVED']);
  });

  it('drops a payload that is not a GA4 event instead of sending it', async () => {
    const [r] = results(await dest.send(itemsOf([{ nope: 1 }])), 1);
    expect(r).toMatchObject({ kind: 'drop', code: 'GA4_BAD_PAYLOAD' });
  });
});

function fakeRequest(body: unknown): RecordedRequest {
  return { method: 'POST', url: '/mp/collect', path: '/mp/collect', query: { measurement_id: MEASUREMENT_ID, api_secret: 's' }, headers: {}, raw: JSON.stringify(body), json: JSON.parse(JSON.stringify(body)), errors: [] };
}

describe('ga4 nested properties', () => {
  it('objects become parent_child params (3 levels) and lists of scalars their text; the validator accepts them', () => {
    const dest = ga4Destination.create(ga4Destination.configSchema.parse({ measurement_id: MEASUREMENT_ID, api_secret: API_SECRET, endpoint: 'http://127.0.0.1:9' }), testDeps('ga4'));
    const properties: JsonObject = { cta: { pos: 2, label: 'Book now', deep: { x: { y: 1 } } }, tags: ['a', 'b', 3], rows: [{ a: 1 }], empty: [], plan: 'gold' };
    const { event } = dest.map(cleanEvent({ properties })) as { event: { params: JsonObject } };
    expect(event.params).toMatchObject({ cta_pos: 2, cta_label: 'Book now', tags: 'a,b,3', plan: 'gold' });
    expect(Object.keys(event.params).filter((k) => /deep|rows|empty/.test(k))).toEqual(['cta_deep_x_y']);
    expect(validateGa4Request(fakeRequest({ client_id: 'c', events: [{ ...event, timestamp_micros: undefined }] }))).toEqual([]);
  });
});
