import type { CleanEvent } from '../destinations/types.js';
import type { JsonObject } from '../common/json.js';
import { truncateUnits } from '../common/well-formed.js';
import type { AllowNode } from '../rules/allow-tree.js';
import { allowedFields, type AllowedFields } from './allowed-fields.js';
import { normalizeFieldName } from '../rules/field-name.js';
import { generalizeUa, truncateIp } from '../rules/ops/generalize.js';
import { sha256Hex } from '../common/hash.js';
import { normalizeMatchKey } from '../rules/ops/hash.js';
import { originOf } from '../rules/ops/sanitize-url.js';
import { clickIdShaped } from '../rules/marketing-ids.js';
import { withheldEventName } from '../rules/booking-names.js';
import type { DestinationPlan, SitePlan } from '../rules/plan.js';
import { actionFor, namesHealth, sanitizeUrlMemo, scrubAnyObject, scrubNamedString, scrubString, type ScrubContext } from '../rules/scrub-tree.js';
import type { EventInfo } from './analyze.js';
import { projectCallIds, senderKey } from './identity.js';
import { projectClientContext } from './client-context.js';

export interface VisitorIds {
  /** The pseudonymous id a destination receives for this visitor, or undefined when off. */
  idFor(visitorKey: string, destination: string, now: number): string | undefined;
  /** Async stores (Postgres) resolve a request's ids up front, since idFor is synchronous. */
  prepare?(visitorKeys: readonly string[], destinations: readonly string[], now: number): Promise<void>;
}

/** Why an event does not go to a destination (filters and consent), or undefined. */
export function routeSkipReason(info: EventInfo, dest: DestinationPlan, site: SitePlan): string | undefined {
  if (dest.types && !dest.types.has(info.type)) return 'type_filtered';
  const name = info.event ?? '';
  if (dest.include && !dest.include.has(name)) return 'event_filtered';
  if (dest.exclude.has(name)) return 'event_filtered';
  for (const purpose of dest.purposes) {
    const granted = info.consent[purpose];
    if (granted === false || (site.requireConsent && granted !== true)) return `no_consent_${purpose}`;
  }
  return undefined;
}

/** `matchKeysAllowed`: the event's subject holds a valid marketing authorization (src/governance). */
export function projectEvent(info: EventInfo, ctx: ScrubContext, ids: VisitorIds, matchKeysAllowed = false): CleanEvent {
  const { dest } = ctx;
  const allow = allowedFields(dest.allow);
  const clean: CleanEvent = {
    messageId: info.messageId,
    type: info.type,
    timestamp: info.timestamp,
    receivedAt: info.receivedAt,
    properties: scrubAnyObject(info.properties, allow.properties, ctx),
    traits: scrubAnyObject(info.traits, allow.traits, ctx),
  };
  // Fields are set only when they have a value, in this order (the payload's key order), never
  // assigned undefined and deleted later (deleting keys turns an object into a slow dictionary).
  // Plain property stores: one generic setter taking every key was a megamorphic store.
  const hidePage = info.sensitivePage && !dest.baa;
  const event = info.event !== undefined && allow.event ? eventName(info.event, ctx) : undefined;
  if (event !== undefined) clean.event = event;
  const name = info.name !== undefined && allow.name && !hidePage ? scrubString(info.name, ctx) : undefined;
  if (name !== undefined) clean.name = name;
  const visitorId = allow.visitorId ? ids.idFor(senderKey(info), dest.name, ctx.now) : undefined;
  if (visitorId !== undefined) clean.visitorId = visitorId;
  if (dest.baa && allow.userId && info.userId) clean.userId = info.userId;
  if (dest.baa && allow.anonymousId && info.anonymousId) clean.anonymousId = info.anonymousId;
  if (info.groupId !== undefined || info.previousId !== undefined) projectCallIds(clean, info, allow, ctx, ids);
  if (info.pageGroup !== undefined && allow.pageGroup) clean.pageGroup = info.pageGroup;
  const page = hidePage ? undefined : projectPage(info, allow, ctx);
  if (page !== undefined) clean.page = page;
  projectContext(clean, info, ctx, matchKeysAllowed);
  return clean;
}

