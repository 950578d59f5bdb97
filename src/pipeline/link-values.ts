import type { JsonObject, JsonValue } from '../common/json.js';
import { intentFallback, openedScreen } from './app-links.js';
import { canonicalPath } from '../rules/canonical-path.js';
import { CHANGE_VALUES, LABEL_RANK, VALUE_RANK } from '../rules/pair-names.js';
import type { Plan } from '../rules/plan.js';
import { hostBlock, hostPathBlock, pathVerdict } from './path-verdicts.js';
import { letterAtAnyCase, letterMask } from '../common/char-gates.js';

const HTTP_URL_PREFIX = /^https?:\/\//i;

// A file's extension ending the path (a query of its own may follow; no fragment), of a path or an http(s) URL.
const DOCUMENT_FILE = /^(?:\/|https?:\/\/)[^?#]*\/[^/?#]+\.(?:pdf|docx?|xlsx?|pptx?|csv|rtf|odt|ods|txt|zip|ics|epub)(?:\?[^#]*)?$/i;

/**
 * A document's address under `href` or `url` (a download: `href: "/documents/visitor-guide.docx"`) is the link's, not
 * the page's: analytics runs on pages, not inside a PDF. page-properties.ts reads it as a link (dropped when it leads
 * to a blocked page) and the url rule sends it (sanitize_url).
 */
export function documentLink(key: string, v: JsonValue | undefined): v is string {
  return (key === 'href' || key === 'url') && typeof v === 'string' && v.length <= 2048 && mayNameFile(v) && DOCUMENT_FILE.test(v);
}

/**
 * DOCUMENT_FILE's necessary condition, without the regex: no `#` anywhere, and a dot after the last `/` of the part
 * before any `?` (the extension's). Most page URLs (`https://host/services/cardiology`) fail it, as each event's
 * `url` property did the regex twice (page-properties.ts).
 */
function mayNameFile(v: string): boolean {
  if (v.indexOf('#') >= 0) return false;
  const q = v.indexOf('?');
  const end = q < 0 ? v.length : q;
  const dot = v.lastIndexOf('.', end - 1);
  return dot > 0 && v.lastIndexOf('/', end - 1) < dot - 1;
}

// A media element's source as a string (`poster`, `player_src`) is an address too, sent as the url rule sends one
// (rule-exceptions.ts mediaSource): page-properties.ts drops it when it leads to a blocked page, like a link.
const MEDIA_KEY = /(?:src|poster|img)$/i;
// MEDIA_KEY's last letters.
const MEDIA_KEY_LAST = letterMask('crg');

/** Whether a top-level property's key names a media element's source (see above). */
export function mediaKey(key: string): boolean {
  return letterAtAnyCase(key, key.length - 1, MEDIA_KEY_LAST) && MEDIA_KEY.test(key);
}

/** Whether a value is a path (`/x`) or an http(s) URL. */
export function isPathOrUrl(v: JsonValue | undefined): v is string {
  if (typeof v !== 'string' || v.length < 2) return false;
  const c = v.charCodeAt(0);
  return c === 47 || ((c === 104 || c === 72) && HTTP_URL_PREFIX.test(v));
}

/** Whether a value is a path or http(s) URL of a blocked page or host (one memoized verdict per path). */
export function linksToBlocked(v: JsonValue | undefined, plan: Plan, host: (u: string | undefined) => string | undefined): boolean {
  // A link into the app (`nbh://billing/pay`, a push notification's `ab_uri`) leads to the screen it names; an intent
  // link also to its fallback page.
  if (typeof v === 'string' && v.indexOf('://') > 0 && !isPathOrUrl(v)) {
    const fallback = intentFallback(v);
    if (fallback !== undefined && linksToBlocked(fallback, plan, host)) return true;
    v = openedScreen(v);
  }
  if (!isPathOrUrl(v)) return false;
  if (v.charCodeAt(0) !== 47) {
    const h = host(v);
    if (h !== undefined && (hostBlock(h, plan) !== null || hostPathBlock(h, v, plan) !== null)) return true;
  }
  return pathVerdict(canonicalPath(v, plan.localePrefixes), plan).blocked !== null;
}

/** Whether a nested key holds a link; and whether a value is a link to a blocked page or host. */
export interface LinkTests {
  linkKey(key: string): boolean;
  blocked(v: JsonValue | undefined): boolean;
}

/**
 * A value with every nested link to a blocked page or host left out (`items[].url`, `link: {url}`,
 * `nav.sections[].links[].href`), seven containers deep and 50 items an array; the same value when it has none.
 * A top-level link to such a page is not sent (page-properties.ts): one a level down is the same
 * link, and its path carries the portal's or the record's own ids (`/test-results/lab/55012`), of
 * which sanitize_url's `:id` leaves the area readable. The rest of the object (its id, its label) stays.
 */
export function withoutBlockedLinks(v: JsonValue, t: LinkTests, depth = 0): JsonValue {
  if (depth > 6 || typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    let copy: JsonValue[] | undefined;
    const n = Math.min(v.length, 50);
    for (let i = 0; i < n; i++) {
      const x = withoutBlockedLinks(v[i], t, depth + 1);
      if (x !== v[i]) (copy ??= v.slice())[i] = x;
    }
    return copy ?? v;
  }
  const keys = Object.keys(v);
  let out: JsonObject | undefined;
  let label = false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const x = v[k];
    const drop = typeof x === 'string' && t.linkKey(k) && t.blocked(x);
    if (drop && LABEL_RANK.has(k)) label = true;
    const y = drop || typeof x !== 'object' || x === null ? x : withoutBlockedLinks(x, t, depth + 1);
    if (out === undefined && !drop && y === x) continue;
    // A fresh object rather than a copy with keys deleted (deleting turns it into a slow map).
    if (out === undefined) { out = {}; for (let j = 0; j < i; j++) put(out, keys[j], v[keys[j]]); }
    if (!drop) put(out, k, y);
  }
  return label && out !== undefined ? withoutPairValues(out) : out ?? v;
}

/**
 * A pair whose label was such a link (a JSON Patch `{op, path: "/patient/name/family", value}`, a metric
 * `{path, value}`): without its label nothing would say what the value is, so it goes too (scrub-tree's scrubPair).
 */
function withoutPairValues(o: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(o)) if (!VALUE_RANK.has(k) && !CHANGE_VALUES.has(k)) put(out, k, o[k]);
  return out;
}

/** Defined, not assigned: an own `__proto__` key stays a key. */
function put(o: JsonObject, k: string, v: JsonValue): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}
/**
 * A mailto/tel/sms address under a page key (`{href: "mailto:…", text: "Jane Doe"}`, a click on a contact link)
 * is the link's, not the page's: it stays with the properties, where the detectors read it and its text beside
 * it is read as whom it reaches (link-text.ts).
 */
export function contactLink(v: JsonValue | undefined): boolean {
  return typeof v === 'string' && v.length > 4 && letterAtAnyCase(v, 0, CONTACT_FIRST) && CONTACT_LINK.test(v);
}
const CONTACT_LINK = /^(?:mailto|tel|sms|callto|facetime|imessage):/i;
// CONTACT_LINK's first letters: a URL, a path or most words skip it.
const CONTACT_FIRST = letterMask('mtscfi');
