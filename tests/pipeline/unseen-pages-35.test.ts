import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 34 (H175): clinical research, public-health programmes, maternity and newborn services. An action on the
// visitor's own matter blocks (a study's pre-screener and its result, consent signed, enrolment, the participant's portal,
// study visits and pay; a trial finder's search; a vaccine clinic's sign-up done, an immunization record looked up, a partner
// notified, WIC, Medicaid and CHIP applications; a pregnancy registered, a birth plan made, a lactation consult asked for,
// the NICU's cameras, a birth certificate's worksheet); reading about it flows. Every event goes to the open destination
// (no BAA); the spellings are the tests' own.
const { blocked } = openPlanProbe('p35');
const titled = (path: string, title: string) => ({ properties: {}, context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });
const tracked = (event: string, path = '/about') => ({ type: 'track', event, properties: {}, ...pageOn(path) });
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe("a research participant's own steps", () => {
  it("blocks a study's pre-screener result, consent, enrolment, portal, visits and pay at any depth and in Spanish", () => {
    expectAll([pageOn('/clinical-research/trials/nb-0142/pre-screener/ineligible'), pageOn('/research/cardiology/studies/9/e-consent'),
      pageOn('/biorepository/consent'), pageOn('/genomics/participants/enrollment'), pageOn('/research/volunteer-participant-portal'),
      pageOn('/my-clinical-trials/upcoming'), pageOn('/research/studies/31/study-visit/change'), pageOn('/research/compensation-request'),
      pageOn('/es/investigacion/ensayos/12/elegibilidad/resultado'), pageOn('/es/biobanco/consentimiento'),
      pageOn('/research/informed-consent-sign'), pageOn('/pre-screener/step-4')], true);
  });
  it("blocks a trial finder's search, by its path or a condition in the finder's query", () => {
    expectAll([pageOn('/find-a-clinical-trial/results'), pageOn('/studies/search?kw=asthma'), pageOn('/clinical-trial-finder/results/2'),
      pageOn('/trial-finder?disease=sickle-cell'), pageOn('/es/ensayos-clinicos?condicion=asma')], true);
  });
  it('blocks the same done, named as an event', () => {
    expectAll([tracked('Pre-Screener Submitted'), tracked('research_consent_signed'), tracked('E-Consent Signed'),
      tracked('Trial Enrollment Confirmed'), tracked('Study Visit Booked'), tracked('Participant Payment Requested')], true);
  });
  it("lets a study's page, the finder's landing page and what a participant should know flow", () => {
    expectAll([pageOn('/clinical-trials'), pageOn('/find-a-clinical-trial'), pageOn('/research/studies/31'), pageOn('/research/participate'),
      pageOn('/research/participate/faq'), pageOn('/research/studies/31/participate/what-to-expect'), pageOn('/research/informed-consent'),
      pageOn('/biobank/faq'), pageOn('/trial-finder'), pageOn('/clinical-trials?page=2'),
      tracked('Consent Given'), tracked('Cookie Consent Updated'), tracked('Clinical Trial Viewed')], false);
  });
});

describe("a visitor's own public-health programme steps", () => {
  it("blocks a clinic's sign-up done, a record or certificate looked up, a partner notified and a programme application", () => {
    expectAll([pageOn('/covid-19-vaccine-clinics/sign-up/success'), pageOn('/flu-shots/rsvp/confirmed'), pageOn('/vacunacion/inscripcion/gracias'),
      pageOn('/vaccinations/proof'), pageOn('/es/cartilla-de-vacunacion'), pageOn('/sexual-health/notify-my-partner'),
      pageOn('/medi-cal/apply-online'), pageOn('/chip/enrollment/step-2'), pageOn('/apply-for-wic'), pageOn('/es/medicaid/solicitud')], true);
    expectAll([tracked('Immunization Record Downloaded'), tracked('COVID-19 Vaccine Card Requested'), tracked('partner_notified'),
      tracked('CHIP Application Started'), tracked('WIC Pre-Screener Completed')], true);
  });
  it('lets schedules, the programmes\' pages and how to apply flow', () => {
    expectAll([pageOn('/vaccines/clinic-calendar'), pageOn('/immunizations'), pageOn('/wic'), pageOn('/medicaid/how-to-apply'),
      pageOn('/partners/community'), pageOn('/events/gala/register/confirmation'), pageOn('/volunteer/sign-up/thank-you'),
      tracked('Vaccine Appointment Scheduled'), tracked('Partner Page Viewed')], false);
  });
});

