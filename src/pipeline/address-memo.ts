import { GenerationMemo } from '../common/bounded-memo.js';
import { hidesQueryOrFragment } from '../rules/canonical-path.js';
import type { Plan, SitePlan } from '../rules/plan.js';
import { addressOf, type AddressInputs, type PageAddress } from './page-address.js';
import { pageWithoutQuery, withReferrers } from './query-address.js';

type Host = (u: string | undefined) => string | undefined;

// A site's pages come again with every view (a few hundred page URLs and the pages linking to
// them), and reading where a page is (its readings, routes, canonical paths, hosts, verdicts) was
// about a third of an event's analysis. The answer is a function of the address strings
// (AddressInputs), the site (its hosts) and the plan, so it is remembered per site and plan.
//
// What is kept: only addresses with no query or fragment, plain or escaped (`?`, `#`, `%3F`,
// `%23`): a query's parameters are the visitor's own (a search, an email, a click id), and the
// per-plan memos of canonical paths and sanitized addresses keep none either. A page whose URL carries a query
// that adds nothing to the analysis is remembered as its addresses cut at their queries, its referrers read each
// event (query-address.ts, H190): the key holds no query there either. An entry holds the
// inputs (at most MAX_KEY characters: longer addresses are read every time) and what was read
// from them (canonical paths, hosts, rule names), frozen: every event with that page shares
// it. At most 2 x GENERATION keys (of BUCKET pages each) per site and plan; a reloaded plan starts empty (its sites
// are new objects) and the old memo goes with the old plan. An analysis that throws stores
// nothing: the event fails closed and the next one reads the page afresh.

const GENERATION = 1024;
const MAX_KEY = 512;

// The memo is keyed by the page's URL (its path when it has none) and holds, per key, the last
// BUCKET pages seen with it, each with its inputs: a page is found when every input is the same
// string (the same string in another field, or absent, is another page). A key joining every
// input (H156's) cost a 200-300 character string built, flattened and hashed per event; comparing
// the inputs of the page found reads each string once and allocates nothing.
const BUCKET = 8;

/** A page's inputs as remembered: the strings themselves, lists copied. */
interface KeptInputs {
  readonly path: string | undefined;
  readonly url: string | undefined;
  readonly referrer: string | undefined;
  readonly propsPath: string | undefined;
  readonly propsUrl: string | undefined;
  readonly propsReferrer: string | undefined;
  readonly search: string | undefined;
  readonly others: readonly string[];
  readonly cameFrom: readonly string[] | undefined;
}
interface Known { readonly inputs: KeptInputs; readonly value: PageAddress }

interface SiteMemo { readonly plan: Plan; readonly memo: GenerationMemo<Known[]> }
const bySite = new WeakMap<SitePlan, SiteMemo>();
// Every event of a site asks with the same site and plan until a reload: kept at hand.
let last: (SiteMemo & { readonly site: SitePlan }) | undefined;

function memoOf(site: SitePlan, plan: Plan): GenerationMemo<Known[]> {
  if (last !== undefined && last.site === site && last.plan === plan) return last.memo;
  let entry = bySite.get(site);
  if (entry === undefined || entry.plan !== plan) {
    entry = { plan, memo: new GenerationMemo<Known[]>(GENERATION) };
    bySite.set(site, entry);
  }
  last = { site, plan, memo: entry.memo };
  return entry.memo;
}

/**
 * addressOf, remembered for addresses with no query or fragment; a page whose addresses' queries add nothing to
 * the analysis (query-address.ts) is remembered without them, its referrers read each event. `urlRoutes`: routesOf
 * the page's URL when the event has read them already (routes-of.ts pageRoutesOf).
 */
export function pageAddress(a: AddressInputs, site: SitePlan, plan: Plan, host: Host, urlRoutes?: readonly string[]): PageAddress {
  if (keepable(a)) return remembered(a, site, plan, host);
  const page = pageWithoutQuery(a, plan, urlRoutes);
  return page === undefined || !keepable(page) ? addressOf(a, site, plan, host, urlRoutes) : withReferrers(remembered(page, site, plan, host), a, site, plan, host);
}

/** addressOf of keepable inputs, remembered. */
function remembered(a: AddressInputs, site: SitePlan, plan: Plan, host: Host): PageAddress {
  const memo = memoOf(site, plan);
  const key = a.page.url ?? a.page.path ?? '';
  let bucket = memo.get(key);
  if (bucket !== undefined) for (const k of bucket) if (sameInputs(k.inputs, a)) return k.value;
  // Stored only once the whole analysis returned: a throw leaves nothing behind.
  const value = frozen(addressOf(a, site, plan, host));
  if (bucket === undefined) { bucket = []; memo.set(key, bucket); }
  if (bucket.length >= BUCKET) bucket.shift();
  bucket.push({ inputs: keptInputs(a), value });
  return value;
}

/**
 * Whether the inputs may be remembered: no input may hold a query or fragment (plain or escaped),
 * and together they hold at most MAX_KEY characters (longer addresses are read every time).
 */
export function keepable(a: AddressInputs): boolean {
  const { page } = a;
  let room = MAX_KEY;
  room = fits(page.path, room);
  room = fits(page.url, room);
  room = fits(page.referrer, room);
  room = fits(a.propsPath, room);
  room = fits(a.propsUrl, room);
  room = fits(a.propsReferrer, room);
  room = fits(a.search, room);
  for (const s of a.others) room = fits(s, room);
  if (a.cameFrom !== undefined) for (const s of a.cameFrom) room = fits(s, room);
  return room >= 0;
}

// The room left after `s` (-1: not kept). The page's own values repeated in the properties count
// again: a bound on memory, not on what is read.
function fits(s: string | undefined, room: number): number {
  if (room < 0 || s === undefined) return room;
  return s.length > room || !plainAddress(s) ? -1 : room - s.length;
}

/** Whether two pages' inputs are the same strings, field for field (lists item for item). */
export function sameInputs(k: KeptInputs, a: AddressInputs): boolean {
  const { page } = a;
  return k.url === page.url && k.path === page.path && k.referrer === page.referrer && k.propsPath === a.propsPath && k.propsUrl === a.propsUrl &&
    k.propsReferrer === a.propsReferrer && k.search === a.search && sameList(k.others, a.others) &&
    (k.cameFrom === undefined ? a.cameFrom === undefined : a.cameFrom !== undefined && sameList(k.cameFrom, a.cameFrom));
}

function sameList(x: readonly string[], y: readonly string[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** The inputs as remembered (the event's lists may be reused by the caller: copied). */
export function keptInputs(a: AddressInputs): KeptInputs {
  const { page } = a;
  return {
    path: page.path, url: page.url, referrer: page.referrer, propsPath: a.propsPath, propsUrl: a.propsUrl, propsReferrer: a.propsReferrer, search: a.search,
    others: [...a.others], cameFrom: a.cameFrom === undefined ? undefined : [...a.cameFrom],
  };
}

function plainAddress(s: string): boolean {
  return s.indexOf('?') < 0 && s.indexOf('#') < 0 && !hidesQueryOrFragment(s);
}

function frozen(v: PageAddress): PageAddress {
  Object.freeze(v.checkPaths);
  Object.freeze(v.pageHosts);
  return Object.freeze(v);
}
