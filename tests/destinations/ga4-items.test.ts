import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { ga4Destination } from '../../src/destinations/ga4.js';
import type { Destination } from '../../src/destinations/types.js';
import { acceptedGa4Events, startGa4Fake } from '../fakes/ga4.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { cleanEvent, testDeps, toItems } from './fixtures.js';

// GA4 processes the documented item params, at most 27 custom ones per item and 200 items per
// event; an oversized request (130 kB) is ignored whole. The fake refuses what GA4 would not process.
const MEASUREMENT_ID = 'G-ITEMS0001';
const API_SECRET = 'items-secret';

function item(i: number, customs: number, filler = ''): JsonObject {
  const out: JsonObject = { item_id: `sku-${i}`, item_name: `Vitamin ${i}`, item_brand: 'Northbay', item_category: 'Supplements', price: 9.5, quantity: 1 };
  for (let c = 0; c < customs; c++) out[`attr_${c}`] = `v${c}${filler}`;
  out.item_variant = 'large';
  return out;
}

describe('GA4 items at the documented limits', () => {
  let fake: FakeServer;
  let dest: Destination;
  beforeAll(async () => {
    fake = await startGa4Fake({ measurementId: MEASUREMENT_ID, apiSecret: API_SECRET });
    dest = ga4Destination.create(ga4Destination.configSchema.parse({ measurement_id: MEASUREMENT_ID, api_secret: API_SECRET, endpoint: fake.url }), testDeps('ga4'));
  });
  afterAll(async () => { await dest.close(); await fake.close(); });
  beforeEach(() => fake.reset());

  it('an item with 35 custom params keeps its standard ones and the first 27 custom ones; 230 items become 200', async () => {
    const items = Array.from({ length: 230 }, (_, i) => item(i, 35));
    expect(await dest.send(toItems(dest, [cleanEvent({ event: 'Order Completed', properties: { value: 19, currency: 'USD', items } })]))).toEqual({ kind: 'ok' });
    const [event] = acceptedGa4Events(fake) as { params: { items: JsonObject[] } }[];
    expect(event.params.items).toHaveLength(200);
    const first = event.params.items[0];
    expect(first).toMatchObject({ item_id: 'sku-0', item_name: 'Vitamin 0', item_variant: 'large', price: 9.5, quantity: 1 });
    expect(Object.keys(first).filter((k) => k.startsWith('attr_'))).toEqual(Array.from({ length: 27 }, (_, c) => `attr_${c}`));
  });

  it('items whose params would pass 130 kB are cut so the event still goes (the request is not ignored whole)', async () => {
    const items = Array.from({ length: 200 }, (_, i) => item(i, 20, 'x'.repeat(90)));
    expect(await dest.send(toItems(dest, [cleanEvent({ event: 'Order Completed', properties: { value: 19, currency: 'USD', items } })]))).toEqual({ kind: 'ok' });
    const [event] = acceptedGa4Events(fake) as { params: { items: JsonObject[]; value: number } }[];
    expect(event.params.value).toBe(19);
    expect(event.params.items.length).toBeGreaterThan(10);
    expect(event.params.items.length).toBeLessThan(200);
    expect(event.params.items[0]).toMatchObject({ item_id: 'sku-0', item_variant: 'large' });
  });
});
