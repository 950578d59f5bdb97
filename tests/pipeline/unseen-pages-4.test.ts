import { describe, expect, it } from 'vitest';
import { HOME_PAGE as home, OPEN_SITE, openPlanProbe, pageAt as at, pageOn as page } from '../helpers/open-plan.js';
import { gtagToEvents } from '../../src/ingest/gtag.js';

// Sensitive-page classes found by a seventh red-team pass (.tmp/h37/gen.mjs): tracked events that
// name a sensitive object, CMS query routes, page context under a site's own keys, a patient's
// file as the page, subdomains that are the area, where the visitor came from under other keys,
// other languages, app screen classes, site search parameters, region locale tags, front
// controllers, and conditions named by campaigns, drugs and foreign words. Each test uses its own
// spellings, not the generator's; every event goes to the open destination (no BAA).
const { rows, blocked, sent } = openPlanProbe('p4');
const SITE = OPEN_SITE;
const track = (event: string) => ({ ...home, type: 'track', event });

describe('tracked events that name a sensitive object', () => {
  it.each(['Online Bill Payment Submitted', 'Prescription Renewal Requested', 'Care Team Message Sent', 'Imaging Results Viewed', 'rxTransferStarted',
    'medical_record_downloaded', 'Viewed My Test Results', 'Billing Statement Downloaded'])('blocks %s', (event) => {
    expect(blocked(track(event))).toBe(true);
  });

  it('keeps sign-in, sign-up, lead and booking conversions and generic actions', () => {
    for (const event of ['login', 'sign_up', 'generate_lead', 'Appointment Requested', 'Message Sent', 'Privacy Statement Viewed', 'Search Results Viewed', 'Bill Pay FAQ Viewed', 'purchase']) {
      expect(blocked(track(event))).toBe(false);
    }
  });
});

