import { namesAForm, namesAMetric } from '../rules/schema-org.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { normalizeFieldName } from '../rules/field-name.js';
import type { Plan } from '../rules/plan.js';
import { DEEP_LINK_NAMES, deepLinkReadings, openedScreen } from './app-links.js';
import { classNamePaths } from './class-names.js';
import { formReading, namesPrescription, productCategories, RX_FLAGS } from './form-and-item-readings.js';
import { pageNamePath, statePath } from './page-readings.js';
import { contactLink, documentLink, isPathOrUrl, linksToBlocked, mediaKey, withoutBlockedLinks, type LinkTests } from './link-values.js';
import { FRAME_SRC_KEYS, isFrameAt, isFrameObject } from './frame-keys.js';
import { BoundedMemo } from '../common/bounded-memo.js';
import { crumbs } from './page-crumbs.js';
import { trackerHitPage } from './tracker-hits.js';
import { propsRoute, routeObjects } from './app-routes.js';

// What an event's properties say about pages. Page fields travel in `page`, never again inside
// properties (where they would bypass page rules). A page name (`pageName`, GA4's
// `ep.page_name`, `screen_name`) says where the page is even when the event gives its path: an
// app names its route there. A link (`link_url: .../patient-portal/login`, the "Log in to MyChart"
// button) says where the visitor goes: the click is counted, where it leads to a blocked page is
// not sent.

const NONE = 0;
const PAGE_FIELD = 1;
const PAGE_NAME = 2;
const LINK = 3;
const PAGE_AT = 4;
const CRUMBS = 5;
const CAME_FROM = 6;
const ROUTE_NAME = 7;
const FORM_NAME = 8;
const PRODUCTS = 9;
const RX_FLAG = 10;
const DEEP_LINK = 11;
// A router's transition (`{to: "/#/messages", from: "/#/home"}`, as Vue Router's and others' hooks give it).
const TRANSITION = 12;
const PAGE_FIELDS: ReadonlySet<string> = new Set(['path', 'url', 'referrer', 'title', 'search', 'href', 'name']);
// A page's title (`page_title: "Patient Portal - Messages"`, GA4's `ep.page_title`) names it too.
// So do a content group or site section (`content_group: "MyChart"`).
const PAGE_NAMES: ReadonlySet<string> = new Set(['pagename', 'screenname', 'virtualpage', 'virtualpageview', 'virtualpagepath', 'virtualpageurl', 'virtualpagetitle', 'virtualpagename', 'virtualpath', 'virtualurl', 'vpv', 'vpname', 'screen', 'pagetitle', 'documenttitle', 'screentitle',
  'contentgroup', 'contentgroup1', 'contentgroup2', 'contentgroup3', 'contentgroup4', 'contentgroup5', 'pagecategory', 'pagetype', 'sitesection', 'pagesection',
  // Sections and templates under the site's own names (`section: "mychart > inbox"`), an app's screen class.
  'section', 'subsection', 'sitearea', 'appsection', 'area', 'channel', 'pagetemplate', 'template', 'itemcategory', 'screenclass', 'firebasescreenclass', 'firebasescreen', 'amplitudescreenname',
  // The page's main heading, copied by a CMS's data layer (`h1: "Prescription Refill Request"` on `/?page_id=88`).
  'h1', 'pageh1', 'pageheading',
  // The title a page gives to sharing and search (`og_title`, `meta_title`), and a browser tab's or window's.
  'ogtitle', 'metatitle', 'seotitle', 'twittertitle', 'htmltitle', 'headtitle', 'tabtitle', 'windowtitle']);
// A screen's name or class under a longer key (`previous_screen_name`, `current_screen`, GA4's `ep.firebase_screen`):
// the screen the app shows or showed, read as a page name (a screen left counts like a same-site referrer).
const SCREEN_KEY_END = /screen(?:name|class|title)?$/;
/**
 * Normalized names that say where the page itself is (GA4's `page_location`/`page_path`,
 * Mixpanel's `$current_url`, AMP's `ampdocUrl`...): a path or URL there is read like the page's,
 * even when the event gives its path (GA4 reports `page_location` over `dl`).
 */
