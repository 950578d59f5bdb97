// GA4's request bodies are built from the spool's stored payload texts (src/destinations/ga4-body.ts):
// each event is cut from its payload's committed text, so GA4 receives what the spool committed;
// the bytes are those serialising the payloads gives, and the 25-event, per-visitor and size limits hold.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { ga4Destination } from '../../src/destinations/ga4.js';
import type { CleanEvent, Destination, OutboundItem } from '../../src/destinations/types.js';
import { acceptedGa4Events, startGa4Fake } from '../fakes/ga4.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { cleanEvent, results, testDeps, toItems } from './fixtures.js';

const MEASUREMENT_ID = 'G-TEST123';
const API_SECRET = 'mpsecret_Zx81kQ0pLm2Nb7Vc';
const stored = (items: readonly OutboundItem[]): OutboundItem[] => items.map((i) => ({ ...i, payloadText: JSON.stringify(i.payload) }));
const params = (item: OutboundItem): JsonObject => ((item.payload as JsonObject).event as JsonObject).params as JsonObject;

// Visitors with and without a user id and consent, text JSON writes with escapes, numbers of its own spelling, an items list.
const events = (): CleanEvent[] => [
  cleanEvent({ visitorId: 'v1', userId: 'u-1', consent: { ads: true } }),
  cleanEvent({ visitorId: 'v2', event: 'Termin gebucht', properties: { note: 'Zoë "quoted"\n\\ 東京 \ud800', value: 1e21, ratio: 0.1 } }),
  cleanEvent({ visitorId: 'v1', userId: 'u-1', consent: { ads: true }, type: 'page', event: undefined, properties: {} }),
  cleanEvent({ visitorId: 'v3', consent: { ads: false }, event: 'Order Completed', properties: { items: [{ item_id: 'sku "1"', price: 9.5 }], currency: 'EUR', value: 9.5 } }),
  cleanEvent({ visitorId: 'v2', userId: undefined, event: 'Ψυχολόγος ραντεβού', properties: { 'Размер': 'большой' } }),
];

describe('ga4 bodies from stored payload texts', () => {
  let fake: FakeServer;
  let dest: Destination;
  const create = (extra: JsonObject = {}) => ga4Destination.create(ga4Destination.configSchema.parse({ measurement_id: MEASUREMENT_ID, api_secret: API_SECRET, endpoint: fake.url, ...extra }), testDeps('ga4'));
  beforeAll(async () => { fake = await startGa4Fake({ measurementId: MEASUREMENT_ID, apiSecret: API_SECRET }); });
  afterAll(() => fake.close());
  beforeEach(() => { fake.reset(); dest = create(); });

  it('the bodies from the stored texts are the bodies serialising the payloads gives, and GA4 accepts them', async () => {
    const items = toItems(dest, events());
    expect(await dest.send(items)).toEqual({ kind: 'ok' });
    const serialised = fake.handled('/mp/collect').map((r) => r.raw);
    fake.reset();
    expect(await dest.send(stored(items))).toEqual({ kind: 'ok' });
    expect(fake.handled('/mp/collect').map((r) => r.raw)).toEqual(serialised);
    expect(serialised).toHaveLength(3); // one request per visitor (client id, user id, consent)
    expect(acceptedGa4Events(fake)).toHaveLength(5);
    await dest.close();
  });

  it('posts the committed event text, even when the payload object was changed in memory after the commit', async () => {
    const items = stored(toItems(dest, [cleanEvent({ visitorId: 'v1', properties: { plan: 'gold' } })]));
    params(items[0]).added_after_commit = 'not in the spool';
    expect(await dest.send(items)).toEqual({ kind: 'ok' });
    const [request] = fake.handled('/mp/collect');
    expect(request.raw).toContain(items[0].payloadText!.slice(items[0].payloadText!.indexOf('{"name":'), -1));
    expect(request.raw).not.toContain('added_after_commit');
    await dest.close();
  });

  it('keeps 25 events per request, cut from the texts', async () => {
    const items = stored(toItems(dest, Array.from({ length: 60 }, (_, i) => cleanEvent({ visitorId: 'same', properties: { n: i } }))));
    expect(await dest.send(items)).toEqual({ kind: 'ok' });
    const sizes = fake.handled('/mp/collect').map((r) => (r.json as { events: unknown[] }).events.length);
    expect(sizes).toEqual([25, 25, 10]);
    expect(acceptedGa4Events(fake).map((e) => (e as { params: { n: number } }).params.n)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    await dest.close();
  });

  it('validate: true sends the events the debug endpoint did not flag, from their texts', async () => {
    const checked = create({ validate: true });
    const good = toItems(checked, [cleanEvent({ visitorId: 'v' }), cleanEvent({ visitorId: 'v', properties: { k: 'two' } })]);
    const bad = { ...(good[0].payload as JsonObject), event: { name: '_bad', params: {}, timestamp_micros: Date.now() * 1000 } };
    const batch = stored([good[0], { ...good[1], id: 'x', payload: bad }, good[1]]);
    params(batch[2]).changed_in_memory = 1;
    const out = results(await checked.send(batch), 3);
    expect(out.map((r) => (r.kind === 'drop' ? r.code : r.kind))).toEqual(['ok', 'GA4_NAME_INVALID', 'ok']);
    const [sent] = fake.handled('/mp/collect');
    const texts = [batch[0], batch[2]].map((i) => i.payloadText!.slice(i.payloadText!.indexOf('{"name":'), -1));
    expect(sent.raw).toBe(`{"client_id":"v","events":[${texts.join(',')}],"consent":${JSON.stringify((bad as JsonObject).consent)}}`);
    await checked.close();
  });

  it('a text not laid out as GA4 payloads are (another key order, an extra key) is not cut up: the event is serialised, as for items without a text (older spools)', async () => {
    const [item] = toItems(dest, [cleanEvent({ visitorId: 'v9', properties: { plan: 'gold' } })]);
    const { client_id, consent, event } = item.payload as JsonObject;
    const reordered = { event, client_id, consent };
    const extra = { client_id, consent, event, other: { timestamp_micros: 1 } };
    const batch: OutboundItem[] = [
      { ...item, id: 'a', payload: reordered, payloadText: JSON.stringify(reordered) },
      { ...item, id: 'b', payload: extra, payloadText: JSON.stringify(extra) },
      { ...item, id: 'c' },
    ];
    expect(await dest.send(batch)).toEqual({ kind: 'ok' });
    const [request] = fake.handled('/mp/collect');
    expect(request.raw).toBe(JSON.stringify({ client_id: 'v9', events: [event, event, event], consent }));
    expect(acceptedGa4Events(fake)).toHaveLength(3);
    await dest.close();
  });
});
