import type { JsonObject, JsonValue } from '../common/json.js';
import { isJsonObject } from '../common/json.js';
import { GA4_ECOMMERCE_FIRST, ga4Ecommerce } from './ga4-ecommerce.js';
import { truncateUnits } from '../common/well-formed.js';
import { ga4EventName, ga4ParamName, type Ga4EventName } from './ga4-names.js';
import type { CleanEvent } from './types.js';
import { parseEventTime } from './event-time.js';
import { amount } from './money.js';
import { ga4Items } from './ga4-items.js';

// GA4 MP limits (destinations spec §1.3).
export const GA4_MAX_EVENTS = 25;
const MAX_PARAMS = 25;
const MAX_VALUE = 100;
export const GA4_MAX_AGE_MS = 72 * 3600 * 1000;

/** What `map` stores per event: the request-level fields it needs plus the event itself. */
export interface Ga4Payload {
  client_id: string;
  user_id?: string;
  consent?: { ad_user_data: 'GRANTED' | 'DENIED'; ad_personalization: 'GRANTED' | 'DENIED' };
  event: { name: string; params: JsonObject; timestamp_micros: number };
}

function scalar(value: JsonValue): string | number | undefined {
  if (typeof value === 'string') return truncateUnits(value, MAX_VALUE);
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  // GA4 params hold strings and numbers; booleans become their text so they stay filterable.
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** An item param as GA4 spells and holds it, or undefined when it cannot. */
function itemParam(key: string, value: JsonValue): [string, JsonValue] | undefined {
  const name = ga4ParamName(key);
  const v = scalar(value);
  return name !== undefined && v !== undefined ? [name, v] : undefined;
}

const MAX_FLAT_DEPTH = 3;

/**
 * A property GA4 cannot hold as it is, spelt as params it can: an object's fields as
 * `parent_child` params (`cta: {pos: 2}` -> cta_pos, 3 levels), a list of strings, numbers or
 * booleans as its comma-joined text. GA4 takes scalars only, and dropped both before. Lists of
 * objects other than `items` stay out.
 */
function addFlat(add: (name: string | undefined, value: JsonValue | undefined) => void, key: string, value: JsonValue, depth: number): void {
  if (isJsonObject(value)) {
    if (depth < MAX_FLAT_DEPTH) for (const k of Object.keys(value)) addFlat(add, `${key}_${k}`, value[k], depth + 1);
    return;
  }
  const name = ga4ParamName(key);
  if (!Array.isArray(value) || name === 'items') return add(name, value);
  if (value.length > 0 && value.every((v) => v !== null && typeof v !== 'object')) add(name, value.join(','));
}

/** `items` is the one param GA4 accepts as an array (ecommerce); everything else must be scalar. */
function paramValue(name: string, value: JsonValue): JsonValue | undefined {
  if (name === 'items' && Array.isArray(value)) return ga4Items(value, itemParam);
  return scalar(value);
}

/** A positive whole number of milliseconds, else 1 (engaged, as little as can be said). */
function engagementMs(value: JsonValue | undefined): number {
  const n = amount(value);
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : 1;
}

/**
 * Fixed params first (they win on name clashes), then properties until 25. `originalName`: the
 * event's own name when GA4 could not spell it (ga4-names.ts), sent as `original_event_name`.
 */
export function ga4Params(e: CleanEvent, originalName?: string): JsonObject {
  const params: JsonObject = {};
  // Params set so far (counted rather than asking Object.keys for every param).
  let count = 0;
  const add = (name: string | undefined, value: JsonValue | undefined): void => {
    if (name === undefined || value === undefined || name in params) return;
    if (count >= MAX_PARAMS) return;
    const v = paramValue(name, value);
    if (v !== undefined) { params[name] = v; count++; }
  };
  if (e.sessionId !== undefined) add('session_id', e.sessionId);
  // MP needs a positive engagement time for an event to count as engaged/realtime: the site's own
  // (a data layer's engagement_time_msec, as a number or digits) when it has one.
  add('engagement_time_msec', engagementMs(e.properties.engagement_time_msec));
  add('original_event_name', originalName);
  add('page_location', e.page?.url);
  add('page_path', e.page?.path);
  add('page_title', e.page?.title);
  add('page_referrer', e.page?.referrer);
  const props = ga4Ecommerce(e.properties);
  for (const key of GA4_ECOMMERCE_FIRST) add(key, props[key]);
  for (const key of Object.keys(props)) {
    const value = props[key];
    if (value !== null && typeof value === 'object') addFlat(add, key, value, 0);
    else add(ga4ParamName(key), value);
  }
  return params;
}

const PAGE_VIEW: Ga4EventName = { name: 'page_view', lossy: false };
const SCREEN_VIEW: Ga4EventName = { name: 'screen_view', lossy: false };

function eventName(e: CleanEvent): Ga4EventName | { skip: string } {
  if (e.type === 'page') return PAGE_VIEW;
  if (e.type === 'screen') return SCREEN_VIEW;
  if (e.type !== 'track') return { skip: 'GA4_UNSUPPORTED_TYPE' };
  return ga4EventName(e.event ?? '') ?? { skip: 'GA4_INVALID_EVENT_NAME' };
}

/**
 * CleanEvent -> stored GA4 fragment. Age is measured against receivedAt (not the clock) so the
 * mapping stays pure; `send` re-checks against the clock for events that waited in the spool.
 */
export function toGa4Payload(e: CleanEvent): JsonObject | { skip: string } {
  if (!e.visitorId) return { skip: 'GA4_NO_CLIENT_ID' };
  const name = eventName(e);
  if ('skip' in name) return name;
  const time = parseEventTime(e.timestamp);
  if (!Number.isFinite(time)) return { skip: 'GA4_BAD_TIMESTAMP' };
  const received = parseEventTime(e.receivedAt);
  if (Number.isFinite(received) && received - time > GA4_MAX_AGE_MS) return { skip: 'GA4_TOO_OLD' };
  const payload: JsonObject = { client_id: e.visitorId };
  if (e.userId !== undefined) payload.user_id = e.userId;
  if (e.consent?.ads !== undefined) {
    const state = e.consent.ads ? 'GRANTED' : 'DENIED';
    payload.consent = { ad_user_data: state, ad_personalization: state };
  }
  payload.event = { name: name.name, params: ga4Params(e, name.lossy ? e.event : undefined), timestamp_micros: Math.trunc(time) * 1000 };
  return payload;
}

/** Narrows a spooled payload back to Ga4Payload (the spool holds plain JSON). */
export function isGa4Payload(value: JsonValue): value is JsonObject & Ga4Payload {
  if (!isJsonObject(value) || typeof value.client_id !== 'string' || !isJsonObject(value.event)) return false;
  const ev = value.event;
  return typeof ev.name === 'string' && isJsonObject(ev.params) && typeof ev.timestamp_micros === 'number';
}
