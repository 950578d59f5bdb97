import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { PlanMemos } from '../common/bounded-memo.js';
import { canonicalPath } from '../rules/canonical-path.js';
import { normalizeFieldName } from '../rules/field-name.js';
import type { Plan } from '../rules/plan.js';
import { pageNamePath } from './page-readings.js';
import { pathVerdict } from './path-verdicts.js';
import { camelApart } from './camel-words.js';

const WORD_SEPARATOR_BETWEEN_ALNUM = /[a-z0-9][-_\s]+[a-z0-9]/i;

// What a form's name and an e-commerce item say about the page: a form named after an area
// (`bill-pay-form`, `hiv-testing-intake`) is that area's form, and a cart of prescriptions is the
// pharmacy, on whatever page they sit.

const FORM_WORD = /(?:[-_\s]+|(?<=[a-z0-9])(?=F))[Ff]orms?$/;

// A form's name comes with every submission of it: whether it names an area is remembered per plan
// (bounded), and a name that names none (`contact-us`) adds no reading to the event.
const formReadings = new PlanMemos<string | null>(1024);

/**
 * formPath of a form's name when that path is blocked or sensitive, else undefined. A name that is
 * not a blocked page by itself is also read as a form (`/forms/<name>`): the pack blocks forms that
 * fill in an intake, a screening or an assessment (`behavioral-health-screening`), which as a page
 * path would be the public page about that screening.
 */
export function formReading(v: JsonValue | undefined, plan: Plan): string | undefined {
  if (typeof v !== 'string' || v.length < 3) return undefined;
  const memo = formReadings.of(plan);
  let at = memo.get(v);
  if (at === undefined) {
    at = null;
    const path = formPath(v);
    if (path !== undefined) {
      const verdict = pathVerdict(canonicalPath(path, plan.localePrefixes), plan);
      if (verdict.blocked !== null) at = path;
      else if (pathVerdict(canonicalPath(`/forms${path}`, plan.localePrefixes), plan).blocked !== null) at = `/forms${path}`;
      else if (verdict.sensitive) at = path;
    }
    memo.set(v, at);
  }
  return at ?? undefined;
}

// One word that joins an owner or channel word (`my`, `e`, `online`, `patient`) or an area word
// (`bill`, `pay`, `lab`, `test`, `rx`) to another (`billpay`, `labresults`, `mymessages`, `rxrefill`):
// a compound is an area's name, where one plain word (`results`, `messages`, `reviews`) is a display option.
const COMPOUND = /^(my|e|rx|lab|labs|test|bill|bills|pay|online|patient|medical|health|refill|appt|portal)(?=[a-z]{3,}$)/;

/**
 * A form's id or name as a path, without its trailing `form` (`bill-pay-form` is `/bill-pay`), when
 * at least two words name it: a one-word form (`search`, `LoginForm`, `checkout`) is a widget on
 * any public page (the header's search box, a gift shop's cart), not an area.
 */
function formPath(v: string): string | undefined {
  const words = camelApart(v.trim().replace(FORM_WORD, ''), '-');
  if (WORD_SEPARATOR_BETWEEN_ALNUM.test(words)) return pageNamePath(words);
  const joined = words.toLowerCase();
  return COMPOUND.test(joined) ? `/${joined.replace(COMPOUND, '$1-')}` : undefined;
}

const CATEGORY_KEYS = ['category', 'item_category', 'item_category2', 'item_category3', 'item_category4', 'item_category5', 'product_type', 'productType'];
// A list's name (`item_list_name: "Prescription medications"`) is read for prescriptions only.
const LIST_KEYS = ['item_list_name', 'list_name', 'item_list_id'];
/** Enhanced e-commerce's action objects (`ecommerce.purchase.products`). */
const ACTIONS = ['purchase', 'add', 'remove', 'detail', 'checkout', 'click', 'refund'];

/**
 * The categories of an e-commerce item list (Segment's `products`, GA4's `items`, a data layer's
 * `ecommerce`), read as page names: what is bought names the area (a cart of `Prescriptions` or
 * `Rx Refill` items is the pharmacy, whatever page the cart is on). An item that is a prescription
 * by its category (`Prescription Drugs`, `Pharmacy > Rx Only`) or a flag (`rx_only: true`) reads as `/rx`.
 */
export function productCategories(v: JsonValue | undefined, out: string[] | undefined): string[] | undefined {
  if (isJsonObject(v)) {
    const list = v.items ?? v.products;
    if (list !== undefined) return productCategories(list, out);
    for (const a of ACTIONS) if (isJsonObject(v[a])) out = productCategories(v[a].products ?? v[a].items, out);
    return out;
  }
  if (!Array.isArray(v)) return out;
  for (let i = 0; i < v.length && i < 50; i++) {
    const item = v[i];
    if (!isJsonObject(item)) continue;
    for (const k of CATEGORY_KEYS) {
      const c = item[k];
      if (typeof c !== 'string' || c.length === 0) continue;
      out = add(out, pageNamePath(c));
      if (namesPrescription(c)) out = add(out, '/rx');
    }
    if (isPrescriptionItem(item)) out = add(out, '/rx');
  }
  return out;
}

