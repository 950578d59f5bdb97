import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { processEvent } from '../../src/pipeline/process.js';
import { keepable, pageAddress } from '../../src/pipeline/address-memo.js';
import { addressOf, type AddressInputs } from '../../src/pipeline/page-address.js';
import { pageWithoutQuery } from '../../src/pipeline/query-address.js';
import { hostOf } from '../../src/rules/url-parts.js';
import { REPO, tempDir } from '../helpers/collector.js';

// A page whose URL carries a query is remembered without it when the query adds nothing to where the page is
// (query-address.ts, H190): the analysis must answer as a fresh one does, the routing queries included.

const rules = () => compileRules(loadConfig(join(REPO, 'rules/phiwall.yaml'), {}).rules, { dataDir: tempDir() });
const plan = rules();
const site = plan.sites[0];
const host = (u: string | undefined) => (u ? hostOf(u) : undefined);
const ids = { idFor: () => 'pw' };
const NOW = Date.parse('2026-12-01T00:00:00Z');

function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
}
const pick = <T>(r: (n: number) => number, xs: readonly T[]): T => xs[r(xs.length)];

const PATHS = ['/services/cardiology', '/careers', '/', '', '/conditions/hiv', '/patient-portal', '/fr/recherche', '/bmi-calculator', '/clinical-trials',
  '/index.php', '/web/index.php/portal', '/services/x.html', '/(tabs)/inbox', '/pharmacy;section=refills', '/caf%C3%A9', '/a%2Fb', '/services ', '/main.jsp', '/search'];
const ORIGINS = ['https://www.northbay-health.example', 'https://mychart.northbay-health.example', 'https://zocdoc.com', 'https://other.example', '//www.northbay-health.example', 'nbh://', '', 'http://localhost:8080'];
// Queries that add nothing (campaign tags, a visitor's identifiers) and queries that route, in the spellings routesOf reads.
const QUERIES = ['', '', '?utm_source=newsletter&utm_medium=email', '?email=jane.doe%40mail.example&mrn=MRN12345678', '?gclid=abc', '?x=a%2Fb', '?', '?&&', '? x', '?x=1 ',
  '?a=%E0%A4%A', '?t=%20', '?x=/(tabs)/inbox', '?x=;section=refills/request', '?id=7#section', '?utm_source=n#/billing/pay', '?lang=fr#!/portal',
  '?page=patient-portal/messages', '?route=billing/pay', '?q=depression', '?s=hiv', '?next=%2Fpatient-portal%2Finbox', '?next=%23%2Fbilling',
  '?return=https://mychart.northbay-health.example/portal', '?option=com_portal&view=messages', '?step=2&form=intake', '?bmi=31&category=obese',
  '?p=L3BhdGllbnQtcG9ydGFs', '?redirect=/web/index.php/portal/messages', '?x=https://other.example/web/index.php/portal/inbox', '?next=//evil.example/patient-portal',
  '?fuseaction=portal.messages', '?section=appointments&sub=confirm', '?condition=lupus', '?u=nbh://billing/pay', '?ref=%3Fpage%3Dbilling', '?x=%252Fpatient-portal',
  // A front controller's script spelled in a key (no route: no value holds a path), read by frontControllerRoute past the `?`.
  '?/web/index.php/patient-portal/messages=1', '?x%2Fweb%2Findex.php%2Fpatient-portal%2Fmessages=1', '?x%252Fweb%252Findex.php%252Fpatient-portal%252Fmessages=1', '?id=7&utm_source=x',
  '?x%25%32%46web%25%32%46index.php%25%32%46patient-portal%25%32%46messages=1'];
const REFERRERS = [undefined, undefined, 'https://mail.example/inbox?to=jane%40mailbox.example', 'https://www.northbay-health.example/patient-portal?x=1',
  'https://www.google.com/url?q=https://www.northbay-health.example/patient-portal/messages', 'https://www.northbay-health.example/services?next=/billing/pay',
  'https://www.bing.com/search?q=hiv', 'https://www.northbay-health.example/services/cardiology?utm_source=x', '/conditions/hiv?x=1'];

function address(r: (n: number) => number): string {
  return `${pick(r, ORIGINS)}${pick(r, PATHS)}${pick(r, QUERIES)}`;
}

