import type { JsonObject } from '../common/json.js';
import { isbnValid } from './detectors/product-code.js';
import { GIVEN_NAMES } from './detectors/given-names.js';
import { isRouteObject } from './route-object.js';

const HYPHENS = /-/g;

// A store's structured data copied into analytics (`{"@context": "https://schema.org", "@type":
// "Product", "name": ..., "gtin13": ...}`) names things, not people: a product's `name` is not a
// person's name, the vocabulary URL and a valid GS1 number identify no one. Only these types: a
// Person, a Review (its author) or an Organization (an employer) keep the name rules.
const THING_TYPES: ReadonlySet<string> = new Set([
  'Product', 'ProductModel', 'ProductGroup', 'IndividualProduct', 'Offer', 'AggregateOffer', 'Brand', 'BreadcrumbList', 'ListItem', 'ItemList',
  'WebPage', 'WebSite', 'ImageObject', 'VideoObject',
]);

/** Whether `obj` is a schema.org thing whose `name` is its own (a product's, a page's), a cart's line item or an app router's route. */
export function namesAThing(obj: JsonObject): boolean {
  if (typeof obj.name !== 'string') return false;
  const type = obj['@type'];
  return typeof type === 'string' ? THING_TYPES.has(type) : lineItem(obj) || namesAMetric(obj) || namesAForm(obj) || isRouteObject(obj) || namesSoftware(obj);
}

// A form builder's submission (Webflow's `{name: "Appointment Request", site, formId, data: {...}}`, HubSpot's `form_id`):
// beside the form's own id its `name` is the form's. The visitor's answers sit under `data`/`fields` and keep their rules.
// A name shaped as a person's (`Jane Doe`) stays dropped unless its last word is a form's (`Appointment Request`,
// `Contact Form`, `Newsletter Signup`), and never one opening with a common given name; the kept name is still scanned.
const FORM_KEYS = ['formId', 'form_id', 'formID', 'formGuid', 'form_guid', 'formGUID', 'formUuid', 'form_uuid'];
const FORM_NOUN = /\s(?:requests?|forms?|sign[ -]?ups?|registrations?|inquiry|inquiries|enquiry|enquiries|surveys?|applications?|bookings?|newsletter|subscriptions?|feedback|quotes?|referrals?|intake|questionnaires?|consents?|waitlist|callbacks?|contact|us|rsvp|downloads?|demo|scheduler|estimate|evaluation|assessment)$/i;

export function namesAForm(obj: JsonObject): boolean {
  const name = obj.name as string;
  if (name.length > 80 || NOT_PLAIN.test(name) || !FORM_KEYS.some((k) => obj[k] !== undefined)) return false;
  if (GIVEN_NAMES.has((name.split(' ')[0] as string).toLowerCase())) return false;
  return !PERSON_SHAPED.test(name) || FORM_NOUN.test(name);
}

// Software beside its dotted version (a crash report's `contexts: {os: {name: "iOS", version: "17.5.1"}, browser: {name,
// version}}`, an SDK's `{name: "sentry.cocoa", version: "8.36.0"}`): the name is the program's, still scanned. A record's
// revision number (`{name, version: 3}`, as stores keep one on any row) is not a program's version: that name stays a person's.
const VERSION = /^v?\d{1,5}(?:\.\d{1,6}){1,4}(?:[-+ ][0-9A-Za-z.()-]{1,40})?$/;

/** Whether `obj` is software beside its version, whose `name` is the program's (see above). */
const namesSoftware = (obj: JsonObject): boolean => typeof obj.version === 'string' && VERSION.test(obj.version);

// A performance metric as the web-vitals library reports it (`{name: "INP", value: 184, rating: "good", delta, id,
// navigationType}`): its `name` is the metric's, an upper-case abbreviation (LCP, INP, CLS, FCP, TTFB, FID), with a
// number beside it and a rating, delta or navigation type. A person's name never has that shape; `JANE` with a score
// and no rating is still dropped.
const METRIC_NAME = /^[A-Z][A-Z0-9]{1,5}$/;

/** Whether `obj` is a web-vitals metric whose `name` is the metric's (see above). */
export function namesAMetric(obj: JsonObject): boolean {
  return typeof obj.value === 'number' && typeof obj.name === 'string' && METRIC_NAME.test(obj.name) && (obj.rating !== undefined || obj.delta !== undefined || obj.navigationType !== undefined);
}

