// GA4 Measurement Protocol fake (destinations spec §1, §8): /mp/collect always answers 204
// whatever it got (problems are only recorded), /debug/mp/collect answers validationMessages.
import { FakeServer, isObject, type FakeReply, type RecordedRequest } from './http-fake.js';

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const RESERVED_EVENTS = new Set(
  'ad_activeview ad_click ad_exposure ad_impression ad_query ad_reward adunit_exposure app_background app_clear_data app_exception app_remove app_store_refund app_store_subscription_cancel app_store_subscription_convert app_store_subscription_renew app_update app_upgrade dynamic_link_app_open dynamic_link_app_update dynamic_link_first_open error firebase_campaign first_open first_visit in_app_purchase notification_dismiss notification_foreground notification_open notification_receive os_update session_start session_start_with_rollout user_engagement'.split(' '),
);
const RESERVED_PREFIX = /^(google_|ga_|firebase_)/;

export interface Ga4FakeOptions {
  measurementId?: string;
  apiSecret?: string;
}

type Message = [fieldPath: string, code: string];

function checkTimestamp(ts: unknown, path: string, out: Message[]): void {
  if (ts === undefined) return;
  if (typeof ts !== 'number' || !Number.isInteger(ts) || String(ts).length !== 16) out.push([path, 'VALUE_INVALID']);
  else if (Date.now() * 1000 - ts > 72 * 3600e6) out.push([path, 'VALUE_OUT_OF_BOUNDS']);
}

// Item params GA4 documents; an item holds at most 27 others, an event at most 200 items.
const STANDARD_ITEM_PARAMS = new Set('item_id item_name affiliation coupon discount index item_brand item_category item_category2 item_category3 item_category4 item_category5 item_list_id item_list_name item_variant location_id price quantity promotion_id promotion_name creative_name creative_slot'.split(' '));

function checkItems(items: unknown, prefix: string, out: Message[]): void {
  if (!Array.isArray(items)) return;
  if (items.length > 200) out.push([`${prefix}.params.items`, 'EXCEEDED_MAX_ENTITIES']);
  items.forEach((item, j) => {
    if (!isObject(item)) return void out.push([`${prefix}.params.items[${j}]`, 'VALUE_INVALID']);
    const custom = Object.keys(item).filter((k) => !STANDARD_ITEM_PARAMS.has(k));
    if (custom.length > 27) out.push([`${prefix}.params.items[${j}]`, 'EXCEEDED_MAX_ENTITIES']);
    for (const [k, v] of Object.entries(item)) {
      if (!NAME.test(k)) out.push([`${prefix}.params.items[${j}].${k}`, 'NAME_INVALID']);
      if (typeof v === 'string' && v.length > 100) out.push([`${prefix}.params.items[${j}].${k}`, 'VALUE_OUT_OF_BOUNDS']);
      if (v !== null && typeof v === 'object') out.push([`${prefix}.params.items[${j}].${k}`, 'VALUE_INVALID']);
    }
  });
}

function checkParams(params: Record<string, unknown>, prefix: string, out: Message[]): void {
  checkItems(params.items, prefix, out);
  const keys = Object.keys(params);
  if (keys.length > 25) out.push([`${prefix}.params`, 'EXCEEDED_MAX_ENTITIES']);
  for (const k of keys) {
    if (!NAME.test(k)) out.push([`${prefix}.params.${k}`, 'NAME_INVALID']);
    if (RESERVED_PREFIX.test(k) || k === 'firebase_conversion') out.push([`${prefix}.params.${k}`, 'NAME_RESERVED']);
    const v = params[k];
    if (typeof v === 'string' && v.length > 100) out.push([`${prefix}.params.${k}`, 'VALUE_OUT_OF_BOUNDS']);
    if (v !== null && typeof v === 'object' && k !== 'items') out.push([`${prefix}.params.${k}`, 'VALUE_INVALID']);
  }
}

function checkEvent(e: unknown, i: number, out: Message[]): void {
  if (!isObject(e) || typeof e.name !== 'string') return void out.push([`events[${i}].name`, 'VALUE_REQUIRED']);
  if (!NAME.test(e.name)) out.push([`events[${i}].name`, 'NAME_INVALID']);
  if (RESERVED_EVENTS.has(e.name) || RESERVED_PREFIX.test(e.name)) out.push([`events[${i}].name`, 'NAME_RESERVED']);
  checkTimestamp(e.timestamp_micros, `events[${i}].timestamp_micros`, out);
  checkParams(isObject(e.params) ? e.params : {}, `events[${i}]`, out);
}

export function validateGa4Request(req: RecordedRequest, options: Ga4FakeOptions = {}): Message[] {
  const out: Message[] = [];
  if (!req.query.measurement_id && !req.query.firebase_app_id) out.push(['measurement_id', 'VALUE_REQUIRED']);
  else if (options.measurementId && req.query.measurement_id !== options.measurementId) out.push(['measurement_id', 'VALUE_INVALID']);
  if (!req.query.api_secret) out.push(['api_secret', 'VALUE_REQUIRED']);
  if (Buffer.byteLength(req.raw) >= 130_000) out.push(['body', 'VALUE_OUT_OF_BOUNDS']);
  const body = req.json;
  if (!isObject(body)) return [...out, ['body', 'VALUE_INVALID']];
  if (!body.client_id && !body.app_instance_id) out.push(['client_id', 'VALUE_REQUIRED']);
  const events = body.events;
  if (!Array.isArray(events) || events.length === 0) out.push(['events', 'VALUE_REQUIRED']);
  else if (events.length > 25) out.push(['events', 'EXCEEDED_MAX_ENTITIES']);
  checkTimestamp(body.timestamp_micros, 'timestamp_micros', out);
  (Array.isArray(events) ? events : []).forEach((e, i) => checkEvent(e, i, out));
  const consent = body.consent;
  if (consent !== undefined && (!isObject(consent) || Object.values(consent).some((v) => v !== 'GRANTED' && v !== 'DENIED'))) out.push(['consent', 'VALUE_INVALID']);
  return out;
}

export function startGa4Fake(options: Ga4FakeOptions = {}): Promise<FakeServer> {
  return FakeServer.start((req): FakeReply => {
    const messages = validateGa4Request(req, options);
    // The real service does not check the secret on either path; recording it lets tests see it.
    if (options.apiSecret && req.query.api_secret !== options.apiSecret) messages.push(['api_secret', 'VALUE_INVALID']);
    req.errors.push(...messages.map(([path, code]) => `${path}: ${code}`));
    if (req.method === 'POST' && req.path === '/mp/collect') return { status: 204 };
    if (req.method === 'POST' && req.path === '/debug/mp/collect') {
      return { status: 200, body: { validationMessages: messages.map(([fieldPath, validationCode]) => ({ fieldPath, validationCode, description: `${fieldPath}: ${validationCode}` })) } };
    }
    return { status: 404, body: { error: 'no such fake endpoint' } };
  });
}

/** Events a run delivered to /mp/collect and the fake would have accepted. */
export function acceptedGa4Events(fake: FakeServer): unknown[] {
  return fake.handled('/mp/collect').filter((r) => r.errors.length === 0).flatMap((r) => (isObject(r.json) && Array.isArray(r.json.events) ? r.json.events : []));
}
