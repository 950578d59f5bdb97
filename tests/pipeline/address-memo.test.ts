import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import type { Plan, SitePlan } from '../../src/rules/plan.js';
import { processEvent } from '../../src/pipeline/process.js';
import { analyzeEvent, blockReason, type EventInfo } from '../../src/pipeline/analyze.js';
import { keepable, keptInputs, pageAddress, sameInputs } from '../../src/pipeline/address-memo.js';
import { addressOf, type AddressInputs } from '../../src/pipeline/page-address.js';
import { hostOf } from '../../src/rules/url-parts.js';
import { REPO, tempDir } from '../helpers/collector.js';

const plan = compileRules(loadConfig(join(REPO, 'rules/phiwall.yaml'), {}).rules, { dataDir: tempDir() });
const site = plan.sites[0];
const host = (u: string | undefined) => (u ? hostOf(u) : undefined);
const ids = { idFor: () => 'pw' };
const NOW = Date.parse('2026-11-29T00:00:00Z');

/** A deterministic generator (a failing seed is reproducible). */
function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
}

// Pieces of addresses, blocked and clean, in the spellings the analysis reads differently.
const SEGMENTS = ['patient-portal', 'billing', 'pay', 'mychart', 'conditions', 'hiv', 'depression', 'services', 'cardiology', 'locations', 'blog', 'login',
  'appointments', 'confirmation', '12345', 'Pay_Your_Bill', 'résultats', 'p\u043ertal', '(tabs)', 'en', 'index.php', 'page%2Fbilling', 'a%20b', 'intake', 'careers'];
const HOSTS = ['https://www.northbay-health.example', 'http://localhost:8080', 'https://mychart.northbay-health.example', 'https://www.google.com', 'https://zocdoc.com', 'https://other.example', '//www.northbay-health.example'];
const pick = <T>(r: (n: number) => number, xs: readonly T[]): T => xs[r(xs.length)];

function randomPath(r: (n: number) => number): string {
  const n = 1 + r(3);
  let p = '';
  for (let i = 0; i < n; i++) p += `/${pick(r, SEGMENTS)}`;
  return r(5) === 0 ? `${p}/` : p;
}

function randomAddress(r: (n: number) => number): string | undefined {
  switch (r(9)) {
    case 0: return undefined;
    case 1: return randomPath(r);
    case 2: return `nbh://${randomPath(r).slice(1)}`;
    case 3: return `android-app://com.example/https/www.northbay-health.example${randomPath(r)}`;
    case 4: return `https://x.cdn.ampproject.org/c/s/www.northbay-health.example${randomPath(r)}`;
    default: return `${pick(r, HOSTS)}${randomPath(r)}`;
  }
}

function randomInputs(r: (n: number) => number): AddressInputs {
  const url = randomAddress(r);
  const path = r(3) === 0 ? undefined : randomPath(r);
  const list = () => { const out: string[] = []; for (let i = r(3); i > 0; i--) { const a = randomAddress(r); if (a !== undefined) out.push(a); } return out; };
  return {
    page: { path, url, referrer: randomAddress(r) },
    propsPath: r(2) === 0 ? path : randomAddress(r),
    propsUrl: r(2) === 0 ? url : randomAddress(r),
    propsReferrer: r(3) === 0 ? randomAddress(r) : undefined,
    others: r(3) === 0 ? list() : [],
    cameFrom: r(3) === 0 ? list() : undefined,
    search: r(6) === 0 ? pick(r, ['page=billing', 'q=x', '']) || undefined : undefined,
  };
}

