import { describe, expect, it } from 'vitest';
import { HOME_PAGE, OPEN_SITE, openPlanProbe, pageAt, pageOn } from '../helpers/open-plan.js';

// Sensitive-page classes found by a blind red-team pass (.tmp/h41/gen.mjs, written without reading
// the rules): other health systems' and vendors' names for the same areas (compound portal names,
// a booking flow's last step, check-in and questionnaires at any depth, bill-pay, check-in and
// video-visit vendors), single-page apps routed by `view`/`section` on the home page, a Segment
// page's `category`, titles that name the area in other words, and fertility and gender-care terms.
// Each test uses its own spellings, not the generator's; every event goes to the open destination
// (no BAA).
const { blocked, sent } = openPlanProbe('p5');
const at = pageAt;
const page = pageOn;
const home = HOME_PAGE;
const titled = (title: string) => ({ context: { page: { path: '/app', url: `${OPEN_SITE}/app`, title } } });

describe('the same areas under other health systems’ names', () => {
  it.each([
    ['a portal under a product name', '/athena-portal/letters'],
    ['a portal sign-in page', '/portal-signin'],
    ['a booking flow’s last step', '/schedule-online/appointment-confirmed'],
    ['a booked appointment', '/bookings/booked'],
    ['a questionnaire', '/new-patient-questionnaire'],
    ['an intake form at depth', '/forms/online-intake'],
    ['a check-in at depth', '/visit/mobile-check-in'],
    ['a screening instrument', '/behavioral-health/gad-7'],
    ['a pay-online page at depth', '/billing-services/pay-now'],
    ['a financial assistance application', '/financial-assistance/apply-online'],
    ['a pharmacy enrolment', '/home-infusion-pharmacy/enrollment'],
    ['a transfer of a prescription', '/transfer-my-prescription'],
    ['an imaging report', '/radiology/reports/551'],
    ['a pathology report', '/my-pathology-results'],
    ['a video visit queue', '/express-video-visits/queue'],
    ['a bill-pay vendor path', '/instamed/guest'],
  ])('blocks %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });

  it.each(['https://secure7.paymentus.com/rotp/abc', 'https://drjones.doxy.me/', 'https://clearwave.com/checkin/x', 'https://scheduling.example-health.org/done'])('blocks a vendor’s or scheduling subdomain’s page %s', (url) => {
    expect(blocked(at(url))).toBe(true);
  });

  it('keeps job postings, articles and public pages with the same words', () => {
    for (const path of ['/careers/jobs/pharmacy-technician-ii', '/blog/what-your-lab-results-mean', '/news/telehealth-expansion', '/telehealth', '/pharmacy/hours',
      '/careers-portal-faq', '/classes/childbirth-prep-class', '/schedule-an-appointment', '/services/imaging', '/volunteer/check-in-desk-role',
      '/about/quality/dashboard', '/my-journey/home', '/blog/questionnaire-design-tips', '/research/trial-results', '/patients-visitors/check-in-locations']) {
      expect(blocked(page(path))).toBe(false);
    }
  });
});

describe('single-page apps and Segment page calls', () => {
  it('blocks the home page routed by view or section', () => {
    expect(blocked(page('/?view=my-bills'))).toBe(true);
    expect(blocked(page('/index.php?section=lab-results'))).toBe(true);
  });

  it('keeps a directory page with a view option', () => {
    expect(blocked(page('/find-a-doctor?view=results'))).toBe(false);
    expect(blocked(page('/locations?section=test-results'))).toBe(false);
  });

  it('blocks a page whose Segment category names the area', () => {
    expect(blocked({ ...home, type: 'page', name: 'Detail', category: 'Lab Results' })).toBe(true);
    expect(blocked({ ...home, type: 'page', name: 'Step 2', category: 'Online Check-In' })).toBe(true);
    expect(blocked({ ...home, type: 'page', name: 'Westside', category: 'Locations' })).toBe(false);
  });

  it.each(['Your Lab Results | Example Health', 'Renew a Prescription - Example', 'Express Check-In', 'Virtual Visit Lobby', 'My Billing Summary'])('blocks a page titled %s', (title) => {
    expect(blocked(titled(title))).toBe(true);
  });
});

describe('fertility and gender-care pages', () => {
  it.each([['/womens-health/egg-freezing', /egg-freezing/], ['/fertility-preservation-program', /fertility-preservation/], ['/lgbt-health/top-surgery', /top-surgery/]])('%s is not sent', (path, term) => {
    const out = sent(page(path));
    expect(out).not.toMatch(term);
    expect(out).toContain('health_topic');
  });

  it('an event naming the service is renamed', () => {
    const out = sent({ ...home, type: 'track', event: 'Egg Freezing Consult Booked' });
    expect(out).not.toMatch(/egg/i);
  });
});
