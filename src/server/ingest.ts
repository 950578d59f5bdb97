import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { PhiwallError } from '../errors.js';
import { parseSegmentBody, routeType, type Rejection } from '../ingest/segment.js';
import type { SitePlan } from '../rules/plan.js';
import type { Runtime } from '../runtime.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { REFERER_KEY } from '../pipeline/page-readings.js';
import { clientIp } from './client-ip.js';
import { readBoundedJson } from './json-body.js';
import { corsHeaders, originAllowed } from './cors.js';

export type AppEnv = { Bindings: HttpBindings };

/** Reads the body within the plan's byte limit and parses it as JSON. */
export async function readJsonBody(c: Context<AppEnv>, limit: number): Promise<JsonValue> {
  const type = (c.req.header('content-type') ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/plain' && type !== '') throw new PhiwallError('PW_ERR_UNSUPPORTED_MEDIA');
  return readBoundedJson(c, limit);
}

/** The write key an `Authorization: Basic` header carries (its username; the password is empty), if any. */
export function basicWriteKey(auth: string | undefined): string | undefined {
  if (!auth?.toLowerCase().startsWith('basic ')) return undefined;
  return Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8').split(':')[0] || undefined;
}

/** Write key from HTTP Basic (username, empty password), then the body, then `?writeKey=`. */
export function writeKeyOf(c: Context<AppEnv>, body: JsonValue): string | undefined {
  const user = basicWriteKey(c.req.header('authorization'));
  if (user) return user;
  if (isJsonObject(body) && typeof body.writeKey === 'string') return body.writeKey;
  return c.req.query('writeKey') ?? undefined;
}

export function resolveSite(c: Context<AppEnv>, runtime: Runtime, key: string | undefined): SitePlan {
  const site = runtime.site(key);
  if (!site) throw new PhiwallError('PW_ERR_UNAUTHORIZED');
  checkOrigin(c, site);
  return site;
}

/** A browser Origin must be one the site allows; it is then echoed for CORS. */
export function checkOrigin(c: Context<AppEnv>, site: SitePlan): void {
  const origin = c.req.header('origin');
  if (!origin) return;
  if (!originAllowed(origin, site)) throw new PhiwallError('PW_ERR_FORBIDDEN', { detail: 'origin not allowed for this site' });
  for (const [k, v] of Object.entries(corsHeaders(origin))) c.header(k, v);
}

/**
 * A request header as Node parsed it (lower-case name; repeated headers joined with ', ', as
 * the Fetch API does, except those HTTP says occur once, user-agent among them: the first).
 * c.req.header() does the same work again through a Fetch-style Headers view: read that way,
 * these four headers were 2-2.6% of a worker's busy CPU in the single-event bench, 0.3-0.6% now.
 * Without Node's request (hono's app.request() in tests) it falls back to c.req.header().
 */
function nodeHeader(c: Context<AppEnv>, name: string): string | undefined {
  const headers = c.env?.incoming?.headers;
  if (!headers) return c.req.header(name);
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Server-side facts the browser cannot be trusted with: the client IP and user agent. Also where the
 * request came from: a browser's `Referer` names the page that sent it (a `fetch` or beacon with only
 * an event name, from the portal), read as one more location of the event (`context.$referer`, checked
 * against the blocked pages and hosts like the page itself, never forwarded). It has its own key because a
 * client's `context.location` (a mobile library's `{city, country}`, `null`, a public `href`) must not
 * switch the check off.
 */
export function enrich(c: Context<AppEnv>, events: JsonObject[], site: SitePlan): void {
  const ip = clientIp(c.env?.incoming?.socket?.remoteAddress, { xff: nodeHeader(c, 'x-forwarded-for'), forwarded: nodeHeader(c, 'forwarded') }, site);
  const ua = nodeHeader(c, 'user-agent');
  const gpc = nodeHeader(c, 'sec-gpc') === '1';
  const referer = nodeHeader(c, 'referer');
  for (const ev of events) {
    const context: JsonObject = isJsonObject(ev.context) ? { ...ev.context } : {};
    if (referer) context[REFERER_KEY] = referer; else delete context[REFERER_KEY];
    if (!(site.backend && typeof context.ip === 'string')) {
      if (ip) context.ip = ip; else delete context.ip;
    }
    if (typeof context.userAgent !== 'string' && ua) context.userAgent = ua;
    if (gpc) context.gpc = true;
    ev.context = context;
  }
}

export async function handleSegment(c: Context<AppEnv>, runtime: Runtime, kind: string): Promise<Response> {
  const route = routeType(kind);
  // The path segment is not echoed: it is client text like any other.
  if (!route) throw new PhiwallError('PW_ERR_NOT_FOUND', { detail: '/v1/<kind>' });
  const limits = runtime.plan.limits;
  const body = await readJsonBody(c, limits.bodyBytes);
  const site = resolveSite(c, runtime, writeKeyOf(c, body));
  const { events, rejected } = parseSegmentBody(body, route, { depth: limits.depth, keys: limits.keys, eventBytes: limits.eventBytes });
  for (const r of rejected) runtime.metrics.rejected.inc({ reason: r.code });
  if (events.length === 0) return noEvents(c, rejected);
  enrich(c, events, site);
  const summary = await runtime.ingest(events, site);
  return c.json({ success: true, ...summary, ...(rejected.length ? { rejected } : {}) }, 200);
}

/** No valid event: 413 when every one was too large, else 400; the rejections say why. */
export function noEvents(c: Context<AppEnv>, rejected: readonly Rejection[]): Response {
  const status = rejected.length > 0 && rejected.every((r) => r.code === 'PW_ERR_EVENT_TOO_LARGE') ? 413 : 400;
  return c.json({ success: false, error: { code: 'PW_ERR_NO_EVENTS', message: 'no valid event in the request' }, rejected }, status);
}
