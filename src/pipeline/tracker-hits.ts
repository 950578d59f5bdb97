import { safeDecode } from '../rules/canonical-path.js';

// Another tracker's hit relayed whole as a property: a server forwarding a Snowplow GET (`e=pv&tv=js-3.17.0&url=…`),
// a Matomo bulk request (`?idsite=1&rec=1&url=…`), an Adobe Analytics beacon (`/b/ss/rsid/1/JS-2.22.0/s1?AQB=1&g=…`) or
// a Google Analytics collect hit (`v=2&tid=G-…&dl=…`). The hit names the page it was sent from in its own parameter:
// the event happened there, so that page is read like the event's own (a hit from a blocked page is a blocked page's
// event), not like a link on it.

/** The parameter naming the hit's page, per tracker, and a parameter only that tracker's hits carry. */
const TRACKERS: readonly { readonly marker: RegExp; readonly page: string }[] = [
  // Matomo and Piwik PRO: `idsite` with `rec`, `url` the page.
  { marker: /(?:^|[?&])idsite=[^&]/, page: 'url' },
  // Snowplow: the tracker version `tv` and the event type `e`, `url` the page.
  { marker: /(?:^|[?&])tv=[^&]/, page: 'url' },
  // Adobe Analytics: the beacon's `AQB` opening mark or its `/b/ss/` path, `g` the page.
  { marker: /(?:^|[?&])AQB=|\/b\/ss\//, page: 'g' },
  // Google Analytics (Universal and GA4 Measurement Protocol): the property's `tid`, `dl` the page.
  { marker: /(?:^|[?&])tid=(?:UA|G|AW|DC)-/i, page: 'dl' },
];
const MAX_PARAMS = 64;

/** The page a tracker's hit in `s` was sent from (a URL or path as it names it), or undefined when `s` is no hit. */
export function trackerHitPage(s: string): string | undefined {
  if (s.length < 12 || s.indexOf('=') < 0 || s.indexOf('&') < 0) return undefined;
  const tracker = TRACKERS.find((t) => t.marker.test(s));
  if (tracker === undefined) return undefined;
  const q = s.indexOf('?');
  const params = (q >= 0 ? s.slice(q + 1) : s).split('&', MAX_PARAMS);
  const prefix = `${tracker.page}=`;
  for (const p of params) {
    if (!p.startsWith(prefix)) continue;
    const page = safeDecode(p.slice(prefix.length).replace(PLUS, ' ')).trim();
    return page.length > 1 ? page : undefined;
  }
  return undefined;
}
const PLUS = /\+/g;
