import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { sanitizeUrl } from '../../src/rules/ops/sanitize-url.js';
import { urlScanner } from '../../src/rules/query-fields.js';
import { sanitizeUrlMemo, type ScrubContext } from '../../src/rules/scrub-tree.js';
import { processEvent } from '../../src/pipeline/process.js';
import { queryOf } from '../../src/pipeline/query.js';
import { newEventMemo } from '../../src/rules/event-memo.js';
import { cleanMemoOf } from '../../src/rules/clean-strings.js';
import { REPO, tempDir } from '../helpers/collector.js';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// A URL with a query or fragment is sanitized with its scheme, host and path remembered apart from the query, per plan
// and per code site (sanitize-url.ts rememberedBase, H193), and with the query split the event's queryOf made
// (url-parts.ts queryParts): every answer must be a fresh sanitize_url's and a fresh queryOf's, whichever URLs with the
// same base and whichever sites came before.

const rules = () => compileRules(loadConfig(join(REPO, 'rules/phiwall.yaml'), {}).rules, { dataDir: tempDir() });
const plan = rules();
const NOW = Date.parse('2026-12-01T00:00:00Z');

function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
}
const pick = <T>(r: (n: number) => number, xs: readonly T[]): T => xs[r(xs.length)];

const ORIGINS = ['https://www.northbay-health.example', 'http://www.northbay-health.example', 'https://WWW.Northbay-Health.example', 'https://www.youtube.com',
  'https://player.vimeo.com', 'https://cdn.shopify.com', 'https://5035550142.sms-gw.example', 'http://localhost:8080', 'https://other.example', '', '/\\other.example'];
const PATHS = ['/services/cardiology', '/', '', '/patients/jane-doe/chart', '/u/12345678', '/img/pt12345x.jpg', '/hero@2x.png', '/watch', '/embed/dQw4w9WgXcQ',
  '/video/123456789', '/go/https%3A%2F%2Fnorthbay-health.example%2Fassets%2Fapp.js', '/go/https%3A%2F%2Fother.example%2Fu%2Fjdoe%2Fw.js', '/careers;jsessionid=9A1F2B3C4D',
  '/commit/3f2a9c1d', '/caf%C3%A9', '/a/./b', '/services/cardiology ', '/files/3c9e1f2a8b7d4e60.css', '/x%2Fy'];
// Queries that add nothing and queries that route, escapes, fragments: what follows the base never changes the base's part.
const QUERIES = ['?utm_source=newsletter&utm_medium=email', '?email=jane.doe%40mail.example&mrn=MRN12345678', '?v=dQw4w9WgXcQ&t=42', '?w=400&h=300',
  '?page=patient-portal/messages', '?q=depression', '?next=%2Fpatient-portal', '?', '?&&', '? x', '?a=%E0%A4%A', '?x=1 ', '#section', '?id=7#/billing/pay',
  '?utm_campaign=caf\u00e9', '?x="<>"', '?x=a+b&utm_source=a%20b', '?name=Jane%20Doe&dob=1980-01-02'];
const SITES = ['', 'northbay-health.example', 'other.example'];
// What queryOf is asked (query.ts, page-context.ts), and queries it reads apart: an escaped `&#64;`, `#` before `?`, escaped names.
const ASKED = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'gclid', 'fbclid', 'msclkid', 'email'];
const ODD_QUERIES = ['?utm_source=a&#64;b.example&utm_medium=x', '#x?utm_source=frag', '?utm%5Fsource=x&utm_source=y', '??utm_source=x', '?utm_source=a&utm_source=b',
  '?utm_source&gclid=&fbclid=f', '?utm_source=caf\u00e9&email=a%40b.example', '?utm_source=a+b&utm_medium=%E0%A4%A',
  // Re-encoded or trimmed by the URL parser (its search is then not the query as sent): a trailing space, a tab, quotes.
  '?utm_source=newsletter ', '?utm_medium=e\tmail', '?utm_source=a"b\'c'];

function context(codeSite: string): ScrubContext {
  return { plan, dest: plan.destinations[0], now: NOW, nowYear: 2026, hits: [], codeSite, clean: cleanMemoOf(plan, codeSite) };
}

