import type { JsonObject, JsonValue } from '../common/json.js';
import { isJsonObject } from '../common/json.js';
import { adAmount, amount } from './money.js';

// The products of an ecommerce event as the ad platforms list them: Meta custom_data.contents
// ({id, quantity, item_price}) with content_ids/num_items, TikTok properties.contents
// ({content_id, quantity, price, content_name, content_category, brand}). Sites send Segment's
// `products` (product_id/sku/id, name, price, quantity, category, brand) or GA4's `items`
// (item_id, item_name, price, quantity, item_category, item_brand). Built only from the
// event's properties as the rules left them (allowed and scanned): a product whose id was
// removed is not listed, and amounts that are not plain numbers are left out, never guessed.

export interface Product {
  readonly id: string;
  readonly name?: string;
  readonly price?: number;
  /** A whole, non-negative quantity as sent; absent when none was (or it was not one). */
  readonly quantity?: number;
  readonly category?: string;
  readonly brand?: string;
}

const ID_KEYS = ['product_id', 'item_id', 'sku', 'id'];
const MAX_PRODUCTS = 200;

function text(v: JsonValue | undefined): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

const first = (o: JsonObject, keys: readonly string[]): string | undefined => {
  for (const k of keys) { const v = text(o[k]); if (v !== undefined) return v; }
  return undefined;
};

function product(o: JsonObject): Product | undefined {
  const id = first(o, ID_KEYS);
  if (id === undefined) return undefined;
  const out: { -readonly [K in keyof Product]: Product[K] } = { id };
  const name = first(o, ['name', 'item_name']);
  if (name !== undefined) out.name = name;
  // Ad platforms only (Meta, TikTok): a negative price is a refund line, which they do not take.
  const price = adAmount(o.price);
  if (price !== undefined) out.price = price;
  const quantity = amount(o.quantity);
  if (quantity !== undefined && Number.isInteger(quantity) && quantity >= 0) out.quantity = quantity;
  const category = first(o, ['category', 'item_category']);
  if (category !== undefined) out.category = category;
  const brand = first(o, ['brand', 'item_brand']);
  if (brand !== undefined) out.brand = brand;
  return out;
}

/** The key the event lists its products under (`products` or `items`), if it has a list. */
export function productsKey(properties: JsonObject): 'products' | 'items' | undefined {
  return Array.isArray(properties.products) ? 'products' : Array.isArray(properties.items) ? 'items' : undefined;
}

/** The listed products that have an id, at most 200; undefined when there are none. */
export function productsOf(properties: JsonObject): Product[] | undefined {
  const key = productsKey(properties);
  const list = key === undefined ? undefined : properties[key];
  if (!Array.isArray(list)) return undefined;
  const out: Product[] = [];
  for (const o of list) {
    const p = isJsonObject(o) ? product(o) : undefined;
    if (p !== undefined) out.push(p);
    if (out.length >= MAX_PRODUCTS) break;
  }
  return out.length > 0 ? out : undefined;
}

/** Meta custom_data's product fields (content_type `product`, num_items counting an unquantified product as one). */
export function metaContents(products: readonly Product[]): JsonObject {
  const contents = products.map((p) => {
    const c: JsonObject = { id: p.id };
    if (p.quantity !== undefined) c.quantity = p.quantity;
    if (p.price !== undefined) c.item_price = p.price;
    return c;
  });
  const items = products.reduce((n, p) => n + (p.quantity ?? 1), 0);
  return { contents, content_ids: products.map((p) => p.id), content_type: 'product', num_items: items };
}

/** TikTok properties' product fields. */
export function tiktokContents(products: readonly Product[]): JsonObject {
  const contents = products.map((p) => {
    const c: JsonObject = { content_id: p.id };
    if (p.quantity !== undefined) c.quantity = p.quantity;
    if (p.price !== undefined) c.price = p.price;
    if (p.name !== undefined) c.content_name = p.name;
    if (p.category !== undefined) c.content_category = p.category;
    if (p.brand !== undefined) c.brand = p.brand;
    return c;
  });
  return { contents, content_type: 'product' };
}
