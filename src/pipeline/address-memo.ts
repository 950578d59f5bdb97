import { GenerationMemo } from '../common/bounded-memo.js';
import type { Plan, SitePlan } from '../rules/plan.js';
import { addressOf, type AddressInputs, type PageAddress } from './page-address.js';

// A site's pages come again with every view (a few hundred page URLs and the pages linking to
// them), and reading where a page is (its readings, routes, canonical paths, hosts, verdicts) was
// about a third of an event's analysis. The answer is a function of the address strings
// (AddressInputs), the site (its hosts) and the plan, so it is remembered per site and plan.
//
// What is kept: only addresses with no query or fragment, plain or escaped (`?`, `#`, `%3F`,
// `%23`): a query's parameters are the visitor's own (a search, an email, a click id), and the
// per-plan memos of canonical paths and sanitized addresses keep none either. The key holds the
// inputs (at most MAX_KEY characters: longer addresses are read every time), the value what was
// read from them (canonical paths, hosts, rule names), frozen: every event with that page shares
// it. At most 2 x GENERATION entries per site and plan; a reloaded plan starts empty (its sites
// are new objects) and the old memo goes with the old plan. An analysis that throws stores
// nothing: the event fails closed and the next one reads the page afresh.

const GENERATION = 1024;
const MAX_KEY = 512;
// A query or fragment, or one escaped (also twice: `%253F`).
const HIDDEN_QUERY = /%(?:25)*(?:23|3f)/i;

interface SiteMemo { readonly plan: Plan; readonly memo: GenerationMemo<PageAddress> }
const bySite = new WeakMap<SitePlan, SiteMemo>();
// Every event of a site asks with the same site and plan until a reload: kept at hand.
let last: (SiteMemo & { readonly site: SitePlan }) | undefined;

function memoOf(site: SitePlan, plan: Plan): GenerationMemo<PageAddress> {
  if (last !== undefined && last.site === site && last.plan === plan) return last.memo;
  let entry = bySite.get(site);
  if (entry === undefined || entry.plan !== plan) {
    entry = { plan, memo: new GenerationMemo<PageAddress>(GENERATION) };
    bySite.set(site, entry);
  }
  last = { site, plan, memo: entry.memo };
  return entry.memo;
}

/** addressOf, remembered for addresses with no query or fragment. */
export function pageAddress(a: AddressInputs, site: SitePlan, plan: Plan, host: (u: string | undefined) => string | undefined): PageAddress {
  const key = memoKey(a);
  if (key === undefined) return addressOf(a, site, plan, host);
  const memo = memoOf(site, plan);
  let known = memo.get(key);
  if (known === undefined) {
    // Stored only once the whole analysis returned: a throw leaves nothing behind.
    known = frozen(addressOf(a, site, plan, host));
    memo.set(key, known);
  }
  return known;
}

/**
 * The inputs as one string, each field length-prefixed (`<n>:<text>`), absent as `-`, a copy of the
 * page's own value as `=`, lists prefixed by their count: two different inputs never share a key.
 * Undefined when an input may hold a query or fragment, or the key would exceed MAX_KEY.
 */
export function memoKey(a: AddressInputs): string | undefined {
  const { page } = a;
  let key = `${field(page.path, undefined)}${field(page.url, undefined)}${field(page.referrer, undefined)}`;
  key += `${field(a.propsPath, page.path)}${field(a.propsUrl, page.url)}${field(a.propsReferrer, page.referrer)}${field(a.search, undefined)}`;
  key += list(a.others);
  key += a.cameFrom === undefined ? '-' : list(a.cameFrom);
  return key.length > MAX_KEY || key.indexOf('\u0000') >= 0 ? undefined : key;
}

// `\u0000` marks a field that may not be kept (a string holding it is not kept either).
function field(s: string | undefined, same: string | undefined): string {
  if (s === undefined) return '-';
  if (s === same) return '=';
  if (s.length > MAX_KEY || !plainAddress(s)) return '\u0000';
  return `${s.length}:${s}`;
}

function list(items: readonly string[]): string {
  let out = `${items.length}[`;
  for (const s of items) out += field(s, undefined);
  return out;
}

function plainAddress(s: string): boolean {
  return s.indexOf('?') < 0 && s.indexOf('#') < 0 && (s.indexOf('%') < 0 || !HIDDEN_QUERY.test(s));
}

function frozen(v: PageAddress): PageAddress {
  Object.freeze(v.checkPaths);
  Object.freeze(v.pageHosts);
  return Object.freeze(v);
}
