import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageAt, pageOn } from '../helpers/open-plan.js';

// Blind pass 24 (H105): a class's, tour's, event's or parking's booking step read as booking care, an AMP cache's
// page sent with its host segment as `:id`, a redirect carrying a bare path in base64, and links to blocked pages
// nested in a clean event's properties. Every event goes to the open destination (no BAA); spellings are the tests' own.
const { blocked, sent } = openPlanProbe('p24');
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const b64url = (s: string): string => Buffer.from(s).toString('base64url');

describe('booking a public offering on a page that is sensitive only by its group', () => {
  it.each(['/classes/schedule', '/classes/book', '/classes/register', '/classes/calendar/schedule', '/classes/book-a-class',
    '/classes/class-registration', '/en/classes/schedules', '/workshops/rsvp'])('flows for %s (with its group)', (path) => {
    expect(blocked(pageOn(path))).toBe(false);
  });

  it('still blocks a topic between the offering and its step, a condition named, a booking done, and event names', () => {
    for (const path of ['/classes/smoking-cessation/register', '/classes/breastfeeding-basics/book', '/conditions/lupus/classes/register',
      '/classes/diabetes-prevention/schedule', '/classes/schedule/confirmation', '/support-groups/grief/register', '/conditions/copd/schedule-visit']) {
      expect(blocked(pageOn(path)), path).toBe(true);
    }
    expect(blocked({ type: 'track', event: 'Appointment Scheduled', ...pageOn('/classes/schedule') })).toBe(true);
  });

  it('keeps booking confirmations blocked on any page', () => {
    for (const path of ['/appointments/schedule/confirm', '/schedule-appointment/thank-you', '/book-appointment/success']) expect(blocked(pageOn(path)), path).toBe(true);
  });
});

describe("an AMP cache's page is the site's page it serves", () => {
  const amp = (prefix: string, path: string) => pageAt(`https://www-example--health-org.cdn.ampproject.org${prefix}/www.example-health.org${path}`);

  it('sends the served page, readable, instead of the cache path with its host as :id', () => {
    const out = sent(amp('/c/s', '/news/new-west-tower-opens'));
    expect(out).toContain(`${OPEN_SITE}/news/new-west-tower-opens`);
    expect(out).not.toContain(':id');
    expect(sent(pageAt('https://www.google.com/amp/s/www.example-health.org/locations/east-campus'))).toContain(`${OPEN_SITE}/locations/east-campus`);
  });

  it('still blocks a portal or bill-pay page served by the cache', () => {
    expect(blocked(amp('/c/s', '/pay-my-bill'))).toBe(true);
    expect(blocked(amp('/v/s', '/mychart/messages?amp_js_v=0.1'))).toBe(true);
  });
});

describe('a redirect carrying a bare path in base64', () => {
  it.each([
    ['base64 with padding', `/go?dest=${b64('/mychart/inbox/thread-4')}`],
    ['base64url without padding', `/r?u=${b64url('/billing/statements/2291')}`],
    ['escaped slashes and padding', `/click?x=${encodeURIComponent(b64('/lab-results?id=1&view=full'))}`],
    ['a capital first letter', `/go?to=${b64('/MyChart/Billing')}`],
  ])('blocks %s', (_, path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('keeps a redirect to a public path, and values that only start like one', () => {
    expect(blocked(pageOn(`/go?dest=${b64('/visitors/parking')}`))).toBe(false);
    for (const v of ['L2xYq9Zz', 'L3', 'L3BhdA', 'Lzq4Kp0xWm7v']) expect(blocked(pageOn(`/promo?ref=${v}`)), v).toBe(false);
  });
});

describe("a link to a blocked page nested in a clean event's properties", () => {
  const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Menu Clicked', properties, ...pageOn('/about') });

  it('drops the link and keeps the event, the rest of the item and links to public pages', () => {
    const out = sent(track({
      products: [{ position: 1, url: `${OPEN_SITE}/find-a-doctor` }, { position: 2, url: `${OPEN_SITE}/test-results/panel/88213` }],
      nav: { sections: [{ links: [{ href: '/patient-portal/messages/5521', order: 3 }, { href: '/careers' }] }] },
      cta: { target: 'https://mychart.example-health.org/MyChart/Visits', slot: 'header' },
    }));
    expect(out).not.toMatch(/test-results|patient-portal|mychart/i);
    expect(out).toContain('/find-a-doctor');
    expect(out).toContain('/careers');
    expect(out).toContain('"position":2');
    expect(out).toContain('"order":3');
  });
});

describe('the areas in Swahili', () => {
  it('blocks results, a confirmed appointment, paying a bill, the account, the portal and prescriptions, in paths and titles', () => {
    for (const path of ['/sw/matokeo-ya-maabara/ripoti', '/sw/huduma/vipimo-vyangu', '/sw/miadi/uthibitisho', '/sw/lipia-ankara', '/sw/akaunti-yangu/wasifu',
      '/sw/lango-la-mgonjwa', '/sw/jaza-tena-dawa']) {
      expect(blocked(pageOn(path)), path).toBe(true);
    }
    expect(blocked({ ...pageOn('/sw/ukurasa'), properties: { title: 'Miadi yako imethibitishwa | Hospitali' } })).toBe(true);
  });

  it('keeps research findings, news, jobs and parking', () => {
    for (const path of ['/sw/matokeo-ya-utafiti', '/sw/habari', '/sw/nafasi-za-kazi', '/sw/maegesho', '/team/philippa-bilingual-services']) {
      expect(sent(pageOn(path)), path).toContain(path.replace(/^\/sw/, ''));
    }
  });
});

describe('more scripts: a confirmed appointment and one\'s results (found by the held half)', () => {
  it('blocks them in Hebrew, Hindi, Bengali and Malay paths and titles', () => {
    for (const path of ['/he/קביעת-תור/הושלם', '/hi/अपॉइंटमेंट-कन्फर्म', '/bn/আমার-ফলাফল', '/bn/ল্যাব-রিপোর্ট/২০২৬', '/hi/मेरी-रिपोर्ट', '/ms/keputusan-ujian-darah']) {
      expect(blocked(pageOn(path)), path).toBe(true);
    }
    expect(blocked({ ...pageOn('/he/x'), properties: { title: 'התור שלך אושר' } })).toBe(true);
  });

  it('keeps research results, news and a Malay section of the site', () => {
    for (const path of ['/bn/গবেষণার-ফলাফল', '/hi/समाचार', '/ms/berita', '/he/חדשות']) expect(blocked(pageOn(path)), path).toBe(false);
    expect(blocked(pageOn('/ms/keputusan-mesyuarat-lembaga'))).toBe(false);
  });
});
