import { isJsonObject, type JsonObject } from '../common/json.js';
import { safeDecode } from '../rules/canonical-path.js';
import { normalizeFieldName } from '../rules/field-name.js';
import { appReadings } from './app-screens.js';
import { classNamePaths } from './class-names.js';
import { isFrameAt, isFrameObject } from './frame-keys.js';
import { type FormStep, formStepParam, formStepRoute, PLUS_SIGNS } from './form-steps.js';
import { bareQueryRoute, base64Url, HANDLER_PARAMS, handlerRoute, joinedRoute, numberedAlias, pascalRoute, pathBefore, proofpointUrl, type QueryPage, SUB_ROUTE_PARAMS, VALUE_ROUTE_PARAMS, valueRoute } from './route-values.js';
import { screenPath, statePath } from './screen-names.js';
import { queryPageReadings } from './search-page.js';
import { BoundedMemo } from '../common/bounded-memo.js';

const CLOSING_PARENS = /\)/g;

export { statePath };

// Where else a page says where it is: under a site's own names (`href`, GA4's `page_location`, `pathname`, Mixpanel's
// `$current_url`...), in a single-page app's fragment (`/#/portal/messages`, `#!/mychart`) or query (`/?page=appointment-
// confirmation`, `/Default.aspx?route=%2Fbilling%2Fpay`). A blocked page reached so is still one: these are read like the path.

/** Normalized key names (see normalizeFieldName) that hold a page URL or path. */
const LOCATION_KEYS: ReadonlySet<string> = new Set([
  'href', 'location', 'pagelocation', 'pageurl', 'pagepath', 'pageuri', 'pathname', 'currenturl', 'currentpath',
  'currentpage', 'fullurl', 'documentlocation', 'documentpath', 'documenturl', 'dl', 'dp', 'pagehref', 'locationhref', 'route',
  // Adobe's data layer (`digitalData.page.pageInfo.destinationURL`).
  'destinationurl',
  // RudderStack's `context.page.tab_url` (the page URL as the browser tab shows it).
  'taburl',
]);

/**
 * Query parameters that name the page in query-routed sites and redirects. Not `tab`, `view` or
 * `section` (except on the root, see ROOT_ROUTE_PARAMS): `/find-a-doctor?view=results` is a
 * directory page, not the results area.
 */
const ROUTE_PARAMS: ReadonlySet<string> = new Set([
  'page', 'p', 'pagename', 'route', 'path', 'goto', 'next', 'redirect', 'redirecturl', 'redirectto', 'redirecturi',
  'returnurl', 'returnto', 'return', 'continue', 'target', 'dest', 'destination', 'url', 'u',
  // CMS and framework routers: WordPress `page_id`, DotNetNuke `tabid` and its control `ctl`, ColdFusion Fusebox
  // `fuseaction`, Yii `r`, and the `module`/`screen`/`action` of home-grown ones.
  'pageid', 'tabid', 'fuseaction', 'r', 'pg', 'module', 'screen', 'action', 'controller', 'ctl',
  // Joomla's `option=com_portal` and `task`, WordPress's `name`/`slug` and `alias` of a page.
  'option', 'task', 'slug', 'alias', 'name',
  // AngularJS ui-router and other state routers name the page by a dotted state (`portal.messages.inbox`).
  'state',
  // MediaWiki's and OpenCart's `title`, DotNetNuke's `tabname` (`?tabid=57&tabname=PayMyBill`).
  'title', 'tabname',
  // The same word in Spanish, Portuguese, Italian and German CMSs (`?pagina=resultados`, `?seite=rechnung`).
  'pagina', 'seite',
]);
/**
 * A procedure's billing code in a query (`/price-estimator?cpt=70553`, `?drg=470`): a price looked
 * up for the visitor's own procedure, read as the estimate page `/estimate`.
 */
const knownValueRoute = new BoundedMemo<boolean>(10_000);

/**
 * Site-search parameters: WordPress answers `?s=` on any page, the others are a search when the page is the site's
 * root (`/?query=bipolar`) or a search page (see search-page.ts); `/providers?search=smith` is a directory filter,
 * and `q` is Drupal's router (`/?q=node/12`). Either reads as `/search` (the search results page).
 */
const SEARCH_ANYWHERE = 's';
/**
 * On the site's root the page has nothing else to be: `/?view=pay-bill`, `/?section=test-results`
 * are the routes of a single-page app (elsewhere these are a directory's display options).
 */
// A home-grown dispatcher's verb (`/?do=pay-bill`, `/?op=refill`, `/?cmd=results`) too: there it is the page,
// and so is a classic ASP or PHP site's menu item (`/default.asp?id=12&mnu=billpay`, `?menu=`, `?nav=`).
const ROOT_ROUTE_PARAMS: ReadonlySet<string> = new Set(['event', 'view', 'section', 'tab', 'sec', 'content', 'area', 'mode', 'show', 'q', 'do', 'op', 'cmd', 'act', 'func', 'sub', 'subpage',
  'menu', 'mnu', 'nav']);
