import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageAt } from '../helpers/open-plan.js';

// Probe 49 (H249): a visitor's own areas and actions the rules had not seen, found by a probe of ~5,000 page, title, screen and
// track events through the bundled configuration; each class with its public pages kept. Every event goes to the open destination.
const { blocked } = openPlanProbe('p49');
const site = (path: string) => pageAt(`https://www.example-health.org${path}`);
const expectAll = (paths: string[], want: boolean) => { for (const p of paths) expect(blocked(site(p)), p).toBe(want); };
const tracked = (event: string) => ({ type: 'track', event, ...site('/') });
const expectEvents = (names: string[], want: boolean) => { for (const e of names) expect(blocked(tracked(e)), e).toBe(want); };
const titled = (path: string, title: string) => ({ name: title, context: { page: { path, url: `https://www.example-health.org${path}`, title } } });

describe('a self-test at its questions', () => {
  it('blocks a step, a question or a numbered step in the query', () => {
    expectAll(['/heart-risk-assessment/step-3', '/heart-risk-assessment?step=3', '/stroke-risk-quiz/question-4', '/hra/questions/3',
      '/heartaware/step-2', '/es/prueba-de-depresion/pregunta-2'], true);
  });
  it('lets its landing page and the listings flow', () => {
    expectAll(['/heart-risk-assessment', '/health-library/quizzes', '/health-assessments', '/health-assessments/page-2', '/screenings/page-2'], false);
  });
});

describe("a portal's routes under an unknown brand, and Cerner's", () => {
  it('blocks an Epic controller and action, its signed-in frame, and HealtheLife routes', () => {
    expectAll(['/MyUPMC/Messaging/Inbox', '/OurChart/Clinical/Medications', '/HealthConnect/Visits/VisitDetails', '/MyNorthbay/inside.asp?mode=messages',
      '/pages/health_record/results', '/pages/messaging/inbox', '/pages/billing/statements', '/person/123/health-record/results'], true);
  });
  it("lets a site's own clinical sections flow", () => expectAll(['/services/clinical', '/research/clinical-trials', '/careers/clinical/nursing', '/inside.asp'], false));
});

describe('event names', () => {
  it('blocks a video visit joined verb first, Spanish done actions, screening instruments done, run-together names', () => {
    expectEvents(['join_video_visit', 'joinVideoVisit', 'JOIN_VIDEO_VISIT', 'enter_waiting_room', 'launch_telehealth', 'connect_to_provider',
      'telehealth_join_click_success', 'Pago Realizado', 'Resurtido Solicitado', 'Receta Resurtida', 'Videoconsulta Iniciada',
      'Formulario de Admisión Enviado', 'Check-in Completado', 'hra_complete', 'PHQ9 Submitted', 'GAD7 Completed', 'quiz_result_viewed',
      'risk_score_viewed', 'messageSentToProvider', 'healthRiskAssessmentCompleted', 'citaConfirmada'], true);
  });
  it("lets ordinary events and a directory's results flow", () => {
    expectEvents(['Start Session', 'Join Session', 'Start Visit', 'Plan Your Visit', 'Join Our Team', 'Screening Scheduled', 'Registro Completado',
      'Provider Results Viewed', 'Location Results Viewed', 'Search Results Viewed', 'newsletterSignup'], false);
  });
});

describe('titles and screens', () => {
  it("blocks a booking's confirmation, the portal's menu pages and a video visit's wait", () => {
    for (const [path, title] of [['/', 'Visit Confirmation'], ['/app/', 'Insurance Summary'], ['/', 'Download My Record'],
      ['/', 'Waiting for your provider...'], ['/', 'Your provider will be with you shortly']]) expect(blocked(titled(path, title)), title).toBe(true);
    expect(blocked({ type: 'screen', name: 'VisitConfirmationScreen' })).toBe(true);
  });
  it("lets a how-to's title flow", () => {
    for (const title of ['How to Use MyChart', 'How to Join a Video Visit']) expect(blocked(titled('/', title)), title).toBe(false);
  });
});

describe('pages', () => {
  it("blocks messages under a patients' section, intake packets, Spanish pages of one's own matter, a step after a script's page", () => {
    expectAll(['/patients/messages', '/patients-and-visitors/secure-messaging', '/pacientes/mensajes', '/new-patient-packet',
      '/forms/registration-packet', '/es/registro-previo', '/es/estado-de-cuenta', '/es/gracias-por-su-cita', '/es/confirmacion-de-cita',
      '/es/mensajes-seguros', '/es/expediente-clinico', '/Schedule.aspx?step=confirmation', '/BookOnline.aspx?step=confirmation'], true);
  });
  it('lets a story nested below a public section, and an event\'s ticket checkout, flow', () => {
    expectAll(['/about/news/mychart-upgrade-this-weekend', '/content/northbay/us/en/news/new-patient-portal-launches.html',
      '/en/about/news/new-mychart-app', '/events/gala/tickets/checkout', '/schedule?step=1'], false);
  });
  it('keeps a story below a blocked section blocked, and a checkout', () => expectAll(['/mychart/news/x', '/checkout'], true));
});

describe('vendor hosts and subdomains', () => {
  it("blocks a therapy practice's client portal, a records request and a video visit's subdomain", () => {
    for (const url of ['https://northbay.clientsecure.me/', 'https://x.therapyportal.com/', 'https://app.chartrequest.com/request/northbay',
      'https://vv.example-health.org/visit/abc']) expect(blocked(pageAt(url)), url).toBe(true);
  });
  it("lets the vendor's own site and a video library flow", () => {
    for (const url of ['https://chartrequest.com/', 'https://video.example-health.org/']) expect(blocked(pageAt(url)), url).toBe(false);
  });
});
