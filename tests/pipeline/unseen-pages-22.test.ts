import { describe, expect, it } from 'vitest';
import { allowAllProbe, OPEN_SITE, openPlanProbe, pageAt, pageOn } from '../helpers/open-plan.js';

// Blind red-team pass 22 (H91, sensitive pages): abbreviations read as whole words, compounds in paths,
// long word slugs kept, the visitor's own pages in Tagalog, Chinese and Arabic script, condition words in
// those languages, and more patient-facing vendor hosts. Spellings differ from the blind corpus's; every
// event goes to the open destination (no BAA, every property and page field allowed).
const { blocked, sent } = openPlanProbe('p22');
const { pathOut } = allowAllProbe('p22k');
const title = (path: string, t: string) => ({ context: { page: { path, url: `${OPEN_SITE}${path}`, title: t } } });

describe('an abbreviation is a whole word', () => {
  it.each(['/news/hivemind-hackathon-winners', '/fr/conseils-hiver', '/about/beehives-on-the-roof', '/events/hive-talks', '/gift-shop/std-delivery-times', '/it/stdout-logs'])(
    '%s names no condition: the open destination gets its path', (path) => {
      expect(blocked(pageOn(path))).toBe(false);
      expect(pathOut(path)).toContain(path);
    });

  it.each([['/hiv', 'hiv'], ['/clinics/hiv-prevention', 'hiv-prevention'], ['/hivcare', 'hivcare'], ['/get-tested/hivtest', 'hivtest'], ['/std', '/std'],
    ['/services/stds', 'stds'], ['/stdclinic', 'stdclinic'], ['/std-screening', 'std-screening'], ['/es/vih', 'vih'], ['/adhd', 'adhd'], ['/ptsd-program', 'ptsd']])(
    '%s is still a sensitive page: the path stays home', (path, word) => {
      expect(blocked(pageOn(path))).toBe(false);
      expect(pathOut(path)).not.toContain(word);
      expect(pathOut(path)).toContain('"page_group"');
    });

  it('a title and an event name read abbreviations the same way', () => {
    expect(sent(title('/about', 'HIV Prevention | Example Health'))).not.toContain('HIV Prevention');
    expect(sent(title('/about', 'Hivemind Awards | Example Health'))).toContain('Hivemind Awards');
  });
});

describe('a compound in a path', () => {
  it('reads a term only outside the compound (`std-shipping`, `background-screening`)', () => {
    for (const path of ['/shop/free-std-shipping', '/careers/background-screening-policy']) expect(pathOut(path)).toContain(path);
    expect(pathOut('/shop/std-shipping-for-hiv-kits')).not.toContain('hiv-kits');
  });
});

describe('a long slug of words run together', () => {
  it.each(['/events/northbayturkeytrotfamilyfunrun', '/blog/WhatToExpectAfterKneeReplacement', '/events/grandparentingworkshopsandtours'])('%s keeps its path', (path) => {
    expect(pathOut(path)).toContain(path);
  });

  it.each(['/blog/7-signs-you-need-more-sleep-this-winter', '/news/top-10-health-stories-of-2027'])('%s, a title with a number among its words, keeps its path', (path) => {
    expect(pathOut(path)).toContain(path);
  });

  it('still cuts ids and tokens of the same length', () => {
    for (const path of ['/callback/555-867-5309-0042', '/r/2027-01-15-88412']) expect(pathOut(path)).toContain(':id');
    for (const [path, id] of [['/reset/Zk3qP9xLm2VbN7cRt5YwA8sD', 'Zk3qP9xLm2VbN7cRt5YwA8sD'], ['/s/QwRtYpLkJhGfDsAzXcVbNmQwRt', 'QwRtYpLkJhGfDsAzXcVbNmQwRt'], ['/v/abcd1234efgh5678ijkl9012', 'abcd1234efgh5678ijkl9012']]) {
      expect(pathOut(path)).not.toContain(id);
      expect(pathOut(path)).toContain(':id');
    }
  });
});

describe("the visitor's own pages in Tagalog, Chinese and Arabic script", () => {
  it.each(['/tl/ang-aking-account', '/tl/aking-profile/settings', '/tl/portal/aking-mga-resulta', '/tl/mga-resulta-ko', '/tl/aking-mga-mensahe', '/tl/aking-mga-appointment',
    '/tl/aking-bayarin', '/tl/aking-mga-reseta', '/zh/我的帐户', '/zh/登录', '/zh/我的化验报告', '/zh/我的訊息', '/zh/我的預約', '/zh/我的帳單', '/ar/حسابي', '/ar/ملف/نتائجي', '/ar/رسائلي', '/ar/مواعيدي', '/ar/فواتيري'])(
    'blocks %s', (path) => {
      expect(blocked(pageOn(path))).toBe(true);
    });

  it('blocks a title naming them', () => {
    expect(blocked(title('/', 'Aking mga Resulta | Example Health'))).toBe(true);
  });

  it('lets public pages in those languages through', () => {
    for (const path of ['/tl/mga-serbisyo', '/zh/我们的医生', '/ar/من-نحن', '/tl/tungkol-sa-amin']) expect(blocked(pageOn(path))).toBe(false);
  });
});