const add = (out: string[] | undefined, at: string): string[] => {
  if (out === undefined) return [at];
  if (!out.includes(at)) out.push(at);
  return out;
};

// `Rx`, `Prescription Drugs`, `Pharmacy/Rx Only`; not `Non-Prescription`, `OTC (no prescription)`,
// or prescription eyewear and savings cards, which an optical shop or a discount page sells to anyone.
const RX_WORD = /(?:^|[^a-z])(?:rx|prescriptions?)(?![a-z])/i;
const NOT_RX = /(?:non|no|without|otc|over[\s_-]*the[\s_-]*counter)[\s_-]*(?:an?[\s_-]*)?(?:rx|prescriptions?)|(?:rx|prescriptions?)[\s_-]*(?:glasses|eyeglasses|eyewear|sunglasses|frames|lenses|savings|discounts?|cards?)/i;
/** Normalized names of an item's flag saying it is a prescription (`rx_only: true`). */
export const RX_FLAGS: ReadonlySet<string> = new Set(['rx', 'isrx', 'rxonly', 'rxrequired', 'prescription', 'isprescription', 'prescriptiononly', 'requiresprescription', 'prescriptionrequired', 'needsprescription', 'requiresrx']);

/** Whether an item category or list name says prescription. */
export function namesPrescription(c: string): boolean {
  return RX_WORD.test(c) && !NOT_RX.test(c);
}

/** Whether an item is flagged a prescription, or its list says so. */
function isPrescriptionItem(item: JsonObject): boolean {
  for (const k of LIST_KEYS) { const l = item[k]; if (typeof l === 'string' && namesPrescription(l)) return true; }
  for (const k of Object.keys(item)) {
    if (item[k] === true && RX_FLAGS.has(normalizeFieldName(k))) return true;
  }
  return false;
}

// H151: a cart's, checkout's or order's event (Segment's `Product Added`, `Cart Viewed`, `Checkout Started`, `Order
// Completed`; GA4's `add_to_cart`, `view_cart`, `begin_checkout`, `purchase`; a data layer's `addToCart`). Browsing a
// catalogue (`Product Viewed`, `Product List Viewed`, `view_item_list`) is not.
const CART_EVENT = /cart|basket|checkout|purchase|order[\s_-]*(?:completed|placed|submitted|updated)|product[\s_-]*(?:added|removed)|(?:payment|shipping)[\s_-]*info/i;
// A page's cart or checkout and what follows it, or its query (`/gift-shop/cart?step=2` is in `/gift-shop`).
const SHOP_PAGE = /(?:\/(?:cart|carts|basket|bag|shopping-cart|shopping-bag|checkout)(?:\/[^?#]*)?)?(?:[?#].*)?$/i;
// What names an item: its name and its ids (a catalogue's `product_id: "sildenafil-20mg"` names the drug too).
const ITEM_NAMES = ['name', 'item_name', 'product_name', 'productName', 'title', 'product_id', 'item_id', 'sku', 'id'];

/**
 * The items of a cart's, checkout's or order's event read as pages under a cart (`/cart/valacyclovir-500mg`), so that
 * a cart naming a condition or a treatment blocks as its checkout does (path-verdicts.ts). Undefined for other events.
 */
export function cartItemPaths(event: string | undefined, props: JsonObject, pagePath: string | undefined): string[] | undefined {
  if (event === undefined || !CART_EVENT.test(event)) return undefined;
  // Under the shop the page is in (`/gift-shop/cart` gives `/gift-shop/cart/<item>`), so its checkout's exceptions hold.
  const shop = pagePath !== undefined && pagePath.charCodeAt(0) === 47 ? pagePath.replace(SHOP_PAGE, '') : '';
  let out: string[] | undefined;
  if (props.product_id !== undefined || props.sku !== undefined) out = cartItem(shop, props, out);
  const ecommerce = props.ecommerce;
  const lists = [props.products, props.items, isJsonObject(ecommerce) ? ecommerce.items ?? ecommerce.products : undefined];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length && i < 50; i++) { const item = list[i]; if (isJsonObject(item)) out = cartItem(shop, item, out); }
  }
  return out;
}

function cartItem(shop: string, item: JsonObject, out: string[] | undefined): string[] | undefined {
  for (const k of ITEM_NAMES) {
    const v = item[k];
    if (typeof v === 'string' && v.length > 1) out = add(out, `${shop}/cart${pageNamePath(v)}`);
  }
  return out;
}
