// The micro-benches' server-shaped pool (scrub.mjs and plan-instructions.mjs): the corpus as the
// single-event bench sends it and the server hands it to the plan, not as the corpus file holds it.
import { BENCH_AUTH } from '../config.mjs';
import { freshRequest, singleRequests } from '../workload.mjs';

const ROUTES = { '/v1/t': 'track', '/v1/p': 'page', '/v1/i': 'identify' };

/**
 * `count` events built from `bench/workload.mjs`'s single-event requests: each with a messageId
 * never sent before and one of its 2,000 visitors' anonymousIds, parsed by the server's ingest
 * (`engine.parseSegmentBody`, the route's type written into the event) and enriched as
 * src/server/ingest.ts does (a copy of `context` with the client's ip). Read in turn, like
 * unseenEvents: the plan sees a new messageId every event and a visitor again every 2,000.
 */
export function serverEvents(engine, plan, corpus, count) {
  const { depth, keys, eventBytes } = plan.limits;
  const reqs = singleRequests(corpus, BENCH_AUTH);
  const out = [];
  for (let i = 0; out.length < count; i++) {
    const req = freshRequest(reqs[i % reqs.length]);
    const body = JSON.parse(req.body);
    const route = ROUTES[req.path];
    // An engine saved before parseSegmentBody was exported: the route's type, as the ingest writes it.
    const events = engine.parseSegmentBody ? engine.parseSegmentBody(body, route, { depth, keys, eventBytes }).events : [{ ...body, type: route }];
    for (const ev of events) {
      const context = typeof ev.context === 'object' && ev.context !== null && !Array.isArray(ev.context) ? { ...ev.context } : {};
      context.ip = '127.0.0.1';
      ev.context = context;
      out.push(ev);
    }
  }
  return out;
}
