import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageAt, pageOn } from '../helpers/open-plan.js';

// Blind pass 37 (H187): care logistics. Where the visitor arranges or acts on their own care the event blocks (a walk-in
// queue's spot at its done step or status, a check-in done, a consent for one's own care signed, one's own procedure, supplies
// reordered, a care service enrolled in, a result about oneself, a test ordered); the public pages about all of these, the form
// to save a spot, `Spot Saved` (a booking's conversion, as `Appointment Booked`), cookie consents and generic content flow.
// Every event goes to the open destination (no BAA); the spellings are the tests' own.
const { blocked } = openPlanProbe('p38');
const tracked = (event: string, path = '/about', properties: Record<string, unknown> = {}) => ({ type: 'track', event, properties, ...pageOn(path) });
const appTrack = (event: string, properties: Record<string, unknown> = {}) =>
  ({ type: 'track', event, properties, context: { app: { name: 'Acme Health', version: '3.1.0' } } });
const screen = (name: string) => ({ type: 'screen', name, properties: {}, context: { app: { name: 'Acme Health', version: '3.1.0' } } });
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe("a walk-in queue's spot and a check-in", () => {
  it("blocks a spot saved or a waitlist joined at its done step, and one's place in line", () => {
    expectAll([pageOn('/walk-in-care/hold-your-spot/thank-you'), pageOn('/emergency-room/save-a-spot/success'),
      pageOn('/urgent-care/north/waitlist/confirmation'), pageOn('/minor-injury/virtual-queue/joined'),
      pageOn('/urgent-care/join-the-line/done'), pageOn('/express-care/your-place-in-line'), pageOn('/urgent-care/queue-position'),
      pageOn('/es/urgencias/reservar-su-lugar/gracias'), pageOn('/pt/fila-virtual/sucesso'), pageOn('/Urgent-Care/Waitlist/Status'),
      pageAt(`${OPEN_SITE}/#/hold-my-spot/confirmation`), screen('WaitlistStatusScreen')], true);
  });
  it('blocks a check-in done, an arrival and a queue position looked at, as events', () => {
    expectAll([tracked('Checked-In'), tracked('Mobile Check In Completed'), tracked('express_check_in_confirmed'),
      appTrack('patient_arrived'), tracked('Waitlist Status Viewed'), tracked('Line Position Refreshed')], true);
  });
  it('lets wait times, locations, the form to save a spot and a booking conversion flow', () => {
    expectAll([pageOn('/emergency-room/wait-times'), pageOn('/urgent-care/locations/north'), pageOn('/walk-in-care/hold-your-spot'),
      pageOn('/transplant/waitlist'), pageOn('/events/gala/waitlist/joined'), pageOn('/news/hold-your-spot-online-now'),
      tracked('Spot Saved', '/urgent-care'), tracked('Waitlist Joined', '/walk-in-care'), tracked('Wait Time Viewed'),
      tracked('Package Arrived')], false);
  });
});

describe('a consent for one\'s own care', () => {
  it('blocks a consent signed, accepted or at a step, a consent form and a consent under forms', () => {
    expectAll([pageOn('/telemedicine/consent/accept'), pageOn('/consents/procedure/e-sign'), pageOn('/sedation-consent/step-2'),
      pageOn('/immunizations/hpv/consent-form'), pageOn('/forms/treatment-consent'), pageOn('/es/consentimiento/aceptar'),
      pageOn('/de/einwilligung/unterschreiben'), screen('ConsentFormScreen')], true);
  });
  it('blocks the same as events', () => {
    expectAll([tracked('Treatment Consent Signed'), tracked('Telemedicine Consent Given'), tracked('consent_for_treatment_submitted'),
      tracked('Sign Telehealth Consent'), appTrack('anesthesia_consent_completed')], true);
  });
  it('lets the consent forms listing, cookie, marketing and photo consents flow', () => {
    expectAll([pageOn('/consent-forms'), pageOn('/patient-forms'), pageOn('/informed-consent'), pageOn('/privacy/cookie-consent/accept'),
      pageOn('/consent/cookies/accept'), pageOn('/forms/photo-release-consent'), pageOn('/news/new-e-consent/sign'),
      tracked('Cookie Consent Accepted'), tracked('Consent Accepted'), tracked('Marketing Consent Granted')], false);
  });
});

describe("one's own procedure and one's own supplies", () => {
  it("blocks one's own procedure, its instructions by id and its prep done", () => {
    expectAll([pageOn('/gi/my-colonoscopy/prep'), pageOn('/my-scheduled-surgery'), pageOn('/fr/mon-intervention/consignes'),
      pageOn('/your-upcoming-procedure/countdown'), pageOn('/discharge-instructions/A7731'), pageOn('/cardiology/my-prep-instructions'),
      screen('MySurgeryChecklistScreen'), tracked('Bowel Prep Reminder Set'), tracked('pre-op checklist item completed')], true);
  });
  it('blocks supplies reordered and the event', () => {
    expectAll([pageOn('/sleep/cpap-supplies/re-order'), pageOn('/insulin-pump/resupply/confirmation'), pageOn('/my-medical-supplies'),
      pageOn('/de/sensoren/nachbestellen'), tracked('CGM Sensors Reordered'), tracked('resupply_order_placed'), tracked('Reorder Supplies')], true);
  });
  it('lets public prep guides, first-person stories and the supplies and gift shop pages flow', () => {
    expectAll([pageOn('/colonoscopy/prep-instructions'), pageOn('/surgery/your-surgery/what-to-expect'), pageOn('/blog/my-colonoscopy-experience'),
      pageOn('/medical-supplies'), pageOn('/gift-shop/reorder'), pageOn('/shop/reorder/confirm'), tracked('Prep Video Played'),
      tracked('Order Completed', '/gift-shop')], false);
  });
});

describe('a care service enrolled in and a result about oneself', () => {
  it('blocks an enrolment, a care group\'s sign-up done and one\'s own programme', () => {
    expectAll([pageOn('/diabetes-prevention-program/enroll'), pageOn('/transitional-care/enrollment/step-1'),
      pageOn('/caregiver-support/sign-up/thank-you'), pageOn('/pulmonary-rehab/my-home-exercises'), pageOn('/es/programa-de-nutricion/inscribirse'),
      tracked('Care Management Enrollment Completed'), tracked('enrolled_in_program')], true);
  });
  it('blocks a deferral, a test ordered and a screening done', () => {
    expectAll([pageOn('/give-blood/eligibility/temporarily-deferred'), pageOn('/lab-tests/vitamin-d/order/thank-you'),
      tracked('Blood Test Ordered'), tracked('Hearing Screening Completed'), tracked('Donor Deferred')], true);
  });
  it('lets listings, how-to pages, careers, volunteers, newsletters and events flow', () => {
    expectAll([pageOn('/caregiver-support'), pageOn('/diabetes-prevention-program'), pageOn('/insurance/open-enrollment'),
      pageOn('/careers/benefits/enroll'), pageOn('/volunteer/apply/thank-you'), pageOn('/newsletter/enroll'), pageOn('/text-alerts/enroll'),
      pageOn('/events/5k/register/confirmation'), pageOn('/give-blood/eligibility'), pageOn('/lab-tests'),
      tracked('Newsletter Enrollment Completed'), tracked('Film Screening Registered')], false);
  });
});
