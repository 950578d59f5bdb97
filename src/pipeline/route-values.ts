import { safeDecode } from '../rules/canonical-path.js';
import { camelApart } from './camel-words.js';

export const SCHEME_AND_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i;

/**
 * `url.slice(0, end).replace(SCHEME_AND_HOST, '')`, the path before a query at `end`, without the regex call and the
 * string it builds (read four times for a page URL with a query and its referrer, every event: H214). `end` as slice
 * reads it. SCHEME_AND_HOST's scheme run takes no `:`, so its greedy run is the only one that can match; the host runs
 * to the first `/`.
 */
export function pathBefore(url: string, end: number): string {
  if (end < 0) end = Math.max(0, url.length + end);
  else if (end > url.length) end = url.length;
  let i = 0;
  if (end > 0 && isSchemeChar(url.charCodeAt(0), true)) {
    i = 1;
    while (i < end && isSchemeChar(url.charCodeAt(i), false)) i++;
    if (i + 3 <= end && url.startsWith('://', i)) {
      const slash = url.indexOf('/', i + 3);
      return slash < 0 || slash >= end ? '' : url.slice(slash, end);
    }
  }
  return url.slice(0, end);
}

/** A letter (`first`), else a letter, digit, `+`, `.` or `-`: ASCII only, as the `i` flag without `u` folds. */
function isSchemeChar(c: number, first: boolean): boolean {
  const l = c | 0x20;
  if (l >= 97 && l <= 122) return true;
  return !first && ((c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45);
}
const HEX_ESCAPE = /-([0-9A-F]{2})/g;
const UNDERSCORES = /_/g;
const ENCODED_EQUALS = /%3D/gi;
const HYPHENS = /-/g;
const DOT_OR_COLON = /[.:]/g;

// Query values and URLs that route somewhere in a shape of their own: a multi-step flow's step, a
// CMS's numbered alias, and links rewritten by mail link protection (Proofpoint URL Defense).

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The link a Proofpoint URL Defense v3 URL wraps (`https://urldefense.com/v3/__https://x/bill-pay__;!!...`), added to `out`. */
export function wrappedLink(url: string, out: string[]): void {
  const at = url.indexOf('/v3/__');
  if (at < 0) return;
  const end = url.indexOf('__;', at + 6);
  const inner = url.slice(at + 6, end < 0 ? undefined : end);
  if (SCHEME.test(inner)) out.push(inner);
}

/**
 * A procedure's billing code (`/price-estimator?cpt=70553`, `?drg=470`): a price looked up for the
 * visitor's own procedure, read as the estimate page `/estimate`.
 */
const PROCEDURE_PARAMS: ReadonlySet<string> = new Set(['cpt', 'cptcode', 'hcpcs', 'hcpcscode', 'drg', 'drgcode', 'procedurecode', 'msdrg']);
/** A multi-step flow's step (`/book?step=confirmation`): read as a segment under the page's path (`/book/confirmation`). */
const STEP_PARAMS: ReadonlySet<string> = new Set(['step', 'stage', 'phase']);
/** A cart's item (`/cart?product=finasteride-1mg`, WooCommerce's `?add-to-cart=`): read as a segment under the cart (see cartRoute). */
const ITEM_PARAMS: ReadonlySet<string> = new Set(['product', 'products', 'productid', 'productslug', 'sku', 'item', 'items', 'itemid', 'pid',
  'addtocart', 'addtobag', 'variant', 'drug', 'medication', 'medicine', 'treatment', 'rx']);
/**
 * A page's view, tab or panel (`/patients?view=lab-results`, `/account?tab=Prescriptions`, `/care?section=test-results`): read as a
 * segment under the page's path (`/patients/lab-results`), as the same value in a matrix parameter is (`/care;view=test-results`,
 * extra-readings.ts) and as a step is (blind pass 43, H222). Not a route of its own, and not on a public listing (displayRoute).
 */
const DISPLAY_PARAMS: ReadonlySet<string> = new Set(['view', 'tab', 'activetab', 'selectedtab', 'section', 'sec', 'mode', 'show', 'panel', 'pane',
  'subview', 'subsection', 'subpage', 'sub', 'area', 'display']);
/** Normalized names of the parameters valueRoute reads (TYPO3's `id` may be a page alias: `?id=bill-pay`). */
export const VALUE_ROUTE_PARAMS: ReadonlySet<string> = new Set([...PROCEDURE_PARAMS, ...STEP_PARAMS, ...ITEM_PARAMS, ...DISPLAY_PARAMS, 'id']);
// A slug of two words or more (`bill-pay`), not a number or a token.
const SLUG = /^[a-z]+(?:-[a-z]+)+$/i;

/**
 * A URL whose query is read for routes: the URL, its path before the query (pathBefore: cut once per URL, by
 * routeReadings) and the plan's public listing pages (Plan['listingPages']).
 */
export interface QueryPage {
  readonly url: string;
  readonly path: string;
  readonly listing: RegExp | undefined;
}

/** Adds the route one of VALUE_ROUTE_PARAMS (normalized `key`) with the value page.url[from, to) names, if any. */
export function valueRoute(key: string, page: QueryPage, from: number, to: number, out: string[]): boolean {
  if (PROCEDURE_PARAMS.has(key)) { out.push('/estimate'); return true; }
  if (ITEM_PARAMS.has(key)) return cartRoute(page, from, to, out);
  if (DISPLAY_PARAMS.has(key)) return displayRoute(page, from, to, out);
  if (key !== 'id') return stepRoute(page, from, to, out);
  const v = page.url.slice(from, to);
  if (!SLUG.test(v)) return false;
  out.push(`/${v}`);
  return true;
}

/**
 * Adds `<page path>/<step>` when a step parameter's value page.url[from, to) is a word (a path is read as other values are),
 * or `<page path>/step-<n>` when it is a step's number (`/hra?step=3` is `/hra/step-3`: a self-test's question). A script's or
 * page's extension is cut first and a page named in Pascal case is read as its words too (`/BookOnline.aspx?step=confirmation`
 * is `/book-online/confirmation`), as the path rules read the page alone (probe 49).
 */
function stepRoute({ url, path: before }: QueryPage, from: number, to: number, out: string[]): boolean {
  const value = url.slice(from, to);
  const step = STEP_NUMBER.test(value) ? `step-${value}` : value;
  if (!WORD.test(step)) return false;
  const script = PAGE_SCRIPT.exec(before) ?? PAGE_FILE.exec(before);
  const path = script === null ? before : script[1];
  out.push(`${path.endsWith('/') ? path : `${path}/`}${step}`);
  const page = script === null ? undefined : PASCAL_PAGE.exec(path);
  if (page) out.push(`${page[1]}${camelApart(page[2], '-').toLowerCase()}/${step}`);
  return true;
}
const STEP_NUMBER = /^[0-9]{1,2}$/;
const PAGE_FILE = /^(.*\/[^/.]+)\.(?:html?|shtml)$/i;
// The last segment of a page named in Pascal case (`/BookOnline`, `/Patients/ScheduleVisit`).
const PASCAL_PAGE = /^(.*\/)([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)$/;

/**
 * Adds `<page path>/<view>` when a display parameter's value page.url[from, to) is a word and the page is no public
 * listing; a script's extension is cut first (`/patients.aspx?view=lab-results` is `/patients/lab-results`, not a script's
 * route to `/lab-results`), and a value in Pascal case is read as its words too (`?tab=TestResults` is `<path>/test-results`).
 * A public listing is a page the rules' `listing_pages` globs name (Plan['listingPages'], compiled once: the bundled pack's
 * locations, directories, services, content, about pages, events, classes and search, and a site's own): its view, tab or
 * section filters what it lists (`/locations?section=test-results` lists the places that take lab tests,
 * `/find-a-doctor.php?view=results&tab=profile` shows a directory's result), so it names no area.
 */
function displayRoute({ url, path: before, listing }: QueryPage, from: number, to: number, out: string[]): boolean {
  const view = url.slice(from, to);
  if (!WORD.test(view)) return false;
  const script = PAGE_SCRIPT.exec(before);
  let path = script === null ? before : script[1];
  if (listing?.test(path) === true) return false;
  if (!path.endsWith('/')) path = `${path}/`;
  out.push(`${path}${view}`);
  if (view.length <= 64 && PASCAL_WORDS.test(view)) out.push(`${path}${camelApart(view, '-').toLowerCase()}`);
  return true;
}

// A cart's page (`/cart`, `/shop/basket`, `/checkout/cart`): its last segment says so.
const CART_PAGE = /\/(?:cart|carts|basket|bag|shopping-cart|shopping-bag|cart-items?)\/?$/i;
// An item's value as one segment: no `/`, query or fragment (escapes are read when the path is canonicalised).
const ITEM_VALUE = /^[^/?#&]{2,120}$/;

/**
 * Adds `<cart path>/<item>` when the page is a cart and the value url[from, to) is one item (`/cart?product=finasteride-1mg`
 * is `/cart/finasteride-1mg`): a cart that names a treatment is its order (path-verdicts.ts). Other pages' item
 * parameters are a catalogue's links and add nothing.
 */
function cartRoute({ url, path }: QueryPage, from: number, to: number, out: string[]): boolean {
  const item = url.slice(from, to);
  if (!CART_PAGE.test(path) || !ITEM_VALUE.test(item)) return false;
  out.push(`${path.endsWith('/') ? path : `${path}/`}${item}`);
  return true;
}

/**
 * A route spelled across parameters (`?controller=appointments&action=confirm`, `?page=appointments&sub=confirm`):
 * a route parameter's value, then these after it, name the page's segments in order. These do not
 * start a route: `/find-a-doctor?view=results&tab=profile` is a directory's display options.
 */
// A flow's step continues a route too (`/?section=appointments&step=confirmed` is `/appointments/confirmed`: H110).
export const SUB_ROUTE_PARAMS: ReadonlySet<string> = new Set(['sub', 'subpage', 'subview', 'subsection', 'view', 'section', 'tab', 'mode', 'do', 'op', 'method', 'step', 'stage', 'phase']);
const WORD = /^[a-z][a-z0-9_-]*$/i;

/** Adds `/<part>/<part>...` for two or more raw route values that are words (`appointments`, `confirm`). */
export function joinedRoute(parts: readonly string[], out: string[]): void {
  if (parts.length < 2) return;
  const words = parts.filter((p) => WORD.test(p));
  if (words.length >= 2) out.push(`/${words.join('/')}`);
}

// Joomla's `id=12:pay-my-bill`: the article's number, then its alias (the page's slug); Oracle APEX's
// `p=100:BILLPAY:12345`: the application's number, the page's alias, then the session.
const NUMBERED_ALIAS = /^[0-9]+:([a-z][a-z0-9_-]*)(?::.*)?$/i;

/** A numbered alias as a path (`12:pay-my-bill` is `/pay-my-bill`), else undefined. */
export function numberedAlias(value: string): string | undefined {
  const m = NUMBERED_ALIAS.exec(value);
  return m === null ? undefined : `/${m[1]}`;
}

const PROOFPOINT = /^https?-3A__/i;

/** Proofpoint's v2 rewritten link (`https-3A__host_patient-2Dportal_inbox`: `-XX` escapes, `_` for `/`) as a URL; other values as they are. */
export function proofpointUrl(v: string): string {
  if (!v.startsWith('http') || !PROOFPOINT.test(v)) return v;
  return safeDecode(v.replace(HEX_ESCAPE, '%$1').replace(UNDERSCORES, '/'));
}

// Link shorteners and click trackers carry their target base64- or base64url-encoded (`/redirect?u=aHR0cHM6Ly9…`,
// `?target=`, `?dest=`, under any parameter name): `http://` and `https://` always encode to `aHR0cDovL` and
// `aHR0cHM6Ly`, so only a value starting so is decoded, and only a decoded `http(s)://` URL of text is kept.
// H105: a bare path (`?to=L3BhdGllbnQtcG9ydGFs` for `/patient-portal`) starts `L` then `0`-`3` (a letter after the
// `/`) or `z` (a digit); it is kept when it decodes to a path of printable text, which a random token of that start
// does about once in 2,500 for 8 bytes and less the longer it is. Its `/`, `+` and `=` may come escaped.
const BASE64_URL = /^(?:aHR0c(?:HM6Ly|DovL)|L[0-3z])[A-Za-z0-9+/_-]*(?:={0,2}|(?:%3D){0,2})$/;
const DECODED_URL = /^https?:\/\/[^\s\x00-\x1f]+$/;
const DECODED_PATH = /^\/[A-Za-z0-9][\x21-\x7e]{4,}$/;
const ESCAPED_B64 = /%(?:2F|2B)/gi;

/** The URL or path a base64 or base64url value encodes (url[from, to)), or undefined. */
export function base64Url(url: string, from: number, to: number): string | undefined {
  const c = url.charCodeAt(from);
  if (c === 76 /* L */ ? to - from < 8 : !url.startsWith('aHR0c', from)) return undefined;
  let v = url.slice(from, to);
  if (v.indexOf('%') >= 0) v = v.replace(ESCAPED_B64, (e) => (e[2] === 'F' || e[2] === 'f' ? '/' : '+'));
  if (!BASE64_URL.test(v)) return undefined;
  const text = Buffer.from(v.replace(ENCODED_EQUALS, '').replace(HYPHENS, '+').replace(UNDERSCORES, '/'), 'base64').toString('utf8');
  return (c === 76 ? DECODED_PATH : DECODED_URL).test(text) ? text : undefined;
}

// Dispatcher parameters of MVC frameworks (ColdBox `?event=portal.messages`, Fusebox `?fuseaction=billing.pay`,
// Struts `Pharmacy.do?method=refill`, home-grown `?action=rx:refill`): the value names a handler and its action,
// joined by a dot, a colon or a slash, so the area is in the value wherever the script is.
export const HANDLER_PARAMS: ReadonlySet<string> = new Set(['event', 'evt', 'handler', 'fuseaction', 'action', 'method', 'do', 'op', 'cmd', 'dispatch', 'task']);
const HANDLER_STATE = /^[a-z][a-z0-9_-]*(?:[.:/][a-z][a-z0-9_-]*)+$/i;
const HANDLER_WORD = /^[a-z][a-z0-9_-]*$/i;
// A script named for its page (`/Pharmacy.do`, `/billing/Statement.cfm`): a dispatcher's action is a step under it.
const PAGE_SCRIPT = /^(.*\/[^/.]+)\.(?:php[0-9]?|aspx?|cfm|jspx?|do|action|cgi|pl)$/i;

/** A handler's name with its words split where case changes (`refillRequest` is `refill-request`). */
const handlerWords = (v: string): string => camelApart(v, '-');

/**
 * Adds the page a dispatcher parameter's value (decoded) names: a handler and action (`portal.messages`,
 * `appointments:confirm`) as segments, or one action word as a step of the script it is sent to
 * (`/Pharmacy.do?method=refill` is `/Pharmacy/refill`). True when the value was a handler's name (nothing more to
 * read in it); a word is still read as the route it may also be (`/?action=refill`). `path`: the page's path before
 * its query (pathBefore).
 */
export function handlerRoute(path: string, value: string, out: string[]): boolean {
  if (HANDLER_STATE.test(value)) { out.push(`/${handlerWords(value).replace(DOT_OR_COLON, '/')}`); return true; }
  if (!HANDLER_WORD.test(value)) return false;
  const m = PAGE_SCRIPT.exec(path);
  if (m === null) return false;
  out.push(`${m[1]}/${handlerWords(value)}`);
  return false;
}

/** A query that is a bare path or URL (CodeIgniter's `index.php?/portal/inbox`, `href.li/?https://x/`), decoded, else undefined. */
export function bareQueryRoute(url: string, from: number, to: number): string | undefined {
  const c = url.charCodeAt(from);
  if (c !== 47 && c !== 37 && c !== 104) return undefined;
  const v = safeDecode(url.slice(from, to));
  return v.charCodeAt(0) === 47 && v.charCodeAt(1) !== 47 ? v : SCHEME.test(v) ? v : undefined;
}

// A control's or view's key in Pascal case (DotNetNuke's `ctl=RefillConfirm`, `ctl=ApptConfirm`) is words run together: as a
// path its words are separated (`/refill-confirm`), as a class name's are (H188).
const PASCAL_WORDS = /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$/;

/** A route value in Pascal case as the path of its words, appended to `out`; other values add nothing. */
export function pascalRoute(value: string, out: string[]): void {
  if (value.length <= 64 && PASCAL_WORDS.test(value)) out.push(`/${camelApart(value, '-').toLowerCase()}`);
}
