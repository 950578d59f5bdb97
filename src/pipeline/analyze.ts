import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { canonicalPath, pathOf, safeDecode } from '../rules/canonical-path.js';
import type { Plan, SitePlan } from '../rules/plan.js';

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
  /** The referrer comes from a blocked host (a portal): it is never forwarded. */
  readonly referrerBlockedHost: boolean;
  readonly pageGroup?: string;
  readonly sensitivePage: boolean;
  readonly campaign: Record<string, string>;
  readonly clickIds: Record<string, string>;
  readonly ip?: string;
  readonly userAgent?: string;
  readonly locale?: string;
  readonly consent: { analytics?: boolean; ads?: boolean };
  readonly userId?: string;
  readonly anonymousId?: string;
  /** Stable per visitor (anonymousId, userId, or ip+ua when cookieless): never forwarded. */
  readonly visitorKey: string;
  readonly properties: JsonObject;
  readonly traits: JsonObject;
}

// Page fields travel in `page`, never again inside properties (where they would bypass page rules).
const PAGE_KEYS = new Set(['path', 'url', 'referrer', 'title', 'search', 'href', 'name']);

function withoutPageKeys(props: JsonObject): JsonObject {
  let copy: JsonObject | undefined;
  for (const k of Object.keys(props)) if (PAGE_KEYS.has(k)) { copy ??= { ...props }; delete copy[k]; }
  return copy ?? props;
}

const CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'dclid', 'fbclid', 'ttclid', 'msclkid', 'li_fat_id'];
const CAMPAIGN_KEYS: Record<string, string> = { utm_source: 'source', utm_medium: 'medium', utm_campaign: 'name', utm_term: 'term', utm_content: 'content' };

const str = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const obj = (v: JsonValue | undefined): JsonObject => (isJsonObject(v) ? v : {});

/** Whom the pseudonymous id belongs to; total (never throws) so it can run before analysis. */
export function visitorKeyOf(raw: JsonObject, site: SitePlan): string {
  const context = obj(raw.context);
  return str(raw.anonymousId) ?? str(raw.userId) ?? `cookieless:${site.name}:${str(context.ip) ?? ''}:${str(context.userAgent) ?? ''}`;
}

export function analyzeEvent(raw: JsonObject, site: SitePlan, plan: Plan, receivedAt: number): EventInfo {
  const context = obj(raw.context);
  const props = obj(raw.properties);
  const ctxPage = obj(context.page);
  const page = {
    path: str(ctxPage.path) ?? str(props.path),
    url: str(ctxPage.url) ?? str(props.url),
    referrer: str(ctxPage.referrer) ?? str(props.referrer),
    title: str(ctxPage.title) ?? str(props.title),
  };
  const { checkPaths, canonicalPagePath, referrerSameSite } = collectPaths(page, props, site, plan);
  const pageHosts = [page.url, str(props.url)].map(hostOf).filter((h): h is string => h !== undefined);
  const referrerHost = hostOf(page.referrer);
  const group = canonicalPagePath === undefined ? undefined : plan.pageGroups.find((g) => g.res.some((re) => re.test(canonicalPagePath)));
  const sensitiveByTerm = plan.sensitiveTerms !== undefined && checkPaths.some((p) => plan.sensitiveTerms!.test(p));
  const query = urlQuery(page.url);
  const type = raw.type as EventType;
  return {
    type,
    messageId: String(raw.messageId),
    timestamp: eventTime(raw, receivedAt),
    receivedAt: new Date(receivedAt).toISOString(),
    event: type === 'track' ? str(raw.event) : undefined,
    name: str(raw.name) ?? (type === 'page' ? page.title : undefined),
    page,
    checkPaths,
    canonicalPagePath,
    referrerSameSite,
    pageHosts,
    referrerBlockedHost: referrerHost !== undefined && plan.blockedHosts.some((b) => b.re.test(referrerHost)),
    pageGroup: group?.name ?? (sensitiveByTerm ? 'health_topic' : undefined),
    sensitivePage: (group?.sensitive ?? false) || sensitiveByTerm,
    campaign: campaignOf(obj(context.campaign), query),
    clickIds: Object.fromEntries(CLICK_IDS.flatMap((k) => (query.get(k) ? [[k, query.get(k)!]] : []))),
    ip: str(context.ip),
    userAgent: str(context.userAgent),
    locale: str(context.locale),
    consent: consentOf(context),
    userId: str(raw.userId) ?? (typeof raw.userId === 'number' ? String(raw.userId) : undefined),
    anonymousId: str(raw.anonymousId),
    visitorKey: visitorKeyOf(raw, site),
    properties: withoutPageKeys(props),
    traits: obj(raw.traits ?? context.traits),
  };
}