function randomInputs(r: (n: number) => number): AddressInputs {
  const url = r(6) === 0 ? undefined : address(r);
  const path = r(3) === 0 ? undefined : `${pick(r, PATHS)}${r(4) === 0 ? pick(r, QUERIES) : ''}`;
  const referrer = pick(r, REFERRERS);
  return {
    page: { path: path || undefined, url: url || undefined, referrer },
    propsPath: r(2) === 0 ? path || undefined : undefined,
    propsUrl: r(2) === 0 ? url || undefined : r(4) === 0 ? address(r) : undefined,
    propsReferrer: r(4) === 0 ? pick(r, REFERRERS) : referrer,
    others: r(5) === 0 ? [address(r)] : [],
    cameFrom: r(5) === 0 ? [pick(r, REFERRERS) ?? '/careers'] : undefined,
    search: r(5) === 0 ? pick(r, QUERIES) || undefined : undefined,
  };
}

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('the address memo for a page whose URL carries a query', () => {
  it('answers as a fresh analysis does, whether the page without its query is remembered or not (random pages)', () => {
    const r = rng(20261201);
    let remembered = 0;
    let fullWay = 0;
    for (let i = 0; i < 4000; i++) {
      const a = randomInputs(r);
      const page = pageWithoutQuery(a, plan);
      if (keepable(a)) continue;
      if (page !== undefined && keepable(page)) { remembered++; pageAddress(page, site, plan, host); } else fullWay++;
      const fresh = addressOf(a, site, plan, host);
      expect(plain(pageAddress(a, site, plan, host))).toEqual(plain(fresh));
      expect(plain(pageAddress(a, site, plan, host))).toEqual(plain(fresh));
    }
    // Both ways are taken: inert queries from the memo, routing ones (and bases read otherwise) the full way.
    expect(remembered).toBeGreaterThan(500);
    expect(fullWay).toBeGreaterThan(500);
  });

  it('keeps no query: what the memo is keyed by has no `?`, `#` or escaped one, no referrer and no search', () => {
    const r = rng(5);
    for (let i = 0; i < 2000; i++) {
      const page = pageWithoutQuery(randomInputs(r), plan);
      if (page === undefined) continue;
      const kept = [page.page.path, page.page.url, page.propsPath, page.propsUrl, ...page.others].filter((s) => s !== undefined);
      for (const s of kept) expect(s).not.toMatch(/[?#]|%(25)*(23|3f)/i);
      expect([page.page.referrer, page.propsReferrer, page.cameFrom, page.search]).toEqual([undefined, undefined, undefined, undefined]);
    }
  });

  it('blocks a remembered page when its query routes to a blocked one, as a fresh plan does', () => {
    const warm = rules();
    const at = 'https://www.northbay-health.example/services/cardiology';
    const event = (url: string, referrer?: string) => ({ type: 'page', messageId: 'm', anonymousId: 'a', properties: {}, context: { page: { path: '/services/cardiology', url, referrer: referrer ?? '' } } });
    const verdict = (p: typeof plan, url: string, referrer?: string) => { const o = processEvent(event(url, referrer), p.sites[0], p, ids, NOW); return o.kind === 'blocked' ? o.reason : o.kind; };
    // The page is remembered, without a query and with an inert one.
    expect(verdict(warm, at)).toBe('routed');
    expect(verdict(warm, `${at}?utm_source=newsletter&email=jane%40mail.example`)).toBe('routed');
    for (const [query, referrer] of [['?page=patient-portal/messages'], ['?route=billing/pay'], ['?next=%2Fpatient-portal%2Finbox'], ['?utm_source=n#/billing/pay'],
      ['?return=https://mychart.northbay-health.example/portal'], ['?x=1', 'https://www.northbay-health.example/patient-portal?x=1'],
      ['?gclid=abc', 'https://www.google.com/url?q=https://www.northbay-health.example/patient-portal/messages'], ['?lang=fr#!/portal'], ['?x=%252Fpatient-portal%252Fmessages']] as const) {
      const fresh = verdict(rules(), `${at}${query}`, referrer);
      expect(fresh).not.toBe('routed');
      expect(verdict(warm, `${at}${query}`, referrer)).toBe(fresh);
    }
    expect(verdict(warm, `${at}?utm_source=x`)).toBe('routed');
  });
});
