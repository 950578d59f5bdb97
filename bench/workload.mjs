// Request mixes built from the labelled corpus (tests/fixtures/corpus/events.jsonl): clean
// pages, form leads with identifiers, identify calls, URL leaks, condition pages and 1 in 8
// on a blocked path. Timestamps are dropped so the server stamps them (the corpus dates would
// otherwise age out at GA4's 72 h limit).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROUTE = { track: '/v1/t', page: '/v1/p', identify: '/v1/i' };
export const BATCH_SIZE = 20;

export function loadCorpus(root) {
  const lines = readFileSync(join(root, 'tests/fixtures/corpus/events.jsonl'), 'utf8').split('\n').filter(Boolean);
  return lines.map((l) => {
    const ev = JSON.parse(l).body.batch[0];
    delete ev.timestamp;
    return ev;
  });
}

const json = (path, body, headers) => ({ method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** One event per request on the type's shorthand route (/v1/t, /v1/p, /v1/i). */
export function singleRequests(events, auth) {
  return events.map((ev) => json(ROUTE[ev.type] ?? '/v1/t', ev, { authorization: auth }));
}

/** 20 consecutive corpus events per /v1/batch request. */
export function batchRequests(events, auth) {
  const out = [];
  for (let i = 0; i + BATCH_SIZE <= events.length; i += BATCH_SIZE) out.push(json('/v1/batch', { batch: events.slice(i, i + BATCH_SIZE) }, { authorization: auth }));
  return out;
}

/** GA4 protocol v2 hits: page and track events as gtag.js would send them (one event per hit). */
export function gtagRequests(events, measurementId) {
  const out = [];
  for (const ev of events) {
    if (ev.type !== 'page' && ev.type !== 'track') continue;
    const page = ev.context?.page ?? {};
    const q = new URLSearchParams({ v: '2', tid: measurementId, cid: '1849362211.1732300000', sid: '1732300100', ul: 'en-us', gcs: 'G111' });
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
