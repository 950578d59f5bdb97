import { describe, expect, it } from 'vitest';
import { openPlanProbe, pageOn } from '../helpers/open-plan.js';

// Blind pass 28 (H125): a front controller deeper in the path, MVC dispatcher parameters (ColdBox, Fusebox,
// Struts), a possessive read as a locale tag, one's own labs and images, a results look-up, and a prescription
// requested in German and Finnish. Every event goes to the open destination (no BAA); spellings are the tests'
// own, not the blind corpus's.
const { blocked, sent } = openPlanProbe('p28');

describe('a front controller deeper in the path routes what follows it', () => {
  it.each([
    '/public/index.php/billing/statements', '/cms/Default.aspx/messages/inbox', '/clinic/index.cfm/secure/home',
    '/index.cfm/fuseaction/secure.home', '/northbay/index.cfm/event/account.overview/id/3', '/v2/app.php/records/2026',
    '/web/index.php%2Fportal%2Finbox', '/index.php?/test-results/latest', '/index.php?%2Fbilling%2Fpay',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets public pages under a front controller flow, with their path', () => {
    for (const path of ['/public/index.php/about/history', '/cms/Default.aspx/careers/nursing', '/index.cfm/fuseaction/news.detail/id/4', '/index.php?/locations/west']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
    expect(sent(pageOn('/public/index.php/about/history'))).toContain('/public/index.php/about/history');
  });
});

describe("a dispatcher parameter's handler and action", () => {
  it.each([
    '/index.cfm?event=billing.statements', '/?fuseaction=portal:inbox', '/clinic/main.cfm?event=rx.renewRequest',
    '/events.cfm?event=mychart.inbox', '/Pharmacy.do?method=renewRx', '/Lab.action?method=viewResults', '/Visit.do?method=confirm',
    '/index.cfm?Event=Appointments:Confirmation',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets public handlers flow', () => {
    for (const path of ['/Locations.do?method=list', '/index.cfm?event=news.detail&id=9', '/Events.cfm?action=calendar.month', '/Pharmacy.do?method=hours']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe("`my-` before a short word is a possessive, not a locale tag", () => {
  it.each(['/my-labs', '/my-bill', '/my-rx', '/my-meds/list'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('still reads real locale tags before a path', () => {
    for (const path of ['/zh-hant/patient-portal', '/sr-latn/bill-pay', '/my-mm/patient-portal', '/en-gb/test-results']) expect(blocked(pageOn(path)), path).toBe(true);
    expect(blocked(pageOn('/my-mm/about'))).toBe(false);
  });
});

describe("one's own labs and images, a results look-up, a prescription requested in German and Finnish", () => {
  it.each([
    '/imaging/download-your-x-rays', '/access-my-imaging', '/lab-results-lookup', '/covid-19/find-my-results', '/labs/results-status',
    '/de/folgerezept', '/de/rezeptanforderung', '/fi/uusi-resepti', '/fi/reseptin-uusintapyynto',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets service and directory pages flow', () => {
    for (const path of ['/services/radiology/mri', '/find-a-doctor/results', '/services/imaging/locations', '/fi/uutiset']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe('second dev set: results, images, tele-specialties, CMS accounts and prescription requests in other words', () => {
  it.each([
    '/fr/vos-resultats', '/de/meine-laborwerte', '/es/tus-resultados', '/it/le-mie-analisi', '/de/ihre-ergebnisse',
    '/sti-testing/results', '/drug-testing/reports', '/x-ray-copies', '/radiology-cd-request', '/patient-images-download',
    '/teletherapy/join/8812', '/telepsych/waiting-room', '/virtual-counseling/session/5', '/user/password', '/user/reset/12/abc',
    '/it/richiedi-la-ricetta', '/fr/demander-une-ordonnance', '/pt/solicitar-receita', '/sv/receptbestallning',
  ])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it("blocks PocketHealth's patient app, not the company's site", () => {
    expect(blocked({ context: { page: { url: 'https://mypockethealth.com/share/9f2c' } } })).toBe(true);
    expect(blocked({ context: { page: { url: 'https://www.pockethealth.com/blog/imaging-access' } } })).toBe(false);
  });

  it("reads a virtual page view's URL and a router's route object as the page", () => {
    expect(blocked({ type: 'track', event: 'Virtual Page View', properties: { virtualPageURL: '/vp/secure/home' }, ...pageOn('/') })).toBe(true);
    expect(blocked({ type: 'track', event: 'Navigated', properties: { route: { name: 'inbox', path: '/messages/inbox' } }, ...pageOn('/') })).toBe(true);
    expect(blocked({ type: 'track', event: 'Navigated', properties: { route: { name: 'doctors', path: '/find-a-doctor' } }, ...pageOn('/') })).toBe(false);
  });

  it('lets look-alike public pages flow', () => {
    for (const path of ['/careers/teletherapy-clinician', '/news/testing/results-of-annual-survey', '/blog/2026/imaging-access', '/services/radiology/image-guided-biopsy', '/user-guide', '/fr/vos-droits']) {
      expect(blocked(pageOn(path)), path).toBe(false);
    }
  });
});

describe("a public page's session parameter", () => {
  it('is dropped from the path, and the segment it follows is kept', () => {
    const out = sent(pageOn('/careers;jsessionid=9A1FC0DE77B2/nursing'));
    expect(out).toContain('/careers/nursing');
    expect(out).not.toContain('9A1FC0DE77B2');
    expect(sent(pageOn('/locations/X7Q2K9LM4P;jsessionid=1/hours'))).toContain('/locations/:id/hours');
  });
});
