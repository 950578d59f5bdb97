import { describe, expect, it } from 'vitest';
import { gtagToEvents } from '../../src/ingest/gtag.js';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { openPlanProbe, pageAt, pageOn } from '../helpers/open-plan.js';

// Blind red-team pass 21 (H85, sensitive pages): program codes as a whole path segment, patient-facing
// vendor hosts (whole domains, or only some pages of one), and the condition words the pass found
// missing. Each test uses its own spellings, not the blind corpus's; every event goes to the open
// destination (no BAA, every property and page field allowed).
const { plan, blocked, sent } = openPlanProbe('p21');
const track = (event: string, path: string, properties: Record<string, unknown> = {}) => ({ type: 'track', event, properties, ...pageOn(path) });

describe('a program code as a whole path segment', () => {
  it.each([
    ['/bh/', '/bh'], ['/bh', '/bh'], ['/programs/bh/family-therapy', '/bh/'], ['/sud/medication-management', '/sud/'],
    ['/care/oud', '/oud'], ['/mat/bridge', '/mat/'], ['/women/ob/', '/ob/'], ['/gyn/annual-exam', '/gyn/'], ['/clinics/sti/', '/sti/'],
  ])('%s is a sensitive page: the open destination gets its group, not the path', (path, code) => {
    expect(blocked(pageOn(path))).toBe(false);
    const out = sent(pageOn(path));
    expect(out).not.toContain(code);
    expect(out).toContain('"page_group"');
  });

  it('a segment that only starts with a code is another word, and its path goes out', () => {
    for (const path of ['/about/bh-board-minutes', '/locations/clinique-sud', '/mattress-recycling', '/news/obituaries-2026', '/gyms-near-campus', '/careers/mat-leave']) {
      expect(sent(pageOn(path))).toContain(path);
    }
  });
});

describe('condition words the pass found missing', () => {
  it.each(['/ryan-white-clinic', '/genetics/brca1-brca2', '/behavioral/panic-disorder-program', '/lgbt-health-center'])('%s keeps its path from the open destination', (path) => {
    expect(sent(pageOn(path))).not.toContain(path.split('/').pop()!);
  });
});

describe('patient-facing vendor hosts', () => {
  it.each([
    'https://12345-1.portal.athenahealth.com/messages',
    'https://myidentity.platform.athenahealth.com/oauth2/v1/authorize?client_id=x',
    'https://consumer.scheduling.athena.io/?locationId=4410-1',
    'https://offsiteschedule.zocdoc.com/remote/widget',
    'https://www.zocdoc.com/booking/visitreason?professionalId=9',
    'https://www.zocdoc.com/booking-link/doctor/pat-kim-md-1',
    'https://www.forhers.com/consultation/weight-loss',
    'https://start.hims.com/',
    'https://ro.co/weight-loss/start',
    'https://www.goodrx.com/coupon/sertraline?quantity=30',
  ])('blocks a page at %s', (url) => {
    expect(blocked(pageAt(url))).toBe(true);
  });

  it('blocks the vendor page in a frame or widget address, and in a GA4 hit', () => {
    expect(blocked(track('Step Viewed', '/book', { embed_src: 'https://www.zocdoc.com/booking/insurance' }))).toBe(true);
    const [ev] = gtagToEvents(new URLSearchParams({ v: '2', tid: 'G-DEMO000000', cid: '1.2', en: 'page_view', dl: 'https://consumer.scheduling.athena.io/?locationId=9' }), '').events;
    expect(dryRunLine(ev as never, plan, { idFor: () => 'pw' }).every((r) => r.payload === undefined)).toBe(true);
  });

  it("lets the vendors' other pages, and the site pages about them, through", () => {
    for (const url of ['https://www.zocdoc.com/doctor/pat-kim-md-1', 'https://help.athenahealth.com/ohelp/portal.htm', 'https://www.goodrx.com/well-being/sleep-tips']) {
      expect(blocked(pageAt(url))).toBe(false);
    }
    expect(sent(pageOn('/news/northbay-joins-zocdoc'))).toContain('/news/northbay-joins-zocdoc');
  });

  it('drops a link to a vendor booking page, not the event', () => {
    const out = sent(track('Outbound Link Clicked', '/find-a-doctor', { link_url: 'https://www.zocdoc.com/booking/start?professionalId=3' }));
    expect(out).toContain('Outbound Link Clicked');
    expect(out).not.toContain('zocdoc.com/booking');
  });
});

// Found by the held half, fixed after it was measured once.
describe('a bill paid noun first, results after a verb, billing help, and more condition words', () => {
  it.each(['/fr/paiement-des-factures', '/es-mx/pago-de-su-factura', '/pt-br/pagamento-da-fatura', '/it/pagamento-della-fattura', '/de/online-rechnungszahlung', '/access_results.aspx', '/es/consultar-mis-resultados'])('blocks %s', (path) => {
    expect(blocked(pageOn(path))).toBe(true);
  });

  it('lets billing help pages and payment policies through', () => {
    for (const path of ['/billing/help', '/bills/how-to-read-your-statement', '/fr/politique-de-paiement']) expect(blocked(pageOn(path))).toBe(false);
  });

  it.each(['/trans-care-team', '/aod-program/family', '/hereditary-angioedema-clinic', '/genetic-counseling'])('%s keeps its path from the open destination', (path) => {
    expect(sent(pageOn(path))).not.toContain(path.split('/')[1]);
  });
});
