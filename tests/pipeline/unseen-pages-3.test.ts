import { describe, expect, it } from 'vitest';
import { HOME_PAGE as home, OPEN_SITE, openPlanProbe, pageAt as at, pageOn as page } from '../helpers/open-plan.js';
import { gtagToEvents } from '../../src/ingest/gtag.js';

// Sensitive-page classes found by a fifth red-team pass (.tmp/h33/gen.mjs): blocked pages reached
// through framework routes, look-alike letters, invisible characters and odd escapes, named with
// other words (Spanish, visit records, telehealth rooms), hosted by portal vendors, or carried
// in page properties, titles and event names; condition pages in other spellings. Each test
// uses its own spellings, not the generator's; every event goes to the open destination
// (every field allowed, no BAA).
const { rows, blocked, sent } = openPlanProbe('p3');
const SITE = OPEN_SITE;

describe('blocked pages behind framework routes and odd spellings', () => {
  it.each([
    ['a CGI script', '/cgi-bin/mychart.pl'],
    ['a servlet', '/servlets/PayBill'],
    ['a Struts action', '/webapps/refills.action'],
    ['a Windows trailing dot', '/patient-portal../letters'],
    ['an IIS %u escape of the slash', '/pharmacy%u002Frefill'],
    ['an overlong UTF-8 slash', '/billing%C0%AFpay-now'],
    ['an underscore for a space', '/pay_my_bill'],
    ['a dot between words', '/patient.portal/letters'],
    ['a Cyrillic letter', '/my\u0441h\u0430rt/letters'],
    ['a Greek letter', '/\u03c1ortal/visits'],
    ['a small capital', '/\u1d18ay-bill'],
    ['a combining grapheme joiner', '/my\u034fchart'],
    ['a direction mark', '/patient-\u200fportal'],
  ])('blocks %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });

  it('reads a backslash or a full-width solidus after the host as the start of the path', () => {
    expect(blocked(at(`${SITE}\\mychart\\letters`))).toBe(true);
    expect(blocked(at(`${SITE}\uff0fportal\uff0fvisits`))).toBe(true);
  });

  it.each([
    ['a WordPress page id', '/?page_id=mychart'],
    ['a DotNetNuke tab', '/Default.aspx?tabid=billpay'],
    ['a Fusebox action', '/index.cfm?fuseaction=pharmacy.refill'],
    ['a Yii route', '/index.php?r=patient-portal/letters'],
  ])('blocks a page routed by %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });

  it('keeps ordinary pages with the same shapes', () => {
    for (const path of ['/cgi-bin/directions.pl', '/services/sleep_medicine', '/blog/v2.5-release', '/?page_id=17', '/index.cfm?fuseaction=news.list', '/servicios./pediatria']) {
      expect(blocked(page(path))).toBe(false);
    }
  });
});

describe('other words for the same areas', () => {
  it.each([
    '/my-statements', '/express-pay', '/estimate-my-costs', '/request-a-refill', '/renew-my-prescription', '/message-center/new',
    '/after-visit-summaries', '/past-visits', '/covid19-results', '/health-summary', '/portal-de-pacientes/inicio', '/pagar-mi-cuenta',
    '/resultados-de-examenes', '/reservas/confirmacion', '/cerrar-sesion', '/mis-recetas', '/pre-registro', '/expediente-medico',
    '/telemedicine/join/9931', '/virtual-health/connect', '/join-appointment', '/telesalud/sala',
  ])('blocks %s', (path) => {
    expect(blocked(page(path))).toBe(true);
  });

  it('keeps the public pages next to them', () => {
    for (const path of ['/services/pharmacy', '/blog/understanding-your-statement', '/servicios/cardiologia', '/telehealth', '/about/billing-office-hours', '/locations/main-campus/visiting-hours']) {
      expect(blocked(page(path))).toBe(false);
    }
  });
});

describe('portal vendors on their own domains', () => {
  it.each([
    'https://example.iqhealth.com/self-enroll', 'https://apps.healow.com/example', 'https://example.nextmd.com/',
    'https://secure2.example-health.org/', 'https://xn--mychrt-6nf.example-health.org/',
  ])('blocks %s', (url) => {
    expect(blocked(at(url))).toBe(true);
  });
});

describe('the page carried in other places', () => {
  it.each([
    ['GA4 page_location', { page_location: `${SITE}/my-chart/letters` }],
    ['a page_path', { page_path: '/refill-request' }],
    ['Mixpanel $current_url', { $current_url: `${SITE}/pay-bill` }],
    ['an AMP document URL', { ampdocUrl: `${SITE}/amp/patient-portal/` }],
    ['a pathname', { pathname: '/intake/forms' }],
    ['a page title', { page_title: 'My Chart \u2013 Letters' }],
    ['a screen', { screen: 'Billing > Pay Online' }],
    ['breadcrumbs', { breadcrumb: [{ url: '/' }, { url: '/patient-portal/' }, { url: '/patient-portal/letters' }] }],
  ])('blocks a page view whose %s names a blocked page', (_why, properties) => {
    expect(blocked({ ...home, properties })).toBe(true);
  });

  it('blocks a page whose title names a blocked page', () => {
    expect(blocked({ context: { page: { path: '/', url: `${SITE}/`, title: 'Pay Your Bill Online - Example Health' } } })).toBe(true);
    expect(blocked({ context: { page: { path: '/', url: `${SITE}/`, title: 'Portal del Paciente | Example Health' } } })).toBe(true);
  });

  it('blocks tracked events named after the portal or a refill', () => {
    for (const event of ['MyChart Letter Opened', 'Prescription Refill Sent', 'Patient Portal Enrolled']) {
      expect(blocked({ ...home, type: 'track', event })).toBe(true);
    }
  });

  it('keeps ordinary properties, titles and event names', () => {
    expect(blocked({ ...home, properties: { location: 'Main Campus', page: 'home', breadcrumb: [{ url: '/services/' }] } })).toBe(false);
    expect(blocked({ context: { page: { path: '/', url: `${SITE}/`, title: 'Find a Doctor | Example Health' } } })).toBe(false);
    for (const event of ['Appointment Requested', 'Login', 'Search', 'Sign Up', 'Billing Question Submitted']) {
      expect(blocked({ ...home, type: 'track', event })).toBe(false);
    }
  });

  it('a GA4 hit with a document path or a page_location of a blocked page is blocked', () => {
    const hit = (params: Record<string, string>) => gtagToEvents(new URLSearchParams({ v: '2', tid: 'G-X', cid: '1.2', ...params }), '').events.map((e) => rows(e));
    const hits: Record<string, string>[] = [{ en: 'page_view', dl: `${SITE}/`, dp: '/my-chart/letters' }, { en: 'page_view', dl: `${SITE}/`, 'ep.page_location': `${SITE}/bill-pay/` }, { en: 'page_view', dl: `${SITE}/`, dt: 'Pay My Bill | Example' }];
    for (const params of hits) {
      const [r] = hit(params);
      expect(r.every((x) => x.blocked !== undefined)).toBe(true);
    }
  });
});

describe('pages reached through copies, escapes, redirects and app links', () => {
  it.each([
    ['an AMP copy', '/amp/my-statements'],
    ['a mobile copy', '/m/guest-pay'],
    ['an app mount point', '/app/message-center'],
    ['a tab bar route', '/tabs/my-results'],
    ['an escaped fragment route', '/portal-app%23%2Fpay-statement'],
    ['a redirect to a fragment route', '/?next=%2F%23%2Fmy-bills'],
  ])('blocks %s', (_why, path) => {
    expect(blocked(page(path))).toBe(true);
  });

  it('blocks a page on its way to a portal host', () => {
    expect(blocked(page('/continue?url=https%3A%2F%2Fmychart.example-health.org%2Fhome'))).toBe(true);
  });

  it('blocks app deep links naming a blocked route', () => {
    expect(blocked(at('examplehealth://my-bills'))).toBe(true);
    expect(blocked(at('capacitor://localhost/tabs/inbox'))).toBe(true);
  });

  it('keeps an AMP or mobile copy of an ordinary page, and a redirect to one', () => {
    for (const path of ['/amp/blog/flu-tips', '/m/locations', '/app/find-a-doctor', '/?next=%2Fservices%2Fsleep']) expect(blocked(page(path))).toBe(false);
  });
});

describe('more places a page is named', () => {
  it('blocks a fragment sent apart from the URL', () => {
    expect(blocked({ context: { page: { path: '/', url: `${SITE}/`, hash: '#/my-bills' } } })).toBe(true);
    expect(blocked({ ...home, properties: { location_hash: '#!/mychart/letters' } })).toBe(true);
  });

  it('blocks a content group or page category naming the portal', () => {
    expect(blocked({ ...home, properties: { content_group: 'My Chart' } })).toBe(true);
    expect(blocked({ ...home, properties: { page_category: 'Billing > Pay Online' } })).toBe(true);
  });

  it("blocks a page view whose name (not its title) names a blocked page", () => {
    expect(blocked({ ...home, name: 'Pay My Bill' })).toBe(true);
  });

  it('blocks a same-site previous page or landing page in the portal, not another site\'s', () => {
    expect(blocked({ ...home, properties: { page_referrer: `${SITE}/patient-portal/letters` } })).toBe(true);
    expect(blocked({ ...home, properties: { landing_page: '/my-bills' } })).toBe(true);
    expect(blocked({ ...home, properties: { page_referrer: 'https://www.search.example/search?q=x' } })).toBe(false);
  });

  it('keeps an ordinary content group and page name', () => {
    expect(blocked({ ...home, properties: { content_group: 'Cardiology' }, name: 'Home' })).toBe(false);
  });
});

describe('condition pages in other spellings', () => {
  it('hides a gender clinic or sexual-health page from a destination without a BAA', () => {
    for (const path of ['/services/gender-clinic', '/clinics/sexual-health']) expect(sent(page(path))).not.toMatch(/gender|sexual/);
  });

  it.each([
    ['a British spelling', '/services/behavioural-health/adults', 'behavioural'],
    ['Spanish', '/es/salud/depresi%C3%B3n', 'depresi'],
    ['Spanish, two words', '/salud_mental/ninos', 'salud'],
    ['Spanish with an accent', '/c%C3%A1ncer-de-pulm%C3%B3n', 'ncer'],
  ])('hides %s from a destination without a BAA (the view is still counted in its page group)', (_why, path, term) => {
    const out = sent(page(path));
    expect(out).toContain('"page_group"');
    expect(out.toLowerCase()).not.toContain(term);
  });

  it('hides a page titled with a condition', () => {
    const out = sent({ context: { page: { path: '/', url: `${SITE}/`, title: 'Ansiedad en adolescentes | Example Health' } } });
    expect(out.toLowerCase()).not.toContain('ansiedad');
  });

  it('renames tracked events that name a condition in Spanish', () => {
    const out = sent({ ...home, type: 'track', event: 'Embarazo Guide Downloaded' });
    expect(out).toContain('Health Content Interaction');
    expect(out.toLowerCase()).not.toContain('embarazo');
  });
});
