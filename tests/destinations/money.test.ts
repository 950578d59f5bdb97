// Amounts and currencies as sites send them (Segment's ecommerce spec, numbers as text, codes in
// lower case or with spaces) reach GA4, Meta, TikTok and Google Ads in the form each API takes,
// checked against each vendor's fake.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { ga4Destination } from '../../src/destinations/ga4.js';
import { googleAdsDestination } from '../../src/destinations/google-ads.js';
import { metaDestination } from '../../src/destinations/meta.js';
import { adValue, amount, isoCurrency } from '../../src/destinations/money.js';
import { tiktokDestination } from '../../src/destinations/tiktok.js';
import type { Destination } from '../../src/destinations/types.js';
import { acceptedGa4Events, startGa4Fake } from '../fakes/ga4.js';
import { TOKEN_PATH, startGoogleAdsFake } from '../fakes/google-ads.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { acceptedMetaEvents, startMetaFake } from '../fakes/meta.js';
import { acceptedTikTokEvents, startTikTokFake } from '../fakes/tiktok.js';
import { cleanEvent, testDeps, toItems } from './fixtures.js';

// Segment's Order Completed: revenue and order_id, products with product_id/name, numbers as text.
const ORDER: JsonObject = {
  order_id: 'ord-5521',
  revenue: '64.50',
  currency: ' usd ',
  products: [
    { product_id: 'p-1', sku: 'SKU-1', name: 'Vitamin D 1000IU', price: '12.00', quantity: 2, category: 'Supplements', brand: 'Northbay' },
    { product_id: 'sku-2', name: 'First aid kit', price: 40.5, quantity: '1' },
  ],
};

