import type { JsonObject, JsonValue } from '../common/json.js';

const MONEY_SPACES = /[ \u00a0\u202f]/g;

// Amounts and currencies as sites send them (Segment's ecommerce spec, hand-written data
// layers) versus what the ad and analytics APIs take: every vendor wants `value` as a number
// and `currency` as an ISO 4217 code (GA4 reference, Meta custom_data, TikTok properties,
// Google Ads currencyCode). Anything that cannot be read exactly is left out, never guessed.

const ISO_CURRENCY = /^[A-Za-z]{3}$/;
// A plain decimal as JSON writes numbers: "19.99", "-5", " 7.50 ", "1e3". Not "NaN", "Infinity", "".
const DECIMAL = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
// Grouped amounts whose reading is certain, since a thousands group always has three digits:
// both separators ("1,234.50", "1.234,50"), two or more groups ("1,234,567"), space groups
// ("1 234,50"), or a decimal comma with one or two decimals ("12,50"). "1,299" (1299 or 1.299?)
// is not among them.
const GROUPED: readonly (readonly [RegExp, string, string])[] = [
  [/^-?\d{1,3}(,\d{3})+\.\d+$|^-?\d{1,3}(,\d{3}){2,}$/, ',', '.'],
  [/^-?\d{1,3}(\.\d{3})+,\d+$|^-?\d{1,3}(\.\d{3}){2,}$/, '.', ','],
  [/^-?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d{1,2})?$/, ' ', ','],
  [/^-?\d+,\d{1,2}$/, '', ','],
];
// Signs naming one currency. "$", "¥", "kr" name several: the amount is read, the currency is not.
const SIGNS: Readonly<Record<string, string>> = {
  '€': 'EUR', '£': 'GBP', '₹': 'INR', '₩': 'KRW', '₪': 'ILS', '₺': 'TRY', '₱': 'PHP', '₫': 'VND', '₦': 'NGN', '₴': 'UAH',
  'US$': 'USD', 'C$': 'CAD', 'CA$': 'CAD', 'A$': 'AUD', 'AU$': 'AUD', 'NZ$': 'NZD', 'R$': 'BRL', 'HK$': 'HKD', 'S$': 'SGD', 'MX$': 'MXN', 'zł': 'PLN', 'Kč': 'CZK',
};
const AMBIGUOUS_SIGNS: ReadonlySet<string> = new Set(['$', '¥', '￥', 'kr', 'Fr', 'R']);
// An amount with one currency mark before or after it: "$25", "€12,50", "19.99 USD", "USD 19.99", "12,50 €".
const MARKED = /^(?:([A-Za-z]{3}|[^\d\s.,+-]{1,3})\s?)?(-?[\d.,\s\u00a0\u202f]*\d)(?:\s?([A-Za-z]{3}|[^\d\s.,+-]{1,3}))?$/u;

/** The ISO code a currency mark names: a code ("usd"), or a sign naming one currency ("€", "US$"). */
function markCurrency(mark: string): string | undefined {
  if (ISO_CURRENCY.test(mark)) return mark.toUpperCase();
  return Object.hasOwn(SIGNS, mark) ? SIGNS[mark] : undefined;
}

/** "usd", " eur ", "€", "US$" -> "USD", "EUR", "EUR", "USD"; undefined for anything else ("$", "dollars"). */
export function isoCurrency(value: JsonValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  return markCurrency(value.trim());
}

function plainNumber(text: string): number | undefined {
  let digits: string | undefined = DECIMAL.test(text) ? text : undefined;
  for (const [re, group, decimal] of GROUPED) {
    if (digits !== undefined || !re.test(text)) continue;
    const ungrouped = group === ' ' ? text.replace(MONEY_SPACES, '') : group ? text.split(group).join('') : text;
    digits = decimal === ',' ? ungrouped.replace(',', '.') : ungrouped;
  }
  if (digits === undefined) return undefined;
  const n = Number(digits);
  return Number.isFinite(n) ? n : undefined;
}

/** An amount text's number and the currency its mark names ("€12,50" -> 12.5, EUR); `mark` when it has one. */
function readAmount(text: string): { n?: number; currency?: string; mark: boolean } {
  if (DECIMAL.test(text)) return { n: plainNumber(text), mark: false };
  const m = MARKED.exec(text);
  if (m === null) return { mark: false };
  const [, before, number, after] = m;
  if (before !== undefined && after !== undefined) return { mark: true };
  const mark = before ?? after;
  if (mark !== undefined && markCurrency(mark) === undefined && !AMBIGUOUS_SIGNS.has(mark)) return { mark: true };
  return { n: plainNumber(number!), currency: mark === undefined ? undefined : markCurrency(mark), mark: mark !== undefined };
}

/** A finite number, or a string holding a plain, grouped or currency-marked decimal, as a number. */
export function amount(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  return readAmount(value.trim()).n;
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

const VALUE_KEYS = ['value', 'revenue', 'total'];

/**
 * The event's monetary value: `value`, else Segment's `revenue`, else `total` (Segment's Order
 * Completed carries revenue/total and no value; its own GA4/Meta/TikTok mappings read them).
 * An amount whose mark names another currency than the event's `currency` is left out.
 */
export function eventValue(properties: JsonObject): number | undefined {
  for (const key of VALUE_KEYS) {
    const raw = properties[key];
    if (raw === undefined) continue;
    if (typeof raw !== 'string') return amount(raw);
    const read = readAmount(raw.trim());
    const stated = isoCurrency(properties.currency);
    return read.currency !== undefined && stated !== undefined && read.currency !== stated ? undefined : read.n;
  }
  return undefined;
}

/** The event's currency: its `currency` as a code, else the one its value's mark names ("€12,50"). */
export function eventCurrency(properties: JsonObject): string | undefined {
  const stated = isoCurrency(properties.currency);
  if (stated !== undefined || properties.currency !== undefined) return stated;
  for (const key of VALUE_KEYS) {
    const raw = properties[key];
    if (raw === undefined) continue;
    return typeof raw === 'string' ? readAmount(raw.trim()).currency : undefined;
  }
  return undefined;
}
