import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 35 (H182): a patient's own plans, referrals, records and requests. An action on one's own matter blocks (a
// treatment, safety or care plan accepted, edited or opened; a referral's form and its sending; records, images or a case
// sent in for a second opinion or a tumor board; a HIPAA rights request; a complaint being filed; a ride to one's care; an
// organ donor registered; a chaplain asked for); reading about it flows. Every event goes to the open destination (no BAA);
// the spellings are the tests' own.
const { blocked } = openPlanProbe('p36');
const titled = (path: string, title: string) => ({ properties: {}, context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });
const tracked = (event: string, path = '/about', properties: Record<string, unknown> = {}) => ({ type: 'track', event, properties, ...pageOn(path) });
const screen = (name: string) => ({ type: 'screen', name, properties: {}, context: { app: { name: 'Example Health' } } });
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe("a patient's own plan", () => {
  it('blocks a treatment, safety, crisis or discharge plan acted on, at any depth, with a possessive, as a screen and in other languages', () => {
    expectAll([pageOn('/periodontics/treatment-plan/approval'), pageOn('/psychiatry/safety-plans/9931'), pageOn('/crisis-plan/update'),
      pageOn('/inpatient/discharge-plan/acknowledge'), pageOn('/cancer-center/survivorship-care-plan/print'), pageOn('/pediatrics/my-asthma-action-plan'),
      pageOn('/es/plan-de-cuidados/firmar'), pageOn('/pt/meu-plano-de-tratamento'), pageOn('/recovery/my-plan'), titled('/app', 'Edit Your Safety Plan'),
      screen('DischargePlanScreen'), screen('TreatmentPlanApproveFragment'), pageOn('/occupational-therapy/plan-of-care/approve')], true);
    expectAll([tracked('Discharge Plan Acknowledged'), tracked('safety_plan_updated'), tracked('Viewed My Care Plan'), tracked('Recovery Plan Created')], true);
  });
  it('lets planning services, visit planning, accepted insurance plans and how-to articles flow', () => {
    expectAll([pageOn('/dental/treatment-planning'), titled('/occupational-therapy/plan-of-care', 'Your Plan of Care'), pageOn('/plan-your-visit/parking'), pageOn('/insurance/health-plans-we-accept'),
      pageOn('/behavioral-health/crisis-plan'), pageOn('/asthma/action-plan/download'), pageOn('/community-health/action-plan'),
      titled('/learn/safety-plans', 'How to Review Your Safety Plan'), tracked('Plan Selected'), tracked('Action Plan Downloaded'),
      tracked('Strategic Plan Downloaded')], false);
  });
});

describe("a referral's form and its sending", () => {
  it('blocks a referral form, its steps and done step, a self-referral, and a referral form named by a plugin', () => {
    expectAll([pageOn('/palliative/referral/start'), pageOn('/home-care/referral-form/step-2'), pageOn('/refer-a-loved-one/thank-you'),
      pageOn('/audiology/self-referral'), pageOn('/hospice/submit-a-referral'), pageOn('/es/cuidados-en-el-hogar/referencia/enviar'),
      pageOn('/#/referrals/start')], true);
    expectAll([tracked('Hospice Referral Sent'), tracked('referral_request_submitted'), tracked('Submit Referral'),
      tracked('gform_submission', '/home-care', { form_title: 'Home Care Referral Form' })], true);
  });
  it("lets a service's referrals page, provider guides, careers and employee referrals flow", () => {
    expectAll([pageOn('/hospice/referrals'), pageOn('/for-clinicians/how-to-refer-a-patient'), pageOn('/careers/refer-a-friend/submit'),
      pageOn('/employee-referral/submitted'), pageOn('/physician-referral-service'), pageOn('/blog/how-to-make-a-referral'),
      tracked('Employee Referral Submitted'), tracked('Referral Guide Downloaded'), tracked('Contact Form Submitted')], false);
  });
});

describe('records, images and cases sent in, and requests under HIPAA rights', () => {
  it('blocks an upload of records or images, a second-opinion request, a tumor board case and an amendment or restriction request', () => {
    expectAll([pageOn('/expert-second-opinion/upload-your-records'), pageOn('/radiology/send-us-your-images/done'), pageOn('/cardiology/second-opinion/get-started/step-1'),
      pageOn('/tumor-boards/submit-a-new-case'), pageOn('/health-information-management/amend-my-record/request'),
      pageOn('/privacy/confidential-communication-request'), pageOn('/hipaa/request-amendments'), pageOn('/fr/deuxieme-avis/demande'), pageOn('/es/segunda-opinion/subir-expedientes')], true);
    expectAll([tracked('Outside Images Uploaded'), tracked('Second Opinion Submitted'), tracked('Tumor Board Case Submitted'),
      tracked('Restriction Request Submitted')], true);
  });
  it('lets the second-opinion program, tumor boards, patient rights and restrictions of other kinds flow', () => {
    expectAll([pageOn('/second-opinion-program'), pageOn('/second-opinion/what-to-expect'), pageOn('/tumor-board'), pageOn('/patient-rights/your-rights'),
      pageOn('/visitor-restrictions'), pageOn('/nutrition/dietary-restrictions-form'), pageOn('/legal/case-submission'), pageOn('/careers/upload-resume'),
      tracked('Resume Uploaded'), tracked('Support Case Submitted')], false);
  });
});

describe('requests about one\'s own care', () => {
  it('blocks a complaint being filed, a message to patient relations sent, a ride, an organ donor registration and a chaplain asked for', () => {
    expectAll([pageOn('/patient-experience/complaints/new'), pageOn('/es/reclamos/formulario'), pageOn('/patient-relations/contact-us/thank-you'),
      pageOn('/patient-transport/book'), pageOn('/wheelchair-van/schedule-a-ride'), pageOn('/es/solicitar-transporte'),
      pageOn('/tissue-donation/register'), pageOn('/donate-life/registration/complete'), pageOn('/pastoral-care/request-a-chaplain')], true);
    expectAll([tracked('Grievance Form Started'), tracked('Ride Requested'), tracked('nemt_ride_scheduled'), tracked('Eye Donor Registered'), tracked('Chaplain Visit Requested')], true);
  });
  it('lets feedback, transportation, shuttles, organ donation facts, compliments and compliance reports flow', () => {
    expectAll([pageOn('/feedback'), pageOn('/transportation/getting-here'), pageOn('/shuttle/request-a-ride'), pageOn('/organ-donation/faq'),
      pageOn('/organ-donation/become-a-donor'), pageOn('/patient-relations/compliment/thank-you'), pageOn('/compliance/concerns/submit'),
      pageOn('/giving/donate/thank-you'), tracked('Donation Completed'), tracked('Compliment Submitted'), tracked('Shuttle Schedule Viewed')], false);
  });
  it('never lets a portal, payment, confirmation, refill or intake path flow', () => {
    expectAll(['/billing/pay/referral', '/patient-portal/care-plan', '/appointments/confirm/ride', '/pharmacy/refill/second-opinion',
      '/intake/new-patient/referral', '/mychart/treatment-plan'].map((p) => pageOn(p)), true);
  });
});
