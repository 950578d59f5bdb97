import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 32 (H159): virtual care and patient messaging. Video visits joined and their waiting rooms, e-visits, secure
// messages, a patient's notices followed from a campaign, remote monitoring readings, an app's screens named with no page,
// and titles with a badge or an ampersand. Every event goes to the open destination (no BAA); the spellings are the tests' own.
const { blocked } = openPlanProbe('p32');
const titled = (path: string, title: string, properties: Record<string, unknown> = {}) =>
  ({ properties, context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });
const tracked = (event: string, path = '/about', properties: Record<string, unknown> = {}) => ({ type: 'track', event, properties, ...pageOn(path) });
const appTrack = (event: string, properties: Record<string, unknown> = {}) =>
  ({ type: 'track', event, properties, context: { app: { name: 'Acme Health', version: '3.1.0' } } });
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe('virtual visits and e-visits', () => {
  it('blocks a visit joined, a waiting room entered and an e-visit sent or a consultation started, by name', () => {
    expectAll(['Visit Joined', 'video_visit_joined', 'Joined the Virtual Appointment', 'Entered Waiting Room', 'virtual_waiting_room_opened',
      'Visit Lobby Entered', 'E-Visit Submitted', 'online_consultation_completed', 'Consultation Started'].map((e) => tracked(e)), true);
  });
  it('lets webinars, videos and forms flow by name', () => {
    expectAll(['Session Joined', 'Video Started', 'Webinar Joined', 'Form Started', 'Visit Scheduled Clicked', 'Room Tour Started'].map((e) => tracked(e)), false);
  });
  it("blocks an e-visit's or e-consult's pages at the root, not its public pages", () => {
    expectAll(['/e-visits/sinus-infection/questions/2', '/evisit/complete', '/econsults/new', '/e-consultation/start/rash'].map(pageOn), true);
    expectAll(['/e-visits/faq', '/evisit/pricing', '/e-visits/how-it-works', '/e-visits', '/blog/e-visits-explained'].map(pageOn), false);
  });
});

describe('secure messages', () => {
  it('blocks a message named inbox first, as a class name, a path or a title with an unread badge', () => {
    expectAll([{ type: 'screen', name: 'InboxMessagePage' }, { type: 'screen', name: 'MailboxThreadScreen' }, pageOn('/secure-mail/4471'),
      pageOn('/portal-x/inbox-messages/12'), titled('/', 'Inbox (12) | Acme Health'), titled('/', '(3) Messages - Acme'), titled('/', 'Inbox [4]')], true);
  });
  it('lets a contact page and a newsletter inbox flow', () => {
    expectAll([titled('/contact-us', 'Contact Us (2 minutes) | Acme'), pageOn('/newsletter/inbox-tips'), titled('/', 'Acme Health (Official Site)'),
      tracked('Message Sent', '/contact-us', { form_id: 'contact' })], false);
  });
});

describe("a patient's notice followed from a campaign", () => {
  it('blocks a public page reached from an appointment reminder, a refill alert or a results notice', () => {
    const at = (q: string) => pageOn(`/locations/east?${q}`);
    expectAll([at('utm_source=sms&utm_campaign=appointment-reminder'), at('utm_campaign=Rx%20Refill%20Reminder'), at('utm_content=lab_results_ready'),
      at('utm_campaign=bill-due-notice&utm_medium=email'), { ...pageOn('/'), context: { page: { path: '/', url: `${OPEN_SITE}/` }, campaign: { name: 'new-message-notification' } } }], true);
  });
  it('lets seasonal and general campaigns flow', () => {
    expectAll(['utm_campaign=flu-shot-reminder', 'utm_campaign=fall-checkup-reminder', 'utm_campaign=newsletter&utm_content=visiting-hours',
      'utm_campaign=results-driven-care'].map((q) => pageOn(`/locations/east?${q}`)), false);
  });
});

describe('remote patient monitoring', () => {
  it("blocks one's readings uploaded, listed or logged, by path, screen and event", () => {
    expectAll([pageOn('/rpm/readings/upload'), pageOn('/home-monitoring/dashboard'), pageOn('/my-vitals'), pageOn('/readings/history'),
      { type: 'screen', name: 'MeasurementsHistoryScreen' }, tracked('Reading Submitted'), appTrack('Glucose Measurement Synced'), appTrack('bp_logged')], true);
  });
  it("lets the program's public pages and other readings flow", () => {
    expectAll([pageOn('/remote-patient-monitoring'), pageOn('/services/remote-monitoring'), pageOn('/chapel/daily-readings'),
      tracked('Article Read'), tracked('Reading List Viewed')], false);
  });
});

describe("an app's screen named with no page", () => {
  it("reads an app's screen name with no page, or the root its web view fills in, as the member's page", () => {
    expectAll([appTrack('Screen Viewed', { screen_name: 'Explanation of Benefits' }), tracked('Screen Viewed', '/', { screen_name: 'Claims History' }),
      { type: 'screen', name: 'ID Card', properties: {} }], true);
  });
  it('lets public screens flow there unless the member is signed in', () => {
    expectAll([appTrack('Screen Viewed', { screen_name: 'Find a Doctor' }), appTrack('Screen Viewed', { screen_name: 'Home' }),
      { type: 'screen', name: 'Locations', properties: {} }, tracked('Screen Viewed', '/about', { screen_name: 'Explanation of Benefits' })], false);
  });
});

describe('titles on a signed-in shell', () => {
  it('reads an ampersand as `and` and a signed-in member’s `Your …` as the object it names', () => {
    expectAll([titled('/app', 'Claims & Benefits | Acme Plan', { logged_in: true }), titled('/app', 'Claims &amp; Benefits', { logged_in: true }),
      titled('/app', 'Your Care Team | Acme', { logged_in: true }), titled('/app', 'Your Claims', { logged_in: true })], true);
  });
  it('lets taglines and public titles with an ampersand flow', () => {
    expectAll([titled('/home', 'Acme | Your partner in care'), titled('/home', 'Acme | Your partner in care', { logged_in: true }),
      titled('/news-and-events', 'News & Events | Acme'), titled('/careers', 'Careers & Benefits at Acme')], false);
  });
});

describe('a bare /dashboard', () => {
  it("is the member's dashboard unless its title names a public one", () => {
    expectAll([pageOn('/dashboard'), titled('/dashboard', 'Dashboard | Acme Health'), titled('/dashboard', 'Acme Health'),
      titled('/dashboard', 'My Health Dashboard'), titled('/dashboard', 'Patient Dashboard'), titled('/dashboard', 'Quality Dashboard - My Account'),
      titled('/dashboard/messages', 'Community Health Dashboard'), titled('/my-dashboard', 'Quality Dashboard')], true);
    expectAll([titled('/dashboard', 'Community Health Dashboard | Acme'), titled('/dashboard', 'Quality & Safety Dashboard'),
      titled('/dashboard', 'COVID-19 Data Dashboard'), titled('/dashboard', 'Price Transparency Dashboard')], false);
  });
});
