import type { Context } from 'hono';
import { PhiwallError } from '../errors.js';
import { gtagToEvents, MAX_GTAG_EVENTS } from '../ingest/gtag.js';
import type { Runtime } from '../runtime.js';
import type { JsonValue } from '../common/json.js';
import { parseSegmentBody } from '../ingest/segment.js';
import { checkOrigin, enrich, noEvents, type AppEnv } from './ingest.js';
import { readBoundedText } from './json-body.js';
import { percentEscapesAreUtf8 } from '../common/well-formed.js';

/** GA4 protocol v2 hits from gtag.js (`transport_url` pointed here): same pipeline as Segment events. */
export async function handleGtag(c: Context<AppEnv>, runtime: Runtime): Promise<Response> {
  // hono answers HEAD with the GET handler: a HEAD (a link checker, a probe) must record nothing.
  if (c.req.method === 'HEAD') { c.header('Allow', 'GET, POST'); throw new PhiwallError('PW_ERR_METHOD_NOT_ALLOWED'); }
  const body = c.req.method === 'POST' ? await readBoundedText(c, runtime.plan.limits.bodyBytes) : '';
  const url = new URL(c.req.url);
  // Escapes that are not UTF-8 would be read as U+FFFD (a Latin-1 `Jos%E9` as `Jos\uFFFD`): refused.
  if (!percentEscapesAreUtf8(url.search) || !percentEscapesAreUtf8(body)) throw new PhiwallError('PW_ERR_BAD_CHARSET', { what: 'a percent-encoded parameter', charset: 'utf-8' });
  const query = url.searchParams;
  const { measurementId, events, excess } = gtagToEvents(query, body);
  if (excess) throw new PhiwallError('PW_ERR_INVALID_EVENT', { detail: `at most ${MAX_GTAG_EVENTS} hits per request` });
  const site = runtime.plan.sites.find((s) => measurementId !== undefined && s.measurementIds.has(measurementId)) ?? runtime.site(query.get('writeKey') ?? undefined);
  if (!site) throw new PhiwallError('PW_ERR_UNAUTHORIZED');
  checkOrigin(c, site);
  const lim = runtime.plan.limits;
  const { events: list, rejected } = parseSegmentBody({ batch: events as JsonValue[] }, 'batch', { depth: lim.depth, keys: lim.keys, eventBytes: lim.eventBytes });
  for (const r of rejected) runtime.metrics.rejected.inc({ reason: r.code });
  // A hit without an event name, or whose events all broke a limit, is refused, not silently dropped.
  if (list.length === 0) return noEvents(c, rejected);
  enrich(c, list, site);
  const summary = await runtime.ingest(list, site);
  // 204 is what gtag.js expects; with rejected hits the answer says which ones.
  return rejected.length ? c.json({ success: true, ...summary, rejected }, 200) : c.body(null, 204);
}
