import { nonEmptyString, objectOrEmpty, type JsonObject, type JsonValue } from '../common/json.js';
import { canonicalMemo } from './canonical-readings.js';
import { canonicalPath, canonicalPathOf, pathOf, safeDecode } from '../rules/canonical-path.js';
import { hostOf, type UrlCache } from '../rules/url-parts.js';
import type { Plan, SitePlan } from '../rules/plan.js';
import { campaignOf, clickIdsOf, queryOf } from './query.js';
import { appRoute, hostPathsBlock, hostsOf, withoutRouteGroups } from './extra-readings.js';
import { extraLocations, routesOf } from './page-readings.js';
import { webPageInAppLink, withAppScreen } from './app-links.js';
import { pageProperties, takeCameFrom, takePageNames } from './page-properties.js';
import { urlCampaignNamesTerm, withContextReferrer } from './page-context.js';
import { hostBlock, pathVerdict } from './path-verdicts.js';
import { framedBy, sensitiveStep } from './frames-and-steps.js';
import { categoryNameBlock, nameBlock, pageCategory, pageTitleVerdict } from './title-verdicts.js';
import { consentOf, eventTime, isoTime } from './time-and-consent.js';
import { callIds } from './identity.js';
import { clientFacts, type ClientContext } from './session-id.js';
import { outOfCache, proxiedPage } from './cached-page.js';

export type EventType = 'track' | 'page' | 'identify' | 'screen' | 'group' | 'alias';

/** What the pipeline reads from a raw event once, before any per-destination work. */
export interface EventInfo {
  readonly type: EventType;
  readonly messageId: string;
  readonly timestamp: string;
  /** ISO time phiwall received the event. */
  readonly receivedAt: string;
  readonly event?: string;
  readonly name?: string;
  readonly page: { path?: string; url?: string; referrer?: string; title?: string };
  /** Canonical paths of the page and of same-site referrers, for blocking. */
  readonly checkPaths: readonly string[];
  readonly canonicalPagePath?: string;
  readonly referrerSameSite: boolean;
  /** Hosts of the page URLs (for blocked_hosts). */
  readonly pageHosts: readonly string[];
  /** The path-scoped blocked-host rule a page URL matches (a vendor's booking pages), if any. */
  readonly hostPathBlocked?: string;
  /** The referrer comes from a blocked host (a portal): it is never forwarded. */
  readonly referrerBlockedHost: boolean;
  readonly pageGroup?: string;
  readonly sensitivePage: boolean;
  /** The blocked-path rule the page title or a tracked event's name matches (see title-verdicts). */
  readonly namedBlocked?: string;
  readonly campaign: Record<string, string>;
  readonly clickIds: Record<string, string>;
  readonly ip?: string;
  readonly userAgent?: string;
  readonly locale?: string;
  readonly consent: { analytics?: boolean; ads?: boolean };
  /** The session's start (s since epoch) when the event has a session id of that shape (session-id.ts); the client software (client-context.ts). */
  readonly sessionId?: number;
  readonly client?: ClientContext;
  readonly userId?: string;
  readonly anonymousId?: string;
  /** A group call's groupId and an alias call's previousId (identity.ts), as text. */
  readonly groupId?: string;
  readonly previousId?: string;
  /** Stable per visitor (anonymousId, userId, or ip+ua when cookieless): never forwarded. */
  readonly visitorKey: string;
  readonly properties: JsonObject;
  readonly traits: JsonObject;
}

const str = nonEmptyString, obj = objectOrEmpty;

/** Whom the pseudonymous id belongs to; total (never throws) so it can run before analysis. */
export function visitorKeyOf(raw: JsonObject, site: SitePlan): string {
  const context = obj(raw.context);
  return str(raw.anonymousId) ?? str(raw.userId) ?? `cookieless:${site.name}:${str(context.ip) ?? ''}:${str(context.userAgent) ?? ''}`;
}

