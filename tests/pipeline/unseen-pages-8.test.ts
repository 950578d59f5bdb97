import { describe, expect, it } from 'vitest';
import { compileTerms } from '../../src/rules/term-pattern.js';
import { HOME_PAGE, OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Sensitive context outside the page's path, found by blind red-team pass 11 (.tmp/h57/gen.mjs,
// written without reading the rules): forms named for an intake or a screening, prescriptions in a
// shop's cart under other spellings, one-word area names, video-visit rooms under /meet/, app screens
// of kiosks, bedside tablets, remote monitoring and a health app's records, webviews, and condition
// vocabulary (misspellings, drugs, procedures, program abbreviations, more languages). Each test uses
// its own spellings, not the generator's; every event goes to the open destination (no BAA).
const { blocked, sent } = openPlanProbe('p8');
const onHome = (properties: Record<string, unknown>, event = 'Form Submitted') => ({ type: 'track', event, properties, ...HOME_PAGE });
const inShop = (event: string, properties: Record<string, unknown>) => ({ type: 'track', event, properties, ...pageOn('/shop/cart') });
const screen = (name: string, app?: Record<string, unknown>) => ({ type: 'screen', name, properties: { name }, context: app ? { app } : {} });

describe('forms named for an intake, a screening or an assessment', () => {
  it.each([{ form_id: 'prep-clinic-intake' }, { form_title: 'Depression Screening (PHQ-9)' }, { formName: 'Adolescent Eating Disorder Intake' }, { form_slug: 'anxiety-screening' },
    { form: 'alcohol-use-assessment' }, { form_key: 'sexual_health_questionnaire' }])('blocks %j', (properties) => {
    expect(blocked(onHome(properties))).toBe(true);
  });

  it('reads a form under a plugin’s own key', () => {
    expect(blocked(onHome({ gravity_form: 'Bariatric Surgery Intake' }))).toBe(true);
    expect(blocked(onHome({ hsFormName: 'Depression Screening Questionnaire' }))).toBe(true);
    expect(blocked(onHome({ platform: 'pay-bill', gravity_form: 'Contact Us' }))).toBe(false);
  });

  it('keeps forms of careers, volunteers, consent banners and surveys', () => {
    for (const properties of [{ form_name: 'Volunteer Screening' }, { form_name: 'Pre-employment Assessment' }, { form_id: 'cookie-consent' },
      { form_name: 'Visitor Satisfaction Survey' }, { form: 'newsletter-signup' }, { form_name: 'Class Registration' }]) {
      expect(blocked(onHome(properties))).toBe(false);
    }
  });
});

describe('prescriptions in a shop’s cart', () => {
  it.each([
    ['a category naming prescriptions', { items: [{ item_name: 'Losartan 25mg', item_category: 'Prescription Medications' }] }],
    ['an Rx word in a lower category', { items: [{ item_name: 'Atenolol', item_category: 'Heart', item_category4: 'Rx-only' }] }],
    ['a flag on the item', { products: [{ name: 'Pantoprazole', category: 'Digestive', prescription_required: true }] }],
    ['a list named for prescriptions', { items: [{ item_name: 'Montelukast', item_list_name: 'Your prescriptions' }] }],
    ['a data layer’s ecommerce object', { ecommerce: { items: [{ item_name: 'Sumatriptan', item_category: 'Prescription Drugs' }] } }],
    ['enhanced e-commerce’s action object', { ecommerce: { purchase: { products: [{ name: 'Cetirizine', category: 'Rx / Allergy' }] } } }],
  ])('blocks %s', (_why, properties) => {
    expect(blocked(inShop('Order Completed', properties))).toBe(true);
  });

  it('blocks one product’s event flagged a prescription', () => {
    expect(blocked(inShop('Product Added', { product_id: 'p-9', name: 'Omeprazole', category: 'Stomach', is_rx: true }))).toBe(true);
  });

  it('blocks any event flagged a prescription', () => {
    expect(blocked(inShop('Added to Bag', { sku_name: 'Doxycycline 100mg', needs_prescription: true }))).toBe(true);
    expect(blocked(inShop('Added to Bag', { sku_name: 'Sunscreen', needs_prescription: false }))).toBe(false);
  });

  it('keeps over-the-counter items, eyewear and savings cards', () => {
    for (const category of ['Non-Prescription', 'OTC (no prescription needed)', 'Prescription Sunglasses', 'Rx Savings Card', 'First Aid']) {
      expect(blocked(inShop('Order Completed', { items: [{ item_name: 'Item', item_category: category }] }))).toBe(false);
    }
  });
});

describe('an area named in one word', () => {
  it.each([{ view: 'paybills' }, { tab: 'labresult' }, { category: 'mymessages' }, { currentView: 'rxrefills' }, { tab: 'medicalrecords' }, { section: 'my-inbox' }])(
    'blocks %j', (properties) => {
      expect(blocked(onHome(properties, 'Widget Used'))).toBe(true);
    },
  );

  it('keeps one plain word and compounds that name no area', () => {
    for (const properties of [{ view: 'results' }, { view: 'login' }, { tab: 'testimonials' }, { category: 'ebooks' }, { category: 'payroll' }, { view: 'healthcare' }]) {
      expect(blocked(onHome(properties, 'Widget Used'))).toBe(false);
    }
  });
});

describe('a video visit’s room under /meet/', () => {
  it('blocks a room and its waiting room, and a meet. subdomain', () => {
    expect(blocked(pageOn('/meet/dr-okafor'))).toBe(true);
    expect(blocked(pageOn('/meet/drokafor/lobby'))).toBe(true);
    expect(blocked({ context: { page: { path: '/dr-okafor', url: 'https://meet.example-health.org/dr-okafor' } } })).toBe(true);
  });

  it('keeps a provider’s bio and the team page', () => {
    for (const p of ['/meet-dr-okafor', '/meet/our-team', '/meet-the-team', '/providers/dr-okafor']) expect(blocked(pageOn(p))).toBe(false);
  });
});

describe('app screens, kiosks and webviews', () => {
  it.each(['KioskCheckInStart', 'Kiosk - Confirm Insurance', 'LobbyKioskWelcome', 'MedicationTimesView', 'CoPayDueScreen', 'BedsideMenuView', 'PatientTV - My Care Team', 'VitalsFragment',
    'BloodGlucoseLogScreen', 'WeightTrendsActivity', 'AllergyListViewController', 'DischargeInstructionsPage', 'InsuranceCardsScreen', 'PainScaleEntry'])(
    'blocks the screen %s', (name) => {
      expect(blocked(screen(name))).toBe(true);
    },
  );

  it('blocks any screen of a portal’s app, and webview routes', () => {
    expect(blocked(screen('Welcome', { name: 'MyChart', version: '11.2' }))).toBe(true);
    expect(blocked(screen('Dashboard', { name: 'healow', version: '5.1' }))).toBe(true);
    expect(blocked(screen('Movies', { name: 'Bedside Tablet' }))).toBe(true);
    expect(blocked({ context: { page: { path: '/rpm', url: 'capacitor://localhost/rpm' } } })).toBe(true);
    expect(blocked({ context: { page: { path: '/assets/mychart/home.html', url: 'https://appassets.androidplatform.net/assets/mychart/home.html' } } })).toBe(true);
  });

  it('reads the screen an app’s tracked event names', () => {
    const app = { name: 'Example Health', version: '3.0' };
    expect(blocked({ type: 'track', event: 'Button Tapped', properties: { screen_name: 'HeartRateHistoryScreen' }, context: { app } })).toBe(true);
    expect(blocked({ type: 'track', event: 'Button Tapped', properties: { screen_name: 'LocationsMapScreen' }, context: { app } })).toBe(false);
    // A web page's `screen_name` is not an app screen.
    expect(blocked({ type: 'track', event: 'Button Tapped', properties: { screen_name: 'VitalsScreen' }, ...HOME_PAGE })).toBe(false);
  });

  it('keeps public screens, and web pages about the same topics', () => {
    for (const name of ['FindADoctorScreen', 'ParkingMapView', 'ReadingListScreen', 'ImmunizationScheduleScreen', 'NewsDetailActivity', 'HomeScreen']) {
      expect(blocked(screen(name, { name: 'Example Health' }))).toBe(false);
    }
    for (const p of ['/immunizations', '/allergies', '/services/remote-patient-monitoring', '/patients-visitors/kiosks']) expect(blocked(pageOn(p))).toBe(false);
    expect(blocked({ context: { page: { path: '/tabs/find-care', url: 'capacitor://localhost/tabs/find-care' } } })).toBe(false);
  });
});

describe('condition vocabulary in an event’s properties and pages', () => {
  it.each([['alzeimers care', 'alzeimer'], ['Trazodone refills info', 'trazodone'], ['Latuda', 'latuda'], ['Nuvaring', 'nuvaring'],
    ['Colposcopy visit', 'colposcopy'], ['Intensive Outpatient (IOP)', 'intensive'], ['MAT program', 'mat program'], ['Tamoxifen support', 'tamoxifen'],
    ['PrEP', 'prep'], ['pep', 'pep'], ['SUD', 'sud'], ['OUD treatment', 'oud'], ['toxicomanie', 'toxicomanie'], ['залежність', 'залежн'], ['הפלה', 'הפלה']])(
    'withholds %s', (value, term) => {
      const out = sent(onHome({ service_line: value, cta: 'learn-more' }, 'CTA Clicked')).toLowerCase();
      expect(out).toContain('learn-more');
      expect(out).not.toContain(term);
    },
  );

  it('reads a page with a drug or procedure in its path as sensitive', () => {
    for (const p of ['/treatments/lisdexamfetamine', '/womens-health/hysterectomy', '/services/tms-therapy', '/sante/toxicomanie']) {
      const out = sent(pageOn(p));
      expect(out).not.toContain(p.split('/').pop()!);
      expect(blocked(pageOn(p))).toBe(false);
    }
  });

  it('keeps words an abbreviation is the start of, and the emergency department', () => {
    for (const value of ['prepare for your visit', 'Maternity tour', 'biopsy center', 'Emergency Department (ED)', 'meal prep class', 'pepper', 'sudden cardiac arrest', 'cloud storage']) {
      expect(sent(onHome({ service_line: value }, 'CTA Clicked'))).toContain(value);
    }
    expect(sent(pageOn('/index.php?page=careers'))).toContain(`${OPEN_SITE}/index.php`);
  });
});

describe('a drug library under /medications/', () => {
  it('keeps a drug’s page (withheld as a sensitive page) and blocks the visitor’s medication list', () => {
    expect(blocked(pageOn('/medications/escitalopram'))).toBe(false);
    expect(sent(pageOn('/medications/escitalopram'))).not.toContain('escitalopram');
    for (const p of ['/medications', '/medications/renew', '/medications/my-list', '/medications/88123', '/medications/escitalopram/refill']) expect(blocked(pageOn(p))).toBe(true);
  });
});

describe('whole-value terms', () => {
  it('read `=term` only as the whole value, separators around it aside', () => {
    const re = compileTerms(['hiv', '=prep'])!;
    for (const t of ['PrEP', ' prep ', '-PREP-']) expect(re.test(t)).toBe(true);
    for (const t of ['prepare', 'meal prep', '/prep', 'prep class']) expect(re.test(t)).toBe(false);
    expect(re.test('hiv testing')).toBe(true);
    expect(compileTerms(['=prep'])!.test('PrEP')).toBe(true);
  });
});
