import { describe, expect, it } from 'vitest';
import { HOME_PAGE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Sensitive pages and context found by blind red-team pass 16 (.tmp/h67/gen.mjs, written without
// reading the rules): symptom checkers and triage tools in other spellings, a portal vendor's product
// as the first segment, a dispatcher script's query routes, a video visit started or joined (also by
// an analytics category and action), a CMS page's heading, PrEP in campaign labels, Spanish condition
// words; and utility: charities' names and products named like people. Each test uses its own
// spellings, not the generator's; every event goes to the open destination (no BAA).
const { blocked, sent } = openPlanProbe('p16');
const onHome = (properties: Record<string, unknown>, event = 'Banner Viewed') => ({ type: 'track', event, properties, ...HOME_PAGE });

describe('symptom checkers and triage tools', () => {
  it.each(['/care/self-checker', '/get-care/online-triage', '/triage', '/triage/start', '/triage-tool', '/flu/self-checkup', '/es/evaluador-de-sintomas', '/herramientas/chequeo-de-síntomas'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets pages about triage and symptoms through', () => {
    for (const path of ['/nurse-triage-line', '/emergency/what-is-triage', '/es/sintomas-del-resfriado', '/news/self-checker-launches']) expect(blocked(pageOn(path))).toBe(false);
  });
});

describe('portal products, dispatcher scripts and page headings', () => {
  it('blocks a portal vendor’s product as the first segment', () => {
    expect(blocked(pageOn('/healow/home'))).toBe(true);
    expect(blocked(pageOn('/NextMD/Login.aspx'))).toBe(true);
    expect(blocked(pageOn('/news/healow-app-update'))).toBe(false);
  });

  it('reads a root dispatcher script’s query as the route', () => {
    expect(blocked(pageOn('/home.php?section=billing&sub=pay'))).toBe(true);
    expect(blocked(pageOn('/site.asp?area=pharmacy&sub=refill'))).toBe(true);
    // A script named for a page keeps its display options.
    expect(blocked(pageOn('/find-a-doctor.php?view=results&tab=profile'))).toBe(false);
    expect(blocked(pageOn('/find-a-doctor?view=results&tab=profile'))).toBe(false);
  });

  it('blocks the visitor’s own results in Spanish with a qualifier', () => {
    expect(blocked(pageOn('/es/mis-resultados-de-analisis'))).toBe(true);
    expect(blocked(pageOn('/es/mis-resultados-de-examenes/2026'))).toBe(true);
  });

  it('reads a CMS page’s heading like its title', () => {
    expect(blocked({ ...pageOn('/?page_id=412'), properties: { h1: 'Pay My Bill Online' } })).toBe(true);
    expect(blocked({ ...pageOn('/?page_id=413'), properties: { h1: 'Visitor Parking' } })).toBe(false);
  });
});

describe('a video visit started or joined', () => {
  it.each([
    ['its name', 'Telehealth Visit Joined', {}],
    ['its name', 'e-visit launched', {}],
    ['its name', 'Virtual Appointment Started', {}],
    ['its category and name', 'Joined', { category: 'Video Appointment' }],
    ['its category and name', 'Call Started', { category: 'telemedicine' }],
  ])('blocks by %s (%s)', (_by, event, properties) => {
    expect(blocked(onHome(properties, event))).toBe(true);
  });

  it('lets a video played or the visit’s public page through', () => {
    expect(blocked(onHome({ category: 'Virtual Care Overview' }, 'Video Started'))).toBe(false);
    expect(blocked(onHome({}, 'Virtual Tour Started'))).toBe(false);
    expect(blocked(onHome({ service: 'Primary Care' }, 'Online Appointment Started'))).toBe(false);
    expect(blocked(pageOn('/virtual-visits'))).toBe(false);
  });
});

describe('condition words in campaign labels and in Spanish', () => {
  it('withholds PrEP before a marketing asset’s word', () => {
    const t = sent(onHome({ creative: 'prep-banner-spring', promo: 'PrEPAwareness2026', cta: 'prep_landing_b' }));
    expect(t.toLowerCase()).not.toContain('prep');
  });

  it('keeps preparation words', () => {
    const t = sent(onHome({ video: 'colonoscopy-prep-video', guide: 'prepare-for-surgery', class: 'childbirth-prep' }));
    for (const v of ['colonoscopy-prep-video', 'prepare-for-surgery', 'childbirth-prep']) expect(t).toContain(v);
  });

  it('withholds Spanish condition words', () => {
    const t = sent(onHome({ topic: 'Trastorno alimentario en adolescentes', group: 'Salud sexual', test: 'Pruebas de ETS gratis', svc: 'Esquizofrenia' }));
    for (const v of ['alimentario', 'Salud sexual', 'ETS', 'Esquizofrenia']) expect(t).not.toContain(v);
  });
});

describe('utility: charities and products', () => {
  it('keeps a charity’s name that holds a condition word', () => {
    const t = sent(onHome({ fund: 'Leukemia Research Foundation Walk', event_title: 'Alzheimer’s Association Gala' }, 'Donation Completed'));
    expect(t).toContain('Leukemia Research Foundation Walk');
    expect(t).toContain('Alzheimer’s Association Gala');
  });

  it('still withholds a condition word outside the charity’s name', () => {
    const t = sent(onHome({ a: 'Melanoma Walk', b: 'Lymphoma Center Fund Drive', c: 'Depression Fundraiser', d: 'HIV support - Cancer Society' }, 'Donation Completed'));
    for (const v of ['Melanoma', 'Lymphoma', 'Depression', 'HIV']) expect(t).not.toContain(v);
  });

  it('keeps a product named like a person when its last word is a kind of product', () => {
    const t = sent({ type: 'track', event: 'Product Added', properties: { product_id: 'sku-9', name: 'Shingles Vaccine', price: 180 }, ...pageOn('/shop') });
    expect(t).toContain('Shingles Vaccine');
    const u = sent({ type: 'track', event: 'Product Added', properties: { product_id: 'sku-9', name: 'Marta Quillen', price: 180 }, ...pageOn('/shop') });
    expect(u).not.toContain('Quillen');
    expect(sent({ type: 'track', event: 'Order Completed', properties: { products: [{ sku: 'g1', name: 'Gift Basket', price: 40 }] }, ...pageOn('/gift-shop') })).toContain('Gift Basket');
  });
});
