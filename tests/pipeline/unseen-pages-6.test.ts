import { describe, expect, it } from 'vitest';
import { HOME_PAGE, OPEN_SITE, openPlanProbe, pageAt, pageOn } from '../helpers/open-plan.js';

// Sensitive-page classes found by blind red-team pass 9 (.tmp/h45/gen.mjs, written without reading
// the rules): words run together and abbreviated, accented and non-Latin spellings, framework data
// routes, state routers, the browser's location and data layers under other names, forms named
// after an area, more vendors and subdomains, app screens and done events, member areas, and drug
// and procedure names. Each test uses its own spellings, not the generator's; every event goes to
// the open destination (no BAA).
const { blocked, sent } = openPlanProbe('p6');
const page = pageOn;
const home = HOME_PAGE;
const titled = (title: string) => ({ context: { page: { path: '/', url: `${OPEN_SITE}/`, title } } });
const onHome = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Clicked', properties, ...home });

describe('areas under spellings not tried before', () => {
  it.each([
    ['words run together', '/seemyresults'],
    ['a bills section', '/bills/pay-now'],
    ['a personal health record', '/phr/home'],
    ['an e-pay page', '/ePay'],
    ['a member’s claims', '/my-account/claims/EOB-2231'],
    ['a member’s id card', '/members/id-card'],
    ['visit notes', '/open-notes'],
    ['a vaccine record', '/my-vaccine-record'],
    ['caregiver proxy access', '/caregiver-proxy-access'],
    ['a care team’s messages at depth', '/my-health-team/messages'],
    ['upcoming visits', '/upcoming-visits-list'],
    ['an editor’s backup copy', '/statements~'],
    ['secure messaging', '/secure-messaging/thread'],
    ['a refill done', '/prescription-refill-submitted'],
  ])('blocks %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });

  it.each([
    ['Spanish with accents', '/es/facturación'],
    ['French with accents', '/fr/résultats-d-analyses'],
    ['Vietnamese with tone marks', '/vi/thanh-toán-hóa-đơn'],
    ['Polish', '/pl/płatności'],
    ['Tagalog', '/tl/resulta-ng-pagsusuri'],
    ['Haitian Creole', '/ht/rezilta-laboratwa'],
    ['Russian', `/ru/${encodeURIComponent('личный-кабинет')}`],
    ['Korean', `/ko/${encodeURIComponent('진료비-납부')}`],
    ['Chinese', `/zh/${encodeURIComponent('病人门户')}`],
    ['Japanese', `/ja/${encodeURIComponent('予約完了')}`],
    ['Arabic', `/ar/${encodeURIComponent('تجديد-الوصفة')}`],
    ['Hindi', `/hi/${encodeURIComponent('लैब-रिपोर्ट')}`],
  ])('blocks an area named in %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });

  it.each([
    ['a Next.js data route', '/_next/data/Zx81/en-us/my-results.json'],
    ['a Gatsby page-data route', '/page-data/pay-my-bill/page-data.json'],
    ['a Nuxt payload', '/lab-results/_payload.json'],
    ['a ui-router state', '/?state=portal.inbox'],
  ])('blocks %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });
});

describe('what the event says besides its page', () => {
  it.each([
    ['the browser’s location', { windowLocation: '/billpay' }],
    ['a router’s path', { routePath: '/test-results' }],
    ['a router’s state name', { routeName: 'billing.statement.pay' }],
    ['a data layer’s page name', { digitalData: { page: { pageInfo: { pageName: 'mychart:inbox' } } } }],
    ['a data layer’s page URL', { pageInfo: { destinationURL: `${OPEN_SITE}/pay-my-bill` } }],
    ['a form named after the area', { form_id: 'rx-refill-form' }],
    ['a form’s title', { formName: 'Online Bill Pay' }],
  ])('blocks a tracked event whose %s names the area', (_why, properties) => {
    expect(blocked(onHome(properties))).toBe(true);
  });

  it('keeps forms named after public widgets', () => {
    for (const form_id of ['search-form', 'checkout', 'LoginForm', 'contact-us-form', 'newsletter-signup']) expect(blocked(onHome({ form_id }))).toBe(false);
  });

  it('withholds a form that names a condition', () => {
    const out = sent(onHome({ form_name: 'Phalloplasty Consult Request' }));
    expect(out).not.toMatch(/phalloplasty/i);
  });
});

describe('prescriptions in a cart', () => {
  const cart = { context: { page: { path: '/shop/cart', url: `${OPEN_SITE}/shop/cart` } } };
  it('blocks a cart event whose items are prescriptions', () => {
    expect(blocked({ type: 'track', event: 'Cart Viewed', ...cart, properties: { products: [{ product_id: 'p1', category: 'Rx' }] } })).toBe(true);
    expect(blocked({ type: 'track', event: 'Product Viewed', ...cart, properties: { sku: 'p2', category: 'Prescription Refills' } })).toBe(true);
  });

  it('keeps a gift shop’s cart', () => {
    expect(blocked({ type: 'track', event: 'Cart Viewed', ...cart, properties: { products: [{ product_id: 'g1', category: 'Gift Baskets' }] } })).toBe(false);
  });
});

describe('vendors, subdomains, app screens and event names', () => {
  it.each(['https://northbay.theranest.com/', 'https://ePortal.example-health.org/', 'https://virtualcare.example-health.org/', 'https://northbay.patientco.com/', 'https://x.teladoc.com/'])(
    'blocks %s', (url) => {
      expect(blocked(pageAt(url))).toBe(true);
    },
  );

  it.each(['ConversationDetailViewController', 'UploadInsuranceCardScreen', 'PayStatementSheet', 'RenewPrescriptionDialog', 'ImagingResultsRoute', 'SecureMessagesInboxView',
    'EcheckinFlowStep3', 'ClaimsHistoryList', 'RefillSuccessViewController'])('blocks the app screen %s', (name) => {
    expect(blocked({ type: 'screen', name })).toBe(true);
  });

  it('blocks a tracked event whose screen class names the area, and keeps public screens', () => {
    expect(blocked(onHome({ screen_class: 'PayStatementSheet' }))).toBe(true);
    for (const name of ['NewsFeedScreen', 'DonateScreen', 'FindADoctorList', 'ParkingMapView', 'ClassScheduleScreen']) expect(blocked({ type: 'screen', name })).toBe(false);
  });

  it.each(['patient_portal_login_attempt', 'eCheckIn Completed', 'intake form submitted'])('blocks the tracked event %s', (event) => {
    expect(blocked({ type: 'track', event, ...home })).toBe(true);
  });

  it.each(['Log in to MyNorthbay', 'Your upcoming appointments', 'Résultats d’analyses', 'Оплата услуг', '預約確認', 'Message your care team'])('blocks the page titled %s', (title) => {
    expect(blocked(titled(title))).toBe(true);
  });
});

describe('drug and procedure names', () => {
  it('withholds them from pages, titles and event names', () => {
    expect(sent(page('/services/phalloplasty'))).not.toMatch(/phalloplasty/i);
    expect(sent(page('/mental-health/ketamine-infusion'))).not.toMatch(/ketamine/i);
    expect(sent({ ...page('/p/12'), context: { page: { path: '/p/12', url: `${OPEN_SITE}/p/12`, title: 'Vasectomía sin bisturí' } } })).not.toMatch(/vasectom/i);
    expect(sent({ type: 'track', event: 'Spravato Treatment Inquiry', ...home })).not.toMatch(/spravato/i);
  });

  it('withholds condition pages named in other scripts and languages', () => {
    for (const [path, term] of [['/zh/乳腺癌', '癌'], ['/ko/임신-클리닉', '임신'], ['/ru/детская-онкология', 'онколог'], ['/ar/الاكتئاب-والقلق', 'اكتئاب'], ['/vi/điều-trị-ung-thư', 'ung']]) {
      const out = sent(page(`/${path.split('/')[1]}/${encodeURIComponent(path.split('/')[2])}`));
      expect(out).not.toContain(term);
      expect(out).not.toContain(encodeURIComponent(term));
    }
    expect(sent(page('/ko/병원-소개'))).toContain(encodeURIComponent('병원'));
  });
});

describe('public pages with the same words', () => {
  it('keeps news, posts and job postings about the portal, guides and directories', () => {
    for (const path of ['/news/patient-portal-upgrade', '/blog/tips-for-using-mychart', '/careers/patient-portal-specialist', `/zh/${encodeURIComponent('缴费指南')}`,
      '/members/benefits-of-membership', '/foundation/members', '/es/facturación-y-seguros', '/services/immunizations', '/patients-visitors/your-visit',
      '/about/my-story', '/find-a-location?state=tx', '/fr/à-propos', `/ru/${encodeURIComponent('о-нас')}`, '/~drlee/home', '/media/messaging-guidelines']) {
      expect(blocked(page(path))).toBe(false);
    }
  });
});