describe('blocked pages reached by CMS routes, front controllers and locale tags', () => {
  it.each([
    ['a Joomla component', '/index.php?option=com_myhealth'],
    ['a WordPress slug', '/?page_id=7&slug=guest-pay'],
    ['a Joomla article alias', '/index.php?option=com_content&alias=mychart-inbox'],
    ['a query inside the fragment', '/#?page=refill-request'],
    ['a front controller script', '/index.jsp/mychart/letters'],
    ['a region locale tag', '/en-CA/pay-my-bill'],
    ['a numeric region', '/es-419/mis-citas'],
  ])('blocks %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });

  it('keeps ordinary pages with the same shapes', () => {
    for (const path of ['/index.php?option=com_content&alias=parking', '/en-CA/services/cardiology', '/index.jsp/locations', '/#?page=careers', '/billing-faq', '/careers/pharmacy-technician']) {
      expect(blocked(page(path))).toBe(false);
    }
  });
});

describe('site search on a page of its own', () => {
  it('blocks a WordPress search and a search on the home page', () => {
    expect(blocked(page('/?s=suicide+hotline'))).toBe(true);
    expect(blocked(page('/?query=lump+in+breast'))).toBe(true);
  });

  it('keeps a directory filter and a Drupal route', () => {
    expect(blocked(page('/providers?search=garcia'))).toBe(false);
    expect(blocked(page('/?q=node/12'))).toBe(false);
  });
});

describe('a patient file or a portal subdomain as the page', () => {
  it.each(['/uploads/patients/99/mri-scan.jpg', '/documents/test-results/panel.pdf', '/files/patient-scans/knee.dcm'])('blocks %s', (path) => {
    expect(blocked(page(path))).toBe(true);
  });

  it.each(['https://pay.example-health.org/', 'https://refill.example-health.org/new', 'https://myportal-uk.example-health.org/'])('blocks %s', (url) => {
    expect(blocked(at(url))).toBe(true);
  });

  it('keeps public files and other subdomains', () => {
    expect(blocked(page('/uploads/brochures/visitor-guide.pdf'))).toBe(false);
    expect(blocked(at('https://careers.example-health.org/jobs'))).toBe(false);
    expect(blocked(at('https://payroll-help.example-health.org/'))).toBe(false);
  });
});

describe('the page named under the site’s own keys', () => {
  it.each([
    ['a section', { section: 'Patient Portal > Letters' }],
    ['a site area', { site_area: 'bill-pay' }],
    ['a text breadcrumb', { breadcrumb: 'Home > Pharmacy > Refills' }],
    ['a page template', { page_template: 'mychart-inbox' }],
  ])('blocks a page view whose %s names a blocked page', (_why, properties) => {
    expect(blocked({ ...home, properties })).toBe(true);
  });

  it.each([
    ['Segment context.referrer', { context: { ...home.context, referrer: { type: 'internal', url: `${SITE}/my-bills` } } }],
    ['a previous page path', { ...home, properties: { previous_page_path: '/patient-portal/letters' } }],
    ['a referrer routed by its fragment', { context: { page: { ...home.context.page, referrer: `${SITE}/#/refill-request` } } }],
  ])('blocks a page the visitor reached from a blocked page (%s)', (_why, event) => {
    expect(blocked(event)).toBe(true);
  });

  it('keeps a page reached from a public page, and ordinary sections', () => {
    expect(blocked({ ...home, properties: { previous_page_path: '/locations/north', section: 'News' } })).toBe(false);
  });
});

describe('app screens named by their class', () => {
  it.each(['RefillRequestActivity', 'LabResultsFragment', 'MyBillsViewController'])('blocks the screen %s', (name) => {
    expect(blocked({ type: 'screen', name, context: {} })).toBe(true);
  });

  it('blocks a screen_view whose screen class names a blocked screen, also from gtag', () => {
    expect(blocked({ type: 'track', event: 'screen_view', properties: { firebase_screen_class: 'MessagesActivity' }, context: {} })).toBe(true);
    const [hit] = gtagToEvents(new URLSearchParams({ v: '2', tid: 'G-X', cid: '1.2', en: 'screen_view', 'ep.screen_class': 'PayMyBillScreen' }), '').events;
    expect(rows(hit).every((r) => r.blocked !== undefined)).toBe(true);
  });

  it('keeps other screens', () => {
    for (const name of ['HomeActivity', 'FindADoctorFragment', 'LocationsViewController']) expect(blocked({ type: 'screen', name, context: {} })).toBe(false);
  });
});

describe('conditions named in other languages, abbreviations, drugs and campaigns', () => {
  it.each([['/fr/maladies/sante-mentale', /sante-mentale/], ['/de/themen/brustkrebs', /brustkrebs/], ['/pt/gravidez-de-risco', /gravidez/], ['/zh/aizheng', /aizheng/]])('%s is not sent', (path, term) => {
    const out = sent(page(path));
    expect(out).not.toMatch(term);
    expect(out).toContain('health_topic');
  });

  it('an abbreviated condition on a service page is not sent', () => {
    expect(sent(page('/services/obgyn'))).not.toMatch(/obgyn/);
    expect(sent(page('/services/cardiology'))).toContain('/services/cardiology');
  });

  it('a campaign naming a condition in the page URL keeps the URL, path and campaign from the vendor', () => {
    const out = sent({ context: { page: { path: '/services/primary-care', url: `${SITE}/services/primary-care?utm_campaign=anxiety-help-2026` }, campaign: { source: 'newsletter' } } });
    expect(out).not.toMatch(/anxiety/);
    expect(out).toContain('newsletter');
  });

  it('drug names in ecommerce items are not sent', () => {
    const out = sent({ ...home, type: 'track', event: 'Order Completed', properties: { items: [{ item_name: 'Lexapro 10mg', price: 4 }, { item_name: 'Wegovy pen', price: 9 }] } });
    expect(out).not.toMatch(/lexapro|wegovy/i);
    expect(sent({ ...home, type: 'track', event: 'Order Completed', properties: { items: [{ item_name: 'Parking Pass', price: 4 }] } })).toContain('Parking Pass');
  });
});
