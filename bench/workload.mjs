// Request mixes built from the labelled corpus (tests/fixtures/corpus/events.jsonl): clean
// pages, form leads with identifiers, identify calls, URL leaks, condition pages and 1 in 8
// on a blocked path. Timestamps are dropped so the server stamps them (the corpus dates would
// otherwise age out at GA4's 72 h limit).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROUTE = { track: '/v1/t', page: '/v1/p', identify: '/v1/i' };
export const BATCH_SIZE = 20;
/**
 * Traffic comes from many browsers, not one: the corpus has a single anonymousId, which would let
 * GA4 delivery pack 25 events into every POST (one client_id per request) and every pseudonymous
 * id lookup hit its cache. Requests are spread over VISITORS visitors (autocannon cycles through
 * the list, so visitors come back, as in a session); a /v1/batch request is one browser's queue,
 * so its 20 events share one visitor.
 */
export const VISITORS = 2000;
const PASSES = 4;
const visitorId = (n) => `bench-visitor-${n % VISITORS}`;
/** The corpus events PASSES times over, with the visitor of request `i` in the repeated list. */
function spread(events) {
  const out = [];
  for (let pass = 0; pass < PASSES; pass++) for (const ev of events) out.push(ev);
  return out;
}

export function loadCorpus(root) {
  const lines = readFileSync(join(root, 'tests/fixtures/corpus/events.jsonl'), 'utf8').split('\n').filter(Boolean);
  return lines.map((l) => {
    const ev = JSON.parse(l).body.batch[0];
    delete ev.timestamp;
    return ev;
  });
}

/**
 * Every request sent carries messageIds never sent before, as browsers' do: phiwall takes a copy of an
 * event it already took (same site, sender and messageId within 24 h) as a retry and answers it
 * without scrubbing or spooling it again, so cycling through a fixed list would measure duplicates.
 * The ids are UUID-shaped like analytics.js's: the request's sequence number, then the event's index.
 */
const SEQ = '@@SEQ@@';
let sequence = 0;
const nextSeq = () => (sequence++ % 0x1_0000_0000).toString(16).padStart(8, '0');
const withIds = (ev, index) => ({ ...ev, messageId: `${SEQ}-${index.toString(16).padStart(4, '0')}-4000-8000-000000000000` });

/** The request to send now: its body with fresh ids (autocannon's `setupRequest`; paced.mjs calls it too). */
export function freshRequest(req) {
  if (req.bodyParts) req.body = req.bodyParts.join(nextSeq());
  return req;
}

const json = (path, body, headers) => {
  const text = JSON.stringify(body);
  return { method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body: text, bodyParts: text.split(SEQ), setupRequest: freshRequest };
};

/** One event per request on the type's shorthand route (/v1/t, /v1/p, /v1/i). */
export function singleRequests(events, auth) {
  return spread(events).map((ev, i) => json(ROUTE[ev.type] ?? '/v1/t', { ...withIds(ev, 0), anonymousId: visitorId(i) }, { authorization: auth }));
}

/** 20 consecutive corpus events per /v1/batch request. */
export function batchRequests(events, auth) {
  const out = [];
  const all = spread(events);
  for (let i = 0; i + BATCH_SIZE <= all.length; i += BATCH_SIZE) {
    const anonymousId = visitorId(i / BATCH_SIZE);
    out.push(json('/v1/batch', { batch: all.slice(i, i + BATCH_SIZE).map((ev, k) => ({ ...withIds(ev, k), anonymousId })) }, { authorization: auth }));
  }
  return out;
}

/** GA4 protocol v2 hits: page and track events as gtag.js would send them (one event per hit). */
export function gtagRequests(events, measurementId) {
  const out = [];
  for (const ev of spread(events)) {
    if (ev.type !== 'page' && ev.type !== 'track') continue;
    const page = ev.context?.page ?? {};
    const cid = `${1_000_000_000 + (out.length % VISITORS)}.1732300000`;
    const q = new URLSearchParams({ v: '2', tid: measurementId, cid, sid: '1732300100', ul: 'en-us', gcs: 'G111' });
    if (page.url) q.set('dl', page.url);
    if (page.title) q.set('dt', page.title);
    if (ev.userId) q.set('uid', String(ev.userId));
    q.set('en', ev.type === 'page' ? 'page_view' : String(ev.event).toLowerCase().replace(/\W+/g, '_'));
    for (const [k, v] of Object.entries(ev.properties ?? {})) {
      if (typeof v === 'string') q.set(`ep.${k}`, v);
      else if (typeof v === 'number') q.set(`epn.${k}`, String(v));
    }
    out.push({ method: 'POST', path: `/g/collect?${q}`, headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': ev.context?.userAgent ?? 'bench' }, body: '' });
  }
  return out;
}

export function eventsPerRequest(scenario) {
  return scenario === 'batch' ? BATCH_SIZE : 1;
}
