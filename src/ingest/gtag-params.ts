// Pieces of the GA4 protocol v2 (gtag.js `/g/collect`) parameter format that need decoding:
// merged parameter maps, prefixed custom parameters and the consent-mode signals.

/** Keys that would pollute prototypes or get the whole event rejected downstream: never copied. */
const GCD_CONSENT_STATES = /^\d\d([a-z])\d([a-z])\d([a-z])\d([a-z])/i;
const GCS_CONSENT_STATE = /^G1([01])([01])$/i;

const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Query parameters, then one body line's: later values win (a line overrides the query). */
export function mergeParams(...sources: URLSearchParams[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const source of sources) for (const [k, v] of source) out.set(k, v);
  return out;
}

/**
 * Collects `<text>.<name>` (strings) and `<num>.<name>` (numbers) into one object, e.g. `ep.`/`epn.`
 * for event parameters and `up.`/`upn.` for user properties. Non-finite numbers are dropped.
 */
export function prefixed(params: Map<string, string>, text: string, num: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of params) {
    if (key.startsWith(text) && key.length > text.length) {
      const name = key.slice(text.length);
      if (!UNSAFE_KEYS.has(name)) out[name] = value;
    } else if (key.startsWith(num) && key.length > num.length) {
      const name = key.slice(num.length);
      const n = Number(value);
      if (!UNSAFE_KEYS.has(name) && value.trim() !== '' && Number.isFinite(n)) out[name] = n;
    }
  }
  return out;
}

export interface Consent {
  analytics: boolean;
  ads: boolean;
}

// gcd letters (Consent Mode v2): granted by default / after an update, and denied likewise.
// `l` means the signal was not set and carries no decision.
const GRANTED = new Set(['t', 'r', 'n', 'v']);
const DENIED = new Set(['p', 'q', 'm', 'u']);

type Signal = boolean | undefined;

function letter(ch: string | undefined): Signal {
  if (ch === undefined) return undefined;
  const c = ch.toLowerCase();
  return GRANTED.has(c) ? true : DENIED.has(c) ? false : undefined;
}

/**
 * gcd: two digits, then a letter per signal separated by digits, in the order ad_storage,
 * analytics_storage, ad_user_data, ad_personalization (e.g. `11r1r1r1r5`).
 */
function parseGcd(gcd: string | undefined): Signal[] {
  const m = gcd ? GCD_CONSENT_STATES.exec(gcd) : null;
  return m ? [letter(m[1]), letter(m[2]), letter(m[3]), letter(m[4])] : [];
}

/**
 * gcs is `G1` + ad_storage bit + analytics_storage bit: G111 both granted, G100 both denied,
 * G110 ad_storage granted but analytics denied, G101 analytics granted but ad_storage denied.
 */
function parseGcs(gcs: string | undefined): Signal[] {
  const m = gcs ? GCS_CONSENT_STATE.exec(gcs) : null;
  return m ? [m[1] === '1', m[2] === '1'] : [];
}

/**
 * Reduces consent mode to phiwall's two purposes. analytics = analytics_storage. ads is granted
 * only when every advertising signal that was sent says granted (ad_storage, ad_user_data,
 * ad_personalization) and `npa` (non-personalized ads) is not 1: for health data a partial ads
 * consent is treated as none. gcd wins over gcs where both carry a signal. Without gcs and gcd
 * there is no consent decision in the hit and the site's own consent setting applies.
 */
export function consentOf(params: Map<string, string>): Consent | undefined {
  const gcs = parseGcs(params.get('gcs'));
  const gcd = parseGcd(params.get('gcd'));
  const adStorage = gcd[0] ?? gcs[0];
  const analytics = gcd[1] ?? gcs[1];
  const adSignals = [adStorage, gcd[2], gcd[3]].filter((s): s is boolean => s !== undefined);
  if (analytics === undefined && adSignals.length === 0) return undefined;
  const ads = adSignals.length > 0 && adSignals.every(Boolean) && params.get('npa') !== '1';
  return { analytics: analytics === true, ads };
}

// GA4 item fields (`pr1=idSKU~nmName~caRx~pr12.5~qt1`): two-letter code -> GA4 item key. Numbers
// are converted; anything not listed (or a code gtag adds later) is not copied. The item's name is
// free text (`Gift card for Jane Okafor`): it goes in as `name`, as a Segment product's name does,
// so the rules treat it the same way (dropped as a name field).
const ITEM_TEXT: ReadonlyMap<string, string> = new Map([
  ['id', 'item_id'], ['nm', 'name'], ['br', 'item_brand'], ['ca', 'item_category'], ['c2', 'item_category2'],
  ['c3', 'item_category3'], ['c4', 'item_category4'], ['c5', 'item_category5'], ['va', 'item_variant'], ['cp', 'coupon'],
  ['ln', 'item_list_name'], ['li', 'item_list_id'], ['af', 'affiliation'], ['lo', 'location_id'],
]);
const ITEM_NUMBER: ReadonlyMap<string, string> = new Map([['pr', 'price'], ['qt', 'quantity'], ['ds', 'discount'], ['lp', 'index']]);
const ITEM_PARAM = /^pr([1-9]\d{0,2})$/;
const MAX_ITEMS = 200;

/**
 * `pr1`…`pr200` -> GA4 `items` objects, in index order, or undefined when the hit has none. Read
 * so the rules see what Segment's `products` would show them: an item whose category is a
 * prescription blocks the event, an item's name is scanned, an item's custom parameter
 * (`k0patient_email~v0…`) is a property under its own name and dropped by name like any other.
 */
export function itemsOf(params: Map<string, string>): Record<string, string | number>[] | undefined {
  let found: [number, Record<string, string | number>][] | undefined;
  for (const [key, value] of params) {
    if (key.charCodeAt(0) !== 112 || key.charCodeAt(1) !== 114) continue; // 'pr'
    const m = ITEM_PARAM.exec(key);
    if (!m || Number(m[1]) > MAX_ITEMS) continue;
    (found ??= []).push([Number(m[1]), itemOf(value)]);
  }
  return found?.sort((a, b) => a[0] - b[0]).map(([, item]) => item);
}

function itemOf(value: string): Record<string, string | number> {
  const item: Record<string, string | number> = {};
  const custom: Record<string, string> = {};
  for (const part of value.split('~')) {
    const code = part.slice(0, 2);
    const v = part.slice(2);
    const text = ITEM_TEXT.get(code);
    if (text !== undefined) { item[text] = v; continue; }
    const num = ITEM_NUMBER.get(code);
    if (num !== undefined) { const n = Number(v); if (v.trim() !== '' && Number.isFinite(n)) item[num] = n; continue; }
    // Custom item parameters: `k<d><name>` pairs with `v<d><value>`.
    if ((code[0] === 'k' || code[0] === 'v') && code.charCodeAt(1) >= 48 && code.charCodeAt(1) <= 57) custom[code] = v;
  }
  for (const code in custom) {
    if (code[0] !== 'k') continue;
    const name = custom[code];
    const v = custom[`v${code[1]}`];
    if (name.length > 0 && v !== undefined && !UNSAFE_KEYS.has(name) && !(name in item)) item[name] = v;
  }
  return item;
}
