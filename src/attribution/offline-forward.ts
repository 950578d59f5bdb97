import { createHmac } from 'node:crypto';
import type { ForwardTarget } from '../aggregates/options.js';
import type { JsonObject } from '../common/json.js';
import { GoogleAdsConfig } from '../destinations/google-ads.js';
import { adsDateTime, conversionActionName } from '../destinations/google-ads-payload.js';
import type { DestinationPlan } from '../rules/plan.js';
import { googleMatchKeys, metaMatchKeys, type RawMatchKeys } from './offline-keys.js';

const HYPHENS = /-/g;

// One confirmed offline conversion -> one Google Ads ClickConversion / Meta CAPI server event.
// Only what the API needs: the mapped conversion action (Google) or a standard event name
// (Meta, never the conversion type, which may name a service line), time, value, currency and
// hashed match keys. No page path, no free text, no raw id: order id and event id are an HMAC
// of the sender's conversion id under the aggregate destination's own key.

export interface OfflineConversion extends RawMatchKeys {
  id: string;
  type: string;
  time: number;
  value: number;
  currency?: string;
  gclid?: string;
}

export type NotForwarded = 'not_mapped' | 'no_match_key' | 'too_old' | 'needs_value';

/** Meta refuses (the whole batch) events older than this (destinations spec §3.2). */
const META_MAX_AGE_S = { physical_store: 62 * 86400, other: 7 * 86400 };

export function forwardMessageId(secret: string, conversionId: string): string {
  return 'oc_' + createHmac('sha256', secret).update(`o:${conversionId}`).digest('base64url').slice(0, 32);
}

function withValue(c: OfflineConversion, value: string, currency: string): JsonObject {
  const out: JsonObject = {};
  if (c.value > 0) out[value] = c.value;
  if (c.currency !== undefined) out[currency] = c.currency;
  return out;
}

export function googleConversion(options: GoogleAdsConfig, c: OfflineConversion, messageId: string): JsonObject | NotForwarded {
  const action = Object.hasOwn(options.conversion_actions, c.type) ? options.conversion_actions[c.type] : undefined;
  if (action === undefined) return 'not_mapped';
  const keys = googleMatchKeys(c);
  const ids: JsonObject[] = [];
  if (keys.em) ids.push({ hashedEmail: keys.em });
  if (keys.ph) ids.push({ hashedPhoneNumber: keys.ph });
  if (ids.length === 0 && c.gclid === undefined) return 'no_match_key';
  const conversion: JsonObject = {
    conversionAction: conversionActionName(options.customer_id.replace(HYPHENS, ''), action),
    conversionDateTime: adsDateTime(c.time),
    orderId: messageId,
    ...withValue(c, 'conversionValue', 'currencyCode'),
  };
  if (c.gclid !== undefined) conversion.gclid = c.gclid;
  if (ids.length) conversion.userIdentifiers = ids;
  return conversion;
}

export function metaEvent(target: ForwardTarget, c: OfflineConversion, messageId: string, now: number): JsonObject | NotForwarded {
  const maxAge = target.action_source === 'physical_store' ? META_MAX_AGE_S.physical_store : META_MAX_AGE_S.other;
  if ((now - c.time) / 1000 > maxAge) return 'too_old';
  if (target.event_name === 'Purchase' && (c.value <= 0 || c.currency === undefined)) return 'needs_value';
  const keys = metaMatchKeys(c);
  const userData: JsonObject = {};
  if (keys.em) userData.em = [keys.em];
  if (keys.ph) userData.ph = [keys.ph];
  if (Object.keys(userData).length === 0) return 'no_match_key';
  const event: JsonObject = {
    event_name: target.event_name,
    event_time: Math.floor(c.time / 1000),
    event_id: messageId,
    action_source: target.action_source,
    user_data: userData,
  };
  const custom = withValue(c, 'value', 'currency');
  if (Object.keys(custom).length) event.custom_data = custom;
  return event;
}

/** The wire payload for one target, or why there is none. */
export function forwardPayload(plan: DestinationPlan, target: ForwardTarget, c: OfflineConversion, messageId: string, now: number): JsonObject | NotForwarded {
  if (plan.type === 'meta') return metaEvent(target, c, messageId, now);
  const options = GoogleAdsConfig.safeParse(plan.config.options);
  // The plan compiled, so its options parsed; a failure here would be a bug: send nothing.
  if (!options.success) return 'not_mapped';
  return googleConversion(options.data, c, messageId);
}