const PAGE_AT_NAMES: ReadonlySet<string> = new Set([
  'pagelocation', 'pageurl', 'pagepath', 'pageuri', 'pagehref', 'pathname', 'currenturl', 'currentpath', 'currentpage', 'currentroute',
  'fullurl', 'documentlocation', 'documentpath', 'documenturl', 'locationhref', 'ampdocurl', 'canonicalurl', 'dl', 'dp', 'page', 'location', 'route',
  'hash', 'fragment', 'locationhash',
  // The browser's own location and a router's current path under the site's names.
  'windowlocation', 'windowlocationhref', 'routepath', 'currentroutepath', 'routeurl', 'loc', 'toroute', 'topath', 'newroute', 'newpath', 'newurl',
  // RudderStack's page properties carry the tab's URL (`tab_url`) beside `url`; Amplitude's page view its `[Amplitude] Page URL`.
  'taburl', 'amplitudepageurl', 'amplitudepagepath', 'amplitudepagelocation',
  // A frame's address (a portal or bill-pay page embedded in a public one): the event happened there, not on a link.
  'frameurl', 'framesrc', 'framelocation', 'framehref', 'framepath', 'iframeurl', 'iframesrc', 'iframelocation', 'iframehref', 'iframepath',
  'embedurl', 'embedsrc', 'embeddedurl', 'embedlocation', 'framedurl', 'childframeurl',
]);
/** Normalized names of a router's state or route name (`portal.messages.inbox`, `billing.pay`): the dots separate segments. */
const ROUTE_NAMES: ReadonlySet<string> = new Set(['routename', 'statename', 'currentstate', 'uistate', 'currentroutename']);
/**
 * Normalized names of a form's id or name: a form named after an area (`bill-pay-form`,
 * `Online Bill Payment`, `patientIntakeForm`) is that area's form, on whatever page it sits.
 */
const FORM_NAMES: ReadonlySet<string> = new Set(['formid', 'formname', 'formtitle', 'form', 'formslug', 'formkey', 'formlabel', 'formtype', 'formref',
  // So is an event's category or a widget's view or tab (`category: "Bill Pay"`, `view: "test-results"`) when
  // it names an area in two words or more: one word (`view: "results"`, `tab: "reviews"`) is a display option.
  'category', 'eventcategory', 'view', 'viewname', 'currentview', 'activeview', 'tab', 'tabname', 'activetab', 'selectedtab', 'currenttab']);
// A form under the site's or a plugin's own key (`wpforms_form`, `gravityForm`, `hsFormName`); not `platform`.
const FORM_KEY = /(?:^|[_.\-\s])[Ff]orms?(?:[_.\-\s]?(?:[Ii][Dd]|[Nn]ame|[Tt]itle|[Ss]lug|[Kk]ey|[Ll]abel))?$|[a-z0-9]Forms?(?:Id|ID|Name|Title|Slug|Key|Label)?$/;
/** Normalized names of e-commerce item lists (Segment's `products`, GA4's `items`): see productCategories. */
const PRODUCT_LISTS: ReadonlySet<string> = new Set(['products', 'items', 'cartitems', 'lineitems', 'ecommerce']);
/**
 * Normalized names of pages the visitor came from (GA4's `page_referrer`, a landing page): read
 * as referrers are, so a blocked page of the same site blocks the event and another site's does not.
 */
const CAME_FROM_NAMES: ReadonlySet<string> = new Set([
  'pagereferrer', 'referrerurl', 'previouspage', 'previousurl', 'previouspath', 'landingpage', 'landingpageurl', 'landingpath', 'initialurl', 'initialpath', 'entrypage', 'entryurl',
  'previouspagepath', 'previouspageurl', 'prevpage', 'prevurl', 'prevpath', 'frompage', 'fromurl', 'frompath', 'sourcepage', 'sourceurl', 'lastpage', 'lasturl', 'lastpath',
  'referringurl', 'referringpage', 'referringpath', 'referer', 'refererurl', 'originpage', 'originurl', 'originpath', 'documentreferrer',
  'fromroute', 'oldroute', 'oldpath', 'oldurl', 'prevroute', 'previousroute',
]);
/** Normalized name parts of arrays of pages (breadcrumbs): each entry's path or URL is read. */
const CRUMB_PARTS = ['breadcrumb', 'crumbs'];
/** Parts of normalized key names that hold a link or a place to go. */
const LINK_PARTS = ['url', 'uri', 'href', 'link', 'dest', 'target', 'outbound', 'redirect', 'path', 'location', 'goto', 'next', 'return', 'continue', 'route'];

// Property names repeat across events: their kind is remembered (bounded), one lookup a key.
const kinds = new BoundedMemo<number>(10_000);

