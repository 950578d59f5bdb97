import type { JsonObject, JsonValue } from '../common/json.js';
import { isJsonObject } from '../common/json.js';

// GA4's items array (Measurement Protocol reference; "Create item-scoped custom parameters"):
// the documented item params, then at most 27 custom ones per item, at most 200 items per event.
// GA4 drops what passes the limits silently, so the standard params go first and the custom ones
// are cut in the site's order. Items also stop before the event alone would pass the body limit
// (130 kB a request): GA4 ignores an oversized request whole, losing the event and not an item.
export const GA4_MAX_ITEMS = 200;
export const GA4_MAX_CUSTOM_ITEM_PARAMS = 27;
// What the rest of one event and the envelope can take at most: 25 params of 40+100 characters, the ids.
const ITEMS_BUDGET_BYTES = 125_000;

const STANDARD = new Set([
  'item_id', 'item_name', 'affiliation', 'coupon', 'discount', 'index', 'item_brand', 'item_category',
  'item_category2', 'item_category3', 'item_category4', 'item_category5', 'item_list_id', 'item_list_name',
  'item_variant', 'location_id', 'price', 'quantity', 'promotion_id', 'promotion_name', 'creative_name', 'creative_slot',
]);

/** True for the params GA4 documents for items (they do not count against the custom cap). */
export function isStandardItemParam(name: string): boolean {
  return STANDARD.has(name);
}

/** An item's params: standard ones first, then up to 27 custom ones; `convert` names and reads each. */
function cappedItem(item: JsonObject, convert: (key: string, value: JsonValue) => [string, JsonValue] | undefined): JsonObject {
  const standard: JsonObject = {};
  const custom: JsonObject = {};
  let customCount = 0;
  for (const key of Object.keys(item)) {
    const pair = convert(key, item[key]);
    if (pair === undefined) continue;
    const [name, v] = pair;
    if (name in standard || name in custom) continue;
    if (STANDARD.has(name)) standard[name] = v;
    else if (customCount < GA4_MAX_CUSTOM_ITEM_PARAMS) { custom[name] = v; customCount++; }
  }
  return Object.assign(standard, custom);
}

/** The items GA4 processes, each capped, the list cut at 200 items or the byte budget. */
export function ga4Items(list: readonly JsonValue[], convert: (key: string, value: JsonValue) => [string, JsonValue] | undefined): JsonObject[] {
  const out: JsonObject[] = [];
  let bytes = 2;
  for (const entry of list) {
    if (out.length >= GA4_MAX_ITEMS) break;
    if (!isJsonObject(entry)) continue;
    const item = cappedItem(entry, convert);
    bytes += Buffer.byteLength(JSON.stringify(item)) + 1;
    if (bytes > ITEMS_BUDGET_BYTES) break;
    out.push(item);
  }
  return out;
}
