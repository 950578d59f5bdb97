import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 38 (H188): a sensitive page named where the pack did not look. A form plugin's or a CMS's done step whose form,
// event, class or item is named only in the query; a conversion event (Meta's `Lead`, GA4's `generate_lead`, a form tool's
// `Form Submitted`) naming a form for a condition's care or sent from a condition's page; a service's bare referral form, a
// chart one keeps of one's own body, and a case submitted on a sensitive page. The same query keys, conversions and charts on
// public pages flow. Every event goes to the open destination (no BAA); the spellings are the tests' own.
const { blocked } = openPlanProbe('p39');
const tracked = (event: string, path = '/', properties: Record<string, unknown> = {}) => ({ type: 'track', event, properties, ...pageOn(path) });
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe('a done step named only in the query', () => {
  it('blocks an event, class or item signed up for by its query when it names a condition', () => {
    expectAll([pageOn('/events?event=stroke-survivors-circle&step=confirmation'), pageOn('/calendar?evt=9&event=grief-and-dementia-caregivers&rsvp=confirmed'),
      pageOn('/classes?class=type-2-diabetes-basics&status=registered'), pageOn('/es/eventos?evento=grupo-de-apoyo-de-cancer&paso=confirmacion'),
      pageOn('/programs?program=opioid-recovery-group&result=success'), pageOn('/forms?id=bipolar-disorder-screening&status=done')], true);
  });
  it("blocks a form named in the query beside a plugin's submit action, a submission's id or a done word in another key", () => {
    expectAll([pageOn('/wp-admin/admin-ajax.php?action=frm_ajax_submit&form=Book+a+PrEP+Visit'),
      pageOn('/node/412?webform=std_clinic_walk_in_request&sid=1207'), pageOn('/?page_id=55&form_id=eating-disorders-consult&submitted=yes'),
      pageOn('/thanks?formTitle=Suboxone%2520Clinic%2520Request'), pageOn('/index.php?option=com_forms&form=hepatitis-b-test-request&layout=thankyou'),
      pageOn('/contact?FormID=Gender-Clinic-Consult&status=booked')], true);
  });
  it("blocks a DotNetNuke control named for a booking or a refill done", () => {
    expectAll([pageOn('/Default.aspx?tabid=301&ctl=BookingConfirmed'), pageOn('/default.aspx?tabid=9&ctl=RxRefillConfirm')], true);
  });
  it('lets the same keys on public pages, public forms and a bare session id flow', () => {
    expectAll([pageOn('/events?event=spring-garden-party&step=confirmation'), pageOn('/classes?class=babysitting-basics-for-teens&status=open'),
      pageOn('/forms?id=photo-consent-release&status=done'), pageOn('/?page_id=55&form_id=email-newsletter&submitted=yes'),
      pageOn('/node/412?webform=volunteer_interest&sid=1207'), pageOn('/events?event=stroke-survivors-circle'), pageOn('/forms?id=bipolar-disorder-screening'),
      pageOn('/find-a-doctor?specialty=cardiology&sid=77ab'), pageOn('/Default.aspx?tabid=301&ctl=Terms')], false);
  });
});

