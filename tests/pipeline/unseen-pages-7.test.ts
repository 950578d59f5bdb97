import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { tempDir, writeConfig } from '../helpers/collector.js';
import { HOME_PAGE, OPEN_SITE, openPlanProbe, pageAt, pageOn } from '../helpers/open-plan.js';

// Sensitive-page classes found by blind red-team pass 10 (.tmp/h49/gen.mjs, written without reading
// the rules): CMS routers, area names in an event's category/view/tab, frames with no address of their
// own, booking care on a condition's page, telehealth joins, refills, registration, estimates, symptom
// checkers, trial enrolment, advance directives, more languages, link-protection wrappers and screen
// constants; and public billing and portal-information pages that must keep flowing. Each test uses its
// own spellings, not the generator's; every event goes to the open destination (no BAA).
const { blocked, sent } = openPlanProbe('p7');
const page = pageOn;
const onHome = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Widget Used', properties, ...HOME_PAGE });
const trackOn = (path: string, event: string) => ({ type: 'track', event, ...pageOn(path) });

describe('areas reached through a CMS router', () => {
  it.each([
    ['a Drupal path on the root', '/?q=pay-your-bill'],
    ['an OpenCart or MediaWiki title', '/index.php?route=information/information&title=mychart-login'],
    ['a Joomla article id with its alias', '/index.php?option=com_content&view=article&id=31:lab-results&catid=2'],
    ['a Joomla numbered slug', '/index.php/component/content/article/27-patient-portal-login'],
    ['a SharePoint site collection', '/sites/Portal/SitePages/Inbox.aspx'],
    ['a SharePoint system page', '/_layouts/15/billing/pay.aspx'],
    ['a DotNetNuke tab name', '/Default.aspx?TabId=12&TabName=BillPay'],
    ['a booking flow’s last step in the query', '/schedule?step=confirmed'],
    ['a TYPO3 page alias', '/index.php?id=test-results&L=2'],
    ['an Oracle APEX page alias', '/apex/f?p=200:PAYBILL:99812'],
  ])('blocks %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });
});

describe('an event’s category, view or tab naming an area', () => {
  it.each([{ category: 'Pay Bill' }, { eventCategory: 'Patient Portal' }, { view: 'lab-results' }, { activeTab: 'rx_refill' }, { tab: 'test results' }])(
    'blocks %j', (properties) => {
      expect(blocked(onHome(properties))).toBe(true);
    },
  );

  it('keeps one-word display options and public categories', () => {
    for (const properties of [{ view: 'results' }, { view: 'calendar' }, { tab: 'messages' }, { tab: 'ratings' }, { category: 'Careers' }, { category: 'Video Engagement' }, { category: 'Billing FAQ' }]) {
      expect(blocked(onHome(properties))).toBe(false);
    }
  });
});

describe('frames with no address of their own', () => {
  it('reads the framing page of an about:srcdoc or about:blank frame, and a blob’s origin', () => {
    expect(blocked({ context: { page: { url: 'about:srcdoc', path: 'srcdoc', referrer: `${OPEN_SITE}/mychart/Messages` } } })).toBe(true);
    expect(blocked({ context: { page: { url: 'about:blank', path: 'blank', referrer: 'https://portal.example-health.org/' } } })).toBe(true);
    expect(blocked({ context: { page: { url: `blob:${OPEN_SITE}/pay-my-bill/5e1a`, path: '/pay-my-bill/5e1a' } } })).toBe(true);
    expect(blocked({ context: { page: { url: 'about:srcdoc', path: 'srcdoc', referrer: `${OPEN_SITE}/careers` } } })).toBe(false);
  });

  it('blocks a data: document (its content is its URL)', () => {
    expect(blocked({ context: { page: { url: 'data:text/html;base64,PHRpdGxlPkhpPC90aXRsZT4=' } } })).toBe(true);
  });
});

describe('booking care on a condition’s page', () => {
  it.each([
    ['a booking step under the condition', '/conditions/crohns-disease/book-online'],
    ['a second opinion request', '/cancer-center/leukemia/second-opinion'],
    ['a scheduling page naming the treatment', '/services/methadone-maintenance/scheduling'],
  ])('blocks %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });

  it('blocks a scheduling event on a condition page', () => {
    expect(blocked(trackOn('/conditions/bipolar-disorder', 'Request Appointment Clicked'))).toBe(true);
    expect(blocked(trackOn('/services/gender-affirming-care', 'consultation_booked'))).toBe(true);
  });

  it('refuses `when` on a host rule (it reads paths and event names)', () => {
    const path = writeConfig(`
version: 1
blocked_hosts:
  - { name: x, regex: "^book\\\\.", when: sensitive }
`);
    expect(() => compileRules(loadConfig(path).rules, { dataDir: tempDir() })).toThrow(/blocked_hosts\.0\.when/);
  });

  it('keeps booking on a public page, and the condition page without a booking step (withheld)', () => {
    expect(blocked(page('/schedule-a-visit'))).toBe(false);
    expect(blocked(trackOn('/locations/north-campus', 'Appointment Requested'))).toBe(false);
    const out = sent(trackOn('/conditions/crohns-disease', 'Video Played'));
    expect(out).not.toMatch(/crohn/i);
  });
});

describe('flows and forms not named before', () => {
  it.each([
    ['a video visit’s join link', '/virtual-visit/join?id=77'],
    ['a telemedicine room', '/tele/room/4411'],
    ['a refill at depth', '/pharmacy/quick-refill'],
    ['a refill by number', '/refill-by-rx-number'],
    ['a prescription transfer', '/prescription-transfer/new'],
    ['pre-registration', '/pre-register/step-1'],
    ['pre-admission', '/surgery/pre-admission-form'],
    ['an online form', '/digital-forms/medical-release'],
    ['a price estimate for a procedure', '/cost-estimate?cpt_code=29881'],
    ['an estimator', '/patient-cost-estimator'],
    ['a symptom checker', '/check-my-symptoms'],
    ['a self-assessment', '/mental-health/self-screening/step-2'],
    ['a risk score', '/heart-risk-calculator/score'],
    ['trial enrolment', '/clinical-trials/nct0099/eligibility-check'],
    ['an advance directive being filled in', '/advance-directives/start'],
    ['a power of attorney form', '/forms/durable-power-of-attorney'],
    ['a HIPAA release', '/hipaa-release-form'],
  ])('blocks %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });

  it.each([
    ['Italian', '/it/pagare-il-ticket'],
    ['German', '/de/laborbefund'],
    ['Japanese', `/ja/${encodeURIComponent('処方せんの更新')}`],
    ['Persian', `/fa/${encodeURIComponent('پورتال-بیماران')}`],
    ['Somali', '/so/natiijooyinka-baaritaanka'],
    ['Hindi (romanized)', '/hi/jaanch-report'],
    ['Haitian Creole', '/ht/potay-pou-pasyan'],
    ['Amharic', `/am/${encodeURIComponent('የላብራቶሪ-ውጤት')}`],
  ])('blocks an area named in %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });
});

describe('wrapped links, screen constants', () => {
  it('blocks a page reached through link protection', () => {
    expect(blocked(pageAt(`https://urldefense.com/v3/__${OPEN_SITE}/test-results__;!!x9$`))).toBe(true);
    expect(blocked(pageAt('https://urldefense.proofpoint.com/v2/url?u=https-3A__www.example-2Dhealth.org_rx-2Drefill&d=x'))).toBe(true);
    expect(blocked(pageAt(`https://href.li/?${OPEN_SITE}/mychart/`))).toBe(true);
  });

  it.each(['SCREEN_LAB_RESULTS', 'pay.bill.screen', 'view/portal/messages', 'CHECK-IN-STEP-3', 'scr_rx_refill'])('blocks the screen %s', (name) => {
    expect(blocked({ type: 'screen', name })).toBe(true);
  });

  it('keeps public screens spelled the same way', () => {
    for (const name of ['SCREEN_HOME', 'locations.list.screen', 'NEWS-STEP-1']) expect(blocked({ type: 'screen', name })).toBe(false);
  });
});

describe('public pages with the same words', () => {
  it('keeps billing policies, portal information and public lists', () => {
    for (const path of ['/billing/financial-policies', '/billing/charity-care', '/bills/faq', '/payments/insurance-plans-accepted', '/patient-portal-faq', '/about-our-patient-portal',
      '/mychart-information', '/research/clinical-trials', '/advance-care-planning', '/sites/Careers/SitePages/Home.aspx', '/?q=news/2026', '/blog/refill-your-water-bottle-challenge',
      '/events/2026-health-fair', '/classes/online-registration-help', '/index.php?id=visiting-hours', '/?id=40521',
      '/careers/patient-registration-representative', '/blog/how-to-get-an-estimate', '/news/2026/self-assessment-tool-launch']) {
      expect(blocked(page(path))).toBe(false);
    }
  });

  it('still blocks the billing area’s own pages', () => {
    for (const path of ['/billing/pay', '/billing/statements/2231', '/payments/new']) expect(blocked(page(path))).toBe(true);
  });
});
