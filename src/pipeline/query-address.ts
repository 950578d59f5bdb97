import { hidesQueryOrFragment, safeDecode } from '../rules/canonical-path.js';
import type { Plan, SitePlan } from '../rules/plan.js';
import { addReferrers, canonicalize, type AddressInputs, type PageAddress } from './page-address.js';
import { routesOf } from './routes-of.js';
import { hostBlock, pathVerdict } from './path-verdicts.js';

// A page whose URL carries a query (H190): 1 event in 8 on the corpus, and each read afresh, since no memo may keep a
// query (the visitor's email, a token). Most queries add nothing to where the page is (campaign tags, ids): then the
// address analysis of the page's addresses cut at their `?` is the same, and address-memo.ts remembers that one (its
// key holds no query). What a query adds, and who reads it in addressOf:
// - routes: routesOf (page-readings: route parameters, a value that is a path or URL, a front controller's
//   `?route=`, a site search's `?q=`, a calculator's result, a form step, base64 routes, `#/` after the query)
//   and routesOf of the URL decoded when an escaped `?` or `#` hides one (`%3F`, `%23`): read every event, and any
//   route sends the page the full way (fall back rather than merge);
// - a `context.page.search` sent apart: its routes alike;
// - the referrers and the pages the visitor came from (their query routes a redirector to this site): read every
//   event by addReferrers, their paths merged after the page's as addressOf orders them;
// - the other readers take the address up to its `?` only, given a base (the part before the `?`) with no `#`,
//   no `%` (decoding the whole URL would read the base alike), no trailing space (trimming) and no route group
//   `/(` (these two kept out though no difference was found), and a path where a front controller is looked for
//   (it starts with `/`, or a `://` and a `/` after the host: else the first `://` or `/` may be in the query)
//   with no `.` (a script's route, `/web/index.php/portal`, is searched to the end of the string, the query
//   included), unless the query has no `/`, as sent and decoded. Else the full way too.
// The hosts (WHATWG's authority ends at the `?`), the canonical paths (pathOf cuts at the first `?`) and the
// canonical page path are those of the base. tests/pipeline/query-address.test.ts compares both ways.

/**
 * The page's own addresses cut at their queries, with no referrer, no page it came from and no separate search,
 * when the queries add nothing but what withReferrers merges back; undefined when one may add (a route) or its
 * base reads otherwise without it. `urlRoutes`: routesOf(page.url) when read already.
 */
export function pageWithoutQuery(a: AddressInputs, plan: Plan, urlRoutes?: readonly string[]): AddressInputs | undefined {
  const { page } = a;
  const path = withoutQuery(page.path, plan), url = withoutQuery(page.url, plan, urlRoutes);
  const propsPath = a.propsPath === page.path ? path : withoutQuery(a.propsPath, plan);
  const propsUrl = a.propsUrl === page.url ? url : withoutQuery(a.propsUrl, plan);
  if (path === null || url === null || propsPath === null || propsUrl === null || routedSearch(a.search, page.url, plan)) return undefined;
  let others = a.others;
  for (let i = 0; i < a.others.length; i++) {
    const o = withoutQuery(a.others[i], plan);
    if (o == null) return undefined;
    if (o !== a.others[i]) { if (others === a.others) others = [...a.others]; (others as string[])[i] = o; }
  }
  return { page: { path, url, referrer: undefined }, propsPath, propsUrl, propsReferrer: undefined, others, cameFrom: undefined, search: undefined };
}

/** The address as the memo may keep it: itself when plain, cut at an inert query, null when neither. */
function withoutQuery(s: string | undefined, plan: Plan, routes?: readonly string[]): string | undefined | null {
  if (s === undefined) return undefined;
  const q = s.indexOf('?');
  if (q < 0) return s.indexOf('#') < 0 && !hidesQueryOrFragment(s) ? s : null;
  const base = s.slice(0, q);
  if (!inertBase(base, s, q) || routed(s, plan, routes)) return null;
  return base;
}

/** Whether the addresses' readers read `s`, `base` + its query from `q`, as they read `base` (see the list above). */
function inertBase(base: string, s: string, q: number): boolean {
  if (base.length === 0 || base.indexOf('#') >= 0 || base.indexOf('%') >= 0 || base.indexOf('/(') >= 0) return false;
  if (base.trimEnd().length !== base.length) return false;
  const sep = base.indexOf('://');
  const pathAt = base.charCodeAt(0) === 47 ? 0 : sep > 0 ? base.indexOf('/', sep + 3) : -1;
  if (pathAt >= 0 && base.indexOf('.', pathAt) < 0) return true;
  // A query with no `/`, as sent and decoded (the base has no `%`: the decoded copy is the base, `?` at q, and the
  // query decoded), holds no `://`, path or script's route for the readers to find past the base.
  return s.indexOf('/', q) < 0 && (s.indexOf('%', q) < 0 || safeDecode(s).indexOf('/', q) < 0);
}

/** Whether routesInto (page-address.ts) finds a route in `url` (`routes`: routesOf(url), when read already). */
function routed(url: string, plan: Plan, routes?: readonly string[]): boolean {
  return (routes ?? routesOf(url, plan)).length > 0 || (hidesQueryOrFragment(url) && routesOf(safeDecode(url), plan).length > 0);
}

/** Whether a query sent apart routes (addRoutes reads it unless the URL ends with it). */
function routedSearch(search: string | undefined, url: string | undefined, plan: Plan): boolean {
  if (!search || (url?.endsWith(search) ?? false)) return false;
  return routed(search.startsWith('?') ? search : `?${search}`, plan);
}

/**
 * The address of the whole event from its page's (`p`, the analysis of pageWithoutQuery(a)): the referrers' and
 * came-from pages' readings are read as addressOf reads them and their canonical paths follow the page's, so the
 * first blocked path and the sensitive test are addressOf's.
 */
export function withReferrers(p: PageAddress, a: AddressInputs, site: SitePlan, plan: Plan, host: (u: string | undefined) => string | undefined): PageAddress {
  const readings: string[] = [];
  const referrerSameSite = addReferrers(readings, a, p.urlHost, site, plan, host);
  const referrerHost = host(a.page.referrer);
  const referrerBlockedHost = referrerHost !== undefined && hostBlock(referrerHost, plan) !== null;
  let { checkPaths, blocked, pathSensitive } = p;
  if (readings.length > 0) {
    const added = [...checkPaths];
    canonicalize(readings, plan, [], added);
    if (added.length > checkPaths.length) {
      const more = added.slice(checkPaths.length);
      checkPaths = added;
      blocked ??= firstBlocked(more, plan);
      pathSensitive ||= plan.sensitiveTerms !== undefined && more.some((c) => pathVerdict(c, plan).sensitive);
    }
  }
  return { ...p, checkPaths, referrerSameSite, referrerBlockedHost, blocked, pathSensitive };
}

function firstBlocked(paths: readonly string[], plan: Plan): string | null {
  for (const c of paths) {
    const rule = pathVerdict(c, plan).blocked;
    if (rule !== null) return rule;
  }
  return null;
}