describe('condition words in Arabic, Chinese, Vietnamese, Tagalog and Hindi', () => {
  it.each(['/ar/الطب-النفسي', '/ar/فحص-فيروس-نقص-المناعة', '/zh/心理咨询服务', '/zh/性病门诊', '/vi/kham-suc-khoe-tam-than', '/vi/cai-nghien-ruou', '/tl/kalusugan-ng-isip', '/hi/मानसिक-स्वास्थ्य-सेवाएं'])(
    '%s keeps its path from the open destination', (path) => {
      const last = path.split('/').pop()!;
      const out = pathOut(path);
      expect(out).not.toContain(last);
      expect(out).not.toContain(encodeURIComponent(last));
    });

  it('a Vietnamese place named like a term is not one', () => {
    expect(pathOut('/vi/co-so/tam-thanh')).toContain('tam-thanh');
  });
});

describe('more patient-facing vendor hosts', () => {
  it.each([
    'https://mychart-openscheduling.et1234.epichosted.com/MyChart/SignupAndSchedule/EmbeddedSchedule?id=1&vt=2',
    'https://visit.doximity.com/dialer-video/abc',
    'https://someortho.radixhealth.com/dash/self2/#/provider-search',
    'https://schedule.solutionreach.com/scheduling/subscriber/12345/scheduler',
    'https://reviews.solutionreach.com/vs/some_family_dental/appt',
  ])('blocks a page at %s', (url) => {
    expect(blocked(pageAt(url))).toBe(true);
  });

  it("lets the vendors' public pages through", () => {
    for (const url of ['https://www.radixhealth.com/whats-new', 'https://reviews.solutionreach.com/vs/reviews/some_family_dental', 'https://www.doximity.com/']) {
      expect(blocked(pageAt(url))).toBe(false);
    }
  });
});

describe('app screens named elsewhere, deep links and pages opened from an app', () => {
  const app = { app: { name: 'Example Health', version: '3.1.0' }, os: { name: 'iOS' } };
  it("reads a screen call's name in its properties", () => {
    expect(blocked({ type: 'screen', properties: { name: 'Prescription Renewals' }, context: app })).toBe(true);
    expect(blocked({ type: 'screen', properties: { name: 'Find a Location' }, context: app })).toBe(false);
  });

  it.each([
    { $deeplink_path: 'mychart/inbox/thread/77', '~feature': 'sms' },
    { deep_link: 'examplehealth://bills/pay?acct=5' },
    { deepLinkUrl: 'ios-app://555000111/https/www.example-health.org/patient-portal/results' },
    { data: { '+non_branch_link': 'eh://portal/visit-summary/12' } },
  ])('blocks an app opened on a blocked screen by its deep link (%o)', (properties) => {
    expect(blocked({ type: 'track', event: 'Application Opened', properties, context: app })).toBe(true);
  });

  it('lets an app opened on a public screen through', () => {
    expect(blocked({ type: 'track', event: 'Application Opened', properties: { $deeplink_path: 'locations/urgent-care', deep_link: 'eh://classes/yoga' }, context: app })).toBe(false);
  });

  it("reads the site's page inside an app referrer", () => {
    const from = (referrer: string) => ({ context: { page: { path: '/news', url: `${OPEN_SITE}/news`, referrer } } });
    expect(blocked(from('android-app://org.example.health/https/www.example-health.org/patient-portal/messages'))).toBe(true);
    expect(blocked(from('android-app://com.google.android.gm/'))).toBe(false);
    expect(blocked(from('android-app://org.example.health/https/www.example-health.org/locations'))).toBe(false);
  });
});

describe('titles under other keys, and a booking done said as a sentence', () => {
  it.each([{ og_title: 'Online Bill Pay | Example Health' }, { metaTitle: 'Refill a Prescription' }, { twitter_title: 'Message Your Care Team' }])('blocks a page titled by %o', (properties) => {
    expect(blocked({ properties, ...pageOn('/') })).toBe(true);
  });

  it.each(['Đặt lịch hẹn đã được xác nhận', 'Naka-book na ang iyong konsulta', 'تم تأكيد موعدك'])('blocks the title %s', (t) => {
    expect(blocked(title('/', t))).toBe(true);
  });

  it('lets public titles through', () => {
    for (const t of ['Đặt lịch khám tại Example Health', 'Flu Shot Clinics | Example Health']) expect(blocked(title('/', t))).toBe(false);
    expect(blocked({ properties: { og_title: 'Our Pharmacy Team Is Hiring' }, ...pageOn('/careers') })).toBe(false);
  });
});

describe("a page's category in its properties", () => {
  it('names the page like the top-level category (analytics.js copies it there)', () => {
    expect(blocked({ type: 'page', name: 'Statement Detail', properties: { category: 'Billing', name: 'Statement Detail' }, ...pageOn('/') })).toBe(true);
    expect(blocked({ type: 'screen', name: 'Thread', properties: { category: 'Inbox' }, context: { app: { name: 'Example Health' } } })).toBe(true);
    expect(blocked({ type: 'page', name: 'Cardiology', properties: { category: 'Services' }, ...pageOn('/') })).toBe(false);
  });
});
