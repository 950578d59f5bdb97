import type { CleanEvent } from '../destinations/types.js';
import type { JsonObject } from '../common/json.js';
import { AllowNode } from '../rules/allow-tree.js';
import { normalizeFieldName } from '../rules/field-name.js';
import { generalizeUa, truncateIp } from '../rules/ops/generalize.js';
import { sha256Hex } from '../common/hash.js';
import { normalizeMatchKey } from '../rules/ops/hash.js';
import { originOf } from '../rules/ops/sanitize-url.js';
import type { DestinationPlan, Plan, SitePlan } from '../rules/plan.js';
import { actionFor, sanitizeUrlMemo, scrubObject, scrubString, type ScrubContext } from '../rules/scrub-tree.js';
import type { EventInfo } from './analyze.js';

export interface VisitorIds {
  /** The pseudonymous id a destination receives for this visitor, or undefined when off. */
  idFor(visitorKey: string, destination: string, now: number): string | undefined;
  /** Async stores (Postgres) resolve a request's ids up front, since idFor is synchronous. */
  prepare?(visitorKeys: readonly string[], destinations: readonly string[], now: number): Promise<void>;
}

const EMPTY = AllowNode.compile([]);

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
  const { dest, plan } = ctx;
  const allow = dest.allow;
  const clean: CleanEvent = {
    messageId: info.messageId,
    type: info.type,
    timestamp: info.timestamp,
    receivedAt: info.receivedAt,
    properties: scrubObject(info.properties, allow.child('properties') ?? EMPTY, ctx),
    traits: scrubObject(info.traits, allow.child('traits') ?? EMPTY, ctx),
  };
  const hidePage = info.sensitivePage && !dest.baa;
  if (info.event !== undefined && allow.allows('event')) put(clean, 'event', eventName(info.event, ctx));
  if (info.name !== undefined && allow.allows('name') && !hidePage) put(clean, 'name', scrubString(info.name, ctx));
  if (allow.allows('visitor_id')) put(clean, 'visitorId', ids.idFor(info.visitorKey, dest.name, ctx.now));
  if (dest.baa && allow.allows('user_id') && info.userId) put(clean, 'userId', info.userId);
  if (dest.baa && allow.allows('anonymous_id') && info.anonymousId) put(clean, 'anonymousId', info.anonymousId);
  if (info.pageGroup !== undefined && allow.allows('page_group')) put(clean, 'pageGroup', info.pageGroup);
  if (!hidePage) put(clean, 'page', projectPage(info, allow, plan, ctx));
  if (allow.has('campaign')) put(clean, 'campaign', scrubFlat(info.campaign, allow.child('campaign')!, ctx));
  if (allow.has('click_ids') && Object.keys(info.clickIds).length) put(clean, 'clickIds', scrubFlat(info.clickIds, allow.child('click_ids')!, ctx));
  if (info.ip && allow.allows('ip')) put(clean, 'ip', identifierValue('ip', info.ip, ctx, truncateIp));
  if (info.userAgent && allow.allows('user_agent')) put(clean, 'userAgent', identifierValue('useragent', info.userAgent, ctx, generalizeUa));
  if (info.locale && allow.allows('locale')) put(clean, 'locale', info.locale.slice(0, 16));
  if (allow.allows('consent') && Object.keys(info.consent).length) put(clean, 'consent', { ...info.consent });
  if (dest.matchKeys && dest.baa && matchKeysAllowed) put(clean, 'matchKeys', matchKeysOf(info, ctx));
  return clean;
}

function eventName(name: string, ctx: ScrubContext): string | undefined {
  const mapped = ctx.dest.eventMap.get(name) ?? ctx.plan.eventMap.get(name);
  if (mapped !== undefined) return mapped;
  if (!ctx.dest.baa && ctx.plan.sensitiveTerms?.test(name)) return ctx.plan.sensitiveEventName;
  return scrubString(name, ctx);
}

function projectPage(info: EventInfo, allow: AllowNode, plan: Plan, ctx: ScrubContext): CleanEvent['page'] {
  const page: NonNullable<CleanEvent['page']> = {};
  const clean = (u: string) => sanitizeUrlMemo(u, ctx);
  // An allowed field whose value scrubs away still yields a (possibly empty) page object.
  let allowed = false;
  if (info.page.path && allow.allows('page.path')) { allowed = true; put(page, 'path', clean(info.page.path.startsWith('/') ? info.page.path : `/${info.page.path}`)); }
  if (info.page.url && allow.allows('page.url')) { allowed = true; put(page, 'url', clean(info.page.url)); }
  if (info.page.title && allow.allows('page.title')) { allowed = true; put(page, 'title', scrubString(info.page.title, ctx)); }
  if (info.page.referrer && allow.allows('page.referrer') && !info.referrerBlockedHost) {
    allowed = true;
    // External referrers keep their origin only: their paths and queries are another site's data.
    put(page, 'referrer', info.referrerSameSite ? clean(info.page.referrer) : originOf(info.page.referrer, ctx.memo));
  }
  return allowed ? page : undefined;
}

function scrubFlat(values: Record<string, string>, allow: AllowNode, ctx: ScrubContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (!allow.child(k)) continue;
    const s = scrubString(v, ctx);
    if (s !== undefined) out[k] = s.slice(0, 200);
  }
  return out;
}

/** ip and user agent follow their identifier rule when the pack has one, else the strict default. */
function identifierValue(field: string, value: string, ctx: ScrubContext, strict: (v: string) => string | undefined): string | undefined {
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

/**
 * Sets a field only when it has a value: fields are never assigned undefined and deleted later
 * (deleting keys turns an object into a slow dictionary, and this object is read per mapping).
 */
function put<T extends object, K extends keyof T>(o: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) o[key] = value;
}
