// Addresses of an app's screens. A deep link or universal link opens the app on the screen it names: a
// custom scheme's "host" is the route's first segment (`nbh://billing/pay` is `/billing/pay`), Branch's
// `$deeplink_path` is a route without its `/` (`portal/messages/9`). Android and iOS write a link that
// opened a page from an app as `android-app://<package>/<scheme>/<host>/<path>` and
// `ios-app://<id>/<scheme>/<host>/<path>`: the page inside is an address on the web like any other.

// Normalized property names holding the link the app was opened with: read as where the event is.
export const DEEP_LINK_NAMES: ReadonlySet<string> = new Set([
  'deeplink', 'deeplinkurl', 'deeplinkpath', 'deeplinkuri', 'deeplinkroute', 'applink', 'applinkurl', 'universallink', 'universallinkurl',
  'referringlink', 'openedurl', 'launchurl', 'launchlink', 'dynamiclink', 'dynamiclinkurl', 'nonbranchlink', 'canonicalidentifier',
  // iOS's universal link (NSUserActivity's `webpageURL`), Android's intent data, AppsFlyer's deep link value (`lab-results`).
  'webpageurl', 'intentdata', 'intenturi', 'incomingurl', 'deeplinkvalue',
  // Jetpack Navigation's destination as a string (`nav_destination: "results/{id}"`); as an object see app-routes.ts.
  'navdestination', 'currentdestination', 'currentnavdestination', 'destinationroute',
]);

const APP_PAGE = /^(?:android-app|ios-app):\/\/[^/]+\/([a-z][a-z0-9+.-]*)\/([^/?#]+)(\/[^#]*)?/i;
const CUSTOM_SCHEME = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^#]*)/i;
const WEB_SCHEME = /^(?:https?|ftp|file|about|data|blob|javascript|mailto)$/i;
const ROUTE = /^[a-z0-9][\w.~-]*(?:\/[^\s]*)?$/i;

/** The web address inside an `android-app://` or `ios-app://` link (`https://host/path`), or undefined. */
export function webPageInAppLink(v: string): string | undefined {
  const m = v.length > 12 ? APP_PAGE.exec(v) : null;
  return m === null ? undefined : `${m[1]}://${m[2]}${m[3] ?? '/'}`;
}

/**
 * Where a referrer or a page the visitor came from really is: a deep link that opened the app (`nbh://billing/pay`,
 * React Native's `initialURL`, what an SDK puts in `context.referrer.url`) is the app's own screen, a path; any
 * other address stays as it is.
 */
export function openedScreen(r: string): string {
  const m = r.length > 4 && r.indexOf('://') > 0 ? CUSTOM_SCHEME.exec(r) : null;
  return m === null || WEB_SCHEME.test(m[1] as string) ? r : deepLinkPath(r) ?? r;
}

/** A deep link's screen as a path (`nbh://billing/pay` is `/billing/pay`; `portal/inbox` is `/portal/inbox`), or undefined. */
export function deepLinkPath(v: string): string | undefined {
  const t = v.trim();
  if (t.length < 2) return undefined;
  const inApp = webPageInAppLink(t);
  if (inApp !== undefined) return inApp;
  const m = CUSTOM_SCHEME.exec(t);
  if (m !== null) return WEB_SCHEME.test(m[1]) ? t : `/${m[2]}${m[3]}`;
  if (t.charCodeAt(0) === 47) return t;
  return ROUTE.test(t) ? `/${t}` : undefined;
}

/**
 * A page whose address is an app's deep link (`nbh://locations/downtown`, sent as the URL by app SDKs) and that
 * names no path is on the link's screen: its path is the screen's (`/locations/downtown`), read and grouped like
 * a web page's (the deep link itself is not a web address and is not sent on).
 */
export function withAppScreen<P extends { readonly path?: string; readonly url?: string }>(page: P): P {
  const url = page.url;
  if (page.path !== undefined || url === undefined || url.indexOf('://') < 0) return page;
  const m = CUSTOM_SCHEME.exec(url.trim());
  if (m === null || WEB_SCHEME.test(m[1]) || APP_SCHEME.test(m[1])) return page;
  const path = deepLinkPath(url);
  return path === undefined || path.charCodeAt(0) !== 47 ? page : { ...page, path };
}
const APP_SCHEME = /^(?:android-app|ios-app)$/i;

// An Android intent link names the app's screen and, in `S.browser_fallback_url`, the web page that opens without the
// app (`intent://open#Intent;scheme=nbh;package=org.example;S.browser_fallback_url=https%3A%2F%2F…%2Fportal;end`):
// both are where the link leads.
const INTENT_FALLBACK = /;S\.browser_fallback_url=([^;#]+)/i;
const INTENT_SCHEME = /^intent:/i;

/** The web page an intent link falls back to, percent-decoded, or undefined (none, or not decodable: nothing to read). */
export function intentFallback(v: string): string | undefined {
  if (!INTENT_SCHEME.test(v)) return undefined;
  const m = INTENT_FALLBACK.exec(v);
  if (m === null) return undefined;
  try {
    return decodeURIComponent(m[1] as string);
  } catch (e) {
    // A malformed escape leaves no address to read; the link itself is still read by deepLinkPath and sent sanitized.
    if (e instanceof URIError) return undefined;
    throw e;
  }
}

/** A deep link's screen and its intent's fallback page (deepLinkPath, intentFallback), appended to `out`. */
export function deepLinkReadings(v: string, out: string[] | undefined): string[] | undefined {
  const at = deepLinkPath(v);
  if (at !== undefined) (out ??= []).push(at);
  const fallback = intentFallback(v);
  if (fallback !== undefined) (out ??= []).push(fallback);
  return out;
}

// An install referrer is a query alone (`utm_source=google-play&utm_campaign=portal-signup`): no page, read as the
// query of the site's root (its routes, `next=%2Fbilling`, still are), not as a path named by its words.
const QUERY_ALONE = /^[A-Za-z_][\w.-]{0,40}(?:=|%3D)/i;

/** A referrer as an address: a deep link as its screen (openedScreen), a query alone as the root's query. */
export function referrerAddress(r: string): string {
  return r.indexOf('/') < 0 && r.indexOf(':') < 0 && QUERY_ALONE.test(r) ? `/?${r}` : openedScreen(r);
}
