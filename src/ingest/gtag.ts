import { randomUUID } from 'node:crypto';
import { consentOf, itemsOf, mergeParams, prefixed } from './gtag-params.js';

// GA4 protocol v2 hits, as gtag.js sends them to `<server_container_url>/g/collect`: parameters
// shared by all events in the query string, one event per body line (each line itself a URL-encoded
// parameter string that overrides the query). The protocol is undocumented; see
// shared/specs/destinations.md §2. Hits are untrusted data: this never throws, unknown parameters
// are ignored, and only what is listed below is copied.

/** GA4's own cap on events per request; a request with more lines is refused (none is dropped silently). */
export const MAX_GTAG_EVENTS = 25;

export interface GtagEvents {
  /** `tid` (G-XXXX): which site the hit belongs to. */
  measurementId?: string;
  events: Record<string, unknown>[];
  /** Body lines beyond MAX_GTAG_EVENTS (gtag.js never sends them): the route refuses such a request. */
  excess?: number;
}

export function gtagToEvents(query: URLSearchParams, bodyText: string): GtagEvents {
  try {
    const all = String(bodyText ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    const lines = all.slice(0, MAX_GTAG_EVENTS);
    const hits = lines.length ? lines.map((l) => mergeParams(query, new URLSearchParams(l))) : [mergeParams(query)];
    const events: Record<string, unknown>[] = [];
    for (const hit of hits) {
      const ev = hitToEvent(hit);
      if (ev) events.push(ev);
    }
    const measurementId = query.get('tid') ?? hits.map((h) => h.get('tid')).find((t) => t !== undefined);
    return { measurementId: measurementId || undefined, events, ...(all.length > lines.length && { excess: all.length - lines.length }) };
  } catch {
    // Only a bug could get here (the parsing above is total); a hit is never worth a 500.
    return { events: [] };
  }
}

/**
 * One hit's parameters -> a Segment-shaped event, or undefined without an event name (`en`).
 * page_view becomes a `page` (named after `dt`), anything else a `track` named `en`.
 */
function hitToEvent(p: Map<string, string>): Record<string, unknown> | undefined {
  const en = p.get('en');
  if (!en) return undefined;
  const isPage = en === 'page_view';
  const properties: Record<string, unknown> = prefixed(p, 'ep.', 'epn.');
  const sid = Number(p.get('sid'));
  if (p.has('sid') && Number.isFinite(sid)) properties.session_id = sid;
  // GA4 items (`pr1`…): read like Segment's `products` (an item's category can block the event).
  const items = itemsOf(p);
  if (items) properties.items = items;
  const traits = prefixed(p, 'up.', 'upn.');
  const page = pageOf(p);
  const event: Record<string, unknown> = {
    type: isPage ? 'page' : 'track',
    ...(isPage ? (page.title !== undefined && { name: page.title }) : { event: en }),
    messageId: randomUUID(),
    ...(p.get('uid') && { userId: p.get('uid') }),
    ...(p.get('cid') && { anonymousId: p.get('cid') }),
    properties,
    ...(Object.keys(traits).length > 0 && { traits }),
    context: contextOf(p, page),
  };
  return event;
}

interface PageContext { url?: string; path?: string; search?: string; referrer?: string; title?: string }

/** dl -> url (and its path and query), dp -> path, dr -> referrer, dt -> title. */
function pageOf(p: Map<string, string>): PageContext {
  const page: PageContext = {};
  const dl = p.get('dl');
  if (dl) {
    page.url = dl;
    try {
      const u = new URL(dl);
      page.path = u.pathname;
      page.search = u.search;
    } catch {
      // Not an absolute URL: the url is kept as sent; path/search stay unknown.
    }
  }
  // `dp` (document path, Universal Analytics' override of the location's path) names the page
  // where it is sent: it is the path the page rules read.
  const dp = p.get('dp');
  if (dp) page.path = dp;
  if (p.get('dr')) page.referrer = p.get('dr');
  if (p.has('dt')) page.title = p.get('dt');
  return page;
}

/** ul -> locale, _uip/uip -> ip (the server decides whether to trust it), gcs/gcd -> consent. */
function contextOf(p: Map<string, string>, page: PageContext): Record<string, unknown> {
  const context: Record<string, unknown> = { page, library: { name: 'gtag.js', version: p.get('v') ?? '2' } };
  const ul = p.get('ul');
  if (ul) context.locale = ul;
  const ip = p.get('_uip') || p.get('uip');
  if (ip) context.ip = ip;
  const consent = consentOf(p);
  if (consent) context.consent = consent;
  return context;
}
