// Product lists (Segment `products`, GA4 `items`) reach Meta as custom_data.contents/content_ids/
// num_items and TikTok as properties.contents, each in the vendor's shape, checked against the fakes.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { metaDestination } from '../../src/destinations/meta.js';
import { tiktokDestination } from '../../src/destinations/tiktok.js';
import { acceptedMetaEvents, startMetaFake } from '../fakes/meta.js';
import { acceptedTikTokEvents, startTikTokFake } from '../fakes/tiktok.js';
import { cleanEvent, testDeps, toItems } from './fixtures.js';

const SEGMENT_ORDER: JsonObject = {
  order_id: 'ord-5521', revenue: '64.50', currency: 'usd',
  products: [
    { product_id: 'p-1', sku: 'SKU-1', name: 'Vitamin D', price: '12.00', quantity: 2, category: 'Supplements', brand: 'Northbay' },
    { sku: 4411, name: 'First aid kit', price: 40.5, quantity: '1' },
    { name: 'no id: not listed', price: 3 },
    { product_id: 'gift', price: '$5', quantity: 0.5 },
  ],
};
const GA4_ORDER: JsonObject = { value: 25, currency: 'EUR', items: [{ item_id: 'GC-25', item_name: 'Gift card', price: '25.00', quantity: '1', item_category: 'merch' }] };

describe('Meta custom_data product fields', () => {
  it('built from Segment products and GA4 items; ids as strings, amounts only when plain numbers; accepted', async () => {
    const fake = await startMetaFake({ pixelId: '123', accessToken: 'tok' });
    const dest = metaDestination.create(metaDestination.configSchema.parse({ pixel_id: '123', access_token: 'tok', endpoint: fake.url }), testDeps('meta'));
    try {
      const events = [cleanEvent({ event: 'Purchase', properties: SEGMENT_ORDER }), cleanEvent({ event: 'AddToCart', properties: GA4_ORDER })];
      expect(await dest.send(toItems(dest, events))).toEqual({ kind: 'ok' });
      const [order, cart] = acceptedMetaEvents(fake).map((e) => e.custom_data as JsonObject);
      expect(order).toMatchObject({
        value: 64.5, currency: 'USD', order_id: 'ord-5521', content_type: 'product', content_ids: ['p-1', '4411', 'gift'], num_items: 4,
        contents: [{ id: 'p-1', quantity: 2, item_price: 12 }, { id: '4411', quantity: 1, item_price: 40.5 }, { id: 'gift' }],
      });
      expect(order.products).toBeUndefined();
      expect(cart).toMatchObject({ contents: [{ id: 'GC-25', quantity: 1, item_price: 25 }], content_ids: ['GC-25'], num_items: 1, value: 25, currency: 'EUR' });
      expect(cart.items).toBeUndefined();
    } finally { await dest.close(); await fake.close(); }
  });

  it("keeps contents the site already spelt Meta's way", () => {
    const dest = metaDestination.create(metaDestination.configSchema.parse({ pixel_id: '123', access_token: 'tok', endpoint: 'http://127.0.0.1:9' }), testDeps('meta'));
    const mapped = dest.map(cleanEvent({ properties: { content_ids: ['a'], products: [{ product_id: 'b' }] } })) as { custom_data: JsonObject };
    expect(mapped.custom_data).toMatchObject({ content_ids: ['a'], products: [{ product_id: 'b' }] });
    expect(mapped.custom_data.contents).toBeUndefined();
  });
});

describe('TikTok properties.contents', () => {
  it('built from products/items with content_id, quantity, price, name, category, brand; accepted', async () => {
    const fake = await startTikTokFake({ pixelCode: 'PX', accessToken: 'tok' });
    const dest = tiktokDestination.create(tiktokDestination.configSchema.parse({ pixel_code: 'PX', access_token: 'tok', endpoint: fake.url }), testDeps('tiktok'));
    try {
      const events = [cleanEvent({ event: 'CompletePayment', properties: SEGMENT_ORDER }), cleanEvent({ event: 'AddToCart', properties: GA4_ORDER })];
      expect(await dest.send(toItems(dest, events))).toEqual({ kind: 'ok' });
      const [order, cart] = acceptedTikTokEvents(fake).map((e) => e.properties as JsonObject);
      expect(order).toMatchObject({
        value: 64.5, currency: 'USD', content_type: 'product',
        contents: [
          { content_id: 'p-1', quantity: 2, price: 12, content_name: 'Vitamin D', content_category: 'Supplements', brand: 'Northbay' },
          { content_id: '4411', quantity: 1, price: 40.5, content_name: 'First aid kit' },
          { content_id: 'gift' },
        ],
      });
      expect(order.products).toBeUndefined();
      expect(cart.contents).toEqual([{ content_id: 'GC-25', quantity: 1, price: 25, content_name: 'Gift card', content_category: 'merch' }]);
    } finally { await dest.close(); await fake.close(); }
  });
});
