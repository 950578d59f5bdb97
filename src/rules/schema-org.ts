import type { JsonObject } from '../common/json.js';

// A store's structured data copied into analytics (`{"@context": "https://schema.org", "@type":
// "Product", "name": ..., "gtin13": ...}`) names things, not people: a product's `name` is not a
// person's name, the vocabulary URL and a valid GS1 number identify no one. Only these types: a
// Person, a Review (its author) or an Organization (an employer) keep the name rules.
const THING_TYPES: ReadonlySet<string> = new Set([
  'Product', 'ProductModel', 'ProductGroup', 'IndividualProduct', 'Offer', 'AggregateOffer', 'Brand', 'BreadcrumbList', 'ListItem', 'ItemList',
  'WebPage', 'WebSite', 'ImageObject', 'VideoObject',
]);

/** Whether `obj` is a schema.org thing whose `name` is its own (a product's, a page's). */
export function namesAThing(obj: JsonObject): boolean {
  const type = obj['@type'];
  return typeof type === 'string' && THING_TYPES.has(type) && typeof obj.name === 'string';
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
 * that goes out as it is: a GTIN/UPC/EAN with a valid check digit, `@context: https://schema.org`.
 * One character test rules out almost every key (g, u, e, c).
 */
export function productCode(norm: string, value: string): boolean {
  const c = norm.charCodeAt(0);
  if (norm.length > 7 || (c !== 103 && c !== 117 && c !== 101 && c !== 99)) return false;
  return GTIN_KEYS.has(norm) ? gs1Valid(value) : norm === 'context' && VOCABULARIES.has(value);
}
