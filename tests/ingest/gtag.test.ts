import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtagToEvents, MAX_GTAG_EVENTS } from '../../src/ingest/gtag.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/gtag');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fixture is `METHOD /g/collect?query`, an empty line, then the body (see fixtures/gtag/README.md). */
function loadHit(name: string): { query: URLSearchParams; body: string } {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const [, target = '', body = ''] = /^\w+ (\S+)\r?\n\r?\n?([\s\S]*)$/.exec(text) ?? [];
  return { query: new URL(target, 'http://collector.test').searchParams, body };
}

type Ev = Record<string, any>;
const parse = (query: string, body = ''): { measurementId?: string; events: Ev[] } => gtagToEvents(new URLSearchParams(query), body);

describe('gtagToEvents: fixtures', () => {
  it('maps a GET page view with everything in the query', () => {
    const { query, body } = loadHit('single-page-view.txt');
    const { measurementId, events } = gtagToEvents(query, body);
    expect(measurementId).toBe('G-TEST123');
    expect(events).toHaveLength(1);
    const [ev] = events as Ev[];
    expect(ev).toMatchObject({
      type: 'page',
      name: 'Our services',
      anonymousId: '1849362211.1732300000',
      properties: { session_id: 1732300000 },
      context: {
        page: { url: 'https://clinic.example/services?utm_source=news', path: '/services', search: '?utm_source=news', referrer: 'https://www.google.com/', title: 'Our services' },
        locale: 'en-us',
        consent: { analytics: true, ads: true },
      },
    });
    expect(ev.event).toBeUndefined();
    expect(ev.messageId).toMatch(UUID);
  });

  it('leaves protocol bookkeeping and device parameters out', () => {
    const { query, body } = loadHit('single-page-view.txt');
    const json = JSON.stringify(gtagToEvents(query, body).events);
    for (const param of ['1732300000000', '1920x1080', '45je4b20v9', '"_p"', '"_s"', '"_et"', '"sr"', '"gtm"', '"sct"', '"seg"']) {
      expect(json).not.toContain(param);
    }
  });

  it('gives each body line its own event, over the shared query', () => {
    const { query, body } = loadHit('batched.txt');
    const { measurementId, events } = gtagToEvents(query, body) as { measurementId?: string; events: Ev[] };
    expect(measurementId).toBe('G-TEST123');
    expect(events.map((e) => e.type)).toEqual(['page', 'track', 'track']);
    expect(events[0]).toMatchObject({ name: 'Contact us', context: { page: { path: '/contact', title: 'Contact us' }, locale: 'en-gb' } });
    expect(events[1]).toMatchObject({
      event: 'form_submit',
      properties: { form_id: 'contact', form_name: 'Request a callback', value: 12.5, fields: 3, session_id: 1732300100 },
      context: { page: { path: '/contact' } },
    });
    expect(events[1].properties).not.toHaveProperty('bad');
    expect(events[2]).toMatchObject({
      event: 'sign_up',
      userId: 'u-42',
      traits: { plan: 'basic', visits: 7 },
      properties: { method: 'email' },
      context: { page: { url: 'https://clinic.example/thanks?ref=form', path: '/thanks', search: '?ref=form', referrer: 'https://clinic.example/contact', title: 'Contact us' } },
    });
    expect(events[0].traits).toBeUndefined();
    expect(new Set(events.map((e) => e.messageId)).size).toBe(3);
  });

  it('reads denied consent from gcs and gcd', () => {
    const { query, body } = loadHit('consent-denied.txt');
    const { events } = gtagToEvents(query, body) as { events: Ev[] };
    expect(events).toHaveLength(2);
    for (const ev of events) expect(ev.context.consent).toEqual({ analytics: false, ads: false });
    expect(events[1]).toMatchObject({ type: 'track', event: 'scroll', properties: { percent_scrolled: 90 } });
  });
});

describe('gtagToEvents: consent mode', () => {
  const consent = (q: string): unknown => parse(`v=2&tid=G-X&en=page_view&${q}`).events[0]?.context.consent;

  it.each([
    ['gcs=G111', { analytics: true, ads: true }],
    ['gcs=G100', { analytics: false, ads: false }],
    // gcs is G1 + ad_storage + analytics_storage: G110 grants ads storage only, G101 analytics only.
    ['gcs=G110', { analytics: false, ads: true }],
    ['gcs=G101', { analytics: true, ads: false }],
    ['gcs=G111&npa=1', { analytics: true, ads: false }],
    // gcd: all four granted (r = denied by default, granted by update).
    ['gcd=11r1r1r1r5', { analytics: true, ads: true }],
    // ad_user_data denied (q) -> no ads even though ad_storage is granted.
    ['gcs=G111&gcd=11r1r1q1r5', { analytics: true, ads: false }],
    // ad_personalization denied after a granted default (u).
    ['gcd=11v1v1v1u5', { analytics: true, ads: false }],
    // not set (l) signals are ignored; gcd beats gcs where both speak.
    ['gcs=G100&gcd=11l1t1l1l5', { analytics: true, ads: false }],
  ])('%s -> %j', (q, expected) => {
    expect(consent(q)).toEqual(expected);
  });

  it('leaves consent unset when the hit carries no consent signal', () => {
    expect(consent('')).toBeUndefined();
    expect(consent('gcs=garbage&gcd=xyz')).toBeUndefined();
    expect(consent('gcd=11l1l1l1l5')).toBeUndefined();
  });
});

