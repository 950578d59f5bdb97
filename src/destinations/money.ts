import type { JsonObject, JsonValue } from '../common/json.js';

// Amounts and currencies as sites send them (Segment's ecommerce spec, hand-written data
// layers) versus what the ad and analytics APIs take: every vendor wants `value` as a number
// and `currency` as an ISO 4217 code (GA4 reference, Meta custom_data, TikTok properties,
// Google Ads currencyCode). Anything that cannot be read exactly is left out, never guessed.

const ISO_CURRENCY = /^[A-Za-z]{3}$/;
// A plain decimal as JSON writes numbers: "19.99", "-5", " 7.50 ", "1e3". Not "$25" or "1,299.00"
// (thousands or decimal comma?), "NaN", "Infinity", "".
const DECIMAL = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** "usd", " eur " -> "USD", "EUR"; undefined for anything that is not three letters. */
export function isoCurrency(value: JsonValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim();
  return ISO_CURRENCY.test(code) ? code.toUpperCase() : undefined;
}

/** A finite number, or a string holding a plain decimal, as a number. */
export function amount(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The event's value for an ad platform: Meta's Conversions API takes no negative `value` (a
 * refund is no event of Meta's, TikTok's or a click conversion's; Google Ads reverses one with a
 * conversion adjustment), so a negative amount is left out like an unreadable one. `negative`
 * tells the caller the event was a reversal, for the events that cannot go without a value.
 */
export function adValue(properties: JsonObject): { value?: number; negative: boolean } {
  const value = eventValue(properties);
  if (value === undefined) return { negative: false };
  return value < 0 ? { negative: true } : { value, negative: false };
}

/** A non-negative amount (a price or quantity for an ad platform), else undefined. */
export function adAmount(value: JsonValue | undefined): number | undefined {
  const n = amount(value);
  return n !== undefined && n >= 0 ? n : undefined;
}

/**
 * The event's monetary value: `value`, else Segment's `revenue`, else `total` (Segment's Order
 * Completed carries revenue/total and no value; its own GA4/Meta/TikTok mappings read them).
 */
export function eventValue(properties: JsonObject): number | undefined {
  for (const key of ['value', 'revenue', 'total']) {
    if (properties[key] === undefined) continue;
    return amount(properties[key]);
  }
  return undefined;
}