describe("a conversion event's form", () => {
  it("blocks a lead, registration or application naming a form for a condition's care", () => {
    expectAll([tracked('Lead', '/', { content_name: 'Request a PrEP Consultation' }), tracked('CompleteRegistration', '/programs', { content_name: 'Alcohol Recovery Program Signup' }),
      tracked('SubmitApplication', '/apply', { content_name: 'Dialysis Patient Application' }), tracked('generate_lead', '/', { form_name: 'Request STI Testing' }),
      tracked('form_submit', '/locations', { form_id: 'bipolar-care-inquiry' }), tracked('Form Submitted', '/', { form: { title: 'Vasectomy Consult Request' } }),
      tracked('hs_form_submit', '/contact', { formName: 'Psychiatry New Patient Inquiry' }), tracked('form_submit', '/', { form_destination: 'https://www.example-health.org/weight-loss-surgery/consult/thank-you' })], true);
  });
  it("blocks any form but a newsletter's sent from a condition's page", () => {
    expectAll([tracked('Lead', '/services/opioid-addiction'), tracked('generate_lead', '/conditions/schizophrenia', { form_id: 'contact-us' }),
      tracked('Contact', '/services/hiv-care', { content_name: 'Call Us' })], true);
  });
  it("lets a public form, a newsletter, careers and volunteer forms, a story's form and a booking on a public page flow", () => {
    expectAll([tracked('Lead', '/conditions/lupus', { content_name: 'Monthly Newsletter' }), tracked('Lead', '/services/cardiology'),
      tracked('CompleteRegistration', '/events/golf-outing', { content_name: 'Golf Outing 2027' }), tracked('SubmitApplication', '/careers', { content_name: 'Psychiatric Nurse Application' }),
      tracked('CompleteRegistration', '/volunteer', { content_name: 'Hospice Volunteer Orientation' }), tracked('Lead', '/blog/living-with-anxiety'),
      tracked('generate_lead', '/', { form_name: 'Schedule a Visit' }), tracked('Lead', '/', { content_name: 'Gift Shop Order Inquiry' }),
      tracked('Video Played', '/services/opioid-addiction', { video_title: 'Meet the team' })], false);
  });
});

describe("passes 35 and 36's leftovers", () => {
  it("blocks a service's bare referral form, a chart of one's own body and a case submitted on a sensitive page", () => {
    expectAll([pageOn('/palliative-care/referral'), pageOn('/pediatrics/autism/referral'), pageOn('/pt/saude-mental/encaminhamento'),
      pageOn('/womens-health/cycle-chart'), pageOn('/neurology/seizure-chart/2026-11'), pageOn('/heart/my-bp-chart'), pageOn('/heart/bp-chart/add'),
      tracked('Case Submitted', '/oncology/multidisciplinary-clinic')], true);
  });
  it('lets referral programmes, reference charts, printables and a support case flow', () => {
    expectAll([pageOn('/palliative-care/referrals'), pageOn('/referral'), pageOn('/careers/referral'), pageOn('/blood-sugar-chart'),
      pageOn('/pediatrics/growth-charts'), pageOn('/womens-health/cycle-chart/printable'), pageOn('/gift-shop/size-chart'),
      tracked('Case Submitted', '/it-help-desk')], false);
  });
});

// H188's held set left `ctl=BillPayConfirm`; its class is a bill payment's done step run into the payment's own segment.
describe("a bill payment's done step in the payment's own segment", () => {
  it('blocks the payment done, whichever way the words are joined', () => {
    expectAll([pageOn('/pay-my-bill-thank-you'), pageOn('/patients/billpay-receipt'), pageOn('/PayBillSuccess'), pageOn('/online-bill-payment-confirmation'),
      pageOn('/es/billing/make-a-payment-complete'), pageOn('/bill-pay-submitted?ref=1')], true);
  });
  it("lets the payment's public help pages flow", () => {
    expectAll([pageOn('/bill-pay-faq'), pageOn('/bill-pay-options'), pageOn('/pay-bill-online-help'), pageOn('/billing-policies')], false);
  });
});

// A probe of DotNetNuke's `ctl=SendPassword` (blocked) found its class flowing in a path: recovering, resetting or activating
// one's own sign-in, in any spelling, is an account holder's page as the sign-in is.
describe("recovering or activating one's own sign-in", () => {
  it('blocks a password or username recovered, reset or changed, and an account unlocked or activated', () => {
    expectAll([pageOn('/send-password'), pageOn('/patients/lost-password.aspx'), pageOn('/PasswordRecovery'), pageOn('/forgot-user-name'),
      pageOn('/account-unlock?u=1'), pageOn('/activate-your-account'), pageOn('/set-password?token=abc'), pageOn('/es/restablecer-contraseña'),
      pageOn('/fr/mot-de-passe-perdu'), pageOn('/de/kennwort-vergessen')], true);
  });
  it('lets help pages, policies, articles and a job seeker’s account flow', () => {
    expectAll([pageOn('/help/password-reset-instructions'), pageOn('/password-requirements'), pageOn('/blog/forgot-your-password-heres-why'),
      pageOn('/careers/create-login'), pageOn('/change-of-address'), pageOn('/account-setup-guide')], false);
  });
});
