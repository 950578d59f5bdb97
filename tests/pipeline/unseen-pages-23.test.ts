import { describe, expect, it } from 'vitest';
import { HOME_PAGE, OPEN_SITE, openPlanProbe, pageAt, pageOn } from '../helpers/open-plan.js';

// Pages behind proxies and encodings, and clean pages that were dropped, found by blind pass 23 (H97):
// a search engine's cached copy, click trackers carrying their target in base64, a Segment category naming
// an area over a public page of it, pinyin syllables run together, app deep links as the page's address and
// Nuxt payload routes. Every event goes to the open destination (no BAA); spellings are the tests' own.
const { blocked, sent } = openPlanProbe('p23');
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const b64url = (s: string): string => Buffer.from(s).toString('base64url');
const cached = (inner: string) => ({ context: { page: { path: '/search', url: `https://webcache.googleusercontent.com/search?q=cache:${inner}` } } });

describe("a search engine's cached copy is the page it holds", () => {
  it('flows for a public page, with or without the cache id and search words', () => {
    for (const inner of ['www.example-health.org/visitors/parking', 'Zx81_qPa0TcJ:https://www.example-health.org/locations/east-campus+&cd=3&hl=en&ct=clnk&gl=us',
      'https%3A%2F%2Fwww.example-health.org%2Fabout%2Fleadership']) {
      expect(blocked(cached(inner))).toBe(false);
    }
  });

  it('blocks a cached portal or bill-pay page', () => {
    expect(blocked(cached('www.example-health.org/mychart/inbox'))).toBe(true);
    expect(blocked(cached('k3P9_aa1ZzQJ:www.example-health.org/pay-my-bill+northbay'))).toBe(true);
  });

  it('still reads a search on the cache host with no cached page as a search, and a site search as one', () => {
    expect(blocked({ context: { page: { path: '/search', url: 'https://webcache.googleusercontent.com/search?q=bipolar+clinic' } } })).toBe(true);
    expect(blocked(pageOn('/search?q=cache:www.example-health.org/about'))).toBe(true);
  });
});

describe('a redirect or click tracker carrying its target in base64', () => {
  it.each([
    ['base64 under u', `/go?u=${b64(`${OPEN_SITE}/patient-portal/messages`)}`],
    ['base64url under target', `/out?target=${b64url(`${OPEN_SITE}/billing/pay-online`)}&src=email`],
    ['escaped padding under a vendor key', `/t/click?enc=${encodeURIComponent(b64(`${OPEN_SITE}/lab-results`))}`],
    ['a portal host', `/l?dest=${b64url('https://mychart.example-health.org/MyChart/Billing/Details')}`],
  ])('blocks %s', (_, path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('keeps a redirect to a public page, and values that only look like base64', () => {
    expect(blocked(pageOn(`/go?u=${b64(`${OPEN_SITE}/locations/west-clinic`)}`))).toBe(false);
    expect(blocked(pageOn('/go?u=aHR0cHM6Ly9%ZZ'))).toBe(false);
    expect(blocked(pageOn(`/promo?code=${b64('summer-fun-run-2026')}`))).toBe(false);
  });
});

describe("a category naming an area, over one of the area's public pages", () => {
  const page = (category: string, name: string | undefined) => ({ type: 'page', category, ...(name === undefined ? {} : { name }), ...pageOn('/x') });

  it('flows for the pack\'s public pages of billing (FAQ, help, policies, explainers), the name repeating the category or not', () => {
    for (const name of ['FAQ', 'Billing FAQs', 'Help', 'Financial Policies', 'Understanding Your Bill', 'Price Transparency']) {
      expect(blocked(page('Billing', name))).toBe(false);
    }
  });

  it('blocks any other page of the area, the category alone, and areas with no public pages', () => {
    for (const name of ['Statements', 'Step 3', 'Overview', 'Billing', undefined]) expect(blocked(page('Billing', name))).toBe(true);
    expect(blocked(page('Patient Portal', 'FAQ Inbox'))).toBe(true);
    expect(blocked(page('Bill Pay', 'Confirmation'))).toBe(true);
  });
});

describe('pinyin syllables run together', () => {
  it('reads yiyu (depression) as a whole word: yiyuan (hospital) names nothing', () => {
    expect(sent(pageOn('/zh/yiyuan-gaikuang'))).toContain('/zh/yiyuan-gaikuang');
    expect(sent(pageOn('/zh/zhuanke-yiyuan'))).toContain('/zh/zhuanke-yiyuan');
    for (const path of ['/zh/yiyu-pinggu', '/zh/jibing/yiyuzheng', '/zh/yiyu/ertong']) {
      const out = sent(pageOn(path));
      expect(out).not.toContain(path);
      expect(out).toContain('health_topic');
    }
  });
});

describe("an app's deep link as the page's address", () => {
  it("reads a clean screen's link as its path and group", () => {
    const out = sent({ type: 'screen', name: 'Clinic', context: { page: { url: 'ehealth://clinics/west-campus' } } });
    expect(out).toContain('/clinics/west-campus');
    expect(out).toContain('"page_group":"location"');
  });

  it("blocks a portal screen's link and withholds a condition screen's", () => {
    expect(blocked({ context: { page: { url: 'ehealth://pharmacy/refill-request' } } })).toBe(true);
    const out = sent({ context: { page: { url: 'ehealth://conditions/crohns-disease' } } });
    expect(out).not.toContain('crohns');
  });
});

describe('Nuxt payload routes under /_nuxt/', () => {
  it('reads the page inside Nuxt 2 static payloads and Nuxt 3 payloads', () => {
    expect(blocked(pageOn('/_nuxt/static/1764201600/billing/statements/payload.js'))).toBe(true);
    expect(blocked(pageOn('/_nuxt/pay-online/_payload.json'))).toBe(true);
    expect(blocked(pageOn('/_nuxt/static/1764201600/visitors/parking/state.js'))).toBe(false);
    expect(blocked({ ...HOME_PAGE, ...pageAt(`${OPEN_SITE}/_nuxt/entry.8c1f2.js`) })).toBe(false);
  });
});

describe("the site's page as an AMP cache or a search cache served it, as the referrer", () => {
  const from = (referrer: string) => ({ context: { page: { path: '/visitors', url: `${OPEN_SITE}/visitors`, referrer } } });
  const amp = 'https://www-example--health-org.cdn.ampproject.org';

  it('blocks an event coming from a blocked page of the site through the cache', () => {
    expect(blocked(from(`${amp}/c/s/www.example-health.org/mychart/messages`))).toBe(true);
    expect(blocked(from(`${amp}/v/s/www.example-health.org/pay-online?amp_js_v=0.1`))).toBe(true);
    expect(blocked(from('https://www.google.com/amp/s/www.example-health.org/lab-results'))).toBe(true);
    expect(blocked(from('https://webcache.googleusercontent.com/search?q=cache:www.example-health.org/pharmacy/refills'))).toBe(true);
    expect(blocked({ ...pageOn('/visitors'), properties: { page_referrer: `${amp}/c/s/www.example-health.org/billing/pay` } })).toBe(true);
  });

  it("keeps events coming from the site's public pages, and from another site's cached pages", () => {
    expect(blocked(from(`${amp}/c/s/www.example-health.org/locations/north`))).toBe(false);
    expect(blocked(from('https://shop-example-com.cdn.ampproject.org/c/s/shop.example.com/billing/pay'))).toBe(false);
    expect(blocked(from('https://www.google.com/search?q=pay+my+bill'))).toBe(false);
  });
});