const knownRootRoute = new BoundedMemo<boolean>(10_000);
const ROOT_SEARCH_PARAMS: ReadonlySet<string> = new Set(['query', 'search', 'searchterm', 'searchtext', 'keys', 'keyword', 'keywords', 'k', 'term']);
const knownSearch = new BoundedMemo<boolean>(10_000);

// Key names repeat across events: remember the answers (bounded, like FieldMatcher).
const knownLocation = new BoundedMemo<boolean>(10_000);
const knownRoute = new BoundedMemo<boolean>(10_000);
const knownSubRoute = new BoundedMemo<boolean>(10_000);
const knownHandler = new BoundedMemo<boolean>(10_000);

function memoHas(memo: BoundedMemo<boolean>, names: ReadonlySet<string>, key: string, shape?: (norm: string) => boolean): boolean {
  let hit = memo.get(key);
  if (hit === undefined) {
    const norm = normalizeFieldName(key.indexOf('%') >= 0 ? safeDecode(key) : key);
    hit = names.has(norm) || (shape !== undefined && shape(norm));
    memo.set(key, hit);
  }
  return hit;
}

// Also a frame's, widget's or host page's address under any key of that shape (`parent_url`, `topLocation`).
const isLocationKey = (key: string): boolean => memoHas(knownLocation, LOCATION_KEYS_AND_NAMES, key, isFrameAt);

/**
 * Normalized key names that name the page rather than give its URL: tag managers' and Adobe's
 * `pageName` (`nbh:patient-portal:messages`), `screen_name`, virtual page views. Read as a
 * screen's name is (see screenPath).
 */
const PAGE_NAME_KEYS: ReadonlySet<string> = new Set(['pagename', 'screenname', 'virtualpage', 'virtualpageview', 'virtualpagepath', 'virtualpageurl', 'virtualpagename', 'virtualurl', 'vpv', 'vpname']);
const LOCATION_KEYS_AND_NAMES: ReadonlySet<string> = new Set([...LOCATION_KEYS, ...PAGE_NAME_KEYS]);
const knownPageName = new BoundedMemo<boolean>(10_000);
// Asked only of keys already known to be location keys (rare): a second memo costs nothing per event.
const isPageNameKey = (key: string): boolean => memoHas(knownPageName, PAGE_NAME_KEYS, key);

/** A location value as a path: a page name (no `/` or scheme at its start) is read as a screen's name. */
function locationOf(key: string, v: string): string {
  return isPageNameKey(key) ? pageNamePath(v) : v;
}

/** A page name (`nbh:patient-portal:messages`) as a path; a path or URL as it is. */
export function pageNamePath(v: string): string {
  return v.charCodeAt(0) === 47 || SCHEME.test(v) ? v : screenPath(v);
}

const NONE: readonly string[] = Object.freeze([]);

/** Where the collector puts a browser request's `Referer` in the event's context (server/ingest.ts `enrich`). */
export const REFERER_KEY = '$referer';

/**
 * Every other statement of where the page is: location keys of `context.page` (and of
 * `properties`, when neither says path or url), nested page objects (`properties.page.url`,
 * `context.location.href`), and an app screen's name read as a path. Usually none.
 */
export function extraLocations(raw: JsonObject, context: JsonObject, ctxPage: JsonObject, props: JsonObject, hasPath: boolean): readonly string[] {
  let out: string[] | undefined;
  out = collect(ctxPage, false, out);
  // Properties are the event's own data: read for a location only when the page gave none.
  if (!hasPath) out = collect(props, false, out);
  if (isJsonObject(props.page)) out = dataLayerPage(props.page, collect(props.page, true, out));
  for (const o of [props.location, props.route]) if (isJsonObject(o)) out = collect(o, true, out); // a router's `route: {name, path}` too
  // A data layer pushed whole (Adobe's `digitalData.page.pageInfo`, `pageInfo` on its own).
  if (isJsonObject(props.pageInfo)) out = collect(props.pageInfo, true, out);
  if (isJsonObject(props.digitalData) && isJsonObject(props.digitalData.page)) out = dataLayerPage(props.digitalData.page, collect(props.digitalData.page, true, out));
  if (isJsonObject(context.location)) out = collect(context.location, true, out);
  const referer = context[REFERER_KEY];
  if (typeof referer === 'string' && referer.length > 0) (out ??= []).push(referer);
  if (isJsonObject(ctxPage.location)) out = collect(ctxPage.location, true, out);
  out = frameObjects(ctxPage, frameObjects(context, out));
  // An app screen has no URL: its name says where it is.
  if (raw.type === 'screen' && typeof raw.name === 'string' && raw.name.length > 0) {
    (out ??= []).push(screenPath(raw.name));
    for (const p of classNamePaths(raw.name)) if (!out.includes(p)) out.push(p);
  }
  out = appReadings(raw, context, props, typeof ctxPage.url === 'string' ? ctxPage.url : undefined, out);
  return out ?? NONE;
}

