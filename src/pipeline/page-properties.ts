import type { JsonObject, JsonValue } from '../common/json.js';
import { canonicalPath } from '../rules/canonical-path.js';
import { normalizeFieldName } from '../rules/field-name.js';
import type { Plan } from '../rules/plan.js';
import { pageNamePath } from './page-readings.js';
import { pathVerdict } from './path-verdicts.js';

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
const PAGE_FIELDS: ReadonlySet<string> = new Set(['path', 'url', 'referrer', 'title', 'search', 'href', 'name']);
const PAGE_NAMES: ReadonlySet<string> = new Set(['pagename', 'screenname', 'virtualpage', 'virtualpageview', 'virtualpagepath', 'virtualurl', 'vpv', 'vpname']);
/** Parts of normalized key names that hold a link or a place to go. */
const LINK_PARTS = ['url', 'uri', 'href', 'link', 'dest', 'target', 'outbound', 'redirect', 'path', 'location', 'goto', 'next', 'return', 'continue', 'route'];

// Property names repeat across events: their kind is remembered (bounded), one lookup a key.
const kinds = new Map<string, number>();

function kindOf(key: string): number {
  let kind = kinds.get(key);
  if (kind === undefined) {
    const norm = normalizeFieldName(key);
    kind = PAGE_FIELDS.has(key) ? PAGE_FIELD : PAGE_NAMES.has(norm) ? PAGE_NAME : LINK_PARTS.some((p) => norm.includes(p)) ? LINK : NONE;
    if (kinds.size >= 10_000) kinds.clear();
    kinds.set(key, kind);
  }
  return kind;
}

type HostOf = (u: string | undefined) => string | undefined;

// Page names found by the latest pageProperties call (see takePageNames): one array per event
// only when there are any, and no result object per event.
let found: string[] | undefined;

/** The properties without page fields and links to blocked pages (the same object when none). */
export function pageProperties(props: JsonObject, plan: Plan, host: HostOf): JsonObject {
  const keys = Object.keys(props);
  let strip = false;
  found = undefined;
  for (const k of keys) {
    const kind = kindOf(k);
    if (kind === NONE) continue;
    if (kind === PAGE_FIELD) { strip = true; continue; }
    const v = props[k];
    if (kind === PAGE_NAME) { if (typeof v === 'string' && v.length > 0) (found ??= []).push(pageNamePath(v)); }
    else if (!strip && linksToBlocked(v, plan, host)) strip = true;
  }
  return strip ? without(props, keys, plan, host) : props;
}

/** The page names (read as paths) of the properties pageProperties just read, if any. */
export function takePageNames(): string[] | undefined {
  const names = found;
  found = undefined;
  return names;
}

/** A fresh object rather than a copy with keys deleted (deleting turns it into a slow map). */
function without(props: JsonObject, keys: readonly string[], plan: Plan, host: HostOf): JsonObject {
  const copy: JsonObject = {};
  for (const k of keys) {
    const kind = kindOf(k);
    if (kind === PAGE_FIELD || (kind === LINK && linksToBlocked(props[k], plan, host))) continue;
    // Defined, not assigned: an own `__proto__` key must stay a key, as a spread copy keeps it.
    if (k === '__proto__') Object.defineProperty(copy, k, { value: props[k], enumerable: true, writable: true, configurable: true });
    else copy[k] = props[k];
  }
  return copy;
}

/** Whether a value is a path or http(s) URL of a blocked page or host (one memoized verdict per path). */
function linksToBlocked(v: JsonValue | undefined, plan: Plan, host: HostOf): boolean {
  if (typeof v !== 'string' || v.length < 2) return false;
  const c = v.charCodeAt(0);
  if (c !== 47 && !(c === 104 && (v.startsWith('http://') || v.startsWith('https://')))) return false;
  if (c === 104) {
    const h = host(v);
    if (h !== undefined && plan.blockedHosts.some((b) => b.re.test(h))) return true;
  }
  return pathVerdict(canonicalPath(v, plan.localePrefixes), plan).blocked !== null;
}
