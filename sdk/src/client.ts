// The queue, consent state and the public calls. Events wait in memory (never in storage) until a
// flush: 10 events, 2 s, page hide, or consent being granted. State is module-level: one page, one client.
// Events are Segment-shaped and carry only what the page itself shows: no user agent, screen or
// other device traits (the collector sees the UA header and generalizes it).

import { cookieId, randomId } from './ids.js';
import type { Options } from './options.js';
import { here, isBlockedPath } from './paths.js';
import { post, type Ev } from './transport.js';

export interface Consent { analytics?: boolean; ads?: boolean }

const obj = (v: unknown): Ev => (typeof v == 'object' && v ? (v as Ev) : {});

let o: Options;
// Global Privacy Control is a legal opt-out of sale/sharing: it always denies ads.
const gpc = !!(navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl;
let queue: Ev[] = [];
let timer: unknown;
let userId: string | undefined;
let anonymousId: string | undefined;
let cur = '';
let ref = document.referrer;
// true: send; undefined: hold until phiwall('consent'); false: drop.
let analytics: boolean | undefined;
// Shared by every queued event and serialized at send time, when analytics is necessarily granted,
// so each event carries the consent in force when it left the page.
const granted = { analytics: true, ads: false };

declare const __VERSION__: string;

export function start(options: Options): void {
  o = options;
  analytics = !o.requireConsent || undefined;
  granted.ads = !!analytics && !gpc;
}

/** A URL of this page's site (or a path) on a blocked path; stripping our origin leaves a path only for same-site URLs, others never match. */
const blocked = (url: string): boolean => isBlockedPath(url.replace(location.origin, ''), o.blockedPaths);

/** Same-site referrers on a blocked path would leak that path: they are sent as empty. */
function makeEvent(fields: Ev): Ev {
  // No `search`: the query string is in the url already, and one copy is one less to scrub.
  const page = { path: location.pathname, url: here(), referrer: blocked(ref) ? '' : ref, title: document.title };
  const context = { page, locale: navigator.language, consent: granted, library: { name: 'phiwall.js', version: __VERSION__ } };
  // No context.gpc flag: GPC is already in consent.ads, and browsers with the signal also send the
  // Sec-GPC header, which the collector reads itself.
  return Object.assign({ messageId: randomId(), timestamp: new Date().toISOString(), userId, context }, fields);
}

// Without a write key events are still sent: the collector's 401 makes the mistake visible.
function enqueue(fields: Ev): void {
  if (analytics == false || blocked(here())) return;
  // At most 100 events are held while consent is pending; beyond that the oldest go first.
  if (queue.push(makeEvent(fields)) > 100) queue.shift();
  if (queue.length > 9) flush();
  timer = timer || setTimeout(() => flush((timer = 0)), 2000);
}

export function flush(beacon?: unknown): void {
  if (!analytics || !queue.length) return;
  if (o.cookie) anonymousId = anonymousId || cookieId();
  for (const e of queue) e.anonymousId = anonymousId;
  post(o.host + '/v1/batch', queue, o.writeKey as string, beacon);
  queue = [];
}

export function page(name?: unknown, props?: unknown): void {
  const href = here();
  // In a single-page app the previous route is the referrer of the next one.
  if (cur && href != cur) ref = cur;
  cur = href;
  enqueue({ type: 'page', name: typeof name == 'string' ? name : undefined, properties: obj(typeof name == 'object' ? name : props) });
}

function identify(id?: unknown, traits?: unknown): void {
  if (typeof id == 'string') userId = id;
  enqueue({ type: 'identify', traits: obj(typeof id == 'object' ? id : traits) });
}

function consent(c: unknown): void {
  const next = obj(c) as Consent;
  if (next.analytics != null) analytics = !!next.analytics;
  if (next.ads != null) granted.ads = !!next.ads && !gpc;
  if (analytics) return flush();
  if (analytics == false) {
    queue = [];
    anonymousId = undefined;
    // Also a cookie set on an earlier page: the id must not outlive withdrawn consent.
    if (o.cookie) cookieId(true);
  }
}

/** The methods reachable through phiwall('<name>', ...). */
export const methods: Record<string, (...args: unknown[]) => unknown> = {
  page,
  identify,
  consent,
  // A track without a name is passed on: the collector rejects it with a counted reason.
  track: (event, props) => enqueue({ type: 'track', event, properties: obj(props) }),
  init: (x) => Object.assign(o, x),
};
