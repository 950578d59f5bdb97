import { canonicalPath, canonicalPathOf, hidesQueryOrFragment, pathOf, safeDecode } from '../rules/canonical-path.js';
import type { PageGroupPlan, Plan, SitePlan } from '../rules/plan.js';
import { canonicalMemo } from './canonical-readings.js';
import { appRoute, frontControllerRoute, hostPathsBlock, hostsOf, matrixRoute, routeGroupsNamed, withoutRouteGroups } from './extra-readings.js';
import { routesOf } from './routes-of.js';
import { openedScreen, referrerAddress, webPageInAppLink } from './app-links.js';
import { hostBlock, pathVerdict } from './path-verdicts.js';
import { proxiedPage } from './cached-page.js';
import { sectionOfHost, underSection } from './section-hosts.js';

const PROTOCOL_RELATIVE_HOST = /^\/\/[^/?#]*/;

// Where a page is, read from the addresses an event gives (page path and URL, their copies among
// the properties, other locations, referrers): the paths checked against the blocked-path rules,
// the page's own canonical path and group, the hosts, and the referrer's standing. A function of
// those strings, the site and the plan alone (address-memo.ts remembers it per page).

type Host = (u: string | undefined) => string | undefined;

/** The strings the address analysis reads, and nothing else of the event. */
export interface AddressInputs {
  /** The page's path, URL and referrer (its title is not read here). */
  readonly page: { readonly path?: string; readonly url?: string; readonly referrer?: string };
  readonly propsPath: string | undefined;
  readonly propsUrl: string | undefined;
  readonly propsReferrer: string | undefined;
  /** Other statements of where the page is (page-readings extraLocations, frames). */
  readonly others: readonly string[];
  /** Pages the properties or `context.referrer` say the visitor came from. */
  readonly cameFrom: readonly string[] | undefined;
  /** A query sent apart from the URL (`context.page.search`). */
  readonly search: string | undefined;
}

/** What the addresses say about the page. */
export interface PageAddress {
  /** Canonical paths of the page and of same-site referrers, for blocking. */
  readonly checkPaths: readonly string[];
  readonly canonicalPagePath: string | undefined;
  readonly referrerSameSite: boolean;
  /** Hosts of the page URLs (for blocked_hosts). */
  readonly pageHosts: readonly string[];
  readonly hostPathBlocked: string | undefined;
  readonly referrerBlockedHost: boolean;
  /** The page group of the page's own canonical path. */
  readonly group: PageGroupPlan | undefined;
  /** A checked path names a sensitive term (false when the plan has no terms). */
  readonly pathSensitive: boolean;
  /** The first blocked-host, path-scoped host or blocked-path rule the addresses match, in that order (blockReason), or null. */
  readonly blocked: string | null;
  /** The host of the page's URL (the site whose scripts are its own code, detectors/url.ts). */
  readonly urlHost: string | undefined;
}

/** The address analysis of one event's page (uncached: see address-memo.ts); `urlRoutes`: routesOf(a.page.url) when read already. */
export function addressOf(a: AddressInputs, site: SitePlan, plan: Plan, host: Host, urlRoutes?: readonly string[]): PageAddress {
  const { checkPaths, canonicalPagePath, referrerSameSite, routedUrls } = collectPaths(a, site, plan, host, urlRoutes);
  const pageUrls = [a.page.url, a.propsUrl];
  // A page routing to another site's URL (`/login-redirect?next=https://mychart...`) is on its way there.
  const pageHosts = hostsOf(host, pageUrls, a.others, routedUrls);
  const referrerHost = host(a.page.referrer);
  const hostPathBlocked = hostPathsBlock(host, pageUrls, a.others, routedUrls, plan);
  return {
    checkPaths,
    canonicalPagePath,
    referrerSameSite,
    pageHosts,
    hostPathBlocked,
    referrerBlockedHost: referrerHost !== undefined && hostBlock(referrerHost, plan) !== null,
    group: canonicalPagePath === undefined ? undefined : pathVerdict(canonicalPagePath, plan).group,
    pathSensitive: plan.sensitiveTerms !== undefined && checkPaths.some((p) => pathVerdict(p, plan).sensitive),
    blocked: addressBlock(pageHosts, hostPathBlocked, checkPaths, plan),
    urlHost: host(a.page.url),
  };
}

/** The first rule the page's hosts, its path-scoped host rule or its checked paths match, or null. */
function addressBlock(pageHosts: readonly string[], hostPathBlocked: string | undefined, checkPaths: readonly string[], plan: Plan): string | null {
  for (const h of pageHosts) {
    const rule = hostBlock(h, plan);
    if (rule !== null) return rule;
  }
  if (hostPathBlocked !== undefined) return hostPathBlocked;
  for (const p of checkPaths) {
    const rule = pathVerdict(p, plan).blocked;
    if (rule !== null) return rule;
  }
  return null;
}

function collectPaths(a: AddressInputs, site: SitePlan, plan: Plan, host: Host, urlRoutes: readonly string[] | undefined) {
  // `//host/path` is either a doubled slash or a protocol-relative URL: block on both readings.
  // Encoded separators (`%2F`) can hide the path inside the host part: decode first, too.
  // A handful of strings: arrays (distinct, in first-seen order) are cheaper than a Set here.
  const { page, others } = a;
  // A public section's own host (`news.`, `careers.`, `findadoctor.`): the page's own path is read under the section.
  const section = sectionOfHost(host(page.url ?? a.propsUrl));
  const [path, url, propsPath, propsUrl] = section === undefined ? [page.path, page.url, a.propsPath, a.propsUrl]
    : [page.path, page.url, a.propsPath, a.propsUrl].map((r) => underSection(section, r));
  const readings: string[] = [];
  addRaw(readings, path, undefined);
  addRaw(readings, propsPath, path);
  addRaw(readings, url, propsPath);
  addRaw(readings, propsUrl, url);
  for (const o of others) addRaw(readings, o, undefined);
  const routedUrls = addRoutes(readings, a, plan, urlRoutes);
  const referrerSameSite = addReferrers(readings, a, host(page.url), site, plan, host);
  const canonical: string[] = [];
  const checkPaths: string[] = [];
  canonicalize(readings, plan, canonical, checkPaths);
  const first = path ?? url ?? propsPath ?? propsUrl ?? others[0];
  // canonicalPath trims first, so the trimmed reading's result is the page's.
  const at = first ? readings.indexOf(first.trim()) : -1;
  const canonicalPagePath = first ? (at >= 0 ? canonical[at] : canonicalPath(first, plan.localePrefixes)) : undefined;
  return { checkPaths, canonicalPagePath, referrerSameSite, routedUrls };
}

/**
 * The readings of the pages the visitor came from (the page's referrers, `cameFrom`), after the page's own; whether
 * a referrer is on this site. `pageHost`: the host of the page's URL. Apart so that a page remembered without its
 * query (query-address.ts) reads them each event as addressOf does.
 */
export function addReferrers(readings: string[], a: AddressInputs, pageHost: string | undefined, site: SitePlan, plan: Plan, host: Host): boolean {
  const { page, propsReferrer, cameFrom } = a;
  let referrerSameSite = false;
  for (const from of [page.referrer, propsReferrer === page.referrer ? undefined : propsReferrer]) {
    const r = from && referrerAddress(from);
    if (r && sameSite(r, pageHost, site, host)) { addReferrer(readings, r, plan); referrerSameSite = true; } else if (r) addAppReferrer(readings, r, pageHost, site, plan, host);
  }
  // Pages the properties say the visitor came from are read like referrers (the page's own
  // referrer keeps its same-site reading: an external one is still cut to its origin).
  if (cameFrom !== undefined) for (const from of cameFrom) { const r = openedScreen(from); if (sameSite(r, pageHost, site, host)) addReferrer(readings, r, plan); else addAppReferrer(readings, r, pageHost, site, plan, host); }
  return referrerSameSite;
}

/**
 * The canonical path of each reading (into `canonical`, index for index) and the distinct ones in
 * first-seen order (into `checkPaths`): a function of each reading alone (canonicalPathOf(pathOf(t))).
 */
export function canonicalize(readings: readonly string[], plan: Plan, canonical: string[], checkPaths: string[]): void {
  // A page URL and its path field have the same path part: canonicalized once.
  const parts: (string | undefined)[] = [];
  for (const t of readings) {
    const memo = canonicalMemo(t, plan);
    let c = memo?.get(t);
    let part: string | undefined;
    if (c === undefined) {
      part = pathOf(t);
      const seen = parts.indexOf(part);
      c = seen >= 0 ? canonical[seen] : canonicalPathOf(part, plan.localePrefixes);
      memo?.set(t, c);
    }
    parts.push(part);
    canonical.push(c);
    if (!checkPaths.includes(c)) checkPaths.push(c);
  }
}

/** A same-site referrer's readings: its path and its routes (`/#/billing/pay`, `?option=com_portal`). */
const addReferrer = (readings: string[], r: string, plan: Plan): void => { addRaw(readings, r, undefined); routesInto(readings, r, undefined, plan); };

/** A page opened from an app's screen (`android-app://<package>/https/<host>/<path>`) or an AMP or search cache's copy: the site's page inside is read like a referrer. */
// A redirector's or click tracker's link (`google.com/url?q=<url>`, `l.facebook.com/l.php?u=<url>`, `/out?target=`) carries
// its target in the query: a target on this site is read like a same-site referrer (blind pass 26). A shortener's opaque
// code (`t.co/Xk2p`, `bit.ly/3Nb`) names no page and is left as the external referrer it is.
function addAppReferrer(readings: string[], r: string, pageHost: string | undefined, site: SitePlan, plan: Plan, host: Host): void {
  const inner = r.charCodeAt(0) === 104 ? proxiedPage(r) : webPageInAppLink(r);
  if (inner !== undefined && sameSite(inner, pageHost, site, host)) addReferrer(readings, inner, plan);
  if (inner !== undefined || r.indexOf('?') < 0) return;
  for (const t of routesOf(r, plan)) if (t.indexOf('://') > 0 && t.charCodeAt(0) !== 47 && host(t) !== undefined && sameSite(t, pageHost, site, host)) addReferrer(readings, t, plan);
}

function sameSite(url: string, pageHost: string | undefined, site: SitePlan, host: Host): boolean {
  const h = host(url);
  return h === undefined || h === pageHost || site.hosts.has(h);
}

/**
 * Fragment and query routes of the page's URLs (see page-readings), as more readings: also those
 * of an escaped URL (`/app%23%2Fbilling`) and a route's own routes (`?next=%2F%23%2Fbilling`). The
 * routes that are absolute URLs are returned (their hosts are checked).
 */
function addRoutes(readings: string[], a: AddressInputs, plan: Plan, urlRoutes: readonly string[] | undefined): string[] | undefined {
  const { page, propsPath, propsUrl, others, search } = a;
  let urls = routesInto(readings, page.path, undefined, plan);
  // The page URL and its properties copy are usually the same string: read once.
  if (propsPath !== page.path) urls = routesInto(readings, propsPath, urls, plan);
  urls = routesInto(readings, page.url, urls, plan, urlRoutes);
  if (propsUrl !== page.url) urls = routesInto(readings, propsUrl, urls, plan);
  for (const o of others) urls = routesInto(readings, o, urls, plan);
  // A query sent apart from the URL (`search: "?page=billing/pay"`), unless the URL ends with it.
  if (search && !(page.url?.endsWith(search) ?? false)) urls = routesInto(readings, search.startsWith('?') ? search : `?${search}`, urls, plan);
  return urls;
}

/** The routes of one URL as readings (`known`: routesOf(url), when read already); `urls` collects the absolute ones. */
function routesInto(readings: string[], url: string | undefined, urls: string[] | undefined, plan: Plan, known?: readonly string[]): string[] | undefined {
  if (!url) return urls;
  const routes = known ?? routesOf(url, plan);
  if (routes.length > 0) urls = routeEach(readings, routes, 0, urls, plan);
  if (hidesQueryOrFragment(url)) urls = routeEach(readings, routesOf(safeDecode(url), plan), 0, urls, plan);
  return urls;
}

function routeEach(readings: string[], routes: readonly string[], depth: number, urls: string[] | undefined, plan: Plan): string[] | undefined {
  for (const r of routes) {
    addRaw(readings, r, undefined);
    if (r.charCodeAt(0) !== 47 && r.indexOf('://') > 0) (urls ??= []).push(r);
    if (depth === 0) { const more = routesOf(r, plan); if (more.length > 0) urls = routeEach(readings, more, 1, urls, plan); }
  }
  return urls;
}

/** The readings of one raw path or URL (none new when it repeats the one before). */
function addRaw(readings: string[], r: string | undefined, before: string | undefined): void {
  if (!r || r === before) return;
  addReading(readings, r.trim());
  if (r.indexOf('%') >= 0) addReading(readings, safeDecode(r).trim());
}

function addReading(readings: string[], t: string): void {
  if (!readings.includes(t)) readings.push(t);
  const route = appRoute(t);
  if (route !== undefined && !readings.includes(route)) readings.push(route);
  const plain = withoutRouteGroups(t);
  if (plain !== undefined && !readings.includes(plain)) readings.push(plain);
  const named = plain === undefined ? undefined : routeGroupsNamed(t);
  if (named !== undefined && !readings.includes(named)) readings.push(named);
  const matrix = matrixRoute(t);
  if (matrix !== undefined && !readings.includes(matrix)) readings.push(matrix);
  const routed = frontControllerRoute(t);
  if (routed !== undefined && !readings.includes(routed)) readings.push(routed);
  if (t.startsWith('//')) {
    const rest = t.replace(PROTOCOL_RELATIVE_HOST, '');
    if (!readings.includes(rest)) readings.push(rest);
  }
}
