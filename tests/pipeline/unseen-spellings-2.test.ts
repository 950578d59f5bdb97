import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';
import { gtagToEvents } from '../../src/ingest/gtag.js';

// Leak classes found by a second red-team pass (.tmp/h26/gen.mjs): blocked pages spelled with
// other separators or named rather than located, links to them, identifiers escaped or base64'd,
// identifiers used as keys or sent as numbers. Each test uses its own spellings, not the
// generator's.
const { rows, blocked, sent } = openPlanProbe('u2');
const SITE = OPEN_SITE;
const page = (path: string) => ({ context: { page: { path, url: `${SITE}${path}` } } });
const track = (properties: Record<string, unknown>) =>
  sent({ type: 'track', event: 'Form Submitted', properties, context: { page: { path: '/contact', url: `${SITE}/contact` } } });

describe('blocked pages spelled with other separators', () => {
  it.each([
    ['Unicode hyphens', '/my\u2010chart/inbox'],
    ['non-breaking hyphens', '/online\u2011bill\u2011pay'],
    ['a soft hyphen', '/patient\u00adportal/visits'],
    ['a zero-width space', '/patient\u200bportal'],
    ['a minus sign', '/rx\u2212refill'],
    ['a plus for a space', '/patient+portal/letters'],
    ['a plural', '/billings/pay-now'],
  ])('blocks %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });

  it('still lets ordinary pages with those characters through', () => {
    expect(blocked(page('/services/heart\u2011health'))).toBe(false);
    expect(blocked(page('/blog/c+kids-camp'))).toBe(false);
  });

  it('blocks app screens named with a middle dot or a guillemet', () => {
    expect(blocked({ type: 'screen', name: 'Billing \u00b7 Pay Now' })).toBe(true);
    expect(blocked({ type: 'screen', name: 'MyChart \u203a Letters' })).toBe(true);
  });
});

describe('pages named rather than located', () => {
  it.each([
    ['an Adobe-style pageName', { pageName: 'ehs:my-chart:letters' }],
    ['a screen_name', { screen_name: 'Refills > Status' }],
    ['a virtual page view', { virtual_page: '/billing/pay-online' }],
  ])('blocks %s', (_why, properties) => {
    expect(blocked({ type: 'track', event: 'Page Loaded', properties })).toBe(true);
  });

  it('reads a page name even when the event gives its path', () => {
    expect(blocked({ type: 'track', event: 'Viewed', properties: { page_name: 'Portal | Bill Pay' }, context: { page: { path: '/', url: `${SITE}/` } } })).toBe(true);
  });

  it('lets an ordinary page name through', () => {
    expect(blocked({ type: 'track', event: 'Page Loaded', properties: { pageName: 'ehs:services:cardiology' } })).toBe(false);
  });
});

describe('links to blocked pages', () => {
  it('counts the click but does not say it led to the portal, billing or a portal host', () => {
    for (const link of [`${SITE}/patient-portal/sign-in`, '/pay-my-bill', 'https://mychart.example-health.org/MyChart/']) {
      const out = sent({ type: 'track', event: 'Link Clicked', properties: { outbound_link: link, cta: 'Go' }, context: { page: { path: '/', url: `${SITE}/` } } });
      expect(out).toContain('Link Clicked');
      expect(out).toContain('Go');
      expect(out).not.toMatch(/portal|pay-my-bill|mychart/i);
    }
  });

  it('keeps links to ordinary pages', () => {
    expect(track({ link_to: '/services/sleep-medicine' })).toContain('/services/sleep-medicine');
  });
});

describe('identifiers escaped or encoded inside values', () => {
  it('HTML character references and JavaScript escapes', () => {
    const t = track({ cta: 'ana.ruiz&#64;example.net', value: 'write ana.ruiz&#x40;example.net', step: 'ana.ruiz\\u0040example.net', category: 'ana.ruiz&commat;example.net', extra: 'ana.ruiz&amp;#64;example.net' });
    expect(t).not.toContain('ana.ruiz');
  });

  it('in a campaign parameter of the page URL', () => {
    const t = sent({ context: { page: { path: '/contact', url: `${SITE}/contact?utm_content=ana.ruiz%26%2364%3Bexample.net&utm_source=x` } } });
    expect(t).not.toContain('ana.ruiz');
    expect(t).toContain('utm_source');
  });

  it('escapes in a page URL path segment, which would otherwise cut the address in two', () => {
    for (const seg of ['li.tan&#64;example.net', 'li.tan\\u0040example.net']) {
      const t = sent({ context: { page: { path: '/profile', url: `${SITE}/members/${seg}/prefs` } } });
      expect(t).not.toContain('li.tan');
    }
  });

  it('a JSON string encoded twice, its escapes doubled', () => {
    const inner = JSON.stringify({ who: 'li.tan\\u0040example.net' });
    expect(track({ value: JSON.stringify(inner) })).not.toContain('li.tan');
  });

  it('base64 and base64url of a JSON object or a query string', () => {
    const json = Buffer.from(JSON.stringify({ mail: 'li.wen@example.net', next: '/home' })).toString('base64');
    const query = Buffer.from('em=li.wen@example.net&ph=508-555-0188').toString('base64url');
    const t = track({ state: json, value: query });
    expect(t).not.toContain(json);
    expect(t).not.toContain(query);
    expect(t).not.toContain('li.wen');
  });

  it('does not read long ordinary words as base64', () => {
    const t = track({ cta: 'Counterintelligence', value: 'ElectrocardiographyServices' });
    expect(t).toContain('Counterintelligence');
    expect(t).toContain('ElectrocardiographyServices');
  });
});

describe('identifiers as keys and as numbers', () => {
  it('drops entries keyed by an email or a phone number', () => {
    const t = track({ contacts: { 'omar.h@example.net': { primary: true }, '(508) 555-0177': 'mobile', 'custom_field_2': 'kept' } });
    expect(t).not.toMatch(/omar\.h|555-0177/);
    expect(t).toContain('kept');
  });

  it('drops a record number sent as a bare 7-8 digit number, not an amount', () => {
    const t = track({ ref: 4417265, step: [20993348], value: 2450000, quantity: 3 });
    expect(t).not.toMatch(/4417265|20993348/);
    expect(t).toContain('2450000');
  });
});

describe('GA4 hits carry the same classes', () => {
  const hit = (params: Record<string, string>) => {
    const { events } = gtagToEvents(new URLSearchParams({ v: '2', tid: 'G-X', cid: '1.2', ...params }), '');
    return events.map((e) => rows(e));
  };

  it('a page_view of a portal spelled with a Unicode hyphen is blocked', () => {
    const [r] = hit({ en: 'page_view', dl: `${SITE}/patient\u2011portal/letters` });
    expect(r.every((x) => x.blocked !== undefined)).toBe(true);
  });

  it('an event parameter naming the portal page blocks the hit', () => {
    const [r] = hit({ en: 'page_view', dl: `${SITE}/`, 'ep.screen_name': 'MyChart - Letters' });
    expect(r.every((x) => x.blocked !== undefined)).toBe(true);
  });

  it('an escaped email in a title or an event parameter does not go out', () => {
    const [r] = hit({ en: 'form_submit', dl: `${SITE}/contact`, dt: 'Hi kim.vo&#64;example.net', 'ep.cta': 'kim.vo\\u0040example.net' });
    expect(JSON.stringify(r.map((x) => x.payload))).not.toContain('kim.vo');
  });
});