/** Campaign, click ids, network identifiers, locale, consent and match keys, in that order. */
function projectContext(clean: CleanEvent, info: EventInfo, ctx: ScrubContext, matchKeysAllowed: boolean): void {
  const { dest } = ctx;
  const allow = allowedFields(dest.allow);
  if (allow.campaign) clean.campaign = campaignWhole(scrubCampaign(info.campaign, allow.campaign, ctx), info.campaign, allow.campaign);
  if (allow.clickIds && hasKeys(info.clickIds)) clean.clickIds = scrubFlat(info.clickIds, allow.clickIds, ctx, clickIdShaped);
  const ip = info.ip && allow.ip ? identifierValue('ip', info.ip, ctx, truncateIp) : undefined;
  if (ip !== undefined) clean.ip = ip;
  const ua = info.userAgent && allow.userAgent ? identifierValue('useragent', info.userAgent, ctx, generalizeUa) : undefined;
  if (ua !== undefined) clean.userAgent = ua;
  const locale = info.locale && allow.locale ? languageTag(info.locale) : undefined;
  if (locale !== undefined) clean.locale = locale;
  if (allow.consent && hasKeys(info.consent)) clean.consent = { ...info.consent };
  if (info.sessionId !== undefined && allow.sessionId) clean.sessionId = info.sessionId;
  const client = info.client !== undefined && allow.context ? projectClientContext(info.client, allow.context, ctx) : undefined;
  if (client !== undefined) clean.client = client;
  const keys = dest.matchKeys && dest.baa && matchKeysAllowed ? matchKeysOf(info, ctx) : undefined;
  if (keys !== undefined) clean.matchKeys = keys;
}

// A locale is a language tag (`en`, `en-US`, `zh-Hant-TW`, `es-419`, `pt_BR`): language, optional script, optional region, or the
// first of an Accept-Language list (`en-US,en;q=0.9`). Anything else in that field is not a locale and may be anything a client put
// there (a name, an id, an email): it is dropped rather than scanned, so nothing but a tag's letters can leave in it.
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?(?:[-_](?:[A-Za-z]{2}|[0-9]{3}))?$/;

function languageTag(locale: string): string | undefined {
  const comma = locale.indexOf(',');
  const first = (comma >= 0 ? locale.slice(0, comma) : locale).trim();
  return LANGUAGE_TAG.test(first) ? first : undefined;
}

// A campaign's name, keyword and creative are one ad's: when the scan withholds one (a condition named,
// `utm_campaign=hiv-prep-retargeting`), the others go with it (`utm_content=PrEP_Video_15s`); source and medium stay.
const CAMPAIGN_OWN = ['name', 'term', 'content'] as const;
function campaignWhole(out: Record<string, string>, sent: Record<string, string>, allow: AllowNode): Record<string, string> {
  let withheld = false;
  for (const k of CAMPAIGN_OWN) if (sent[k] !== undefined && out[k] === undefined && allow.child(k)) withheld = true;
  if (withheld) for (const k of CAMPAIGN_OWN) delete out[k];
  return out;
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

function eventName(name: string, ctx: ScrubContext): string | undefined {
  const mapped = ctx.dest.eventMap.get(name) ?? ctx.plan.eventMap.get(name);
  if (mapped !== undefined) return mapped;
  if (namesHealth(name, ctx)) return withheldEventName(name, ctx.plan);
  return scrubString(name, ctx);
}

const FILE_URL = /^\s*file:/i;

function projectPage(info: EventInfo, allow: AllowedFields, ctx: ScrubContext): CleanEvent['page'] {
  const page: NonNullable<CleanEvent['page']> = {};
  // An allowed field whose value scrubs away still yields a (possibly empty) page object.
  let allowed = false;
  const { path, url, title, referrer } = info.page;
  // A hash-routed page's route (fragment-route.ts) follows its path and URL, sanitized like a path.
  const route = info.page.route === undefined ? '' : routeSuffix(info.page.route, ctx);
  // A page saved to the visitor's disk and opened from it (`file:///home/kenji/…`): its path is their folders (probe 50).
  const onDisk = url !== undefined && FILE_URL.test(url);
  const away = ctx.foreignPage === true;
  if (path && allow.pagePath && !onDisk && !away) {
    allowed = true;
    const v = sanitizeUrlMemo(path.startsWith('/') ? path : `/${path}`, ctx);
    if (v !== undefined) page.path = v + route;
  }
  if (url && allow.pageUrl) { allowed = true; const v = away ? originOf(url, ctx.memo) : sanitizeUrlMemo(url, ctx); if (v !== undefined) page.url = away ? v : v + route; }
  if (title && allow.pageTitle) { allowed = true; const v = scrubString(title, ctx); if (v !== undefined) page.title = v; }
  if (referrer && allow.pageReferrer && !info.referrerBlockedHost) {
    allowed = true;
    // External referrers keep their origin only: their paths and queries are another site's data.
    const v = info.referrerSameSite ? sanitizeUrlMemo(referrer, ctx) : originOf(referrer, ctx.memo);
    if (v !== undefined) page.referrer = v;
  }
  return allowed ? page : undefined;
}

/** `#` and the route as sanitize_url reads a path (ids as `:id`), or nothing when it reads none. */
function routeSuffix(route: string, ctx: ScrubContext): string {
  const v = sanitizeUrlMemo(route, ctx);
  return v === undefined ? '' : `#${v}`;
}

/**
 * Campaign and click-id values: allowed keys only, each scanned and capped (also re-projection, delivery/reproject.ts).
 * `opaque`: a value of the platform's own token shape goes as it is (click ids: marketing-ids.ts).
 */
export function scrubFlat(values: Record<string, string>, allow: AllowNode, ctx: ScrubContext, opaque?: (v: string) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(values)) {
    // A re-projected row's values come back from the spool: only strings are read.
    if (!allow.child(k) || typeof values[k] !== 'string') continue;
    const s = opaque?.(values[k]) === true ? values[k] : scrubString(values[k], ctx);
    if (s !== undefined) out[k] = truncateUnits(s, 200);
  }
  return out;
}

