import { isJsonObject, type JsonObject } from '../common/json.js';
import type { Plan } from '../rules/plan.js';
import { safeDecode } from '../rules/canonical-path.js';
import { normalizeFieldName } from '../rules/field-name.js';

// Where else a page says where it is. Sites send the location under their own names
// (`href`, GA4's `page_location`, `pathname`, Mixpanel's `$current_url`...), single-page apps
// route in the fragment (`/#/portal/messages`, `#!/mychart`) or in the query
// (`/?page=appointment-confirmation`, `/Default.aspx?route=%2Fbilling%2Fpay`). A blocked page
// reached that way is still a blocked page: these readings are checked like the path.

/** Normalized key names (see normalizeFieldName) that hold a page URL or path. */
const LOCATION_KEYS: ReadonlySet<string> = new Set([
  'href', 'location', 'pagelocation', 'pageurl', 'pagepath', 'pageuri', 'pathname', 'currenturl', 'currentpath',
  'currentpage', 'fullurl', 'documentlocation', 'documentpath', 'documenturl', 'dl', 'dp', 'pagehref', 'locationhref', 'route',
]);

/**
 * Query parameters that name the page in query-routed sites and redirects. Not `tab`, `view` or
 * `section`: `/find-a-doctor?view=results` is a directory page, not the results area.
 */
const ROUTE_PARAMS: ReadonlySet<string> = new Set([
  'page', 'p', 'pagename', 'route', 'path', 'goto', 'next', 'redirect', 'redirecturl', 'redirectto', 'redirecturi',
  'returnurl', 'returnto', 'return', 'continue', 'target', 'dest', 'destination', 'url', 'u',
]);

// Key names repeat across events: remember the answers (bounded, like FieldMatcher).
const knownLocation = new Map<string, boolean>();
const knownRoute = new Map<string, boolean>();

function memoHas(memo: Map<string, boolean>, names: ReadonlySet<string>, key: string): boolean {
  let hit = memo.get(key);
  if (hit === undefined) {
    hit = names.has(normalizeFieldName(key.indexOf('%') >= 0 ? safeDecode(key) : key));
    if (memo.size >= 10_000) memo.clear();
    memo.set(key, hit);
  }
  return hit;
}

const isLocationKey = (key: string): boolean => memoHas(knownLocation, LOCATION_KEYS_AND_NAMES, key);

/**
 * Normalized key names that name the page rather than give its URL: tag managers' and Adobe's
 * `pageName` (`nbh:patient-portal:messages`), `screen_name`, virtual page views. Read as a
 * screen's name is (see screenPath).
 */
const PAGE_NAME_KEYS: ReadonlySet<string> = new Set(['pagename', 'screenname', 'virtualpage', 'virtualpageview', 'virtualpagepath', 'virtualurl', 'vpv', 'vpname']);
const LOCATION_KEYS_AND_NAMES: ReadonlySet<string> = new Set([...LOCATION_KEYS, ...PAGE_NAME_KEYS]);
const knownPageName = new Map<string, boolean>();
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
  if (isJsonObject(props.page)) out = collect(props.page, true, out);
  if (isJsonObject(props.location)) out = collect(props.location, true, out);
  if (isJsonObject(context.location)) out = collect(context.location, true, out);
  if (isJsonObject(ctxPage.location)) out = collect(ctxPage.location, true, out);
  // An app screen has no URL: its name says where it is.
  if (raw.type === 'screen' && typeof raw.name === 'string' && raw.name.length > 0) (out ??= []).push(screenPath(raw.name));
  return out ?? NONE;
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

// `Pharmacy - Refill`, `MyChart > Messages`, `Billing: Pay`: the separators apps put in names.
const NAME_SEPARATORS = /\s*[|>:\/\u2013\u2014\u00b7\u2022\u203a\u00bb]\s*|\s+-\s+/g;

/** An app screen's name read as a path (`MyChart - Messages` is `/mychart/messages`). */
function screenPath(name: string): string {
  return '/' + name.trim().toLowerCase().replace(NAME_SEPARATORS, '/').replace(/\s+/g, '-');
}

/**
 * Paths a URL routes to besides its own path: a fragment route (`#/x`, `#!/x`, `#!x`) and the
 * values of route-like query parameters, or of any parameter whose value is itself a path.
 */
