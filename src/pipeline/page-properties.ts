import { namesAForm, namesAMetric } from '../rules/schema-org.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import type { Plan } from '../rules/plan.js';
import { deepLinkReadings, openedScreen } from './app-links.js';
import { classNamePaths } from './class-names.js';
import { formReading, namesPrescription, productCategories } from './form-and-item-readings.js';
import { pageNamePath, statePath } from './page-readings.js';
import { contactLink, documentLink, isPathOrUrl, linksToBlocked, mediaKey, withoutBlockedLinks, type LinkTests } from './link-values.js';
import { FRAME_SRC_KEYS, isFrameObject } from './frame-keys.js';
import { crumbs } from './page-crumbs.js';
import { trackerHitPage } from './tracker-hits.js';
import { propsRoute, routeObjects } from './app-routes.js';
import { CAME_FROM, CRUMBS, DEEP_LINK, FORM_NAME, kindOf, LINK, NONE, PAGE_AT, PAGE_FIELD, PAGE_NAME, PRODUCTS, ROUTE_NAME, RX_FLAG, TRANSITION } from './property-kinds.js';

// What an event's properties say about pages. Page fields travel in `page`, never again inside
// properties (where they would bypass page rules). A page name (`pageName`, GA4's
// `ep.page_name`, `screen_name`) says where the page is even when the event gives its path: an
// app names its route there. A link (`link_url: .../patient-portal/login`, the "Log in to MyChart"
// button) says where the visitor goes: the click is counted, where it leads to a blocked page is
// not sent.

type HostOf = (u: string | undefined) => string | undefined;

// Page names found by the latest pageProperties call (see takePageNames), and the pages it says the
// visitor came from (see takeCameFrom): one array per event only when there are any, and no result
// object per event.
let found: string[] | undefined;
let cameFrom: string[] | undefined;

// The walk over the properties reads, per key, its kind and mostly whether `without` leaves it out (a page field,
// a link to a blocked page): kept by index for `without`, which read every key again (a page call's properties repeat
// its path, URL, title and referrer: the largest repeated work found in an event's analysis, H172). UNREAD: the first
// walk did not decide (after a strip, a nested object, a router's transition): `without` reads the key as before.
// Written for every key before `without` reads it.
const UNREAD = 0;
const KEEP = 1;
const DROP = 2;
const keyKinds: number[] = [];
const verdicts: number[] = [];
function readVerdict(i: number, verdict: number): boolean {
  verdicts[i] = verdict;
  return verdict === DROP;
}

/** The properties without page fields and links to blocked pages (the same object when none). */
export function pageProperties(props: JsonObject, plan: Plan, host: HostOf): JsonObject {
  const keys = Object.keys(props);
  let strip = false;
  found = propsRoute(props); // the properties as a router's route object (app-routes.ts)
  cameFrom = undefined;
  let nested: Map<string, JsonValue> | undefined;
  let tests: LinkTests | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const kind = kindOf(k);
    const v = props[k];
    keyKinds[i] = kind;
    verdicts[i] = UNREAD;
    if (typeof v === 'string' && (kind === NONE || kind === LINK)) found = hitPage(v, found);
    if (typeof v === 'object' && v !== null && kind !== PAGE_FIELD) {
      found = routeObjects(v, found, 1);
      const kept = withoutBlockedLinks(v, tests ??= { linkKey, blocked: (x) => linksToBlocked(x, plan, host) });
      if (kept !== v) (nested ??= new Map()).set(k, kept);
    }
    if (kind === NONE) { if (typeof v === 'object' && v !== null) found = frameSrc(k, v, nestedPages(v, found, 0)); else if (!strip) strip = readVerdict(i, mediaKey(k) && linksToBlocked(v, plan, host) ? DROP : KEEP); continue; }
    if (kind === PAGE_FIELD) { if (documentLink(k, v) ? !strip && readVerdict(i, linksToBlocked(v, plan, host) ? DROP : KEEP) : readVerdict(i, productName(props, k) ? KEEP : DROP)) strip = true; continue; }
    if (kind === PAGE_NAME) {
      if (typeof v === 'string' && v.length > 0) { (found ??= []).push(pageNamePath(v)); found.push(...classNamePaths(v)); }
      // A screen or page object (`screen: {firebase_screen_class: ...}`) says it in its own keys.
      else if (typeof v === 'object' && v !== null) found = nestedPages(v, found, 0);
    }
    else if (kind === PAGE_AT) { const at = pageAt(v); if (at !== undefined) (found ??= []).push(at); }
    else if (kind === DEEP_LINK) { if (typeof v === 'string') found = deepLinkReadings(v, found); }
    else if (kind === CAME_FROM) { const at = typeof v === 'string' ? openedScreen(v) : v; if (isPathOrUrl(at)) (cameFrom ??= []).push(at); }
    else if (kind === CRUMBS) found = crumbs(v, found);
    else if (kind === ROUTE_NAME) { if (typeof v === 'string' && v.length > 1) found = routeNameReadings(v, found); }
    else if (kind === FORM_NAME) { const at = formReading(v, plan); if (at !== undefined) (found ??= []).push(at); }
    else if (kind === PRODUCTS) found = productCategories(v, found);
    // A flag saying the event's product is a prescription (`requires_prescription: true`) names the pharmacy.
    else if (kind === RX_FLAG) { if (v === true) (found ??= []).push('/rx'); }
    else if (kind === TRANSITION) { if (!transition(props, k, v) && !strip && linksToBlocked(v, plan, host)) strip = true; }
    else if (!strip) strip = readVerdict(i, linksToBlocked(v, plan, host) ? DROP : KEEP);
  }
  // One product's event (Segment's `Product Added`) carries the product's fields at the top.
  if (props.product_id !== undefined || props.sku !== undefined) {
    const category = props.category;
    if (typeof category === 'string' && category.length > 0) (found ??= []).push(pageNamePath(category));
    if (typeof category === 'string' && namesPrescription(category)) (found ??= []).push('/rx');
  }
  return strip || nested !== undefined ? without(props, keys, plan, host, nested) : props;
}