describe('sanitize_url of an address with a query, its base remembered', () => {
  it('answers as a fresh sanitize_url does for random URLs, bases and sites in any order', () => {
    const r = rng(20261201);
    let remembered = 0;
    for (let i = 0; i < 6000; i++) {
      const url = `${pick(r, ORIGINS)}${pick(r, PATHS)}${pick(r, QUERIES)}`;
      const site = pick(r, SITES);
      const fresh = sanitizeUrl(url, plan.queryAllow, urlScanner(plan, site))?.url;
      expect(sanitizeUrlMemo(url, context(site)), `${url} for ${site || 'no site'}`).toBe(fresh);
      if (fresh !== undefined) remembered++;
    }
    expect(remembered).toBeGreaterThan(3000);
  });

  it('keeps a code URL in the path for its own site only, whichever site read the base first', () => {
    const url = 'https://www.northbay-health.example/go/https%3A%2F%2Fnorthbay-health.example%2Fassets%2Fapp.js?utm_source=newsletter';
    const own = sanitizeUrl(url, plan.queryAllow, urlScanner(plan, 'northbay-health.example'))?.url;
    const other = sanitizeUrl(url, plan.queryAllow, urlScanner(plan, 'other.example'))?.url;
    expect(own).not.toBe(other);
    expect(sanitizeUrlMemo(url, context('other.example'))).toBe(other);
    expect(sanitizeUrlMemo(url, context('northbay-health.example'))).toBe(own);
    expect(sanitizeUrlMemo(url, context('other.example'))).toBe(other);
  });

  it('scrubs the same page in the URL and the referrer alike, its host spelled either way, the visitor\'s values dropped', () => {
    // A plain URL's base is remembered by its text as sent (url-parts.ts plainBaseText): two spellings, one address;
    // another page on the same host is its own.
    const { rows } = openPlanProbe('bases-spelled');
    for (const [path, clean] of [['/services/cardiology/12345678', '/services/cardiology/:id'], ['/doctors/jane-doe-123456789', '/doctors/:id']]) {
      const upper = `https://WWW.Example-Health.org${path}`;
      const lower = `${OPEN_SITE}${path}`;
      for (const [url, referrer] of [[upper, lower], [lower, upper], [upper, upper]]) {
        const event = { context: { page: { path, url: `${url}?email=jane.doe%40mail.example&utm_source=newsletter`, referrer: `${referrer}?mrn=MRN12345678&utm_campaign=spring` } } };
        const sent = rows(event).find((r) => r.destination === 'open')?.payload as { url?: string; referrer?: string };
        expect(sent.url, url).toBe(`${OPEN_SITE}${clean}?utm_source=newsletter`);
        expect(sent.referrer, referrer).toBe(`${OPEN_SITE}${clean}?utm_campaign=spring`);
        expect(JSON.stringify(sent)).not.toMatch(/jane|12345678/);
      }
    }
  });

  it('reads a page URL\'s query through the event\'s shared split as a fresh queryOf and sanitize_url do', () => {
    const r = rng(11);
    let shared = 0;
    for (let i = 0; i < 3000; i++) {
      const url = `${pick(r, ORIGINS)}${pick(r, PATHS)}${pick(r, r(3) === 0 ? ODD_QUERIES : QUERIES)}`;
      const memo = newEventMemo();
      const query = queryOf(url, memo);
      const fresh = queryOf(url);
      for (const name of ASKED) expect(query(name), `${name} of ${url}`).toBe(fresh(name));
      if (memo.partsOf(url) !== undefined) shared++;
      const scanner = urlScanner(plan);
      expect(sanitizeUrl(url, plan.queryAllow, scanner, memo)?.url, url).toBe(sanitizeUrl(url, plan.queryAllow, scanner)?.url);
    }
    expect(shared).toBeGreaterThan(1000);
  });

  it('sends each event of a warm plan what a cold plan sends (page URLs with queries)', () => {
    const r = rng(7);
    const events = Array.from({ length: 400 }, (_, i) => {
      const url = `${pick(r, ORIGINS.filter((o) => o.startsWith('http')))}${pick(r, PATHS)}${pick(r, QUERIES)}`;
      return { type: 'page', messageId: `m-${i}`, anonymousId: 'a-1', properties: { url }, context: { page: { url, referrer: pick(r, ['', url]) } } };
    });
    const out = (p: typeof plan, e: (typeof events)[number]) => JSON.stringify(processEvent(structuredClone(e), p.sites[0], p, { idFor: () => 'pw' }, NOW));
    // The warm plan has read every base with other queries first; the cold one reads each base for the first time.
    const warm = rules();
    for (const e of [...events].reverse()) out(warm, e);
    const cold = rules();
    for (const e of events) expect(out(warm, e), e.properties.url).toBe(out(cold, e));
  }, 120_000);
});
