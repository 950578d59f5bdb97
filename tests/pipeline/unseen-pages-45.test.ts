import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageAt } from '../helpers/open-plan.js';

// Blind pass 44 (H224): a visitor's own area written in the clinic's shorthand, one's care team messaged verb first, a health
// history's form, a refill's request sent, a program's enrolment under a name that holds an excluded word inside it, and
// messages with one's care team in Spanish, French and Portuguese. Public pages of each shape flow. Each test uses its own
// spellings, not the held sets'; every event goes to the open destination.
const { blocked } = openPlanProbe('p45');
const APP = { app: { name: 'Example Health', version: '7.0.1' }, os: { name: 'Android', version: '15' } };
const screen = (name: string) => ({ type: 'screen', name, properties: {}, context: APP });
const tracked = (event: string) => ({ type: 'track', event, properties: {}, ...site('/') });
const site = (path: string) => pageAt(`https://www.example-health.org${path}`);
const titled = (title: string) => ({ context: { page: { path: '/node/4410', url: 'https://www.example-health.org/node/4410', title } } });
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe("a visitor's own area written in the clinic's shorthand", () => {
  it('blocks messages, statements, payments, results, registration and visits written short', () => {
    expectAll([site('/pt-ctr/msgs'), site('/my-acct/stmts/2026-04'), site('/acct/pmt'), site('/rad-res/viewer'), site('/new-pt-regis'),
      site('/tele-visit/appt/join'), site('/health-recs/request-med-recs')], true);
  });
  it('lets the same short words flow where they mean something else', () => {
    expectAll([site('/res/css/site'), site('/conf/2025-cardiology-symposium'), site('/careers/pt-nursing-jobs'), site('/about/ceo-msg'),
      site('/services/pt-ot'), site('/privacy-stmt'), site('/library/reading-recs'), site('/pt/servicos')], false);
  });
});

describe("one's care team messaged, verb first", () => {
  it('blocks the page, the screen and the title', () => {
    expectAll([site('/msg-the-care-team'), screen('EmailCareCoordinator'), titled('Text Your Care Navigator | Example Health'), site('/oncology/chat-with-care-team')], true);
  });
  it("lets the site's own team, a job posting and a story flow", () => {
    expectAll([site('/email-our-care-team'), site('/careers/care-manager-rn'), site('/news/message-care-team-feature-launches'), site('/care-team')], false);
  });
});

describe("a health history's form at any depth", () => {
  it('blocks the form', () => {
    expectAll([site('/patients/family-medical-history-form'), site('/ortho/surgical-history-questionnaire/step-2'), site('/allergy-history-update')], true);
  });
  it('lets the system\'s history, a genetics page and a post about it flow', () => {
    expectAll([site('/about/our-history'), site('/genetics/family-history'), site('/blog/why-your-family-history-form-matters')], false);
  });
});

describe("a refill's request or order named before its done action", () => {
  it('blocks the event', () => {
    expectAll([tracked('Rx Refill Request Submitted'), tracked('prescription_order_sent'), tracked('Medication Renewal Request Completed')], true);
  });
  it('lets a contact form and a gift order flow', () => {
    expectAll([tracked('Contact Form Submitted'), tracked('Gift Shop Order Placed'), tracked('Newsletter Request Sent')], false);
  });
});

describe("a program's enrolment under a name holding an excluded word inside it", () => {
  it('blocks enrolling in the care program', () => {
    expectAll([site('/fall-prevention-program/enroll-today'), site('/residential-treatment/enroll-online'), site('/tourette-program/self-enroll'),
      site('/stroke-prevention/registration/thank-you')], true);
  });
  it("lets an event's, an internship's and volunteers' enrolment flow", () => {
    expectAll([site('/events/walk/enroll-now'), site('/internship-program/enroll-now'), site('/volunteer-services/enroll'), site('/golf-classic/register/thanks')], false);
  });
});

describe("messages with one's care team in Spanish, French and Portuguese", () => {
  it('blocks the page and the title', () => {
    expectAll([titled('Mensajes con tu médico - Example Health'), site('/pt/mensagens-para-seu-medico'), titled('Messages de votre infirmière'),
      site('/es/portal/mensajes-a-su-enfermera')], true);
  });
  it("lets a leader's message, the doctors' messages and a story flow", () => {
    expectAll([titled('Mensaje de nuestra directora'), site('/fr/messages-de-nos-medecins'), site('/es/noticias/mensajes-de-su-medico-ahora-en-la-app')], false);
  });
});