/** Link keys a level down or more: a link's (`href`, `link_url`, `target`) and a page field's address (`url`, `path`). */
const linkKey = (k: string): boolean => k === 'url' || k === 'href' || k === 'path' || kindOf(k) === LINK;

// Page names nested in a vendor's payload count under keys that say page or screen (`s.pageName`,
// `utag_data.page_name`), and Matomo's `action_name` (its page title): a nested `section` or `channel` is anyone's.
const NESTED_NAME = /page|screen/i;
// A page view's own record (Heap's `{type: "pageview", path}`): its path and URL are the page's.
const VIEW_TYPE = /^\$?(?:mp_web_)?page_?view$/i;

/**
 * Where a vendor's payload forwarded whole says the page is (Mixpanel's `properties.$current_url`,
 * Adobe's `s.pageName`, Tealium's `utag_data.page_name`, GA4/Firebase `event_params` entries
 * `{key: "page_location", value: {string_value}}`), appended to `out`. Three levels at most.
 */
function nestedPages(v: JsonValue, out: string[] | undefined, depth: number): string[] | undefined {
  if (Array.isArray(v)) {
    for (const item of v.length > 50 ? v.slice(0, 50) : v) {
      if (typeof item === 'string') out = hitPage(item, out);
      if (!isJsonObject(item)) continue;
      out = typeof item.key === 'string' ? paramPage(item.key, item.value, out) : depth < 2 ? nestedPages(item, out, depth + 1) : out;
    }
    return out;
  }
  if (!isJsonObject(v)) return out;
  const view = typeof v.type === 'string' && VIEW_TYPE.test(v.type);
  for (const k in v) {
    const x = v[k];
    if (typeof x === 'string') out = hitPage(x, view && (k === 'path' || k === 'url') ? addAt(x, out) : nestedPage(k, x, out));
    else if (depth < 2 && typeof x === 'object' && x !== null) out = frameSrc(k, x, nestedPages(x, out, depth + 1));
  }
  return out;
}

/** An event parameter's value (`{string_value}`, Firebase's `{stringValue}`, or the string) read under its key. */
function paramPage(key: string, value: JsonValue | undefined, out: string[] | undefined): string[] | undefined {
  const s = typeof value === 'string' ? value : isJsonObject(value) ? value.string_value ?? value.stringValue : undefined;
  return typeof s === 'string' && s.length > 0 ? nestedPage(key, s, out) : out;
}

function nestedPage(key: string, v: string, out: string[] | undefined): string[] | undefined {
  const kind = kindOf(key);
  if (kind === PAGE_AT) return addAt(v, out);
  if (kind === DEEP_LINK) return deepLinkReadings(v, out);
  if ((kind !== PAGE_NAME || !NESTED_NAME.test(key)) && key !== 'action_name' && key !== 'actionName') return out;
  (out ??= []).push(pageNamePath(v));
  out.push(...classNamePaths(v));
  return out;
}