/** `messageId`: the id as it goes on (message-id.ts); `urls`: the event's parsed-URL cache, shared with projection. */
export function analyzeEvent(raw: JsonObject, site: SitePlan, plan: Plan, receivedAt: number, messageId: string, urls?: UrlCache): EventInfo {
  const context = obj(raw.context);
  const ctxPage = obj(context.page);
  const { page, props } = outOfCache(withAppScreen(pageOf(ctxPage, obj(raw.properties))), obj(raw.properties));
  const host = hostMemo(urls);
  const properties = pageProperties(props, plan, host);
  const others = framedBy(page, otherLocations(raw, context, ctxPage, props, page));
  const { checkPaths, canonicalPagePath, referrerSameSite, routedUrls } = collectPaths(page, props, others, withContextReferrer(takeCameFrom(), context.referrer), str(ctxPage.search) ?? str(props.search), site, plan, host);
  // A page routing to another site's URL (`/login-redirect?next=https://mychart...`) is on its way there.
  const pageHosts = hostsOf(host, [page.url, str(props.url)], others, routedUrls);
  const referrerHost = host(page.referrer);
  const group = canonicalPagePath === undefined ? undefined : pathVerdict(canonicalPagePath, plan).group;
  const title = pageTitleVerdict(str(raw.name), page.title, raw.type === 'track', plan, pageCategory(raw, props));
  const query = queryOf(page.url);
  const campaign = campaignOf(obj(context.campaign), query);
  const sensitiveByTerm = plan.sensitiveTerms !== undefined && (checkPaths.some((p) => pathVerdict(p, plan).sensitive) || (title?.sensitive ?? false) || urlCampaignNamesTerm(page.url, query, plan));
  const type = raw.type as EventType;
  const event = type === 'track' ? str(raw.event) : undefined;
  const ids = callIds(raw, type);
  return {
    type,
    messageId,
    ...clientFacts(raw, props, context, eventTime(raw, receivedAt)),
    receivedAt: isoTime(receivedAt),
    event,
    name: str(raw.name) ?? (type === 'page' ? page.title : undefined),
    page,
    checkPaths,
    canonicalPagePath,
    referrerSameSite,
    pageHosts,
    hostPathBlocked: hostPathsBlock(host, [page.url, str(props.url)], others, routedUrls, plan),
    referrerBlockedHost: referrerHost !== undefined && hostBlock(referrerHost, plan) !== null,
    pageGroup: group?.name ?? (sensitiveByTerm ? 'health_topic' : undefined),
    sensitivePage: (group?.sensitive ?? false) || sensitiveByTerm,
    namedBlocked: title?.blocked ?? (event === undefined ? undefined : nameBlock(event, plan) ?? categoryNameBlock(props.category, event, plan)),
    campaign,
    clickIds: clickIdsOf(query),
    ip: str(context.ip),
    userAgent: str(context.userAgent),
    locale: str(context.locale),
    consent: consentOf(context),
    userId: ids.userId, anonymousId: ids.anonymousId, groupId: ids.groupId, previousId: ids.previousId,
    visitorKey: visitorKeyOf(raw, site),
    properties,
    // A group call's traits describe the group: the user's own (context.traits, RudderStack sends them on every call) are not its.
    traits: obj(raw.traits ?? (type === 'group' ? undefined : context.traits)),
  };
}

/** The page as the event states it: Segment's `context.page`, else the page fields among the properties. */
function pageOf(ctxPage: JsonObject, props: JsonObject): EventInfo['page'] {
  return {
    path: str(ctxPage.path) ?? str(props.path),
    url: str(ctxPage.url) ?? str(props.url),
    referrer: str(ctxPage.referrer) ?? str(props.referrer),
    title: str(ctxPage.title) ?? str(props.title),
  };
}

/** Where else the event says the page is: page names among its properties, extraLocations, a separate fragment. */
function otherLocations(raw: JsonObject, context: JsonObject, ctxPage: JsonObject, props: JsonObject, page: EventInfo['page']): readonly string[] {
  const names = takePageNames();
  const located = extraLocations(raw, context, ctxPage, props, (page.path ?? page.url ?? str(props.path) ?? str(props.url)) !== undefined);
  // A fragment sent apart from the URL (`hash: "#/billing/pay"`) routes like one in it.
  const hash = str(ctxPage.hash);
  return names === undefined && hash === undefined ? located : [...located, ...(names ?? []), ...(hash === undefined ? [] : [`/${hash}`])];
}

function collectPaths(page: EventInfo['page'], props: JsonObject, others: readonly string[], cameFrom: readonly string[] | undefined, search: string | undefined, site: SitePlan, plan: Plan, host: (u: string | undefined) => string | undefined) {
  // `//host/path` is either a doubled slash or a protocol-relative URL: block on both readings.
  // Encoded separators (`%2F`) can hide the path inside the host part: decode first, too.
  // A handful of strings: arrays (distinct, in first-seen order) are cheaper than a Set here.
  const readings: string[] = [];
  const propsPath = str(props.path);
  addRaw(readings, page.path, undefined);
  addRaw(readings, propsPath, page.path);
  addRaw(readings, page.url, propsPath);
  addRaw(readings, str(props.url), page.url);
  for (const o of others) addRaw(readings, o, undefined);
  const routedUrls = addRoutes(readings, page, propsPath, str(props.url), others, search);
  const pageHost = host(page.url);
  let referrerSameSite = false;
  const propsReferrer = str(props.referrer);
  for (const r of [page.referrer, propsReferrer === page.referrer ? undefined : propsReferrer]) {
    if (r && sameSite(r, pageHost, site, host)) { addReferrer(readings, r); referrerSameSite = true; } else if (r) addAppReferrer(readings, r, pageHost, site, host);
  }
  // Pages the properties say the visitor came from are read like referrers (the page's own
  // referrer keeps its same-site reading: an external one is still cut to its origin).
  if (cameFrom !== undefined) for (const r of cameFrom) if (sameSite(r, pageHost, site, host)) addReferrer(readings, r); else addAppReferrer(readings, r, pageHost, site, host);
  const canonical: string[] = [];
  const checkPaths: string[] = [];
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
  const first = page.path ?? page.url ?? str(props.path) ?? str(props.url) ?? others[0];
  // canonicalPath trims first, so the trimmed reading's result is the page's.
  const at = first ? readings.indexOf(first.trim()) : -1;
  const canonicalPagePath = first ? (at >= 0 ? canonical[at] : canonicalPath(first, plan.localePrefixes)) : undefined;
  return { checkPaths, canonicalPagePath, referrerSameSite, routedUrls };
}

