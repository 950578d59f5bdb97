import { safeDecode } from '../rules/canonical-path.js';
import { undoUrlEscapes } from '../rules/form-decoded.js';
import type { JsonObject } from '../common/json.js';
import type { UrlCache } from '../rules/url-parts.js';

// The page URL's query, read for campaign parameters and ad click ids.

const CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'dclid', 'fbclid', 'ttclid', 'msclkid', 'li_fat_id'];
const CAMPAIGN_PARAMS: readonly (readonly [string, string])[] = [['utm_source', 'source'], ['utm_medium', 'medium'], ['utm_campaign', 'name'], ['utm_term', 'term'], ['utm_content', 'content']];

export type QueryGet = (name: string) => string | null;
const NO_QUERY: QueryGet = () => null;

/**
 * `URLSearchParams#get` over the page URL's query. A plain query (see plainQuery) is split by
 * hand, which reads the same names and values. Otherwise, when every name is plain, only the
 * values asked for are decoded (each by URLSearchParams); anything else goes through it whole.
 */
export function queryOf(raw: string | undefined, urls?: UrlCache): QueryGet {
  if (!raw) return NO_QUERY;
  let url = raw;
  let q = url.indexOf('?');
  if (q < 0) return NO_QUERY;
  let hash = url.indexOf('#', q);
  // `&#64;` (a template escaped the URL twice) is a character, not a new parameter and a
  // fragment: `utm_content=jane&#64;example.org` is read whole, and then scrubbed whole.
  if (hash > 0 && url.charCodeAt(hash - 1) === 38) {
    url = undoUrlEscapes(url, false);
    q = url.indexOf('?');
    hash = url.indexOf('#', q);
  }
  const qs = url.slice(q + 1, hash < 0 ? undefined : hash);
  const plain = !NOT_PLAIN.test(qs);
  // URLSearchParams drops a leading `?` of the text it parses (kept as it was by the plain split).
  if (!plain && qs.charCodeAt(0) === 63) return paramsGet(qs);
  const parts = qs.split('&');
  // sanitize_url splits the same query of the same string again (url-parts.ts queryParts): this split serves it.
  if (url === raw) urls?.keepParts?.(raw, parts);
  const first = new Map<string, string>();
  for (const part of parts) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    if (!plain && !plainQuery(name)) return paramsGet(qs);
    if (!first.has(name)) first.set(name, eq < 0 ? '' : part.slice(eq + 1));
  }
  if (plain) return (name) => first.get(name) ?? null;
  return (name) => {
    const v = first.get(name);
    return v === undefined ? null : plainQuery(v) ? v : new URLSearchParams(`v=${v}`).get('v');
  };
}

function paramsGet(qs: string): QueryGet {
  const params = new URLSearchParams(qs);
  return (name) => params.get(name);
}

// plainQuery of a whole query as a regex search: a `charCodeAt` loop costs about twice as much a character, a regex
// call a few hundred instructions more (the loop stays for names and values, a few characters each).
const NOT_PLAIN = /[%+\u0080-\uffff]/;

/** No escapes and ASCII only (URLSearchParams rewrites lone surrogates): safe to split by hand. */
function plainQuery(qs: string): boolean {
  for (let i = 0; i < qs.length; i++) {
    const c = qs.charCodeAt(i);
    if (c === 37 || c === 43 || c >= 0x80) return false;
  }
  return true;
}

export function clickIdsOf(query: QueryGet): Record<string, string> {
  const out: Record<string, string> = {};
  if (query === NO_QUERY) return out;
  for (const k of CLICK_IDS) {
    const v = query(k);
    if (v) out[k] = v;
  }
  return out;
}

export function campaignOf(ctxCampaign: JsonObject, query: QueryGet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(ctxCampaign)) {
    const v = ctxCampaign[k];
    if (typeof v === 'string' && v) out[k === 'campaign' ? 'name' : k] = v;
  }
  if (query === NO_QUERY) return out;
  for (const [param, key] of CAMPAIGN_PARAMS) {
    const v = query(param);
    if (v && out[key] === undefined) out[key] = safeDecode(v);
  }
  return out;
}

