import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 30 (H139): direct-to-consumer telehealth and retail health storefronts (the FTC's GoodRx, BetterHelp,
// Cerebral and Monument cases): a condition's intake questionnaire, quiz and eligibility check, a treatment plan,
// subscription and prescription orders, messages with one's clinician, a home test kit registered, a therapist
// matched, and their event names; and the leftovers (site search in other languages, e-prescription pages, patients-only
// pages in Korean and Japanese, Italy's public `area pazienti`). Every event goes to the open destination (no BAA);
// spellings are the tests' own.
const { blocked, sent } = openPlanProbe('p30');
const titled = (path: string, title: string) => ({ context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });
const tracked = (event: string, path: string, properties: Record<string, unknown> = {}) => ({ type: 'track', event, properties, ...pageOn(path) });

describe("a storefront's intake for a condition, its quizzes and eligibility checks", () => {
  it.each([
    '/get-started/insomnia/step-2', '/getting-started/acne', '/start/psoriasis/q/3', '/begin/migraine', '/onboarding/hair-loss/question-7',
    '/assessment/ocd', '/assessments/alcohol-use/2', '/consultation/rosacea', '/online-visit/uti/symptoms', '/start-an-online-visit/cold-sores/intro',
    '/quiz/pe', '/quiz/hair-loss/step-4', '/es/quiz/acne', '/Get-Started/Insomnia', '/get-started%2Finsomnia%2Fstep-2',
    '/eligibility/weight-management', '/qualify', '/check-your-eligibility', '/glp-1/see-if-you-qualify', '/programs/do-i-qualify', '/eligibility-quiz',
    '/es/empezar/acne/paso-1', '/fr/demarrer/insomnie', '/pt-br/avaliacao/ansiedade', '/de/starten/haarausfall/2', '/pt/questionario', '/nl/vragenlijst/stap-2',
    '/visits/new/eczema', '/consult/start',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('blocks it as a hash route, a title and a router transition from the home page', () => {
    expect(blocked(pageOn('/#/get-started/psoriasis/step-1'))).toBe(true);
    expect(blocked(titled('/', 'Am I Eligible? | Northbay Weight Care'))).toBe(true);
    expect(blocked(tracked('Navigation', '/', { to: '/onboarding/migraine/step-1', from: '/' }))).toBe(true);
    expect(blocked(tracked('Navigation', '/', { to: '/', from: '/quiz/pe/results' }))).toBe(true);
  });

  it("lets the storefront's public pages, quiz articles and a plain start page flow", () => {
    for (const path of ['/', '/pricing', '/how-it-works', '/get-started', '/start', '/quizzes', '/quizzes/how-well-do-you-know-your-sunscreen',
      '/blog/quiz/test-your-summer-safety-knowledge-today', '/careers', '/press', '/reviews', '/providers', '/eligibility', '/es/empezar', '/visits/plan-your-visit']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
    expect(blocked(tracked('Navigation', '/', { to: '/how-it-works', from: '/' }))).toBe(false);
  });
});

describe("a visitor's treatment plan, subscription, prescription orders, clinician messages, test kits and therapist match", () => {
  it.each([
    '/treatment-plan/overview', '/my-treatment-plan', '/care-plan', '/my-plan/dosage', '/my-subscriptions', '/subscriptions/pause', '/membership/cancel',
    '/orders/NB-55120', '/order-status', '/track-my-order', '/shipments/9400111/track',
    '/care-team/messages', '/clinicians/chat', '/therapist/inbox', '/conversations/8812', '/messages/clinician', '/consult-chat/5521',
    '/activate/kit-55GH', '/register-your-kit', '/kits/activate', '/test-kit-registration/step-1',
    '/match', '/get-matched/step-3', '/therapist-matching', '/find-a-counselor/counselor-match', '/match-me-with-a-therapist', '/counselors/matched',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it.each([
    'Quiz Completed', 'quiz_complete', 'Assessment Submitted', 'questionnaireCompleted', 'Treatment Selected',
    'Medication Chosen', 'Therapist Matched', 'Kit Activated', 'Test Kit Registered', 'Online Visit Submitted',
  ])('blocks the event %s on a public page', (event) => {
    expect(blocked(tracked(event, '/how-it-works'))).toBe(true);
  });

  it('lets a survey, a provider chosen, a plan alone and a shop cart flow', () => {
    for (const event of ['Survey Completed', 'Provider Selected', 'Plan Selected', 'Subscription Started', 'Video Completed', 'Eligibility Checked']) {
      expect(blocked(tracked(event, '/pricing')), event).toBe(false);
    }
    for (const path of ['/shop/cart', '/cart', '/care-team', '/our-care-team', '/conversations', '/blog/what-is-a-treatment-plan-and-why-it-matters']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe('site search in other languages, as /search', () => {
  it.each(['/es/busqueda', '/es/buscar?q=vih', '/de/suche?q=psychotherapie', '/de/suchergebnisse', '/it/cerca', '/nl/zoeken', '/pt/busca',
    '/fr/rechercher', '/fr/resultats-de-recherche', '/pl/szukaj', '/pl/wyszukiwarka', '/vi/tim-kiem', '/ru/поиск', '/ko/검색', '/ja/検索', '/zh/搜索'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it("blocks a research section's word with a search query in it", () => {
    for (const path of ['/fr/recherche?q=depression', '/fr/recherche/?keys=vih', '/it/ricerca?testo=ansia', '/pt/pesquisa?termo=gravidez', '/nl/onderzoek?zoekterm=x']) {
      expect(blocked(pageOn(path)), path).toBe(true);
    }
  });

  it('lets research sections, a doctor finder and words that contain a search word flow', () => {
    for (const path of ['/fr/recherche', '/fr/recherche/essais-cliniques', '/it/ricerca/pubblicazioni', '/pt/pesquisa', '/fr/recherche?utm_source=mail',
      '/de/arztsuche', '/es/buscar-un-medico', '/it/cerca-un-medico', '/de/stellensuche-und-karriere']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe("an e-prescription's page in any language", () => {
  it.each(['/e-prescription', '/eprescription/request', '/de/e-rezept', '/de/apotheke/e-rezept-einloesen', '/pl/e-recepta', '/cs/erecept', '/es/receta-electronica',
    '/fr/ordonnance-electronique', '/it/ricetta-elettronica', '/pt/receita-digital', '/no/e-resept'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets its FAQ, help and news pages flow', () => {
    for (const path of ['/faq/e-prescription', '/de/hilfe/e-rezept', '/e-prescription-faq', '/news/e-prescriptions-arrive-in-our-pharmacies', '/de/e-rezept-faq']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe('patients-only pages and the patients\' area', () => {
  it.each(['/ko/환자전용', '/ko/환자-전용-게시판', '/ja/患者さま専用', '/ja/患者様専用ページ/ログイン', '/ja/患者様限定', '/zh/患者专用', '/it/area-riservata-pazienti',
    '/it/area-pazienti/login', '/it/area-paziente'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it("lets Italy's public patients' area and its information pages flow", () => {
    for (const path of ['/it/area-pazienti', '/it/area-pazienti/orari-di-visita', '/it/area-pazienti/come-prenotare', '/ko/환자안내', '/ja/患者さまへ']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe('a condition article on a storefront', () => {
  it('flows without naming the condition', () => {
    const out = sent(pageOn('/conditions/rosacea-and-psoriasis'));
    expect(out).not.toBe('[]');
    const article = sent(pageOn('/blog/how-semaglutide-works'));
    expect(article).not.toContain('semaglutide');
  });
});

describe('a title said as a question or a sentence, and a catalogue id naming a drug', () => {
  it('reads a title past its question or exclamation mark', () => {
    for (const title of ['Pay Your Bill? | Northbay', 'Ready? Pay Your Bill Online.', 'View Your Lab Results! – Northbay', '¿Pagar su factura?']) {
      expect(blocked(titled('/', title)), title).toBe(true);
    }
    for (const title of ['Questions? Contact Us | Northbay', 'Hello, Northbay!', 'Dr. Lee, MD']) expect(blocked(titled('/about', title)), title).toBe(false);
  });

  // H151: a product viewed in the catalogue; the same product added to a cart is its order and blocks (unseen-pages-31).
  it("drops a product id that names a drug, and keeps one that does not", () => {
    const out = sent(tracked('Product Viewed', '/shop', { product_id: 'sildenafil-20mg-90', name: 'Hair kit', price: 30 }));
    expect(out).not.toBe('[]');
    expect(out).not.toContain('sildenafil');
    expect(sent(tracked('Product Added', '/shop', { product_id: 'SKU-88412-BLU', price: 30 }))).toContain('SKU-88412-BLU');
  });
});