/** The addresses of `o`'s frame, widget or host-page objects (`context.frame: {top_url}`, `widget: {src}`), appended to `out`. */
function frameObjects(o: JsonObject, out: string[] | undefined): string[] | undefined {
  for (const k in o) {
    const v = o[k];
    if (!isJsonObject(v) || !isFrameObject(k)) continue;
    out = collect(v, true, out);
    if (typeof v.src === 'string' && v.src.length > 1) (out ??= []).push(v.src);
  }
  return out;
}

/** The locations in a data layer's page object's `pageInfo`, appended to `out`. */
function dataLayerPage(page: JsonObject, out: string[] | undefined): string[] | undefined {
  return isJsonObject(page.pageInfo) ? collect(page.pageInfo, true, out) : out;
}

/** Location strings of `o` (`all`: its `path` and `url` too), appended to `out`. */
function collect(o: JsonObject, all: boolean, out: string[] | undefined): string[] | undefined {
  for (const k in o) {
    const v = o[k];
    if (typeof v !== 'string' || v.length === 0) continue;
    if (all ? k === 'path' || k === 'url' || isLocationKey(k) : k !== 'path' && k !== 'url' && isLocationKey(k)) {
      const at = locationOf(k, v);
      if (out === undefined) out = [at]; else if (!out.includes(at)) out.push(at);
    }
  }
  return out;
}