/** A same-site referrer's readings: its path and its routes (`/#/billing/pay`, `?option=com_portal`). */
const addReferrer = (readings: string[], r: string): void => { addRaw(readings, r, undefined); routesInto(readings, r, undefined); };

/** A page opened from an app's screen (`android-app://<package>/https/<host>/<path>`) or an AMP or search cache's copy: the site's page inside is read like a referrer. */
function addAppReferrer(readings: string[], r: string, pageHost: string | undefined, site: SitePlan, host: (u: string | undefined) => string | undefined): void {
  const inner = r.charCodeAt(0) === 104 ? proxiedPage(r) : webPageInAppLink(r);
  if (inner !== undefined && sameSite(inner, pageHost, site, host)) addReferrer(readings, inner);
}

function sameSite(url: string, pageHost: string | undefined, site: SitePlan, host: (u: string | undefined) => string | undefined): boolean {
  const h = host(url);
  return h === undefined || h === pageHost || site.hosts.has(h);
}

/**
 * Fragment and query routes of the page's URLs (see page-readings), as more readings: also those
 * of an escaped URL (`/app%23%2Fbilling`) and a route's own routes (`?next=%2F%23%2Fbilling`). The
 * routes that are absolute URLs are returned (their hosts are checked).
 */
function addRoutes(readings: string[], page: EventInfo['page'], propsPath: string | undefined, propsUrl: string | undefined, others: readonly string[], search: string | undefined): string[] | undefined {
  let urls = routesInto(readings, page.path, undefined);
  // The page URL and its properties copy are usually the same string: read once.
  if (propsPath !== page.path) urls = routesInto(readings, propsPath, urls);
  urls = routesInto(readings, page.url, urls);
  if (propsUrl !== page.url) urls = routesInto(readings, propsUrl, urls);
  for (const o of others) urls = routesInto(readings, o, urls);
  // A query sent apart from the URL (`search: "?page=billing/pay"`), unless the URL ends with it.
  if (search && !(page.url?.endsWith(search) ?? false)) urls = routesInto(readings, search.startsWith('?') ? search : `?${search}`, urls);
  return urls;
}

// `%23` and `%3F` (also escaped again) hide a fragment or query from routesOf.
const HIDDEN_ROUTE = /%(?:25)*(?:23|3f)/i;

/** The routes of one URL as readings; `urls` collects the absolute ones. */
function routesInto(readings: string[], url: string | undefined, urls: string[] | undefined): string[] | undefined {
  if (!url) return urls;
  const routes = routesOf(url);
  if (routes.length > 0) urls = routeEach(readings, routes, 0, urls);
  if (url.indexOf('%') >= 0 && HIDDEN_ROUTE.test(url)) urls = routeEach(readings, routesOf(safeDecode(url)), 0, urls);
  return urls;
}

function routeEach(readings: string[], routes: readonly string[], depth: number, urls: string[] | undefined): string[] | undefined {
  for (const r of routes) {
    addRaw(readings, r, undefined);
    if (r.charCodeAt(0) !== 47 && r.indexOf('://') > 0) (urls ??= []).push(r);
    if (depth === 0) { const more = routesOf(r); if (more.length > 0) urls = routeEach(readings, more, 1, urls); }
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
  if (t.startsWith('//')) {
    const rest = t.replace(/^\/\/[^/?#]*/, '');
    if (!readings.includes(rest)) readings.push(rest);
  }
}

/**
 * hostOf, remembering the last two answers: page and property URLs are usually the same
 * string, and analysis asks for the page URL's and the referrer's hosts in turn.
 */
function hostMemo(urls: UrlCache | undefined): (u: string | undefined) => string | undefined {
  let a: string | undefined;
  let aHost: string | undefined;
  let b: string | undefined;
  let bHost: string | undefined;
  return (u) => {
    if (!u) return undefined;
    if (u === a) return aHost;
    if (u !== b) { bHost = hostOf(u, urls); b = u; }
    // The latest answer moves to the front.
    const host = bHost;
    b = a; bHost = aHost; a = u; aHost = host;
    return host;
  };
}

/** The name of the first blocked-path rule matching any of the event's paths, if any. */
export function blockReason(info: EventInfo, plan: Plan): string | undefined {
  for (const h of info.pageHosts) {
    const rule = hostBlock(h, plan);
    if (rule !== null) return rule;
  }
  if (info.hostPathBlocked !== undefined) return info.hostPathBlocked;
  for (const p of info.checkPaths) {
    const rule = pathVerdict(p, plan).blocked;
    if (rule !== null) return rule;
  }
  // A page titled as the portal (`Messages | MyChart`), or a tracked event named after it
  // (`MyChart Login`), is the portal whatever its URL says.
  return info.namedBlocked ?? (info.sensitivePage ? sensitiveStep(info, plan) : undefined);
}
