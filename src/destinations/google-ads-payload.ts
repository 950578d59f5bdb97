import type { JsonObject, JsonValue } from '../common/json.js';
import { isJsonObject } from '../common/json.js';
import { adValue, eventCurrency } from './money.js';
import type { CleanEvent } from './types.js';
import { conversionOrderId } from './dedup-ids.js';

// ClickConversion rules (destinations spec §4.2).
const HEX64 = /^[0-9a-f]{64}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const MAX_IDENTIFIERS = 5;
// A conversion carries exactly one of them (Google's upload examples: "Set exactly one of gclid,
// gbraid, or wbraid"); a landing URL can hold several. gclid first (any click), then wbraid
// (iOS web clicks, what a site's page sees), then gbraid (iOS app clicks).
const CLICK_IDS = ['gclid', 'wbraid', 'gbraid'] as const;

/** `yyyy-mm-dd hh:mm:ss+00:00` in UTC, the only format the API accepts. */
export function adsDateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
}

/** `customers/{id}/conversionActions/{action}` from a bare id or a full resource name. */
export function conversionActionName(customerId: string, action: string): string {
  return action.startsWith('customers/') ? action : `customers/${customerId}/conversionActions/${action}`;
}

function userIdentifiers(e: CleanEvent): JsonObject[] {
  const ids: JsonObject[] = [];
  // Only email and phone are supported for click conversion uploads.
  if (e.matchKeys?.em !== undefined && HEX64.test(e.matchKeys.em)) ids.push({ hashedEmail: e.matchKeys.em });
  if (e.matchKeys?.ph !== undefined && HEX64.test(e.matchKeys.ph)) ids.push({ hashedPhoneNumber: e.matchKeys.ph });
  return ids;
}

function valueFields(properties: JsonObject): JsonObject {
  const out: JsonObject = {};
  const { value } = adValue(properties);
  if (value !== undefined) out.conversionValue = value;
  const currency = eventCurrency(properties);
  if (currency !== undefined) out.currencyCode = currency;
  return out;
}

/**
 * CleanEvent -> ClickConversion. Only track events named in `conversion_actions` are
 * conversions; orderId (the order or transaction id, else messageId) makes re-uploads after a
 * retry, and a server copy of the tag's conversion, count once.
 */
export function toClickConversion(e: CleanEvent, customerId: string, actions: Readonly<Record<string, string>>): JsonObject | { skip: string } {
  if (e.type !== 'track' || e.event === undefined) return { skip: 'GOOGLE_ADS_NOT_A_CONVERSION' };
  const action = Object.hasOwn(actions, e.event) ? actions[e.event] : undefined;
  if (action === undefined) return { skip: 'GOOGLE_ADS_NOT_A_CONVERSION' };
  // A negative value is a refund; uploaded without it, it would count as a conversion of the
  // action's default value. Google Ads reverses conversions with adjustments, not uploads.
  if (adValue(e.properties).negative) return { skip: 'GOOGLE_ADS_REFUND_NOT_A_CONVERSION' };
  const timeMs = Date.parse(e.timestamp);
  if (!Number.isFinite(timeMs)) return { skip: 'GOOGLE_ADS_BAD_TIMESTAMP' };
  const conversion: JsonObject = {
    conversionAction: conversionActionName(customerId, action),
    conversionDateTime: adsDateTime(timeMs),
    orderId: conversionOrderId(e),
  };
  for (const key of CLICK_IDS) {
    const id = e.clickIds?.[key];
    if (id) { conversion[key] = id; break; }
  }
  const ids = userIdentifiers(e);
  if (ids.length) conversion.userIdentifiers = ids;
  // No click id and no hashed email or phone (enhanced conversions for leads, only with match keys):
  // nothing ties the conversion to an ad click, so the API can never accept it. A visit that did
  // not come from a Google ad is not a Google Ads conversion: skipped and counted, not a dead letter.
  if (!CLICK_IDS.some((k) => k in conversion) && ids.length === 0) return { skip: 'GOOGLE_ADS_NO_AD_CLICK' };
  Object.assign(conversion, valueFields(e.properties));
  if (e.consent?.ads !== undefined) {
    const state = e.consent.ads ? 'GRANTED' : 'DENIED';
    conversion.consent = { adUserData: state, adPersonalization: state };
  }
  return conversion;
}

/** What the API would refuse for this conversion, checked before upload. */
export function clickConversionProblem(p: JsonValue): string | undefined {
  if (!isJsonObject(p) || typeof p.conversionAction !== 'string') return 'GOOGLE_ADS_BAD_PAYLOAD';
  if (typeof p.conversionDateTime !== 'string' || !DATE_TIME.test(p.conversionDateTime)) return 'GOOGLE_ADS_BAD_DATE_TIME';
  const ids = Array.isArray(p.userIdentifiers) ? p.userIdentifiers : [];
  if (ids.length > MAX_IDENTIFIERS) return 'GOOGLE_ADS_TOO_MANY_IDENTIFIERS';
  if (CLICK_IDS.filter((k) => p[k] !== undefined).length > 1) return 'GOOGLE_ADS_SEVERAL_CLICK_IDS';
  const hashedOk = ids.every((u) => isJsonObject(u) && ['hashedEmail', 'hashedPhoneNumber'].every((k) => u[k] === undefined || (typeof u[k] === 'string' && HEX64.test(u[k]))));
  if (!hashedOk) return 'GOOGLE_ADS_UNHASHED_IDENTIFIER';
  if (!CLICK_IDS.some((k) => typeof p[k] === 'string' && p[k] !== '') && ids.length === 0) return 'GOOGLE_ADS_NO_IDENTIFIER';
  return undefined;
}