// Angular's named outlets in a fragment route: `(sidebar:messages)`.
const OUTLET = /\((?:[a-z0-9_-]+:)?/gi;
const OUTLET_ROUTE = /\((?:[a-z0-9_-]+:)?([^()]+)\)/gi;
/**
 * Paths a URL routes to besides its own path: a fragment route (`#/x`, `#!/x`, `#!x`) and the
 * values of route-like query parameters, or of any parameter whose value is itself a path. Returns whether the query
 * (before any fragment) marks a form's done step and names no form (`/?page_id=12&step=confirmation`): title-verdicts.ts
 * withDoneStep reads the page's title then, from this same reading of the query.
 */
export function routeReadings(url: string, listing: RegExp | undefined, out: string[]): boolean {
  const hash = url.indexOf('#');
  const q = url.indexOf('?');
  if (hash >= 0) {
    let frag = url.slice(hash + 1);
    // `#%2Fportal` is `#/portal` escaped.
    if (frag.startsWith('%')) frag = safeDecode(frag);
    if (frag.startsWith('!')) frag = frag.slice(1);
    // Angular's named outlets (`#/home/(sidebar:messages)`) are routes of their own.
    if (frag.indexOf('(') >= 0) {
      for (const m of frag.matchAll(OUTLET_ROUTE)) out.push(`/${m[1]}`);
      frag = frag.replace(OUTLET, '/').replace(CLOSING_PARENS, '');
    }
    // Plain anchors (`#billing`, `#section-2`) are positions on the page, not routes.
    const bang = url.charCodeAt(hash + 1) === 33;
    if (frag.startsWith('/') || (bang && frag.length > 0)) out.push(frag.startsWith('/') ? frag : `/${frag}`);
  }
  if (q < 0) return false;
  // The path before the query (the scheme and host cut once), read by every reader of the query.
  const page: QueryPage = { url, path: pathBefore(url, q), listing };
  // A query inside the fragment (`/#?route=billing/pay`, `/#/home?page=refills`) routes too.
  if (hash >= 0 && hash < q) { queryRoutes(page, q, url.length, false, out); return false; }
  const form = queryRoutes(page, q, hash >= 0 ? hash : url.length, isRootPath(page.path), out);
  queryPageReadings(page.path, url, q, hash >= 0 ? hash : url.length, out);
  return form.done && form.name === undefined;
}

/** The query's routes (the query at page.url's first `?`, `q`) into `out`; what it says about a form (every parameter read, formStepParam). */
function queryRoutes(page: QueryPage, q: number, end: number, root: boolean, out: string[]): FormStep {
  const { url } = page;
  const parts: string[] = [];
  const form: FormStep = { done: false };
  for (let from = q + 1; from < end;) {
    let amp = url.indexOf('&', from);
    if (amp < 0 || amp > end) amp = end;
    queryRoute(page, from, amp, root, out, parts, form);
    from = amp + 1;
  }
  joinedRoute(parts, out);
  if ((form.done || form.name !== undefined || form.item !== undefined) && !(url.indexOf('#') >= 0 && url.indexOf('#') < q)) formStepRoute(page.path || '/', form, out);
  return form;
}

// A dispatcher script at the site's root whose own name says nothing (`/main.jsp?section=appointments&sub=confirm`,
// `/page.cfm?area=billing`): its query is the page, as on `/index.php`. A script named for a page
// (`/find-a-doctor.php?view=results`) is that page.
const ROOT_SCRIPT = /^\/(index|default|main|home|page|site|app|start|content|cms|web|go|dispatch|router|frontend)\.[a-z]+$/i;

/** Whether a URL's path before its query (pathBefore) is a site's root page (`https://x/`, `/`, `/index.php`, `/main.jsp`). */
function isRootPath(path: string): boolean {
  return path === '' || path === '/' || ROOT_SCRIPT.test(path);
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The route in one `name=value` of a query (page.url[from, to)), if any. */
function queryRoute(page: QueryPage, from: number, to: number, root: boolean, out: string[], parts: string[], form: FormStep): void {
  const { url } = page;
  const eq = url.indexOf('=', from);
  // A bare URL or path as the whole query (`https://href.li/?https://x/patient-portal`, `/index.php?/portal/inbox`) is where the page goes.
  if (eq < 0 || eq >= to) { const v = bareQueryRoute(url, from, to); if (v !== undefined) out.push(v); return; }
  if (eq <= from || eq >= to - 1) return;
  const key = url.slice(from, eq);
  // Every parameter is read for the form's step, a search's too (its names, ROOT_SEARCH_PARAMS and `s`, are no form
  // step's: formStepParam leaves `form` as it was), so that `form` is the whole query's (routeReadings' done step).
  formStepParam(key, url, eq, to, form);
  if (isSearch(key, root)) { out.push('/search'); return; }
  // Decoding every value is the cost here: only a route parameter, or a value that may be a
  // path or URL (a `/` or `:`, plain or escaped), is decoded and read. Campaign tags (`utm_*`, most
  // of the parameters seen) are never routes.
  const route = !url.startsWith('utm_', from) && (memoHas(knownRoute, ROUTE_PARAMS, key) || (root && memoHas(knownRootRoute, ROOT_ROUTE_PARAMS, key)));
  if (route || (parts.length > 0 && memoHas(knownSubRoute, SUB_ROUTE_PARAMS, key))) parts.push(url.slice(eq + 1, to));
  if (!route && memoHas(knownValueRoute, VALUE_ROUTE_PARAMS, key) && valueRoute(normalizeFieldName(key), page, eq + 1, to, out)) return;
  const encoded = base64Url(url, eq + 1, to);
  if (encoded !== undefined) { out.push(encoded); return; }
  const handler = memoHas(knownHandler, HANDLER_PARAMS, key);
  if (!route && !handler && !mayHoldPath(url, eq + 1, to)) return;
  let value = safeDecode(url.slice(eq + 1, to).replace(PLUS_SIGNS, ' ')).trim();
  if (handler && handlerRoute(page.path, value, out)) return;
  // Joomla names its components `com_<name>` (`option=com_portal`) and articles `<id>:<alias>`.
  if (value.startsWith('com_')) value = value.slice(4);
  const alias = numberedAlias(value);
  if (alias !== undefined) { out.push(alias); return; }
  value = proofpointUrl(value);
  if (value.startsWith('/') || SCHEME.test(value)) out.push(value);
  // A value with segments (`intake/new-patient`) is a path under any parameter name.
  else if (route || value.indexOf('/') > 0) {
    out.push(`/${value}`);
    // A dotted state name (`portal.messages.inbox`) is a path whose segments the dots separate.
    const state = route && value.indexOf('.') > 0 ? statePath(value) : undefined;
    if (state !== undefined) out.push(state); else if (route) pascalRoute(value, out);
  }
}

/** Whether a query parameter is a site search (see ROOT_SEARCH_PARAMS). */
function isSearch(key: string, root: boolean): boolean {
  return key === SEARCH_ANYWHERE || (root && memoHas(knownSearch, ROOT_SEARCH_PARAMS, key));
}

/** Whether url[from, to) has a `/` or `:`, or an escape of one (`%2F`, `%3A`, `%25...`). */
function mayHoldPath(url: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 || c === 58) return true;
    if (c === 37) {
      const hi = url.charCodeAt(i + 1);
      const lo = url.charCodeAt(i + 2) | 0x20;
      if ((hi === 50 && (lo === 102 || lo === 53)) || (hi === 51 && lo === 97)) return true;
    }
  }
  return false;
}
