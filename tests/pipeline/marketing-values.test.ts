import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// H74: clean marketing values (shop, ad platform and tracer ids, click ids, creative labels, campaign slugs whose
// word means something else, product names, offer dates) went out redacted or withheld. Each kept shape is
// checked beside the same shape in a personal context, which is still caught. The destination allows every
// property, the campaign and click ids, and has no BAA.
const SITE = 'https://www.example-health.org';
const plan = compileRules(loadConfig(writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  open: { type: file, baa: false, allow: [event, page_group, page.path, page.url, page.title, campaign.*, click_ids.*, properties.*] }
`)).rules, { dataDir: tempDir() });
type Event = Record<string, unknown>;
const sent = (event: Event): string =>
  JSON.stringify(dryRunLine({ type: 'track', event: 'Order Completed', messageId: 'm74', anonymousId: 'a74', ...event } as never, plan, { idFor: () => 'pw' }).map((r) => r.payload));
const props = (properties: Event): string => sent({ properties, context: { page: { path: '/gift-shop', url: `${SITE}/gift-shop` } } });
const landing = (path: string, query: string): string =>
  sent({ type: 'page', name: 'Events', context: { page: { path, url: `${SITE}${path}?${query}`, title: 'Community Events' } } });
const year = new Date().getUTCFullYear();

describe('shop, catalogue and content ids', () => {
  it("keeps an order id carrying its day, a checkout's token and catalogue numbers", () => {
    const out = props({ order_id: `ORD-${year}-11-23-00042`, transaction_id: `ORDER-${year}1127-0042`, checkout_id: 'chk_7e1f2c9a',
      sku: '8675309', product_id: 'prod_48213', content_id: '48213', part_number: `HX-${year}-55510`,
      products: [{ product_id: 'P-99120', sku: '10045', name: 'Yoga Mat', price: 24.99, quantity: 2 }] });
    for (const v of [`ORD-${year}-11-23-00042`, `ORDER-${year}1127-0042`, 'chk_7e1f2c9a', '"8675309"', 'prod_48213', '"48213"', `HX-${year}-55510`, '"10045"', '"Yoga Mat"']) expect(out).toContain(v);
  });

  it('still catches the same shapes as a person\'s record number, ZIP code, birth date or phone', () => {
    const out = props({ mrn: '8675309', note: 'MRN 8675309, dob 14.3.61', zip: '10045', order_id: 'ORD-1961-03-14-0042', sku: '617-555-0134',
      checkout_id: 'CHK-5035550142', item_id: '503555014', content_id: '5035550143',
      product_id: '123-45-6789', member_id: 'XJH448812019', products: [{ sku: 'S-1', name: 'Jane Okafor', price: 5, quantity: 1 }] });
    for (const v of ['8675309', '14.3.61', '10045', '1961-03-14', '617-555-0134', '6175550134', '123-45-6789', 'XJH448812019', 'Okafor', '503555014']) expect(out).not.toContain(v);
  });
});

describe("tracers' and ad platforms' own ids", () => {
  it('keeps W3C trace context and numeric campaign, ad set, creative and experiment ids', () => {
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const out = props({ trace_id: trace, span_id: '00f067aa0ba902b7', traceparent: `00-${trace}-00f067aa0ba902b7-01`,
      campaign_id: '120208374918230045', adset_id: '120208374918230046', creative_id: '23851234567890123', variation_id: '7031245561' });
    for (const v of [`"${trace}"`, '"00f067aa0ba902b7"', `00-${trace}-00f067aa0ba902b7-01`, '120208374918230045', '120208374918230046', '23851234567890123', '7031245561']) expect(out).toContain(v);
  });

  it('still redacts a hex digest, a long number or a phone under other keys, and an identifier under a trace key', () => {
    const out = props({ email_md5: '4bf92f3577b34da6a3ce929d0e0e4736', account: '120208374918230045', ad_id: '6175550134', cell: '7031245561',
      trace_id: 'jane.okafor@mailbox.example', span_id: '123-45-6789', campaign_id: '617-555-0134' });
    for (const v of ['4bf92f3577b34da6a3ce929d0e0e4736', '120208374918230045', '6175550134', '7031245561', 'okafor', '123-45-6789', '617-555-0134']) expect(out).not.toContain(v);
  });
});

describe('ad click ids and creative labels', () => {
  const fbclid = 'IwAR2xF7kPq9vL3mN8bR1cT6yH0jW5sD4gE2aZ7uK9oI3pX8';
  const msclkid = '7d9e1f2a3b4c41d5e6f708192a3b4c5d';
  it('keeps click ids under click_ids (never in the page URL) and a snake_case creative label', () => {
    const out = landing('/gift-shop', `utm_source=google&utm_medium=cpc&utm_campaign=spring_sale&utm_content=banner_728x90_v2&fbclid=${fbclid}&msclkid=${msclkid}`);
    expect(out).toContain(`"fbclid":"${fbclid}"`);
    expect(out).toContain(`"msclkid":"${msclkid}"`);
    expect(out).toContain('"utm_content":"banner_728x90_v2"');
    expect(out).toMatch(/"url":"[^"]*gift-shop\?utm_source=google&utm_medium=cpc&utm_campaign=spring_sale&utm_content=banner_728x90_v2"/);
  });

  it('still scans a click id that holds an email, a phone number or an SSN', () => {
    const out = landing('/gift-shop', 'gclid=jane.okafor%40mailbox.example&fbclid=6175550134&msclkid=123-45-6789&ttclid=ref6175550134abcd&utm_content=xjh_4488_12019');
    for (const v of ['okafor', '6175550134', '123-45-6789', 'xjh_4488_12019']) expect(out).not.toContain(v);
  });
});

describe('campaign slugs whose word means something else', () => {
  it.each(['meal-prep-now', 'free-std-shipping', 'brush-stroke-art-auction', 'test-prep-now', 'film-screening-night', 'lithium-battery-recycling'])(
    'keeps the page and the campaign %s', (slug) => {
      const out = landing('/community/events', `utm_source=facebook&utm_campaign=${slug}`);
      expect(out).toContain(`"utm_campaign":"${slug}"`);
      expect(out).toContain('"path":"/community/events"');
    });

  it.each(['prep-now', 'std-testing', 'stroke-awareness-walk', 'meal-prep-for-chemo-patients', 'alcohol-free-living', 'heat-stroke-recovery'])(
    'still withholds the page and the campaign %s', (slug) => {
      const out = landing('/community/events', `utm_source=facebook&utm_campaign=${slug}`);
      expect(out).not.toContain(slug);
      expect(out).not.toContain('/community/events');
    });

  it('keeps a property naming such a compound and still drops one naming a condition', () => {
    const out = props({ promo: 'Free STD Shipping', workshop: 'Meal Prep Basics', other: 'Stroke Support Group' });
    expect(out).toContain('"promo":"Free STD Shipping"');
    expect(out).toContain('"workshop":"Meal Prep Basics"');
    expect(out).not.toContain('Stroke Support');
  });
});

describe('offer and registration dates', () => {
  it("keeps an offer's or a public event's date under its longer names, and still cuts a person's", () => {
    const out = props({ offer_valid_through: `12/31/${year}`, registration_closes: `Dec 5, ${year}`, coupon_expiry: `${year}-12-31`, dob: `${year - 70}-03-14`, date_of_birth: `03/14/${year - 70}` });
    for (const v of [`12/31/${year}`, `Dec 5, ${year}`, `${year}-12-31`]) expect(out).toContain(v);
    expect(out).not.toContain('03-14');
    expect(out).not.toContain('03/14');
  });
});
