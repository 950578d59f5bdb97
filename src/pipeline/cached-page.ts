import type { JsonObject } from '../common/json.js';
import { safeDecode } from '../rules/canonical-path.js';
import type { EventInfo } from './analyze.js';

const WHITESPACE = /\s/;
const LEADING_SLASHES = /^\/+/;
const HYPHENS = /-/g;
const DANGLING_QUERY_SEPARATORS = /[?&]+(?=#|$)/;

// A search engine's cached copy of a page (`https://webcache.googleusercontent.com/search?q=cache:<id>:<url>+<words>`)
// is that page: the cache's own path (`/search`, read as the site's search results) says nothing about it. The page
// is read as the URL inside, and its path and URL stand for the page's (a `path`/`url` among the properties too,
// when they are the cache's). Any other page is left as it is; only URLs on a cache's host take the slow path.
const CACHE_HOST = /^https?:\/\/(?:webcache\.googleusercontent\.com|cc\.bingj\.com|[a-z0-9-]+\.yandexwebcache\.net)\//i;
const CACHED = /[?&](?:q=cache(?::|%3A)|url=|u=)([^&#]+)/i;
// Google's `<id>:` before the URL (not a scheme's `:` before `//`), and the search words after a `+` or space.
const CACHE_ID = /^[A-Za-z0-9_-]{4,32}:(?!\/\/)/;
const SCHEME = /^https?:\/\//i;

/** The page a cache URL holds, or undefined. */
export function cachedUrl(url: string | undefined): string | undefined {
  if (url === undefined || !CACHE_HOST.test(url)) return undefined;
  const m = CACHED.exec(url);
  if (m === null) return undefined;
  let inner = safeDecode(m[1].split('+')[0]).trim().split(WHITESPACE)[0].replace(CACHE_ID, '');
  // No scheme (`cache:host/path`): most sites answer on https.
  if (!SCHEME.test(inner)) inner = `https://${inner.replace(LEADING_SLASHES, '')}`;
  try {
    return new URL(inner).href;
  } catch {
    return undefined;
  }
}

/** The event's page and properties with a search engine's cached copy or an AMP cache's page read as the page it holds. */
export function outOfCache(page: EventInfo['page'], props: JsonObject): { page: EventInfo['page']; props: JsonObject } {
  // The properties' URL is usually the page's own: read once.
  const inner = servedPage(page.url) ?? (typeof props.url === 'string' && props.url !== page.url ? servedPage(props.url) : undefined);
  if (inner === undefined) return { page, props };
  const path = new URL(inner).pathname;
  const cacheUrl = (v: unknown): boolean => typeof v === 'string' && servedPage(v) !== undefined;
  // The properties' path is the cache's when their URL is (or the page's path was reported beside a cache URL).
  const ownProps = { ...props, ...(cacheUrl(props.url) ? { url: inner } : {}), ...(typeof props.path === 'string' && props.path === page.path ? { path } : {}) };
  return { page: { ...page, url: inner, path }, props: ownProps };
}

// An AMP cache serves the site's page at `https://<x>.cdn.ampproject.org/c/s/<host>/<path>` (`/v/s/` the viewer,
// `/c/<host>/` over http; Bing's at `<x>.bing-amp.com`), Google's AMP viewer at `https://www.google.<tld>/amp/s/<host>/…`.
const AMP_PAGE = /^https?:\/\/(?:[a-z0-9-]+\.(?:cdn\.ampproject\.org|bing-amp\.com)\/[cvi]|www\.google\.[a-z.]+\/amp)\/(s\/)?([a-z0-9.-]+\.[a-z]{2,})(\/[^#]*)?/i;

/**
 * The page a search engine's cached copy or an AMP cache or viewer serves (H105: an AMP page's URL
 * `https://<x>.cdn.ampproject.org/c/s/<host>/<path>` went on with its host segment as `:id`, the host
 * being a web address to the detectors; it is the site's page, as analytics reports it). Only URLs
 * that name `amp` past the scheme are matched against the AMP shapes.
 */
function servedPage(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const translated = translatedPage(url);
  if (translated !== undefined) return translated;
  if (url.indexOf('amp', 8) < 0) return cachedUrl(url);
  const inner = proxiedPage(url);
  return inner !== undefined && URL.canParse(inner) ? inner : undefined;
}

/** The site's page that an AMP cache or viewer URL, or a search engine's cached copy, serves; undefined for others. */
export function proxiedPage(url: string): string | undefined {
  const translated = translatedPage(url);
  if (translated !== undefined) return translated;
  const m = url.length > 30 ? AMP_PAGE.exec(url) : null;
  if (m !== null) return `${m[1] ? 'https' : 'http'}://${m[2]}${m[3] ?? '/'}`;
  return cachedUrl(url);
}

// Google Translate's proxy serves the site's page translated (how visitors of a language-access program often read a
// site without its own translation) at `https://<host>.translate.goog/<path>?_x_tr_sl=en&_x_tr_tl=vi`, the host's `-`
// written `--` and its `.` written `-` (`www-northbay--health-example.translate.goog` is `www.northbay-health.example`).
const TRANSLATE_PAGE = /^https?:\/\/([a-z0-9-]+)\.translate\.goog(?=[/?#]|$)/i;
// The proxy's own parameters (`_x_tr_sl`, `_x_tr_tl`, `_x_tr_hl`, `_x_tr_pto`), no part of the site's page.
const TRANSLATE_PARAMS = /([?&])_x_tr_[a-z]+=[^&#]*&?/gi;

/** The site's page Google Translate's proxy serves at `url`, or undefined for any other URL. */
function translatedPage(url: string): string | undefined {
  if (url.indexOf('.translate.goog', 8) < 0) return undefined;
  const m = TRANSLATE_PAGE.exec(url);
  if (m === null) return undefined;
  const host = m[1].toLowerCase().split('--').map((part) => part.replace(HYPHENS, '.')).join('-');
  const rest = url.slice(m[0].length).replace(TRANSLATE_PARAMS, '$1').replace(DANGLING_QUERY_SEPARATORS, '');
  const inner = `https://${host}${rest.startsWith('/') ? rest : `/${rest}`}`;
  return URL.canParse(inner) ? inner : undefined;
}