// A campaign's standard parameters (Segment's context.campaign and the `utm_*` and GA4 parameters the query gives) are
// read as values; any other key a client put in context.campaign (`mrn`, `member_id`, `utm_drivers_license`) goes out as
// `utm_<key>` and is read as a property of that name is, by its key's identifier rule first (probe 49: read by value only,
// `utm_mrn: "E39770501"` went out).
const CAMPAIGN_STANDARD: ReadonlySet<string> = new Set(['name', 'source', 'medium', 'term', 'content', 'id', 'source_platform', 'creative_format', 'marketing_tactic']);
const UTM_PREFIX = /^utm[_-]?/i;

/** Campaign values: scrubFlat for the standard ones, a custom key's by its name (also re-projection, delivery/reproject.ts). */
export function scrubCampaign(values: Record<string, string>, allow: AllowNode, ctx: ScrubContext): Record<string, string> {
  let standard: Record<string, string> | undefined, custom: string[] | undefined;
  for (const k of Object.keys(values)) {
    if (CAMPAIGN_STANDARD.has(k)) (standard ??= {})[k] = values[k] as string;
    else (custom ??= []).push(k);
  }
  if (custom === undefined) return scrubFlat(values, allow, ctx);
  const out = standard === undefined ? {} : scrubFlat(standard, allow, ctx);
  for (const k of custom) {
    const node = allow.child(k), v = values[k];
    // A re-projected row's values come back from the spool: only strings are read.
    const s = node && typeof v === 'string' ? scrubNamedString(k.replace(UTM_PREFIX, '') || k, v, node, ctx) : undefined;
    if (s !== undefined) out[k] = truncateUnits(s, 200);
  }
  return out;
}

/** ip and user agent follow their identifier rule when the pack has one, else the strict default. */
export function identifierValue(field: string, value: string, ctx: ScrubContext, strict: (v: string) => string | undefined): string | undefined {
  const rule = ctx.plan.fields.match(field);
  const action = rule ? actionFor(rule, ctx) : ctx.dest.baa ? 'keep' : 'strict';
  if (action === 'keep') return value;
  if (action === 'drop') return undefined;
  return strict(value);
}

function matchKeysOf(info: EventInfo, ctx: ScrubContext): CleanEvent['matchKeys'] {
  const keys: NonNullable<CleanEvent['matchKeys']> = {};
  const visit = (o: JsonObject, depth: number) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'object' && v !== null && !Array.isArray(v) && depth < 3) { visit(v, depth + 1); continue; }
      if (typeof v !== 'string' && typeof v !== 'number') continue;
      const rule = ctx.plan.fields.match(normalizeFieldName(k));
      const kind = rule?.matchKey as keyof NonNullable<CleanEvent['matchKeys']> | undefined;
      if (!kind || keys[kind] !== undefined) continue;
      const normalized = normalizeMatchKey(kind, String(v));
      if (normalized !== undefined) keys[kind] = sha256Hex(normalized);
    }
  };
  visit(info.traits, 0);
  visit(info.properties, 0);
  return Object.keys(keys).length ? keys : undefined;
}
