import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 31's leftovers (H154): a member's or patient's single-page app whose URL never changes, named only by its
// title or a virtual page name; lists of one's own records; a patient's own lab requisition against a provider's blank
// one; booking events naming the service booked. Every event goes to the open destination (no BAA); the spellings are
// the tests' own.
const { blocked, sent } = openPlanProbe('p31b');
const titled = (path: string, title: string, properties: Record<string, unknown> = {}, fragment = '') =>
  ({ properties, context: { page: { path, url: `${OPEN_SITE}${path}${fragment}`, title } } });
const tracked = (event: string, path: string, properties: Record<string, unknown> = {}) => ({ type: 'track', event, properties, ...pageOn(path) });

describe("a member's or patient's app shell names its page by its title", () => {
  it('blocks own-record titles on a shell path, an empty hash route or a signed-in root', () => {
    const shells = [
      titled('/app', 'Claims | Acme Health Plan'),
      titled('/home', 'Find Care - Acme', { logged_in: true }),
      titled('/app', 'ID Card'),
      titled('/', 'Explanation of Benefits', {}, '#/'),
      titled('/index.html', 'Claims', {}, '#!/'),
      titled('/', 'Find Care | Acme Member', { is_logged_in: true }),
      titled('/', 'Coverage', { authStatus: 'Signed In' }),
      titled('/', 'Benefits Summary', { user: { loggedIn: 'yes' } }),
    ];
    for (const e of shells) expect(blocked(e), JSON.stringify(e.context.page)).toBe(true);
  });

  it('reads virtual page views and screen names there too', () => {
    expect(blocked({ type: 'track', event: 'virtual_pageview', properties: { virtualPageName: 'My Prescriptions' }, ...pageOn('/app') })).toBe(true);
    expect(blocked({ type: 'track', event: 'page_view', properties: { page_title: 'Explanation of Benefits', signed_in: 1 }, ...pageOn('/') })).toBe(true);
    // An app's event with no page at all, from a signed-in member.
    expect(blocked({ type: 'track', event: 'Screen Viewed', properties: { screen_name: 'Claims', login_state: 'logged_in' } })).toBe(true);
  });

  it('lets public pages with the same words, and a shell naming no one’s records, flow', () => {
    const pages = [
      titled('/explanation-of-benefits', 'Explanation of Benefits | Acme Health Plan'),
      titled('/find-care', 'Find Care | Acme Health Plan'),
      titled('/insurance/understanding-your-id-card', 'Understanding your ID card'),
      titled('/app', 'Download the Acme app'),
      // A directory on a shell nothing says is signed in (a public site's own app: the e2e site's `/app` is one).
      titled('/app', 'Find care'), titled('/home', 'Find a Doctor - Acme'), titled('/', 'Locations', {}, '#/'),
      titled('/home', 'Home | Example Health'),
      titled('/home', 'Example Health | Your partner in care'),
      titled('/', 'Example Health | Care close to home', {}, '#/'),
      // A public single-page site: the route is in the fragment, or nothing says the visitor is signed in.
      titled('/', 'Find a Doctor | Example Health', {}, '#/find-a-doctor'),
      titled('/', 'Find a Doctor | Example Health'),
      titled('/', 'Claims', { is_logged_in: false }),
    ];
    for (const e of pages) expect(blocked(e), JSON.stringify(e.context.page)).toBe(false);
    expect(blocked({ type: 'track', event: 'virtual_pageview', properties: { virtualPageName: 'Find a Location' }, ...pageOn('/') })).toBe(false);
    // A signed-in visitor's page view whose properties give a public page's own location is that page, not a shell.
    expect(blocked({ type: 'track', event: 'page_view', properties: { logged_in: true, page_path: '/find-a-doctor', page_title: 'Find a Doctor' } })).toBe(false);
    expect(blocked({ type: 'track', event: 'page_view', properties: { logged_in: true, page_location: `${OPEN_SITE}/find-a-doctor`, page_title: 'Find a Doctor' }, ...pageOn('/') })).toBe(false);
  });
});