function collectPaths(page: EventInfo['page'], props: JsonObject, site: SitePlan, plan: Plan) {
  const raw: string[] = [];
  for (const p of [page.path, str(props.path), page.url, str(props.url)]) if (p) raw.push(p);
  const pageHost = hostOf(page.url);
  let referrerSameSite = false;
  for (const r of [page.referrer, str(props.referrer)]) {
    if (!r) continue;
    const host = hostOf(r);
    const same = host === undefined || host === pageHost || site.hosts.has(host);
    if (same) { raw.push(r); referrerSameSite = true; }
  }
  // `//host/path` is either a doubled slash or a protocol-relative URL: block on both readings.
  // Encoded separators (`%2F`) can hide the path inside the host part: decode first, too.
  const readings = new Set<string>();
  for (const r of raw) {
    for (const p of r.indexOf('%') < 0 ? [r] : [r, safeDecode(r)]) {
      const t = p.trim();
      readings.add(t);
      if (t.startsWith('//')) readings.add(t.replace(/^\/\/[^/?#]*/, ''));
    }
  }
  const checkPaths = [...new Set([...readings].map((p) => canonicalPath(p, plan.localePrefixes)))];
  const first = page.path ?? page.url ?? str(props.path) ?? str(props.url);
  return { checkPaths, canonicalPagePath: first ? canonicalPath(first, plan.localePrefixes) : undefined, referrerSameSite };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url || !/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim())) return undefined;
  try { return new URL(url.trim()).hostname.toLowerCase(); } catch { return undefined; }
}

function urlQuery(url: string | undefined): URLSearchParams {
  if (!url) return new URLSearchParams();
  const q = url.indexOf('?');
  if (q < 0) return new URLSearchParams();
  const hash = url.indexOf('#', q);
  return new URLSearchParams(url.slice(q + 1, hash < 0 ? undefined : hash));
}

function campaignOf(ctxCampaign: JsonObject, query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctxCampaign)) if (typeof v === 'string' && v) out[k === 'campaign' ? 'name' : k] = v;
  for (const [param, key] of Object.entries(CAMPAIGN_KEYS)) {
    const v = query.get(param);
    if (v && out[key] === undefined) out[key] = safeDecode(v);
  }
  return out;
}

function consentOf(context: JsonObject): { analytics?: boolean; ads?: boolean } {
  const c = obj(context.consent);
  const prefs = obj(c.categoryPreferences);
  const pick = (...vals: (JsonValue | undefined)[]) => vals.find((v): v is boolean => typeof v === 'boolean');
  const analytics = pick(c.analytics, prefs.analytics, prefs.Analytics);
  let ads = pick(c.ads, c.advertising, prefs.ads, prefs.Advertising, prefs.advertising);
  if (context.gpc === true || c.gpc === true) ads = false;
  return { ...(analytics !== undefined && { analytics }), ...(ads !== undefined && { ads }) };
}

function eventTime(raw: JsonObject, receivedAt: number): string {
  const t = str(raw.timestamp) ?? str(raw.originalTimestamp);
  const ms = t ? Date.parse(t) : NaN;
  // A client clock in the future is clamped to arrival time.
  return new Date(Number.isFinite(ms) && ms <= receivedAt ? ms : receivedAt).toISOString();
}

/** The name of the first blocked-path rule matching any of the event's paths, if any. */
export function blockReason(info: EventInfo, plan: Plan): string | undefined {
  for (const h of info.pageHosts) for (const rule of plan.blockedHosts) if (rule.re.test(h)) return rule.name;
  for (const p of info.checkPaths) {
    // One combined test first: most events match no rule at all.
    if (plan.blockedAny && !plan.blockedAny.test(p)) continue;
    for (const rule of plan.blocked) if (rule.re.test(p)) return rule.name;
  }
  return undefined;
}