describe("a parent's own maternity and newborn steps", () => {
  it('blocks a pregnancy registered, a birth plan made, a lactation consult asked for, the NICU cameras and a birth certificate', () => {
    expectAll([pageOn('/womens-health/prenatal-registration'), pageOn('/register-my-pregnancy'), pageOn('/my-birth-plan'),
      pageOn('/birth-plan/edit'), pageOn('/breastfeeding/book-a-consultation'), pageOn('/nicu-family-center/bedside-camera'),
      pageOn('/newborn-paperwork'), pageOn('/request-a-birth-certificate'), pageOn('/es/solicitar-acta-de-nacimiento'),
      pageOn('/es/plan-de-parto/editar'), titled('/home', 'NICU Parent Portal | Northbay')], true);
    expectAll([tracked('Prenatal Intake Submitted'), tracked('birth_plan_saved'), tracked('Lactation Visit Requested'),
      tracked('NICU Webcam Opened'), tracked('Birth Certificate Request Submitted')], true);
  });
  it('lets tips, catalogues, tours and what-to-expect pages flow', () => {
    expectAll([pageOn('/maternity/birth-plan-guide'), pageOn('/lactation/resources'), pageOn('/nicu/portal-faq'), pageOn('/vital-records'),
      pageOn('/vital-records/birth-certificates'), pageOn('/maternity/tour'), tracked('Birth Plan Guide Downloaded')], false);
  });
  it('never lets a portal, payment, confirmation, refill or intake path flow', () => {
    expectAll(['/billing/pay/research', '/patient-portal/nicu', '/appointments/confirm/wic', '/pharmacy/refill/prenatal',
      '/intake/new-patient/study', '/mychart/birth-plan'].map((p) => pageOn(p)), true);
  });
});

describe('Spanish, Portuguese and Italian sections read as the English ones (H171\'s leftover)', () => {
  it("lets a consultation's start under a service's own page in those sections flow, as under /services/", () => {
    expectAll([pageOn('/es/servicios/ortodoncia/consulta/iniciar'), pageOn('/pt/servicos/nutricao/consulta/start'),
      pageOn('/it/servizi/fisioterapia/visita/iniciar')], false);
  });
  it('still blocks it under virtual care, at the root, and a study\'s own sign-up in Spanish', () => {
    expectAll([pageOn('/es/servicios/video-consultas/consulta/iniciar'), pageOn('/es/consulta/comenzar'),
      pageOn('/es/investigacion/estudios/7/participar'), pageOn('/es/ensayos-clinicos/alzheimer-prevencion/participar')], true);
    expectAll([pageOn('/es/investigacion/participar'), pageOn('/es/investigacion/estudios/7/participar/que-esperar')], false);
  });
});

describe("a pre-screener's result and a birth plan's editor, named by their own segment (H175's held leftovers)", () => {
  const screen = (name: string) => ({ type: 'screen', name, properties: {}, context: { app: { name: 'Northbay' } } });
  it('blocks them as paths and as app screens', () => {
    expectAll([pageOn('/research/studies/123/prescreen-result'), pageOn('/research/pre-screener-results'), pageOn('/maternity/birth-plan-editor'),
      pageOn('/birth-plan-wizard/step-1'), screen('PrescreenResultScreen'), screen('BirthPlanEditorScreen')], true);
  });
  it('lets information about them and a blank template flow', () => {
    expectAll([pageOn('/research/prescreen-information'), pageOn('/maternity/birth-plan-template'), pageOn('/maternity/birth-plan-tips'),
      pageOn('/maternity/birth-plan')], false);
  });
});