const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('the per-page memo of the address analysis', () => {
  it('answers a page it remembers exactly as a fresh analysis of it does (random pages)', () => {
    const r = rng(20261129);
    let hits = 0;
    for (let i = 0; i < 2000; i++) {
      const a = randomInputs(r);
      const fresh = addressOf(a, site, plan, host);
      const first = pageAddress(a, site, plan, host);
      const again = pageAddress(a, site, plan, host);
      if (first === again) hits++;
      expect(plain(first)).toEqual(plain(fresh));
      expect(plain(again)).toEqual(plain(fresh));
      expect(first.group).toBe(fresh.group);
    }
    // Most random pages carry no query: the memo answered them.
    expect(hits).toBeGreaterThan(1000);
  });

  it('answers a page differing from a remembered one in any single input as a fresh analysis does', () => {
    const r = rng(7);
    const fields = ['path', 'url', 'referrer', 'propsPath', 'propsUrl', 'propsReferrer', 'others', 'cameFrom', 'search'] as const;
    for (let i = 0; i < 2000; i++) {
      const a = randomInputs(r);
      const other = randomInputs(r);
      const f = pick(r, fields);
      const b: AddressInputs = f === 'path' || f === 'url' || f === 'referrer' ? { ...a, page: { ...a.page, [f]: other.page[f] } } : { ...a, [f]: other[f] };
      pageAddress(a, site, plan, host);
      expect(plain(pageAddress(b, site, plan, host))).toEqual(plain(addressOf(b, site, plan, host)));
    }
  });

  it('keys every input apart: the same string in another field, or absent, is another page', () => {
    const base: AddressInputs = { page: { path: '/a', url: undefined, referrer: undefined }, propsPath: undefined, propsUrl: undefined, propsReferrer: undefined, others: [], cameFrom: undefined, search: undefined };
    const variants: AddressInputs[] = [
      base,
      { ...base, page: { url: '/a' } },
      { ...base, page: { referrer: '/a' } },
      { ...base, page: {}, propsPath: '/a' },
      { ...base, propsPath: '/a' },
      { ...base, others: ['/a'] },
      { ...base, cameFrom: [] },
      { ...base, cameFrom: ['/a'] },
      { ...base, page: { path: '/a', url: '1:/a' } },
      { ...base, page: { path: '/a-', url: '' } },
      { ...base, search: 'x' },
    ];
    expect(variants.every(keepable)).toBe(true);
    for (const [i, a] of variants.entries()) {
      for (const [j, b] of variants.entries()) expect(sameInputs(keptInputs(a), b)).toBe(i === j);
    }
  });

  it('keeps no address with a query or fragment, plain or escaped, and none longer than its bound', () => {
    const base: AddressInputs = { page: { path: '/a' }, propsPath: undefined, propsUrl: undefined, propsReferrer: undefined, others: [], cameFrom: undefined, search: undefined };
    for (const s of ['/a?email=jane@example.org', '/a#token=1', '/a%3Fq=1', '/a%253Fq', '/a%23x', `/${'x'.repeat(600)}`]) {
      expect(keepable({ ...base, page: { url: s } })).toBe(false);
      expect(keepable({ ...base, page: { referrer: s } })).toBe(false);
      expect(keepable({ ...base, others: [s] })).toBe(false);
      expect(keepable({ ...base, cameFrom: [s] })).toBe(false);
    }
    expect(keepable({ ...base, search: 'page=billing' })).toBe(true);
  });

  it('remembers nothing from an analysis that threw, and shares a frozen answer', () => {
    const a: AddressInputs = { page: { path: '/services/cardiology', url: 'https://www.northbay-health.example/services/cardiology-x' }, propsPath: undefined, propsUrl: undefined, propsReferrer: undefined, others: [], cameFrom: undefined, search: undefined };
    expect(() => pageAddress(a, site, plan, () => { throw new Error('boom'); })).toThrow('boom');
    let asked = 0;
    const counting = (u: string | undefined) => { asked++; return host(u); };
    const first = pageAddress(a, site, plan, counting);
    expect(asked).toBeGreaterThan(0);
    const seen = asked;
    expect(pageAddress(a, site, plan, counting)).toBe(first);
    expect(asked).toBe(seen);
    expect(() => (first.checkPaths as string[]).push('/x')).toThrow();
    expect(() => { (first as { referrerSameSite: boolean }).referrerSameSite = true; }).toThrow();
  });

  it('answers per site: a referrer on one site\'s host is read as that site\'s page only', () => {
    const shop = 'https://shop.northbay-health.example';
    const withShop: SitePlan = { ...site, hosts: new Set([...site.hosts, 'shop.northbay-health.example']) };
    const ev = () => ({ type: 'page', messageId: 'm1', anonymousId: 'a', properties: {}, context: { page: { path: '/services', url: 'https://www.northbay-health.example/services', referrer: `${shop}/patient-portal/messages` } } });
    expect(processEvent(ev(), withShop, plan, ids, NOW).kind).toBe('blocked');
    expect(processEvent(ev(), site, plan, ids, NOW).kind).toBe('routed');
    expect(processEvent(ev(), withShop, plan, ids, NOW).kind).toBe('blocked');
  });

  it('starts over with a reloaded plan: its rules, not the old plan\'s answers, decide', () => {
    const page = () => ({ type: 'page', messageId: 'm2', anonymousId: 'a', properties: {}, context: { page: { path: '/wellness', url: 'https://www.northbay-health.example/wellness', referrer: 'https://ads.partner.example/landing' } } });
    const referrer = (p: Plan) => JSON.stringify(processEvent(page(), site, p, ids, NOW));
    expect(referrer(plan)).toContain('"referrer":"https://partner.example/"');
    const fresh: Plan = compileRules(loadConfig(join(REPO, 'rules/phiwall.yaml'), {}).rules, { dataDir: tempDir() });
    // The reloaded plan blocks the referrer's host: it is dropped, asked with the same site object.
    const reloaded: Plan = { ...fresh, blockedHosts: [...fresh.blockedHosts, { ...fresh.blockedHosts[0], name: 'partner', re: /^ads\.partner\.example$/ }] };
    expect(referrer(reloaded)).toContain('"kind":"routed"');
    expect(referrer(reloaded)).not.toContain('ads.partner');
    expect(referrer(plan)).toContain('"referrer":"https://partner.example/"');
  });

  it('blocks a page on the remembered decision exactly as on its hosts and paths read one by one', () => {
    const r = rng(99);
    let blocked = 0;
    for (let i = 0; i < 800; i++) {
      const a = randomInputs(r);
      const raw = { type: 'page', messageId: 'm', anonymousId: 'a', properties: {}, context: { page: { ...a.page } } };
      const info = analyzeEvent(raw, site, plan, NOW, 'm');
      const { addressBlocked: _, ...without } = info;
      const reason = blockReason(info, plan);
      expect(blockReason(without as EventInfo, plan)).toBe(reason);
      if (reason !== undefined) blocked++;
    }
    expect(blocked).toBeGreaterThan(100);
  });
});
