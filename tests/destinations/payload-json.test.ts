// Bodies built from the spool's stored payload texts (src/destinations/payload-json.ts) are the
// bytes serialising the payloads gives: a vendor sees no difference, only the CPU does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { envelopeJson } from '../../src/destinations/payload-json.js';
import { metaDestination } from '../../src/destinations/meta.js';
import { tiktokDestination } from '../../src/destinations/tiktok.js';
import type { CleanEvent, Destination, DestinationType, OutboundItem } from '../../src/destinations/types.js';
import { webhookDestination } from '../../src/destinations/webhook.js';
import { FakeServer } from '../fakes/http-fake.js';
import { cleanEvent, testDeps, toItems } from './fixtures.js';

const events = (): CleanEvent[] => [
  cleanEvent(),
  cleanEvent({ event: 'Termin gebucht', properties: { note: 'Zoë "quoted"\n\\ 東京 \ud800', value: 1e21, ratio: 0.1, empty: {} } }),
  cleanEvent({ type: 'page', event: undefined, name: 'Home', properties: {}, matchKeys: undefined }),
];

describe('vendor bodies from stored payload texts', () => {
  let fake: FakeServer;
  beforeAll(async () => { fake = await FakeServer.start(() => ({ status: 200, body: { code: 0, events_received: 1 } })); });
  afterAll(() => fake.close());

  const cases: [string, DestinationType<unknown>, (url: string) => Record<string, unknown>][] = [
    ['webhook', webhookDestination as DestinationType<unknown>, (url) => ({ url: `${url}/hook/a`, secret: 'k' })],
    ['meta', metaDestination as DestinationType<unknown>, (url) => ({ pixel_id: '42', access_token: 't', endpoint: url })],
    ['meta with a test code', metaDestination as DestinationType<unknown>, (url) => ({ pixel_id: '42', access_token: 't', endpoint: url, test_event_code: 'TEST1' })],
    ['tiktok', tiktokDestination as DestinationType<unknown>, (url) => ({ pixel_code: 'PX', access_token: 't', endpoint: url })],
    ['tiktok with a test code', tiktokDestination as DestinationType<unknown>, (url) => ({ pixel_code: 'PX', access_token: 't', endpoint: url, test_event_code: 'TEST2' })],
  ];
  for (const [name, type, options] of cases) {
    it(`${name}: the body from the stored texts is the body serialising the payloads gives`, async () => {
      const dest: Destination = type.create(type.configSchema.parse(options(fake.url)), testDeps(name));
      const items = toItems(dest, events());
      const stored: OutboundItem[] = items.map((i) => ({ ...i, payloadText: JSON.stringify(i.payload) }));
      const before = fake.handled().length;
      expect((await dest.send(items)).kind).toBe('ok');
      expect((await dest.send(stored)).kind).toBe('ok');
      const [serialised, spliced] = fake.handled().slice(before).map((r) => r.raw);
      expect(spliced).toBe(serialised);
      expect(JSON.parse(spliced)).toBeTruthy();
      await dest.close();
    });
  }

  it('an envelope is JSON.stringify of the same object, undefined values left out', () => {
    const items = [{ payload: { a: 1 } }, { payload: [2, 'x'], payloadText: '[2,"x"]' }] as OutboundItem[];
    const body: JsonObject = { event_source: 'web', event_source_id: 'P"1', data: [{ a: 1 }, [2, 'x']], test_event_code: 'T' };
    expect(envelopeJson({ event_source: 'web', event_source_id: 'P"1' }, 'data', items, { test_event_code: 'T' })).toBe(JSON.stringify(body));
    expect(envelopeJson({}, 'data', items, { test_event_code: undefined })).toBe(JSON.stringify({ data: body.data }));
    expect(envelopeJson({}, 'data', [])).toBe('{"data":[]}');
  });
});
