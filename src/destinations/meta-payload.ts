import type { JsonObject, JsonValue } from '../common/json.js';
import { isJsonObject } from '../common/json.js';
import { visitorIdHash } from './visitor-hash.js';
import type { CleanEvent } from './types.js';
import { parseEventTime } from './event-time.js';
import { adValue, eventCurrency } from './money.js';
import { metaContents, productsKey, productsOf } from './contents.js';
import { pixelEventId } from './dedup-ids.js';

// Meta CAPI server event rules (destinations spec §3.2-§3.4).
export const META_MAX_AGE_S = 7 * 86400;
// Meta reportedly refuses events from the future; the fake and we both allow 10 minutes of skew.
const META_MAX_FUTURE_S = 600;
const HEX64 = /^[0-9a-f]{64}$/;
const FB_COOKIE = /^fb\.\d\.\d+\.[^.]+(\.[^.]+)?$/;
const HASHED_KEYS = ['em', 'ph', 'fn', 'ln', 'db', 'ge', 'ct', 'st', 'zp', 'country', 'external_id'] as const;
const ACTION_SOURCES: ReadonlySet<string> = new Set(['email', 'website', 'app', 'phone_call', 'chat', 'physical_store', 'system_generated', 'business_messaging', 'other']);

function fbc(e: CleanEvent, timeMs: number): string | undefined {
  const cookie = e.clickIds?.fbc;
  if (cookie !== undefined && FB_COOKIE.test(cookie)) return cookie;
  // Built from the fbclid as Meta documents: fb.<subdomainIndex>.<creation ms>.<fbclid>, fbclid untouched.
  const fbclid = e.clickIds?.fbclid;
  return fbclid && !fbclid.includes('.') ? `fb.1.${timeMs}.${fbclid}` : undefined;
}

function userData(e: CleanEvent, timeMs: number): JsonObject {
  const ud: JsonObject = { client_user_agent: e.userAgent ?? '' };
  if (e.ip !== undefined) ud.client_ip_address = e.ip;
  for (const key of HASHED_KEYS) {
    const value = e.matchKeys?.[key];
    if (value !== undefined && HEX64.test(value)) ud[key] = [value];
  }
  // The visitor id is a random token, not PII, but the pixel side hashes external_id, so the
  // same SHA-256 form keeps pixel and server events joinable.
  if (e.visitorId !== undefined) {
    const hashed = visitorIdHash(e.visitorId);
    const existing = Array.isArray(ud.external_id) ? ud.external_id : [];
    ud.external_id = existing.includes(hashed) ? existing : [...existing, hashed];
  }
  const click = fbc(e, timeMs);
  if (click !== undefined) ud.fbc = click;
  const fbp = e.clickIds?.fbp;
  if (fbp !== undefined && FB_COOKIE.test(fbp)) ud.fbp = fbp;
  return ud;
}

/**
 * Properties as custom_data: `value` must be a number and `currency` an ISO 4217 code; a product
 * list (Segment `products`, GA4 `items`) becomes contents/content_ids/num_items unless the event
 * already spells them Meta's way.
 */
function customData(properties: JsonObject): JsonObject {
  const out: JsonObject = {};
  const products = properties.contents === undefined && properties.content_ids === undefined ? productsOf(properties) : undefined;
  const listedAs = products === undefined ? undefined : productsKey(properties);
  for (const [key, value] of Object.entries(properties)) if (key !== 'value' && key !== 'currency' && key !== listedAs) out[key] = value;
  if (products !== undefined) for (const [key, value] of Object.entries(metaContents(products))) if (out[key] === undefined) out[key] = value;
  const { value } = adValue(properties);
  if (value !== undefined) out.value = value;
  const currency = eventCurrency(properties);
  if (currency !== undefined) out.currency = currency;
  return out;
}

function eventName(e: CleanEvent): string | undefined {
  if (e.type === 'page') return 'PageView';
  if (e.type === 'track' && e.event !== undefined && e.event.trim() !== '') return e.event.trim();
  return undefined;
}

/**
 * CleanEvent -> one CAPI server event. Age is measured from receivedAt so this stays pure.
 * `sourceUrl` (config) stands in for a page URL the event does not carry.
 */