describe('money helpers', () => {
  it.each([[' usd ', 'USD'], ['eur', 'EUR'], ['US$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['$', undefined], ['¥', undefined], ['Euro', undefined], [12, undefined]])('currency %j -> %j', (input, out) => {
    expect(isoCurrency(input)).toBe(out);
  });
  it.each([['19.99', 19.99], [' 7.50 ', 7.5], ['-5', -5], ['1e3', 1000], [12.5, 12.5], ['', undefined], ['NaN', undefined], ['Infinity', undefined], ['$25.00', 25], ['1,299.00', 1299], ['1,234.50', 1234.5], ['1.234,50', 1234.5], ['12,50', 12.5], ['€12,50', 12.5], ['1 234,50 €', 1234.5], ['19.99 USD', 19.99], ['1,234,567', 1234567],
    // Ambiguous (1299 or 1.299?), two marks, a sign before the minus, words: left out.
    ['1,299', undefined], ['$25 USD', undefined], ['-$25', undefined], ['12 apples', undefined], ['Fr. 12', undefined],
    [Number.NaN, undefined], [true, undefined]])('amount %j -> %j', (input, out) => {
    expect(amount(input)).toBe(out);
  });
});

describe('negative amounts (refunds) for the ad platforms', () => {
  it.each([[{ value: -25 }, { negative: true }], [{ revenue: '-0.01' }, { negative: true }], [{ value: 0 }, { value: 0, negative: false }], [{ total: '12.5' }, { value: 12.5, negative: false }], [{ value: 'abc' }, { negative: false }]])('adValue(%j) -> %j', (properties, out) => {
    expect(adValue(properties as JsonObject)).toEqual(out);
  });

  it('Meta: a negative value or item price is left out and the event goes; a Purchase of negative value is a refund, skipped as not a conversion', async () => {
    const fake = await startMetaFake({ pixelId: '123', accessToken: 'tok' });
    const dest = metaDestination.create(metaDestination.configSchema.parse({ pixel_id: '123', access_token: 'tok', endpoint: fake.url }), testDeps('meta'));
    try {
      const removed = cleanEvent({ event: 'Product Removed', properties: { value: '-25.00', currency: 'usd', products: [{ product_id: 'p-1', price: -25, quantity: 1 }] } });
      const mapped = dest.map(removed) as JsonObject;
      expect((mapped.custom_data as JsonObject).value).toBeUndefined();
      expect((mapped.custom_data as JsonObject).contents).toEqual([{ id: 'p-1', quantity: 1 }]);
      expect(await dest.send(toItems(dest, [removed, cleanEvent({ event: 'Lead', properties: { value: 0, currency: 'USD' } })]))).toEqual({ kind: 'ok' });
      expect(acceptedMetaEvents(fake)).toHaveLength(2);
      // _NOT_A_CONVERSION: the pipeline counts it as skipped (not applicable), never as a dead letter.
      expect(dest.map(cleanEvent({ event: 'Purchase', properties: { value: -25, currency: 'USD' } }))).toEqual({ skip: 'META_REFUND_NOT_A_CONVERSION' });
    } finally { await dest.close(); await fake.close(); }
  });

  it('Meta, TikTok and Google Ads read "1,234.50", "€49,90" and a currency sign like GA4, and their fakes take them', async () => {
    const fake = await startMetaFake({ pixelId: '123', accessToken: 'tok' });
    const meta = metaDestination.create(metaDestination.configSchema.parse({ pixel_id: '123', access_token: 'tok', endpoint: fake.url }), testDeps('meta'));
    try {
      const purchase = cleanEvent({ event: 'Purchase', properties: { value: '€49,90' } });
      expect(meta.map(purchase)).toMatchObject({ custom_data: { value: 49.9, currency: 'EUR' } });
      expect(await meta.send(toItems(meta, [purchase]))).toEqual({ kind: 'ok' });
      expect(acceptedMetaEvents(fake)).toHaveLength(1);
    } finally { await meta.close(); await fake.close(); }
    const tt = tiktokDestination.create(tiktokDestination.configSchema.parse({ pixel_code: 'PX', access_token: 'tok' }), testDeps('tiktok'));
    expect((tt.map(cleanEvent({ event: 'CompletePayment', properties: { value: '1,234.50', currency: '£' } })) as JsonObject).properties).toMatchObject({ value: 1234.5, currency: 'GBP' });
    await tt.close();
  });

  it('TikTok leaves a negative value and price out; Google Ads skips a negative-value conversion (a refund is an adjustment there)', async () => {
    const tt = tiktokDestination.create(tiktokDestination.configSchema.parse({ pixel_code: 'PX', access_token: 'tok' }), testDeps('tiktok'));
    const props = (tt.map(cleanEvent({ event: 'CompletePayment', properties: { value: -3, currency: 'usd', items: [{ item_id: 'a', price: '-3.00' }] } })) as JsonObject).properties as JsonObject;
    expect(props.value).toBeUndefined();
    expect(props.contents).toEqual([{ content_id: 'a' }]);
    const ads = googleAdsDestination.create(googleAdsDestination.configSchema.parse({
      customer_id: '1234567890', developer_token: 'dev', client_id: 'cid', client_secret: 'cs', refresh_token: 'rt', conversion_actions: { Purchase: '555' },
    }), testDeps('ads'));
    expect(ads.map(cleanEvent({ event: 'Purchase', properties: { value: '-12.00', currency: 'USD' } }))).toEqual({ skip: 'GOOGLE_ADS_REFUND_NOT_A_CONVERSION' });
    expect(ads.map(cleanEvent({ event: 'Purchase', properties: { value: 0, currency: 'USD' } }))).toMatchObject({ conversionValue: 0 });
    await tt.close(); await ads.close();
  });
});

describe('GA4 gets ecommerce in its own spelling', () => {
  let fake: FakeServer;
  let dest: Destination;
  beforeAll(async () => {
    fake = await startGa4Fake({ measurementId: 'G-TEST123', apiSecret: 'secret' });
    dest = ga4Destination.create(ga4Destination.configSchema.parse({ measurement_id: 'G-TEST123', api_secret: 'secret', endpoint: fake.url }), testDeps('ga4'));
  });
  afterAll(async () => { await dest.close(); await fake.close(); });
  beforeEach(() => fake.reset());

  it('products become items, revenue the value, order_id the transaction_id, amounts numbers', async () => {
    expect(await dest.send(toItems(dest, [cleanEvent({ event: 'Order Completed', properties: ORDER })]))).toEqual({ kind: 'ok' });
    const [event] = acceptedGa4Events(fake) as Array<{ name: string; params: JsonObject }>;
    expect(event.name).toBe('order_completed');
    expect(event.params).toMatchObject({ currency: 'USD', value: 64.5, transaction_id: 'ord-5521' });
    expect(event.params.products).toBeUndefined();
    expect(event.params.items).toEqual([
      { item_id: 'p-1', sku: 'SKU-1', item_name: 'Vitamin D 1000IU', item_brand: 'Northbay', item_category: 'Supplements', price: 12, quantity: 2 },
      { item_id: 'sku-2', item_name: 'First aid kit', price: 40.5, quantity: 1 },
    ]);
  });

  it('keeps the ecommerce params when properties exceed the 25-param cap', () => {
    const properties: JsonObject = {};
    for (let i = 0; i < 40; i++) properties[`attr_${i}`] = i;
    Object.assign(properties, { value: '10', currency: 'eur' });
    const params = (dest.map(cleanEvent({ properties })) as { event: { params: JsonObject } }).event.params;
    expect(Object.keys(params)).toHaveLength(25);
    expect(params).toMatchObject({ value: 10, currency: 'EUR' });
  });

  it('reads amounts as text with their currency mark: "€12,50" is 12.5 EUR, "1,234.50" 1234.5', () => {
    const params = (p: JsonObject) => (dest.map(cleanEvent({ properties: p })) as { event: { params: JsonObject } }).event.params;
    expect(params({ value: '€12,50' })).toMatchObject({ value: 12.5, currency: 'EUR' });
    expect(params({ value: '1,234.50', currency: 'usd' })).toMatchObject({ value: 1234.5, currency: 'USD' });
    expect(params({ revenue: '$25.00', currency: 'US$' })).toMatchObject({ value: 25, currency: 'USD' });
    // The mark names another currency than the event's: which is right is not known.
    expect(params({ value: '€12,50', currency: 'USD' }).value).toBeUndefined();
  });

  it('drops what GA4 would misread rather than guessing', () => {
    const params = (dest.map(cleanEvent({ properties: { value: '1,299', currency: '$', price: 'NaN' } })) as { event: { params: JsonObject } }).event.params;
    expect(params.value).toBeUndefined();
    expect(params.currency).toBeUndefined();
    expect(params.price).toBeUndefined();
  });
});

describe('ad platforms read revenue/total and trimmed currencies', () => {
  it('Meta: a Purchase with revenue and " usd " is accepted (was dead-lettered as META_PURCHASE_NEEDS_VALUE)', async () => {
    const fake = await startMetaFake({ pixelId: '123', accessToken: 'tok' });
    const dest = metaDestination.create(metaDestination.configSchema.parse({ pixel_id: '123', access_token: 'tok', endpoint: fake.url }), testDeps('meta'));
    try {
      const mapped = dest.map(cleanEvent({ event: 'Purchase', properties: ORDER }));
      expect(mapped).toMatchObject({ custom_data: { value: 64.5, currency: 'USD' } });
      expect(await dest.send(toItems(dest, [cleanEvent({ event: 'Purchase', properties: ORDER })]))).toEqual({ kind: 'ok' });
      expect(acceptedMetaEvents(fake)).toHaveLength(1);
    } finally { await dest.close(); await fake.close(); }
  });

  it('TikTok: value from total, currency upper-cased; an empty value is left out, not sent as 0', async () => {
    const fake = await startTikTokFake({ pixelCode: 'PX', accessToken: 'tok' });
    const dest = tiktokDestination.create(tiktokDestination.configSchema.parse({ pixel_code: 'PX', access_token: 'tok', endpoint: fake.url }), testDeps('tiktok'));
    try {
      const events = [cleanEvent({ event: 'CompletePayment', properties: { total: '30.00', currency: 'cad' } }), cleanEvent({ properties: { value: '', currency: 'usd' } })];
      expect(await dest.send(toItems(dest, events))).toEqual({ kind: 'ok' });
      const props = acceptedTikTokEvents(fake).map((e) => e.properties as JsonObject);
      expect(props[0]).toMatchObject({ value: 30, currency: 'CAD' });
      expect(props[1].value).toBeUndefined();
    } finally { await dest.close(); await fake.close(); }
  });

  it('Google Ads: conversionValue from revenue, currencyCode trimmed', async () => {
    const creds = { customerId: '1234567890', developerToken: 'dev', clientId: 'cid', clientSecret: 'cs', refreshToken: 'rt' };
    const { server } = await startGoogleAdsFake(creds);
    const dest = googleAdsDestination.create(googleAdsDestination.configSchema.parse({
      customer_id: creds.customerId, developer_token: creds.developerToken, client_id: creds.clientId, client_secret: creds.clientSecret, refresh_token: creds.refreshToken,
      token_url: `${server.url}${TOKEN_PATH}`, endpoint: server.url, conversion_actions: { 'Order Completed': '555' },
    }), testDeps('ads'));
    try {
      expect(await dest.send(toItems(dest, [cleanEvent({ event: 'Order Completed', properties: ORDER })]))).toEqual({ kind: 'ok' });
      const sent = server.handled().filter((r) => r.path.endsWith(':uploadClickConversions') && r.errors.length === 0).flatMap((r) => (r.json as { conversions: JsonObject[] }).conversions);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ conversionValue: 64.5, currencyCode: 'USD' });
    } finally { await dest.close(); await server.close(); }
  });
});
