import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageAt } from '../helpers/open-plan.js';

// Blind pass 43 (H222): a page's view or tab named in its query, an admission form and a condition program's sign-up named in
// the pack's other languages or as a noun, a message written to one's care team under the page naming them, a booking
// vendor's host named for booking, and an app's web view named after a bill-pay vendor with its area after the name. Public
// pages of each shape flow. Each test uses its own spellings, not the held sets'; every event goes to the open destination.
const { blocked } = openPlanProbe('p44');
const APP = { app: { name: 'Example Health', version: '6.1.0' }, os: { name: 'iOS', version: '18' } };
const screen = (name: string) => ({ type: 'screen', name, properties: {}, context: APP });
const viewed = (properties: Record<string, unknown>) => ({ type: 'track', event: 'screen_view', properties, context: APP });
const site = (path: string) => pageAt(`https://www.example-health.org${path}`);
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe("a page's view, tab or panel named in its query", () => {
  it('blocks the area the view names, as a segment under the page, in words or in Pascal case', () => {
    expectAll([site('/patients/services?tab=TestResults'), site('/pharmacy?view=refill-request'), site('/care?section=test-results&utm_source=sms'),
      site('/account-center?panel=pay-my-bill')], true);
  });
  it("lets a directory's, a map's and a service page's display options flow", () => {
    expectAll([site('/find-a-doctor?view=results&tab=profile'), site('/locations?view=map'), site('/news?tab=latest'),
      site('/services/cardiology?section=overview'), site('/classes?view=schedule')], false);
  });
});

describe('an admission or new-patient form in French, Spanish, Portuguese, German or Italian', () => {
  it('blocks the form at any depth', () => {
    expectAll([site('/fr/patients/formulaire-d-enregistrement'), site('/pt/formulario-de-cadastro'), site('/de/patienten/patientenaufnahmebogen'),
      site('/it/modulo-di-ricovero'), site('/inscription-des-nouveaux-patients')], true);
  });
  it('lets the form as a file to download and a story about it flow', () => {
    expectAll([site('/documents/formulario-de-admision.pdf'), site('/noticias/formulario-de-ingreso-digital'), site('/fr/admissions')], false);
  });
});

describe("a condition program's sign-up named by a noun or in another language", () => {
  it('blocks the sign-up on the condition\'s page', () => {
    expectAll([site('/hepatitis-c-program/enrollment'), site('/de/hiv-sprechstunde/anmeldung'), site('/it/programma-hiv/iscrizione')], true);
  });
  it("lets a class listing's, an event listing's and a newsletter's registration flow", () => {
    expectAll([site('/classes/registration'), site('/eventos/inscripcion'), site('/conditions/cancer/newsletter/registration'), site('/careers/registration')], false);
  });
});

describe('a message written to one\'s care team under the page naming them', () => {
  it('blocks writing the message', () => {
    expectAll([site('/oncology/care-team/write-a-message'), site('/find-a-provider/dr-okafor/compose-a-message'), site('/pediatrics/your-doctor/new-message'), site('/nurse-line/ask-a-question')], true);
  });
  it("lets the site's contact form, a referring physician's and a story flow", () => {
    expectAll([site('/contact/send-message'), site('/referring-physicians/send-message'), site('/news/doctors/ask-a-question')], false);
  });
});

describe("a booking vendor's host named for booking", () => {
  it('blocks its pages whatever their path', () => {
    expectAll([pageAt('https://northbay.acuityscheduling.com/schedule.php'), pageAt('https://clinic-x.simplybook.me/v2/'),
      pageAt('https://www.schedulicity.com/scheduling/ABC123'), pageAt('https://online-booking.example-vendor.io/clinic')], true);
  });
  it("lets a hotel site's and a social site's pages flow", () => {
    expectAll([pageAt('https://www.booking.com/hotel/us/x.html'), pageAt('https://www.facebook.com/northbay')], false);
  });
});

describe("an app's web view named after a bill-pay vendor", () => {
  it('blocks the vendor alone or followed by its area', () => {
    expectAll([screen('RectangleHealthWebView'), screen('RectangleHealthBillPayWebViewController'), screen('InstaMedStatementWebView'),
      viewed({ screen_name: 'RectangleHealthInAppBrowser' })], true);
  });
  it('lets public content, a shop and a payroll web view flow', () => {
    expectAll([screen('HealthLibraryWebView'), screen('PatientStoriesWebView'), screen('PayPalCheckoutWebView'), screen('PayrollWebView')], false);
  });
});
