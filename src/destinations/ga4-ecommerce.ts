import type { JsonObject, JsonValue } from '../common/json.js';
import { isJsonObject } from '../common/json.js';
import { amount, eventCurrency, eventValue } from './money.js';

// GA4's ecommerce params (Measurement Protocol reference, "items" and recommended events) in
// the forms GA4 takes: `value`, `tax`, `shipping`, item `price`/`quantity` numbers, `currency` an
// ISO 4217 code, products under `items` with `item_id`/`item_name`. Sites send Segment's
// ecommerce spec (`products`, `product_id`, `name`, `revenue`, `order_id`) or numbers as text;
// GA4 ignores what is spelt otherwise (a string `value` counts no revenue) without an error.
// This only renames and converts properties the rules already let through.

const AMOUNTS = ['value', 'tax', 'shipping', 'discount', 'price', 'quantity'];
/** Segment product key -> GA4 item key (Segment spec "Products" vs GA4 `items[]`). */
const ITEM_KEYS: ReadonlyArray<[string, string]> = [
  ['product_id', 'item_id'],
  ['sku', 'item_id'],
  ['id', 'item_id'],
  ['name', 'item_name'],
  ['brand', 'item_brand'],
  ['category', 'item_category'],
  ['variant', 'item_variant'],
  ['position', 'index'],
];

/** Amount-like keys as numbers (dropped when not a plain number: GA4 would misread them). */
function withAmounts(source: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = { ...source };
  for (const key of keys) {
    if (out[key] === undefined) continue;
    const n = amount(out[key]);
    if (n === undefined) delete out[key];
    else out[key] = n;
  }
  return out;
}

/** A product as a GA4 item: Segment keys renamed (the first of product_id/sku/id wins), the rest kept. */
function ga4Item(product: JsonObject): JsonObject {
  const item: JsonObject = {};
  const renamed = new Set<string>();
  for (const [from, to] of ITEM_KEYS) {
    if (item[to] !== undefined || product[from] === undefined) continue;
    item[to] = product[from];
    renamed.add(from);
  }
  for (const [key, v] of Object.entries(product)) if (!renamed.has(key) && item[key] === undefined) item[key] = v;
  return withAmounts(item, ['price', 'quantity', 'discount', 'index']);
}

function items(properties: JsonObject): JsonValue | undefined {
  const list = Array.isArray(properties.items) ? properties.items : Array.isArray(properties.products) ? properties.products : undefined;
  return list?.filter(isJsonObject).map(ga4Item);
}

/** Whether ga4Ecommerce would change anything: most events have no such key, or already GA4's forms. */
function needsChange(p: JsonObject): boolean {
  for (const key of AMOUNTS) {
    const v = p[key];
    if (v !== undefined && amount(v) !== v) return true;
  }
  if (eventCurrency(p) !== p.currency) return true;
  if (p.value === undefined && (p.revenue !== undefined || p.total !== undefined)) return true;
  if (p.transaction_id === undefined && p.order_id !== undefined) return true;
  return p.items !== undefined || p.products !== undefined;
}
/** The params GA4 reads for revenue: sent before other properties so the 25-param cap keeps them. */
export const GA4_ECOMMERCE_FIRST = ['currency', 'value', 'transaction_id', 'items'];

/** Properties in GA4's ecommerce spelling; other properties unchanged (the same object when none apply). */
export function ga4Ecommerce(properties: JsonObject): JsonObject {
  if (!needsChange(properties)) return properties;
  const out = withAmounts(properties, AMOUNTS);
  // Read with the currency: "€12,50" is 12.5 EUR, and a value whose mark names another currency
  // than `currency` is left out.
  const code = eventCurrency(properties);
  if (code === undefined) delete out.currency;
  else out.currency = code;
  const value = eventValue(properties);
  if (value === undefined) delete out.value;
  else out.value = value;
  if (out.transaction_id === undefined && (typeof properties.order_id === 'string' || typeof properties.order_id === 'number')) out.transaction_id = properties.order_id;
  const list = items(properties);
  if (list !== undefined) {
    out.items = list;
    delete out.products;
  }
  return out;
}