function kindOf(key: string): number {
  let kind = kinds.get(key);
  if (kind === undefined) {
    const norm = normalizeFieldName(key);
    kind = key === 'to' || key === 'from' ? TRANSITION : PAGE_FIELDS.has(key) ? PAGE_FIELD : PAGE_NAMES.has(norm) || SCREEN_KEY_END.test(norm) ? PAGE_NAME : PAGE_AT_NAMES.has(norm) || isFrameAt(norm) ? PAGE_AT : DEEP_LINK_NAMES.has(norm) ? DEEP_LINK : CAME_FROM_NAMES.has(norm) ? CAME_FROM
      : ROUTE_NAMES.has(norm) ? ROUTE_NAME : FORM_NAMES.has(norm) || FORM_KEY.test(key) ? FORM_NAME : PRODUCT_LISTS.has(norm) ? PRODUCTS : RX_FLAGS.has(norm) ? RX_FLAG
      : CRUMB_PARTS.some((p) => norm.includes(p)) ? CRUMBS : LINK_PARTS.some((p) => norm.includes(p)) ? LINK : NONE;
    kinds.set(key, kind);
  }
  return kind;
}

type HostOf = (u: string | undefined) => string | undefined;

// Page names found by the latest pageProperties call (see takePageNames), and the pages it says the
// visitor came from (see takeCameFrom): one array per event only when there are any, and no result
// object per event.
let found: string[] | undefined;
let cameFrom: string[] | undefined;

/** The properties without page fields and links to blocked pages (the same object when none). */
export function pageProperties(props: JsonObject, plan: Plan, host: HostOf): JsonObject {
  const keys = Object.keys(props);
  let strip = false;
  found = propsRoute(props); // the properties as a router's route object (app-routes.ts)
  cameFrom = undefined;
  let nested: Map<string, JsonValue> | undefined;
  let tests: LinkTests | undefined;
  for (const k of keys) {
    const kind = kindOf(k);
    const v = props[k];
    if (typeof v === 'string' && (kind === NONE || kind === LINK)) found = hitPage(v, found);
    if (typeof v === 'object' && v !== null && kind !== PAGE_FIELD) {
      found = routeObjects(v, found, 1);
      const kept = withoutBlockedLinks(v, tests ??= { linkKey, blocked: (x) => linksToBlocked(x, plan, host) });
      if (kept !== v) (nested ??= new Map()).set(k, kept);
    }
    if (kind === NONE) { if (typeof v === 'object' && v !== null) found = frameSrc(k, v, nestedPages(v, found, 0)); else if (!strip && mediaKey(k) && linksToBlocked(v, plan, host)) strip = true; continue; }
    if (kind === PAGE_FIELD) { if (documentLink(k, v) ? !strip && linksToBlocked(v, plan, host) : !productName(props, k)) strip = true; continue; }
    if (kind === PAGE_NAME) {
      if (typeof v === 'string' && v.length > 0) { (found ??= []).push(pageNamePath(v)); found.push(...classNamePaths(v)); }
      // A screen or page object (`screen: {firebase_screen_class: ...}`) says it in its own keys.
      else if (typeof v === 'object' && v !== null) found = nestedPages(v, found, 0);
    }
    else if (kind === PAGE_AT) { const at = pageAt(v); if (at !== undefined) (found ??= []).push(at); }
    else if (kind === DEEP_LINK) { if (typeof v === 'string') found = deepLinkReadings(v, found); }
    else if (kind === CAME_FROM) { const at = typeof v === 'string' ? openedScreen(v) : v; if (isPathOrUrl(at)) (cameFrom ??= []).push(at); }
    else if (kind === CRUMBS) found = crumbs(v, found);
    else if (kind === ROUTE_NAME) { if (typeof v === 'string' && v.length > 1) (found ??= []).push(routeNamePath(v)); }
    else if (kind === FORM_NAME) { const at = formReading(v, plan); if (at !== undefined) (found ??= []).push(at); }
    else if (kind === PRODUCTS) found = productCategories(v, found);
    // A flag saying the event's product is a prescription (`requires_prescription: true`) names the pharmacy.
    else if (kind === RX_FLAG) { if (v === true) (found ??= []).push('/rx'); }
    else if (kind === TRANSITION) { if (!transition(props, k, v) && !strip && linksToBlocked(v, plan, host)) strip = true; }
    else if (!strip && linksToBlocked(v, plan, host)) strip = true;
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
  for (const k of keys) {
    const kind = kindOf(k);
    const link = kind === LINK || (kind === TRANSITION && !isTransition(props)) || (kind === PAGE_FIELD && documentLink(k, props[k])) || (kind === NONE && mediaKey(k));
    if ((kind === PAGE_FIELD && !link && !productName(props, k)) || (link && linksToBlocked(props[k], plan, host))) continue;
    const v = nested?.get(k) ?? props[k];
    // Defined, not assigned: an own `__proto__` key must stay a key, as a spread copy keeps it.
    if (k === '__proto__') Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
    else copy[k] = v;
  }
  return copy;
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

/** A router's state name as a path (`portal.messages.inbox` is `/portal/messages/inbox`). */
function routeNamePath(v: string): string {
  const t = v.trim();
  return statePath(t) ?? pageNamePath(t);
}