export function toMetaEvent(e: CleanEvent, sourceUrl?: string): JsonObject | { skip: string } {
  const name = eventName(e);
  if (name === undefined) return { skip: e.type === 'track' ? 'META_NO_EVENT_NAME' : 'META_UNSUPPORTED_TYPE' };
  const timeMs = parseEventTime(e.timestamp);
  if (!Number.isFinite(timeMs)) return { skip: 'META_BAD_TIMESTAMP' };
  const receivedMs = parseEventTime(e.receivedAt);
  if (Number.isFinite(receivedMs) && (receivedMs - timeMs) / 1000 > META_MAX_AGE_S) return { skip: 'META_TOO_OLD' };
  // Website events must carry both; without them Meta rejects the whole batch.
  if (!e.userAgent) return { skip: 'META_NO_USER_AGENT' };
  const url = e.page?.url || sourceUrl;
  if (!url) return { skip: 'META_NO_SOURCE_URL' };
  const custom = customData(e.properties);
  // A Purchase of negative value is a refund: Meta has no event for it and takes no negative value.
  if (name === 'Purchase' && adValue(e.properties).negative) return { skip: 'META_REFUND_NOT_A_CONVERSION' };
  if (name === 'Purchase' && (custom.value === undefined || custom.currency === undefined)) return { skip: 'META_PURCHASE_NEEDS_VALUE' };
  const event: JsonObject = {
    event_name: name,
    event_time: Math.floor(timeMs / 1000),
    event_id: pixelEventId(e),
    action_source: 'website',
    event_source_url: url,
    user_data: userData(e, Math.trunc(timeMs)),
  };
  if (Object.keys(custom).length) event.custom_data = custom;
  return event;
}

function userDataProblem(ud: JsonValue | undefined, website: boolean): string | undefined {
  if (!isJsonObject(ud) || Object.keys(ud).length === 0) return 'META_NO_USER_DATA';
  if (website && (typeof ud.client_user_agent !== 'string' || ud.client_user_agent === '')) return 'META_NO_USER_AGENT';
  for (const key of HASHED_KEYS) {
    const v = ud[key];
    if (v !== undefined && !(Array.isArray(v) ? v : [v]).every((x) => typeof x === 'string' && HEX64.test(x))) return 'META_UNHASHED_KEY';
  }
  for (const key of ['fbp', 'fbc']) {
    const v = ud[key];
    if (v !== undefined && !(typeof v === 'string' && FB_COOKIE.test(v))) return 'META_BAD_COOKIE';
  }
  return undefined;
}

/**
 * Why Meta would reject this event (and with it the whole batch), or undefined. Checked before
 * every send because payloads may have waited in the spool past the 7-day window.
 */
export function metaEventProblem(p: JsonValue, nowS: number): string | undefined {
  if (!isJsonObject(p)) return 'META_BAD_PAYLOAD';
  if (typeof p.event_name !== 'string' || p.event_name === '') return 'META_NO_EVENT_NAME';
  if (typeof p.event_time !== 'number' || !Number.isInteger(p.event_time)) return 'META_BAD_TIMESTAMP';
  const maxAge = p.action_source === 'physical_store' ? 62 * 86400 : META_MAX_AGE_S;
  if (nowS - p.event_time > maxAge) return 'META_TOO_OLD';
  if (p.event_time - nowS > META_MAX_FUTURE_S) return 'META_IN_FUTURE';
  if (typeof p.action_source !== 'string' || !ACTION_SOURCES.has(p.action_source)) return 'META_BAD_ACTION_SOURCE';
  if (p.event_name === 'Purchase') {
    const cd = isJsonObject(p.custom_data) ? p.custom_data : {};
    if (typeof cd.value !== 'number' || typeof cd.currency !== 'string') return 'META_PURCHASE_NEEDS_VALUE';
  }
  const website = p.action_source === 'website';
  if (website && (typeof p.event_source_url !== 'string' || p.event_source_url === '')) return 'META_NO_SOURCE_URL';
  return userDataProblem(p.user_data, website);
}
