import { describe, expect, it } from 'vitest';
import { openPlanProbe } from '../helpers/open-plan.js';

// Blind pass 40 (H198): an app's screen named by its class with its package, a router's dotted state or route name, or an
// event's name that says a screen was viewed. The package after its reverse domain and app names the screen's area, a dotted
// state names segments, and the pack's page rules decide: one's own results, queue place, video visit, member card, messages
// and booking done block; public screens flow. Every event goes to the open destination (no BAA); the spellings are the tests'.
const { blocked } = openPlanProbe('p41');
const APP = { app: { name: 'Example Health', version: '4.0.1' }, os: { name: 'Android', version: '14' } };
const screen = (name: string) => ({ type: 'screen', name, properties: {}, context: APP });
const viewed = (properties: Record<string, unknown>, event = 'screen_view') => ({ type: 'track', event, properties, context: APP });
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe("a screen class's package", () => {
  it('blocks a screen whose package names a sensitive area, under a screen key, a class key or as a screen call', () => {
    expectAll([viewed({ activity: 'org.examplehealth.mobile.labwork.detail.SummaryActivity' }), screen('com.examplehealth.patientapp.feature.messaging.ThreadActivity'),
      viewed({ firebase_screen_class: 'com.examplehealth.patientapp.ui.results.HistoryFragment' }),
      viewed({ screen_class: 'com.examplehealth.patientapp.presentation.coverage.CardFragment' })], true);
  });
  it("lets public screens' packages, the app's own package and a class opening with its area's word flow", () => {
    expectAll([viewed({ activity: 'com.examplehealth.patientapp.ui.events.EventDetailActivity' }), screen('com.examplehealth.patient.ui.doctors.DoctorBioActivity'),
      viewed({ firebase_screen_class: 'com.examplehealth.patientapp.ui.pharmacy.PharmacyHoursFragment' }), viewed({ activity: 'com.examplehealth.patientapp.MainActivity' }),
      viewed({ screen_class: 'com.examplehealth.patientapp.ui.parking.ParkingMapFragment' })], false);
  });
});

describe("an app's own screens the web reads as public pages", () => {
  it("blocks one's result details, queue place, video visit and member card as the app's own", () => {
    expectAll([screen('ResultDetailViewController'), viewed({ screen_name: 'ImagingResultSummary' }), screen('WalkInQueueStatusScreen'),
      viewed({ firebase_screen_class: 'ErQueueFragment' }), screen('VideoCallRoomScreen'), viewed({ screen_name: 'TelemedicineSessionScreen' }),
      screen('CoverageCardScreen'), viewed({ firebase_screen_class: 'DigitalIdCardFragment' })], true);
  });
  it('lets a screen about video visits or the queue, a class schedule and a doctor directory flow', () => {
    expectAll([screen('VideoVisitFaqScreen'), screen('VirtualQueueHowItWorksScreen'), screen('ClassCalendarScreen'), screen('DoctorDirectoryScreen'),
      viewed({ screen_name: 'GiftCardScreen' })], false);
  });
});

describe("a router's dotted state, a route name and a viewed screen's event name", () => {
  it("blocks a dotted state or a route's name naming one's own matter, and a viewed screen's name", () => {
    expectAll([viewed({ screen_name: 'labs.result' }), viewed({ firebase_screen: 'inbox.thread' }), viewed({ currentRouteName: 'ComposeMessage' }, 'Navigation State Change'),
      viewed({ routeName: 'VirtualQueuePosition' }, 'Route Changed'), viewed({}, 'Viewed Appointment Scheduled Screen'), viewed({}, 'Viewed Telehealth Room Screen')], true);
  });
  it('lets public dotted states, route names and viewed screens flow', () => {
    expectAll([viewed({ screen_name: 'locations.map' }), viewed({ currentRouteName: 'DoctorSearch' }, 'Navigation State Change'),
      viewed({}, 'Viewed Home Screen'), viewed({}, 'Viewed Class Schedule Page'), viewed({ screen_name: 'news.article' }), viewed({ screen_name: 'patient.education' }),
      // A web page's dotted name is not an app's route: the patients' education section is not `/patient/…`.
      { type: 'page', properties: { pageName: 'patient.education' }, context: { page: { path: '/learn', url: 'https://www.example-health.org/learn' } } }], false);
  });
  it("blocks a router's route object naming one's own screen, by its name, an Expo Router path or a Compose route", () => {
    expectAll([viewed({ route: { name: 'WaitlistPosition', key: 'WaitlistPosition-a81Kd', params: {} } }, 'Screen Viewed'),
      viewed({ route: { name: '(app)/(tabs)/results/[resultId]', params: { resultId: '5' } } }, 'Screen Viewed'),
      viewed({ route: { name: 'visits/{visitId}/summary', params: {} } }, 'Screen Viewed'), viewed({ name: 'VideoRoom', params: { roomId: 'x' } }, 'Route Changed')], true);
  });
  it("lets public route objects and Expo Router's public paths flow", () => {
    expectAll([viewed({ route: { name: 'ProviderList', key: 'ProviderList-Zq81', params: {} } }, 'Screen Viewed'),
      viewed({ route: { name: '(tabs)/locations/[locationId]', params: { locationId: '3' } } }, 'Screen Viewed')], false);
  });
  it('blocks an account edited verb first, as its own page is', () => {
    expectAll([screen('UpdateProfileScreen'), { type: 'page', context: { page: { path: '/manage-account', url: 'https://www.example-health.org/manage-account' } } }], true);
  });
  it('blocks a booking done run into one segment on the web, as its segments do', () => {
    expectAll([{ type: 'page', context: { page: { path: '/appointment-booked', url: 'https://www.example-health.org/appointment-booked' } } }], true);
  });
});
