import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Pass 32's leftovers (H161, found by H159's held set): a visit's lobby named as a screen, a consultation flow under a
// treatment, a message read in a mailbox, bills on a signed-in app shell and a home screen's widget naming the member's
// own object. Every event goes to the open destination (no BAA); the spellings are the tests' own.
const { blocked } = openPlanProbe('p32b');
const titled = (path: string, title: string, properties: Record<string, unknown> = {}) =>
  ({ properties, context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });
const appTrack = (event: string, properties: Record<string, unknown> = {}) =>
  ({ type: 'track', event, properties, context: { app: { name: 'Acme Health', version: '3.1.0' } } });
const screen = (name: string) => ({ type: 'screen', name, properties: {} });
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe("a video visit's lobby", () => {
  it('blocks a lobby or waiting room named after the visit, as a screen, a class under any key or a path', () => {
    expectAll([screen('VisitLobbyActivity'), screen('AppointmentLobbyFragment'), screen('VirtualWaitingRoomScreen'),
      appTrack('Screen Viewed', { activity: 'com.acme.health.ui.telehealth.ConsultLobbyActivity' }), pageOn('/visit-lobby'), pageOn('/portal/telehealth-waiting-room')], true);
  });
  it("lets any other lobby and a waiting room's tour flow", () => {
    expectAll([screen('HotelLobbyActivity'), screen('GameLobbyFragment'), screen('LobbyScreen'), screen('WaitingRoomTourScreen'), pageOn('/virtual-care/how-it-works')], false);
  });
});

describe('a consultation flow under a treatment', () => {
  it('blocks a consultation, intake or follow-up on a page naming a condition or its treatment', () => {
    expectAll(['/treatments/hair-loss/consultation/step-4', '/erectile-dysfunction/consultation', '/followup/acne', '/follow-up/acne/photos',
      '/psoriasis/intake/2'].map(pageOn), true);
  });
  it("lets the treatment's public pages and a follow-up explained flow", () => {
    expectAll(['/treatments/hair-loss', '/hair-loss/consultation/faq', '/treatments/hair-loss/consultation-pricing', '/followup', '/free-consultation',
      '/cancer/follow-up'].map(pageOn), false);
  });
});

describe('a message read in a mailbox', () => {
  it('blocks a mailbox at the root and a message read, viewed or opened in one', () => {
    expectAll([pageOn('/mailbox/read?id=5512'), pageOn('/mailbox'), pageOn('/portal/inbox/view/12'), pageOn('/mail/read?id=9'),
      screen('MailboxReadScreen')], true);
  });
  it("lets a newsletter's and a blog's read pages flow", () => {
    expectAll([pageOn('/newsletter/read?id=9'), pageOn('/blog/read?id=9'), pageOn('/newsletter/inbox-tips'), pageOn('/contact/mail/details')], false);
  });
});

describe('bills on a signed-in app shell', () => {
  it("reads bills and payments as the member's, as claims are", () => {
    expectAll([titled('/app', 'Bills & Payments', { logged_in: true }), titled('/app', 'Bills &amp; Payments | Acme Plan', { logged_in: true }),
      titled('/app', 'Payments', { logged_in: true }), titled('/home', 'Account Balance', { logged_in: true }), pageOn('/member/bills-and-payments')], true);
  });
  it('lets public billing pages and a directory on a shell flow', () => {
    expectAll([titled('/billing-and-insurance', 'Billing & Insurance | Acme'), titled('/app', 'Find care'), pageOn('/billing-faq')], false);
  });
});

describe("a home screen's widget naming the member's own object", () => {
  it("blocks a card, tile or widget of one's prescriptions, results, appointments or bills, as a care team's card does", () => {
    expectAll([screen('PrescriptionsCardView'), screen('CareTeamCardView'), appTrack('Card Viewed', { screen: 'HomeScreen', card: 'PrescriptionsCardView' }),
      appTrack('Card Viewed', { card: 'LabResultsWidget' }), appTrack('Card Viewed', { card: 'UpcomingAppointmentsTile' }),
      appTrack('Card Viewed', { card: 'BillPayCardCell' }), screen('PrescriptionListCardView')], true);
  });
  it('lets a widget of a public object flow, and a card that is an object', () => {
    expectAll([screen('FindADoctorCardView'), appTrack('Card Viewed', { card: 'HealthNewsCardView' }), appTrack('Card Viewed', { card: 'LocationsTile' }),
      appTrack('Gift Card Purchased', { payment: 'GiftCard' })], false);
  });
});
