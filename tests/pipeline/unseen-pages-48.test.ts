import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageAt } from '../helpers/open-plan.js';

// Probe 48 (H248): a visitor's own areas under names the rules had not seen, found by a probe of ~1,700 page, screen and track
// events through the bundled configuration; each class with its public pages kept. Every event goes to the open destination.
const { blocked } = openPlanProbe('p48');
const site = (path: string) => pageAt(`https://www.example-health.org${path}`);
const expectAll = (paths: string[], want: boolean) => { for (const p of paths) expect(blocked(site(p)), p).toBe(want); };
const tracked = (event: string) => ({ type: 'track', event, ...site('/') });

describe('insurance cards and one\'s own insurance', () => {
  it('blocks a card uploaded, scanned or changed, and one\'s insurance on file', () => {
    expectAll(['/insurance/upload-card', '/insurance/card/front', '/my-insurance', '/billing/insurance/add', '/photo-id-upload',
      '/es/subir-tarjeta-de-seguro', '/es/seguro/actualizar'], true);
  });
  it('lets the plans a site accepts flow', () => expectAll(['/insurance', '/insurance/accepted-plans', '/insurance/plans-we-accept'], false));
});

describe('dashboards, records requests, messages, video visits, balances, accounts, bookings, viewers, prescriptions', () => {
  it('blocks each under its other names', () => {
    expectAll(['/patient-dashboard', '/patient-access/dashboard', '/es/mi-panel',
      '/patients-visitors/medical-records/request', '/health-information-management/request-form', '/request-imaging-records',
      '/contact-my-care-team/message', '/ask-my-doctor/send', '/communication-center/inbox', '/chat-with-my-nurse',
      '/join-video-visit', '/video-visit/join-now', '/virtual-urgent-care/start-visit', '/on-demand-care/start',
      '/account-balance', '/payment-history', '/set-up-payment-plan', '/e-statements', '/es/mi-saldo', '/billing-account',
      '/self-enroll', '/enroll/activation-code', '/create-account', '/two-step-verification',
      '/booking-complete', '/appointments/add-to-calendar', '/es/mi-cita',
      '/results-viewer', '/patient-results', '/radiology/images/view', '/problem-list',
      '/es/farmacia/reabastecer-receta', '/es/resurtido', '/pharmacy/new-prescription/upload', '/meds-to-beds/request'], true);
  });
  it('lets the pages about them flow', () => {
    expectAll(['/patient-access', '/medical-records/how-to-request', '/ask-a-nurse', '/video-visit-instructions', '/payment-plan',
      '/careers/create-account', '/your-appointment', '/meds-to-beds', '/health-issues', '/blog/problem-list-explained', '/visitors/family-access'], false);
  });
});

describe('sign-in pages that are no patient\'s', () => {
  it('lets a job seeker\'s, volunteer\'s, referring physician\'s, staff member\'s and student\'s sign-in flow', () => {
    expectAll(['/careers/login', '/jobs/forgot-password', '/volunteer/login', '/physician-portal/login', '/staff/login', '/students/login', '/cme/login'], false);
  });
  it('still blocks a patient\'s', () => expectAll(['/login', '/patients/login', '/billing/login'], true));
});

describe('portal actions named as a tracked event', () => {
  it('blocks a sign-in done, a payment, a statement, a card uploaded, records downloaded, a visit cancelled', () => {
    for (const e of ['Logged In', 'login_success', 'Password Reset', 'Payment Submitted', 'bill_pay_success', 'Statement Viewed',
      'Insurance Card Uploaded', 'Records Downloaded', 'refill_request_submit', 'Appointment Cancelled', 'Appointment Rescheduled', 'My Statement Viewed']) {
      expect(blocked(tracked(e)), e).toBe(true);
    }
  });
  it('lets conversions and ordinary events flow', () => {
    for (const e of ['Login', 'Logged Out', 'Appointment Requested', 'Appointment Booked', 'Booking Completed', 'Donation Completed',
      'Newsletter Signup', 'Insurance Checked', 'Eligibility Checked', 'Sign In Clicked', 'Privacy Statement Viewed']) {
      expect(blocked(tracked(e)), e).toBe(false);
    }
  });
});

describe('subdomains that are the area itself', () => {
  it('blocks sign-in, bill, registration, visit and results hosts', () => {
    for (const host of ['login', 'sso', 'ebill', 'paymybill', 'prereg', 'telemed', 'pacs']) {
      expect(blocked(pageAt(`https://${host}.example-health.org/`)), host).toBe(true);
    }
  });
  it('lets a video library and the main site flow', () => {
    for (const host of ['video', 'www', 'accounts']) expect(blocked(pageAt(`https://${host}.example-health.org/`)), host).toBe(false);
  });
});

describe("a Segment page's category and name", () => {
  const categorised = (category: string, name: string) => ({ ...site('/app'), name, category });
  it('blocks a public area\'s page that is a visitor\'s own, as its path does', () => {
    for (const [c, n] of [['Telehealth', 'Room'], ['Scheduling', 'Confirmation'], ['Insurance', 'Upload']]) expect(blocked(categorised(c, n)), `${c}/${n}`).toBe(true);
  });
  it('lets the area\'s public pages flow', () => {
    for (const [c, n] of [['Telehealth', 'What to Expect'], ['Services', 'Orthopedics'], ['Insurance', 'Plans We Accept']]) expect(blocked(categorised(c, n)), `${c}/${n}`).toBe(false);
  });
});

describe("an app's screens", () => {
  const screen = (name: string) => ({ type: 'screen', name });
  it('blocks a video visit\'s room, a sign-in and record sharing', () => {
    for (const n of ['TwilioRoomView', 'ZoomMeetingActivity', 'BiometricLoginScreen', 'PinEntryScreen', 'OnboardingActivationCode', 'ShareEverywhereScreen']) {
      expect(blocked(screen(n)), n).toBe(true);
    }
  });
  it('lets public screens and pages about meetings flow', () => {
    for (const n of ['HomeScreen', 'FindADoctorScreen', 'LocationsMapScreen']) expect(blocked(screen(n)), n).toBe(false);
    expectAll(['/zoom-meeting-tips', '/events/zoom-webinar'], false);
  });
});

describe("a donor's payment", () => {
  it('flows, while a patient\'s still blocks', () => {
    expectAll(['/giving/make-a-payment'], false);
    expectAll(['/make-a-payment', '/billing/make-a-payment', '/patients/pay-bill'], true);
  });
});
