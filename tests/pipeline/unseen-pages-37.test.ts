import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageAt, pageOn } from '../helpers/open-plan.js';

// Blind pass 36 (H183): self-tracking tools, calculators, one's own plan in a programme and condition groups' sign-ups. Where
// the visitor records or computes their own health data the event blocks (a diary, log or journal, a tracker's step, a
// calculator's or eligibility check's result, one's own quit or action plan, a memory café's RSVP done); the tool's own page,
// a diary's template, a plan's how-to and an event listing flow. Every event goes to the open destination (no BAA); the
// spellings are the tests' own.
const { blocked } = openPlanProbe('p37');
const tracked = (event: string, path = '/about', properties: Record<string, unknown> = {}) => ({ type: 'track', event, properties, ...pageOn(path) });
const appTrack = (event: string, properties: Record<string, unknown> = {}) =>
  ({ type: 'track', event, properties, context: { app: { name: 'Acme Health', version: '3.1.0' } } });
const screen = (name: string) => ({ type: 'screen', name, properties: {}, context: { app: { name: 'Acme Health', version: '3.1.0' } } });
const expectAll = (events: Record<string, unknown>[], want: boolean) => { for (const e of events) expect(blocked(e), JSON.stringify(e)).toBe(want); };

describe("a visitor's own diary, log or tracker", () => {
  it('blocks a diary, log or journal named by what it records, at any depth, in other languages and as an app screen', () => {
    expectAll([pageOn('/neurology/migraine-diary'), pageOn('/tools/insulin-log'), pageOn('/ibd/flare-journal/march'),
      pageOn('/my-bowel-and-bladder-diary'), pageOn('/es/bitacora-de-glucemia'), pageOn('/fr/carnet-de-glycemie'),
      pageOn('/de/kopfschmerztagebuch'), pageOn('/pt/diario-da-dor/hoje'), screen('CravingsJournalScreen'), screen('Spotting Log')], true);
  });
  it("blocks a tracker's step, a treatment's tracker and an app's own tracker screen", () => {
    expectAll([pageOn('/cycle-tracker/entries'), pageOn('/heart/bp-tracker/2026-10'), pageOn('/baby-kick-counter/today'),
      pageOn('/menopause/hot-flash-tracker/add'), pageOn('/trackers/migraines/history'), pageOn('/fr/calendrier-menstruel/saisir'),
      pageOn('/de/zykluskalender/heute'), pageOn('/oncology/chemo-calendar'), pageOn('/fertility-preservation/egg-freezing/stim-calendar'),
      pageOn('/labor/contraction-timer/start'), pageOn('/pregnancy-tracker/trimester-3'), screen('SeizureTrackerViewController')], true);
  });
  it('blocks the same logged as an event, noun or verb first', () => {
    expectAll([tracked('Migraine Logged'), tracked('Insulin Dose Recorded'), tracked('BBT Entered'), tracked('pain_score_saved'),
      tracked('Pills Marked As Taken'), appTrack('Bleeding Entry Added'), appTrack('track_mood'), tracked('Log Headache'),
      tracked('Injection Reminder Set')], true);
  });
  it("lets the tracker's page, a diary's template and tips, news and other logs flow", () => {
    expectAll([pageOn('/migraine-tracker'), pageOn('/apps/cycle-tracker'), pageOn('/cycle-tracker/faq'), pageOn('/tools/insulin-log-template'),
      pageOn('/neurology/migraine-diary/printable'), pageOn('/health-library/why-keep-a-pain-diary'), pageOn('/news/new-seizure-diary-app'),
      pageOn('/covid-19/vaccine-tracker/history'), pageOn('/fitness/workout-log'), pageOn('/events/calendar/2027-05'),
      tracked('Workout Logged'), tracked('Mood Board Saved'), tracked('Product Added')], false);
  });
});

describe("a calculator's or eligibility check's result", () => {
  it("blocks the result by its path, its query, other languages and an event", () => {
    expectAll([pageOn('/tools/fertility-window-calculator/results'), pageOn('/calculators/gfr/your-result'), pageOn('/body-fat-calc/score'),
      pageOn('/semaglutide-program/eligibility/not-eligible'), pageOn('/es/calculadora-fecha-de-parto/resultados'), pageOn('/due-date-results'),
      pageAt(`${OPEN_SITE}/pregnancy/due-date-calculator?lmp=2026-04-11`), pageAt(`${OPEN_SITE}/de/bmi-rechner?gewicht=90&bmi=29`),
      tracked('Fertile Window Calculated'), tracked('Gestational Age Result Viewed'), tracked('calculator_results_shown'),
      tracked('Calculate Due Date'), tracked('a1c_calculator_submit')], true);
  });
  it("lets the calculator's page, its list and a campaign on it flow", () => {
    expectAll([pageOn('/tools/fertility-window-calculator'), pageOn('/calculators'), pageOn('/calculators/gfr'),
      pageAt(`${OPEN_SITE}/bmi-calculator?utm_source=newsletter`), pageOn('/semaglutide-program'), pageOn('/insurance/eligibility'),
      pageOn('/parking/rates'), tracked('Calculator Viewed')], false);
  });
});

describe("one's own plan in a programme and a condition group's sign-up", () => {
  it('blocks one plan of the visitor\'s, its making and the event', () => {
    expectAll([pageOn('/tobacco-treatment/my-plan'), pageOn('/copd/my-copd-action-plan'), pageOn('/safety-plan/step-3'),
      pageOn('/es/programa-de-diabetes/mi-plan-de-comidas'), screen('MyRecoveryPlanScreen'), tracked('Safety Plan Created'),
      tracked('Quit Goal Set')], true);
  });
  it("blocks a memory café's or an ostomy group's sign-up at its done step", () => {
    expectAll([pageOn('/calendar/memory-cafe-downtown/register/confirmed'), pageOn('/events/ostomy-support-meetup/rsvp/success'),
      pageOn('/fr/evenements/cafe-memoire/merci'), pageOn('/events/heart-failure-club/thank-you')], true);
  });
  it("lets a plan's how-to, a blank plan, listings and other events' done steps flow", () => {
    expectAll([pageOn('/tobacco-treatment/how-to-make-a-quit-plan'), pageOn('/asthma/action-plan-form-printable'),
      pageOn('/giving/planned-giving/my-estate-plan'), pageOn('/medicare/ma-plans'), pageOn('/events/memory-cafe-downtown'),
      pageOn('/events/golf-classic/rsvp/success'), pageOn('/fr/evenements/gala/merci'), tracked('Plan Selected')], false);
  });
});