/** A frame object's address (`iframe: {src: ".../mychart/Scheduling"}`), appended to `out`; any other key's object adds nothing. */
function frameSrc(key: string, v: JsonValue, out: string[] | undefined): string[] | undefined {
  if (!isJsonObject(v) || !isFrameObject(key)) return out;
  for (const k of FRAME_SRC_KEYS) { const u = v[k]; if (typeof u === 'string') out = addAt(u, out); }
  return out;
}

/** A tracker's hit relayed whole (tracker-hits.ts): the page it names is the event's. */
function hitPage(v: string, out: string[] | undefined): string[] | undefined {
  const at = trackerHitPage(v);
  return at === undefined ? out : addAt(at, out);
}

function addAt(v: string, out: string[] | undefined): string[] | undefined {
  const at = pageAt(v);
  if (at !== undefined) (out ??= []).push(at);
  return out;
}

/** The pages the properties pageProperties just read say the visitor came from, if any. */
export function takeCameFrom(): string[] | undefined {
  const pages = cameFrom;
  cameFrom = undefined;
  return pages;
}

/** The page names (read as paths) of the properties pageProperties just read, if any. */
export function takePageNames(): string[] | undefined {
  const names = found;
  found = undefined;
  return names;
}

/**
 * A one-product event's `name` (Segment's `Product Added`: `{product_id, name, price}`) is the product's,
 * not the page's: it stays, and the field rules judge it as a cart line's name (schema-org.ts). So does a contact link.
 */
function productName(props: JsonObject, key: string): boolean {
  // A form builder's submission names its form beside the form's id (schema-org.ts namesAForm).
  // A web-vitals metric sent as the properties (`track('Web Vitals', {name: "INP", value: 184, rating})`) names the metric.
  return (key === 'name' && (props.product_id !== undefined || props.sku !== undefined || namesAMetric(props) || (typeof props.name === 'string' && namesAForm(props)))) || contactLink(props[key]);
}


/** A fresh object rather than a copy with keys deleted (deleting turns it into a slow map). */
function without(props: JsonObject, keys: readonly string[], plan: Plan, host: HostOf, nested: ReadonlyMap<string, JsonValue> | undefined): JsonObject {
  const copy: JsonObject = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (verdicts[i] === UNREAD ? dropped(props, k, keyKinds[i], plan, host) : verdicts[i] === DROP) continue;
    const v = nested?.get(k) ?? props[k];
    // Defined, not assigned: an own `__proto__` key must stay a key, as a spread copy keeps it.
    if (k === '__proto__') Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
    else copy[k] = v;
  }
  return copy;
}

/** Whether `without` leaves a key out: a page field (not a product's name or contact link), or a link to a blocked page. */
function dropped(props: JsonObject, k: string, kind: number, plan: Plan, host: HostOf): boolean {
  const link = kind === LINK || (kind === TRANSITION && !isTransition(props)) || (kind === PAGE_FIELD && documentLink(k, props[k])) || (kind === NONE && mediaKey(k));
  return (kind === PAGE_FIELD && !link && !productName(props, k)) || (link && linksToBlocked(props[k], plan, host));
}

/** With both set to places, `to` is the page now shown and `from` the one left; a lone one is a link's (dropped when blocked). */
const isTransition = (props: JsonObject): boolean => pageAt(props.to) !== undefined && pageAt(props.from) !== undefined;
function transition(props: JsonObject, k: string, v: JsonValue): boolean {
  const at = pageAt(v);
  if (at === undefined || !isTransition(props)) return false;
  if (k === 'to') (found ??= []).push(at); else (cameFrom ??= []).push(at);
  return true;
}

/** A location value as a reading: a path or URL as it is, a fragment route (`#/x`) on the root. */
function pageAt(v: JsonValue | undefined): string | undefined {
  // The site's root `/` is a page (a transition from the home page is the commonest); one other character is none.
  if (typeof v !== 'string' || (v.length < 2 && v !== '/')) return undefined;
  return v === '/' ? v : v.charCodeAt(0) === 35 ? `/${v}` : isPathOrUrl(v) ? v : undefined;
}

/**
 * A router's state or route name as paths, appended to `out`: a dotted state as segments (`portal.messages.inbox` is
 * `/portal/messages/inbox`) and as the rules read dots (`my.chart` is `/my-chart`), a class name by its words (`MessageCompose`).
 */
function routeNameReadings(v: string, out: string[] | undefined): string[] {
  const t = v.trim();
  const named = pageNamePath(t);
  const state = statePath(t);
  (out ??= []).push(named);
  if (state !== undefined && state !== named) out.push(state);
  for (const p of classNamePaths(t)) if (p !== named && p !== state) out.push(p);
  return out;
}
