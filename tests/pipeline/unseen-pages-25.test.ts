import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 25 (H110): a request's done step, dispatcher verbs and matrix parameters naming the
// page, hash routes sent readable when clean, the areas in more language-access languages, and clean
// look-alikes (a job named for the portal, a class listing for a term). Every event goes to the open
// destination (no BAA); spellings are the tests' own, not the blind corpus's.
const { blocked, sent } = openPlanProbe('p25');
const titled = (path: string, title: string) => ({ name: title, context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });

describe("a request's done step is a booking done", () => {
  it.each(['/appointment-request/submitted', '/request-an-appointment/sent', '/appointments/request-received', '/consultation-request/complete',
    '/en/request-a-visit/submitted', '/appointments/submitted'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets the request form, other thank-you pages and the request event flow', () => {
    for (const path of ['/request-appointment', '/appointment-request', '/contact-us/thank-you', '/newsletter/thank-you', '/events/request-info/submitted']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
    expect(blocked({ type: 'track', event: 'Appointment Requested', ...pageOn('/request-appointment') })).toBe(false);
  });
});

describe('the page named in a query or in matrix parameters', () => {
  it.each(['/?do=pay-bill', '/?op=refill', '/index.php?cmd=lab-results', '/?act=my-messages'])('blocks the root dispatcher verb %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('keeps verbs that name no area, and the verb off the root', () => {
    for (const path of ['/?op=print', '/?do=subscribe', '/find-a-doctor?do=results']) expect(blocked(pageOn(path)), path).toBe(false);
  });

  it.each(['/pharmacy;section=refills/request', '/pharmacy;refills', '/services;area=refill-request', '/care;view=test-results'])('reads matrix values as steps of %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('keeps clean matrix parameters and session ids', () => {
    for (const path of ['/news;page=2', '/locations;jsessionid=77AB01CD/west', '/doctors;specialty=cardiology']) expect(blocked(pageOn(path)), path).toBe(false);
  });
});

describe('a hash-routed page', () => {
  it('sends a clean route readable, with the group the route is in', () => {
    const out = sent(pageOn('/#/services/cardiology'));
    expect(out).toContain(`${OPEN_SITE}/#/services/cardiology`);
    expect(out).toContain('"page_group":"service"');
    expect(sent(pageOn('/app/#!/find-a-doctor/dr-amy-ng'))).toContain(`${OPEN_SITE}/app/#/find-a-doctor/dr-amy-ng`);
  });

  it("sanitizes the route like a path: ids, the fragment's query and anchors do not go on", () => {
    const out = sent(pageOn('/#/doctors/44120987?token=zq81'));
    expect(out).toContain('/#/doctors/:id');
    expect(out).not.toContain('zq81');
    expect(out).not.toContain('44120987');
    expect(sent(pageOn('/#access_token=eyJabc.def'))).not.toContain('eyJabc');
  });

  it('withholds a route into a sensitive group and blocks a sensitive route', () => {
    const out = sent(pageOn('/#/conditions/asthma'));
    expect(out).toContain('"page_group":"condition"');
    expect(out).not.toContain('asthma');
    for (const path of ['/#/portal/messages', '/#!/billing/pay-now', '/index.html#/refills/new', '/#/checkin/today']) expect(blocked(pageOn(path)), path).toBe(true);
  });
});

describe('the areas in more language-access languages', () => {
  it.each(['/gu/મારા-પરિણામો', '/pa/ਮੇਰੇ-ਨਤੀਜੇ', '/ne/मेरो-नतिजा', '/ta/எனது-முடிவுகள்', '/te/పరీక్ష-ఫలితాలు', '/km/លទ្ធផលតេស្ត',
    '/hy/իմ-արդյունքները', '/mr/रुग्ण-पोर्टल', '/gu/બિલ-ચૂકવો', '/pa/ਮੇਰਾ-ਖਾਤਾ', '/lo/ຜົນການກວດ'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('keeps their public pages', () => {
    for (const path of ['/gu/કારકિર્દી', '/pa/ਪਾਰਕਿੰਗ', '/ta/செய்திகள்', '/hy/նորություններ', '/ne/दान']) expect(blocked(pageOn(path)), path).toBe(false);
  });
});

describe('clean look-alikes', () => {
  it("lets a job posting titled after the portal flow, and still blocks the portal's own titles", () => {
    expect(blocked(titled('/careers/patient-portal-analyst', 'Patient Portal Analyst | Careers'))).toBe(false);
    expect(blocked(titled('/jobs/4471', 'MyChart Trainer'))).toBe(false);
    for (const t of ['MyChart Login', 'Patient Portal | Example Health', 'Patient Portal Messages']) expect(blocked(titled('/x', t)), t).toBe(true);
  });

  it('lets a class listing for a term or a date flow, while a topic or a done step still blocks', () => {
    for (const path of ['/classes/schedule/spring-2027', '/classes/calendar/2027-03', '/events/calendar/fall']) expect(blocked(pageOn(path)), path).toBe(false);
    for (const path of ['/classes/weight-loss/register', '/classes/schedule/diabetes', '/classes/register/confirmation']) expect(blocked(pageOn(path)), path).toBe(true);
  });
});

describe('a request done said in a title, and more vendor hosts', () => {
  it('blocks a request received or thanked for as a sentence, and one’s results in Tagalog said in full', () => {
    for (const t of ['Your appointment request has been received', 'Thank you for requesting an appointment', 'Visit request submitted', 'Mga resulta ng aking pagsusuri']) {
      expect(blocked(titled('/node/12', t)), t).toBe(true);
    }
    for (const t of ['Thank you for your gift', 'Application received', 'Request received', 'Visiting Hours']) expect(blocked(titled('/node/12', t)), t).toBe(false);
  });

  // ModMed's `mmpp.com` was dropped by blind pass 28 (no public page ties it to ModMed; its portals are `<practice>.ema.md`).
  it("blocks HealtheLife's and eClinicalWorks' portal hosts and NexHealth's booking app, not NexHealth's own site", () => {
    for (const url of ['https://lakeview.cernerhealth.com/home', 'https://mycw7.eclinicalweb.com/portal2201/jsp/100mp/login.jsp',
      'https://app.nexhealth.com/appt/lakeview-family']) {
      expect(blocked({ context: { page: { url } } }), url).toBe(true);
    }
    expect(blocked({ context: { page: { url: 'https://www.nexhealth.com/pricing' } } })).toBe(false);
  });
});

describe('found by the held half after its measurement', () => {
  it("reads a flow's step after a route spelled in the query, and Solv's booking pages", () => {
    for (const path of ['/?section=appointments&step=confirmed', '/?page=appointments&stage=done']) expect(blocked(pageOn(path)), path).toBe(true);
    expect(blocked(pageOn('/find-a-doctor?view=results&step=2'))).toBe(false);
    expect(blocked({ context: { page: { url: 'https://www.solvhealth.com/book-online/lakeview-urgent-care-x2' } } })).toBe(true);
    expect(blocked({ context: { page: { url: 'https://www.solvhealth.com/urgent-care/wa/seattle' } } })).toBe(false);
  });
});