describe('gtagToEvents: robustness', () => {
  it('caps a request at 25 events', () => {
    const body = Array.from({ length: 40 }, (_, i) => `en=e${i}`).join('\n');
    const { events } = parse('v=2&tid=G-X', body);
    expect(events).toHaveLength(MAX_GTAG_EVENTS);
    expect(events.at(-1)?.event).toBe('e24');
  });

  it('skips lines without an event name and a bare query without one', () => {
    expect(parse('v=2&tid=G-X', 'ep.a=1\nen=ok\n\n   \n').events.map((e) => e.event)).toEqual(['ok']);
    expect(parse('v=2&tid=G-X').events).toEqual([]);
  });

  it('takes the measurement id from a line when the query has none', () => {
    expect(parse('v=2', 'en=a&tid=G-LINE').measurementId).toBe('G-LINE');
    expect(parse('v=2', 'en=a').measurementId).toBeUndefined();
  });

  it('never copies prototype-polluting parameter names', () => {
    const { events } = parse('v=2&tid=G-X&en=x&ep.__proto__=a&epn.constructor=1&up.prototype=b&ep.ok=1');
    expect(Object.keys(events[0].properties)).toEqual(['ok']);
    expect(events[0].traits).toBeUndefined();
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });

  it('keeps a relative or broken dl as sent, without a path', () => {
    const { events } = parse('v=2&tid=G-X&en=page_view&dl=not%20a%20url');
    expect(events[0].context.page).toEqual({ url: 'not a url' });
  });

  it('maps the IP override only as data (the server decides)', () => {
    expect(parse('v=2&en=x&_uip=203.0.113.9').events[0].context.ip).toBe('203.0.113.9');
  });

  it('ignores malformed percent-encoding and unknown parameters', () => {
    const { events } = parse('v=2&tid=G-X&zz=%E0%A4%A&%%%=1', 'en=a%ZZ&ep.x=%&foo=bar');
    expect(events).toHaveLength(1);
    expect(events[0].event).toBe('a%ZZ');
    expect(JSON.stringify(events)).not.toContain('foo');
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.string(), fc.string({ maxLength: 2000 }), (q, body) => {
      const out = gtagToEvents(new URLSearchParams(q), body);
      expect(Array.isArray(out.events)).toBe(true);
      expect(out.events.length).toBeLessThanOrEqual(MAX_GTAG_EVENTS);
    }), { numRuns: 300 });
  });
});

describe('gtagToEvents: items (pr1…pr200)', () => {
  it('maps each item\'s two-letter fields to GA4 item keys (the name as a Segment product\'s `name`), in index order, with numbers as numbers', () => {
    const [ev] = parse('v=2&tid=G-T&cid=1.2&en=purchase&cu=USD', 'pr2=idB~nmSecond~pr3&pr1=idA~nmFirst~brAcme~caRx~c2Refills~vaBlue~pr12.50~qt2~ds1~cpSAVE~lp1~lnList~liL1~afShop~loStore9~xxIgnored').events;
    expect(ev!.properties.items).toEqual([
      { item_id: 'A', name: 'First', item_brand: 'Acme', item_category: 'Rx', item_category2: 'Refills', item_variant: 'Blue', price: 12.5, quantity: 2,
        discount: 1, coupon: 'SAVE', index: 1, item_list_name: 'List', item_list_id: 'L1', affiliation: 'Shop', location_id: 'Store9' },
      { item_id: 'B', name: 'Second', price: 3 },
    ]);
  });

  it('copies custom item parameters under their own names, never prototype keys, and ignores pr0 and pr201', () => {
    const [ev] = parse('v=2&tid=G-T&cid=1.2&en=add_to_cart', 'pr1=idA~k0patient_email~v0jane@x.example~k1__proto__~v1x~k2item_id~v2override~qtmany&pr0=idZ&pr201=idY&price=1').events;
    expect(ev!.properties.items).toEqual([{ item_id: 'A', patient_email: 'jane@x.example' }]);
    expect(Object.getPrototypeOf((ev!.properties.items as object[])[0])).toBe(Object.prototype);
  });

  it('adds no items to a hit without pr parameters', () => {
    const [ev] = parse('v=2&tid=G-T&cid=1.2&en=page_view&pr=1&product=x').events;
    expect(ev!.properties.items).toBeUndefined();
  });
});
