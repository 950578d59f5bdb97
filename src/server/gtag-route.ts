import type { Context } from 'hono';
import { PhiwallError } from '../errors.js';
import { gtagToEvents } from '../ingest/gtag.js';
import type { Runtime } from '../runtime.js';
import type { JsonValue } from '../common/json.js';
import { parseSegmentBody } from '../ingest/segment.js';
import { checkOrigin, enrich, type AppEnv } from './ingest.js';
import { readBoundedText } from './json-body.js';

/** GA4 protocol v2 hits from gtag.js (`transport_url` pointed here): same pipeline as Segment events. */
export async function handleGtag(c: Context<AppEnv>, runtime: Runtime): Promise<Response> {
  const body = c.req.method === 'POST' ? await readBoundedText(c, runtime.plan.limits.bodyBytes) : '';
  const query = new URL(c.req.url).searchParams;
  const { measurementId, events } = gtagToEvents(query, body);
  const site = runtime.plan.sites.find((s) => measurementId !== undefined && s.measurementIds.has(measurementId)) ?? runtime.site(query.get('writeKey') ?? undefined);
  if (!site) throw new PhiwallError('PW_ERR_UNAUTHORIZED');
  checkOrigin(c, site);
  const lim = runtime.plan.limits;
  const { events: list } = parseSegmentBody({ batch: events as JsonValue[] }, 'batch', { depth: lim.depth, keys: lim.keys, eventBytes: lim.eventBytes });
  enrich(c, list, site);
  if (list.length) await runtime.ingest(list, site);
  return c.body(null, 204);
}
