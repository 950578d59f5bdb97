import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 31 (H151): covered entities other than hospitals: a health plan's member site (claims, EOBs, ID cards,
// authorizations, benefits, spending accounts), reference labs and home testing (requisitions, kits), retail pharmacies
// (profiles, histories, a clinic visit reserved), dental and vision practices (insurance verified, a glasses or lens
// prescription uploaded or renewed, online vision tests), behavioural-health practices (superbills, session rooms),
// and the leftovers: a health survey's step, a cart naming a treatment, ED beside its causes, the emergency
// department's treatment rooms, renewals in more languages. Every event goes to the open destination (no BAA); the
// spellings are the tests' own.
const { blocked, sent } = openPlanProbe('p31');
const titled = (path: string, title: string) => ({ context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });
const tracked = (event: string, path: string, properties: Record<string, unknown> = {}) => ({ type: 'track', event, properties, ...pageOn(path) });

describe("a health plan member's own area", () => {
  it.each([
    '/member/find-care/results', '/mbr/benefits-summary', '/members/referrals/R-99812', '/members/appeals', '/member/benefits/vision',
    '/es/miembros/beneficios',
    '/fr/adherents/remboursements', '/de/versicherte/erstattungen', '/my-coverage', '/my-benefits/dental', '/prior-auth/status',
    '/authorizations/A-2231', '/referrals/tracker', '/explanation-of-benefits/download', '/eob/2026-03', '/Member/Find-Care%2FResults',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it("blocks a member's spending account, as a route, a screen and a title", () => {
    for (const path of ['/hsa/balance', '/fsa-claims', '/flexible-spending-account/reimbursement', '/#/member/benefits/vision']) {
      expect(blocked(pageOn(path)), path).toBe(true);
    }
    expect(blocked({ type: 'screen', name: 'EobViewerScreen', properties: {} })).toBe(true);
    expect(blocked(tracked('Screen Viewed', '/', { screen_name: 'ReferralStatusScreen' }))).toBe(true);
  });

  it("blocks a member's claim filed, ID card and plan documents, and a booking's step saying booked", () => {
    for (const path of ['/claim/new', '/claims/upload', '/digital-id-card', '/member/plan-documents/sbc-2027.pdf', '/appointments/imaging/scheduled']) {
      expect(blocked(pageOn(path)), path).toBe(true);
    }
    expect(blocked({ type: 'screen', name: 'IdCardScreen', properties: {} })).toBe(true);
    for (const path of ['/providers/claims/submit', '/brokers/claims/new', '/appointments/2025-flu-clinics']) expect(blocked(pageOn(path)), path).toBe(false);
  });

  it("lets the plan's public pages for members and shoppers flow", () => {
    for (const path of ['/members/faq', '/members/rights-and-responsibilities', '/member/resources', '/prior-authorization', '/formulary',
      '/plans/compare', '/find-a-doctor', '/blog/what-is-an-eob', '/hsa', '/learn/what-is-an-hsa', '/careers/claims-examiner']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe('labs, pharmacies, dental and vision, behavioural-health practices', () => {
  it.each([
    '/upload-your-lab-order', '/requisitions/REQ-44821', '/home-test/activate', '/specimens/register',
    '/pharmacy/health-profile', '/pharmacies/settings', '/prescription-history', '/walk-in/reserve-a-spot/confirmed',
    '/verify-my-insurance', '/insurance-verification/step-2', '/contacts/upload-your-prescription', '/rx-upload', '/renew-my-contact-lenses',
    '/eye-test/start', '/online-hearing-test', '/superbills/2026-q2', '/request-a-superbill', '/counseling/join', '/session/lobby',
    '/join-your-therapy-session',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it("blocks an app's history screen and their objects' events", () => {
    expect(blocked({ type: 'screen', name: 'MedicationListScreen', properties: {} })).toBe(true);
    for (const event of ['Claim Submitted', 'EOB Viewed', 'Member ID Card Downloaded', 'Prior Authorization Viewed', 'Superbill Downloaded',
      'Requisition Submitted', 'Lab Order Uploaded', 'Results Viewed', 'claim_details_view']) {
      expect(blocked(tracked(event, '/about')), event).toBe(true);
    }
  });

  it('lets their public pages and catalogue events flow', () => {
    for (const path of ['/requisition-forms', '/pharmacy', '/pharmacy-services', '/store-locator', '/insurance-verification', '/contact-lenses/brands',
      '/eye-exams', '/blog/superbills-explained', '/our-counselors', '/vaccines/flu-shot']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
    for (const event of ['Search Results Viewed', 'Product List Viewed', 'Plan Compared', 'Store Selected']) {
      expect(blocked(tracked(event, '/about')), event).toBe(false);
    }
  });
});

describe("a health survey's step", () => {
  it('blocks a health, wellness or symptom survey at a step', () => {
    for (const path of ['/survey/wellness/step-4', '/health-survey/q3', '/surveys/mental-health-check/2', '/survey/sleep/questions/5']) {
      expect(blocked(pageOn(path)), path).toBe(true);
    }
  });

  it("lets a survey's landing page and a customer survey's steps flow", () => {
    for (const path of ['/survey/health', '/community-health-survey', '/survey/store-experience/step-2', '/surveys/customer-satisfaction/3']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe('a cart that names a condition or a treatment', () => {
  it('blocks it in the query, the path and a cart event', () => {
    for (const path of ['/cart?product=truvada', '/basket?sku=spironolactone-50', '/shop/bag?add-to-cart=Yaz%2028', '/cart/valtrex-1g']) {
      expect(blocked(pageOn(path)), path).toBe(true);
    }
    expect(blocked(tracked('Cart Viewed', '/shop/cart', { products: [{ product_id: 'p-1', name: 'Valacyclovir 1g', quantity: 1 }] }))).toBe(true);
    expect(blocked(tracked('Checkout Started', '/shop', { products: [{ sku: 'ozempic-pen' }] }))).toBe(true);
    expect(blocked(tracked('add_to_cart', '/shop', { items: [{ item_id: 'x', item_name: 'Finasteride 1mg' }] }))).toBe(true);
    expect(blocked(tracked('Product Added', '/shop', { product_id: 'sildenafil-20mg-90', name: 'Hair kit', price: 30 }))).toBe(true);
  });

  it("lets other carts, a gift shop's and a catalogue's events flow", () => {
    expect(blocked(pageOn('/cart?product=sunscreen-spf50'))).toBe(false);
    expect(blocked(pageOn('/gift-shop/cart?product=breast-cancer-pin'))).toBe(false);
    expect(blocked(tracked('Cart Viewed', '/gift-shop/cart', { products: [{ name: 'Breast Cancer Awareness Pin' }] }))).toBe(false);
    expect(blocked(tracked('Cart Viewed', '/cart', { products: [{ product_id: 'p-2', name: 'Ibuprofen 200mg' }] }))).toBe(false);
    const viewed = sent(tracked('Product Viewed', '/shop', { product_id: 'sildenafil-20mg-90', name: 'Sildenafil', price: 30 }));
    expect(viewed).not.toBe('[]');
    expect(viewed).not.toContain('sildenafil');
    expect(blocked(tracked('Product List Viewed', '/shop', { products: [{ name: 'Valacyclovir 1g' }] }))).toBe(false);
  });
});

describe('ED beside its causes and symptoms, and the emergency department', () => {
  it('withholds an education page on ED and keeps the emergency department pages whole', () => {
    for (const path of ['/learn/what-causes-ed', '/health/ed-symptoms-in-your-30s', '/library/causes-of-ed']) {
      const out = sent(pageOn(path));
      expect(out, path).not.toBe('[]');
      expect(out, path).not.toContain(path);
    }
    expect(sent(titled('/learn/article-12', 'Symptoms of ED | Northbay Men'))).not.toContain('Symptoms of ED');
    for (const path of ['/news/ed-treatment-bays-reopen', '/emergency/ed-drug-testing-policy']) expect(sent(pageOn(path)), path).toContain(path);
  });
});

describe('a renewal at the root in more languages, and root words in their site', () => {
  it('blocks it and lets a licence renewal flow', () => {
    for (const path of ['/tr/yenileme', '/cs/obnovit', '/ru/продление', '/pl/przedluzenie', '/vi/gia-han']) expect(blocked(pageOn(path)), path).toBe(true);
    expect(blocked(pageOn('/tr/yenileme/license'))).toBe(false);
  });

  it("lets a residency's match and a gift shop's orders flow below the root", () => {
    for (const path of ['/gme/match', '/residency/match-day', '/gift-shop/orders', '/match-day']) expect(blocked(pageOn(path)), path).toBe(false);
  });
});