function routeReadings(url: string, out: string[]): void {
  const hash = url.indexOf('#');
  const q = url.indexOf('?');
  if (hash >= 0) {
    let frag = url.slice(hash + 1);
    // `#%2Fportal` is `#/portal` escaped.
    if (frag.startsWith('%')) frag = safeDecode(frag);
    if (frag.startsWith('!')) frag = frag.slice(1);
    // Plain anchors (`#billing`, `#section-2`) are positions on the page, not routes.
    const bang = url.charCodeAt(hash + 1) === 33;
    if (frag.startsWith('/') || (bang && frag.length > 0)) out.push(frag.startsWith('/') ? frag : `/${frag}`);
  }
  if (q < 0 || (hash >= 0 && hash < q)) return;
  const end = hash >= 0 ? hash : url.length;
  for (let from = q + 1; from < end;) {
    let amp = url.indexOf('&', from);
    if (amp < 0 || amp > end) amp = end;
    queryRoute(url, from, amp, out);
    from = amp + 1;
  }
}

// Page URLs repeat with every view of the page: their routes are remembered (bounded).
const knownRoutes = new Map<string, readonly string[]>();
const ROUTE_MEMO = 4096;

/** routeReadings of a URL or path, remembered; none without a `?` or `#`. */
export function routesOf(url: string): readonly string[] {
  if (url.indexOf('?') < 0 && url.indexOf('#') < 0) return NONE;
  let routes = knownRoutes.get(url);
  if (routes === undefined) {
    const out: string[] = [];
    routeReadings(url, out);
    routes = out.length > 0 ? out : NONE;
    if (knownRoutes.size >= ROUTE_MEMO) knownRoutes.clear();
    knownRoutes.set(url, routes);
  }
  return routes;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The route in one `name=value` of a query (url[from, to)), if any. */
function queryRoute(url: string, from: number, to: number, out: string[]): void {
  const eq = url.indexOf('=', from);
  if (eq <= from || eq >= to - 1) return;
  // Decoding every value is the cost here: only a route parameter, or a value that may be a
  // path or URL (a `/` or `:`, plain or escaped), is decoded and read. Campaign tags (`utm_*`, most
  // of the parameters seen) are never routes.
  const route = !url.startsWith('utm_', from) && memoHas(knownRoute, ROUTE_PARAMS, url.slice(from, eq));
  if (!route && !mayHoldPath(url, eq + 1, to)) return;
  const value = safeDecode(url.slice(eq + 1, to).replace(/\+/g, ' ')).trim();
  if (value.startsWith('/') || SCHEME.test(value)) out.push(value);
  // A value with segments (`intake/new-patient`) is a path under any parameter name.
  else if (route || value.indexOf('/') > 0) out.push(`/${value}`);
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

// Rules that can match inside a text (not anchored at a path's start or at a segment), combined
// once per plan (lazily, on the plan's first titled event): a page title is tested against these
// only.
const loose = (re: RegExp): boolean => !re.source.startsWith('^') && !re.source.startsWith('(^|\\/)');
const titleRules = new WeakMap<Plan, RegExp | null>();
// A site has a few hundred page titles, sent again with every view: the answer per title is
// remembered per plan (bounded; `null`: no rule matches).
const titleAnswers = new WeakMap<Plan, Map<string, string | null>>();
const TITLE_MEMO = 2048;

/** The name of the blocked-path rule a page title matches (`Inbox | MyChart`), if any. */
export function titleBlock(title: string, plan: Plan): string | undefined {
  let memo = titleAnswers.get(plan);
  if (memo === undefined) { memo = new Map(); titleAnswers.set(plan, memo); }
  const known = memo.get(title);
  if (known !== undefined) return known ?? undefined;
  const answer = matchTitle(title, plan);
  if (memo.size >= TITLE_MEMO) memo.clear();
  memo.set(title, answer ?? null);
  return answer;
}

function matchTitle(title: string, plan: Plan): string | undefined {
  let any = titleRules.get(plan);
  if (any === undefined) {
    const rules = plan.blocked.filter((r) => loose(r.re));
    try { any = rules.length ? new RegExp(rules.map((r) => `(?:${r.re.source})`).join('|'), 'i') : null; } catch { any = undefined; }
    // A rule set that cannot be combined is tested rule by rule (never skipped).
    if (any !== undefined) titleRules.set(plan, any);
  }
  if (any === null || (any !== undefined && !any.test(title))) return undefined;
  for (const rule of plan.blocked) if (loose(rule.re) && rule.re.test(title)) return rule.name;
  return undefined;
}