// A Segment `products[]` entry (`{product_id, sku, name, price, quantity}`) or a store's cart line:
// its `name` is the product's (`Vitamin D3`, `First Aid Kit`), dropped as a person's name before. Both
// a catalogue key and a price or quantity must be there, and the name must be a plain title: one that
// says who an item is for or from, or has a comma or colon (`Flu shot voucher for Sontquiley, Lucía M.`,
// `Gift card for Jane Okafor`), is still dropped by the name rule. A kept name is scanned by every detector.
const CATALOGUE_KEYS = ['product_id', 'productId', 'sku', 'item_id', 'itemId', 'variant_id', 'variantId'];
const NOT_PLAIN = /[,:;@]|(?<![\p{L}\p{M}])(?:for|to|from|para|pour|für)(?![\p{L}\p{M}])/iu;
// A whole name shaped as a person's (`Jane Okafor`, `Jane M. Okafor`, `JANE OKAFOR`) is still dropped:
// without a dictionary it cannot be told from a two-word product, unless its last word is a kind of
// product or service no one is surnamed (`Flu Shot`, `Gift Basket`, `Ice Packs`: kept; not `Card`, `Brace`,
// `Box`, which are surnames).
const PERSON_SHAPED = /^(?:\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.?)?\s+\p{Lu}[\p{Ll}'’-]+|\p{Lu}{2,}(?:\s+\p{Lu}\.?)?\s+\p{Lu}{2,})$/u;
const PRODUCT_NOUN = /\s(?:shots?|vaccines?|vaccinations?|tests?|kits?|screenings?|exams?|certificates?|baskets?|bouquets?|balloons?|tablets?|capsules?|sprays?|gels?|drops|strips|pads|wipes|masks?|bandages?|lotions?|vitamins?|gummies|thermometers?|classes|passes|packs|boxes|bottles?|mats?|mugs?|tumblers?|socks|blankets?|candles?|pillows?|towels?|shirts?|tees|hoodies?|sweatshirts?|beanies?|umbrellas?|totes?|journals?|notebooks?|ornaments?|magnets?|stickers?|puzzles?|plushies|plush)$/i;

function lineItem(obj: JsonObject): boolean {
  if (obj.price === undefined && obj.quantity === undefined) return false;
  const name = obj.name as string;
  if (name.length > 80 || NOT_PLAIN.test(name) || (PERSON_SHAPED.test(name) && !PRODUCT_NOUN.test(name))) return false;
  for (const k of CATALOGUE_KEYS) if (obj[k] !== undefined) return true;
  return false;
}

const VOCABULARIES: ReadonlySet<string> = new Set(['https://schema.org', 'https://schema.org/', 'http://schema.org', 'http://schema.org/']);
const GTIN_KEYS: ReadonlySet<string> = new Set(['gtin', 'gtin8', 'gtin12', 'gtin13', 'gtin14', 'upc', 'ean', 'ean13']);

/** GS1 check digit (GTIN-8/12/13/14): weights 3 and 1 from the right, before the check digit. */
function gs1Valid(code: string): boolean {
  const n = code.length;
  if (n !== 8 && n !== 12 && n !== 13 && n !== 14) return false;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = code.charCodeAt(n - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    if (i > 0) sum += i % 2 === 1 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10 === code.charCodeAt(n - 1) - 48;
}

/**
 * Whether a string under the normalized key `norm` is a product code or a JSON-LD vocabulary
 * that goes out as it is: a GTIN/UPC/EAN with a valid check digit, `@context: https://schema.org`,
 * a book's ISBN under a key ending in `isbn` (`isbn13`, `book_isbn`) whose check digit holds, hyphens allowed.
 * One character test rules out almost every key (g, u, e, c; i and n, the last letters of `isbn`).
 */
export function productCode(norm: string, value: string): boolean {
  const c = norm.charCodeAt(0);
  if (isbnKey(norm)) return ISBN_SHAPE.test(value) && isbnValid(value.replace(HYPHENS, ''));
  if (norm.length > 7 || (c !== 103 && c !== 117 && c !== 101 && c !== 99)) return false;
  return GTIN_KEYS.has(norm) ? gs1Valid(value) : norm === 'context' && VOCABULARIES.has(value);
}

// `isbn`, `isbn10`, `isbn13`, `book_isbn`, `print_isbn`: the key's last word.
const ISBN_KEY = /isbn(?:10|13)?$/;
const ISBN_SHAPE = /^(?:97[89]-?)?\d{1,5}-?\d{1,7}-?\d{1,7}-?\d$/;
const isbnKey = (norm: string): boolean => norm.length >= 4 && norm.length <= 16 && (norm.charCodeAt(norm.length - 1) === 110 || norm.charCodeAt(norm.length - 1) === 51 || norm.charCodeAt(norm.length - 1) === 48) && ISBN_KEY.test(norm);