describe('lists of own records', () => {
  it('blocks claims, EOB and results lists as paths and as app views (an acronym run into the next word too)', () => {
    for (const path of ['/claims/list', '/eob-list', '/explanation-of-benefits/all', '/results-list', '/member/claims/all']) {
      expect(blocked(pageOn(path)), path).toBe(true);
    }
    for (const name of ['EOBList', 'ClaimListView', 'EOBSummaryView']) {
      expect(blocked({ type: 'screen', name, properties: {} }), name).toBe(true);
    }
    expect(blocked(tracked('Claims List Viewed', '/about'))).toBe(true);
  });

  it("lets public lists, and a provider's claims list flow", () => {
    for (const path of ['/providers/claims/list', '/news/all', '/locations/list', '/race-results-list']) expect(blocked(pageOn(path)), path).toBe(false);
    for (const name of ['DoctorListView', 'NewsListView', 'FAQListView', 'EventsList']) expect(blocked({ type: 'screen', name, properties: {} }), name).toBe(false);
    expect(blocked(tracked('Search Results List Viewed', '/search-tips'))).toBe(false);
  });
});

describe('lab requisitions', () => {
  it("blocks a patient's own requisition and lets a provider's blank form flow", () => {
    for (const path of ['/my-requisitions/RQ-5520', '/your-lab-requisition', '/my-lab-orders']) expect(blocked(pageOn(path)), path).toBe(true);
    for (const path of ['/lab/requisition-form', '/providers/forms/lab-requisition.pdf', '/laboratory/requisition-forms']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe('a booking event naming the service booked', () => {
  it('goes as the booking with the service withheld, as Appointment Booked with a service property does', () => {
    const cases: [string, string][] = [
      ['HIV Test Appointment Booked', 'Appointment Booked'], ['STI Testing Scheduled', 'Appointment Scheduled'],
      ['PrEP Consultation Requested', 'Appointment Requested'], ['IVF Consult Confirmed', 'Appointment Confirmed'],
      ['covid_vaccine_scheduled', 'Appointment Scheduled'],
    ];
    for (const [event, as] of cases) {
      const out = sent(tracked(event, '/schedule'));
      expect(out, event).toContain(`"event_name":"${as}"`);
      expect(out, event).not.toMatch(/hiv|sti|prep|ivf|covid/i);
    }
    expect(sent(tracked('Appointment Booked', '/schedule', { service: 'HIV testing' }))).toContain('"event_name":"Appointment Booked"');
  });

  it('keeps names without a term whole, and other events naming a term are still generic', () => {
    for (const event of ['Flu Shot Booked', 'Vaccine Appointment Scheduled']) expect(sent(tracked(event, '/vaccines'))).toContain(`"event_name":"${event}"`);
    for (const event of ['Depression Guide Downloaded', 'Naloxone Kit Requested']) {
      expect(sent(tracked(event, '/about')), event).toContain('"event_name":"Health Content Interaction"');
    }
    // On a condition's page a booking is still blocked (OCR's guidance), whatever its name.
    expect(blocked(tracked('HIV Test Appointment Booked', '/conditions/hiv'))).toBe(true);
  });
});

describe('an appointment named before its cancelling or moving (H155 left it: app screens and paths)', () => {
  it("blocks one's own booking being cancelled or rescheduled, noun first, as a path or an app's screen", () => {
    for (const path of ['/appointment-cancel', '/appointment-reschedule', '/appointments-reschedule/123', '/visit-reschedule', '/booking-cancelled', '/es/booking-cancelled', '/appointments_cancelled']) {
      expect(blocked(pageOn(path)), path).toBe(true);
    }
    for (const name of ['AppointmentRescheduleDialog', 'AppointmentCancelModal']) expect(blocked({ type: 'screen', name, properties: {} }), name).toBe(true);
  });

  it('lets the public policy about cancelling flow', () => {
    for (const path of ['/appointment-cancellation-policy', '/patients/appointment-cancellation-policy', '/appointment-cancellation-fee', '/appointment-reschedule-faq']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});
