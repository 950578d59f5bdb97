import { randomUUID } from 'node:crypto';
import { PhiwallError } from '../errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { checkShape, type ShapeLimits } from './limits.js';
import { EventShape, isPlainValidEvent } from './event-shape.js';
import { epochAsIso, TIME_FIELDS } from './epoch-time.js';
import { notABatch, notAnObject } from './foreign-bodies.js';

export type SegmentType = 'track' | 'page' | 'identify' | 'screen' | 'group' | 'alias';

// Segment HTTP Tracking API: route suffix -> event type. A Map, not an object literal: a route
// named after an Object.prototype member (`/v1/constructor`, `/v1/__proto__`) must not resolve.
const ROUTE_TYPES: ReadonlyMap<string, SegmentType | 'batch'> = new Map(Object.entries({
  batch: 'batch', b: 'batch', import: 'batch',
  track: 'track', t: 'track', page: 'page', p: 'page', identify: 'identify', i: 'identify',
  screen: 'screen', s: 'screen', group: 'group', g: 'group', alias: 'alias', a: 'alias',
} as const));

/** The event type a `/v1/<kind>` route stands for, or undefined for an unknown route. */
export const routeType = (kind: string): SegmentType | 'batch' | undefined => ROUTE_TYPES.get(kind);

/**
 * Past this many invalid events a request is garbage, not a batch with a bad event: it is refused
 * as a whole. Each rejection costs a schema error (500 KB of `{}` took 1.2 s and answered 9.7 MB).
 */
export const MAX_REJECTED = 100;

export interface Rejection {
  index: number;
  code: string;
  message: string;
}

export interface ParsedEvents {
  events: JsonObject[];
  rejected: Rejection[];
}

/**
 * Splits a request body into events, validating each on its own (one bad event never sinks a
 * batch). `route`: what the request is by its route (`/v1/batch`, `/v1/track`, …), or `event`:
 * one event typed by its own body (`track` if it has none), as the dry runs read a line or a body.
 */
export function parseSegmentBody(body: JsonValue, route: SegmentType | 'batch' | 'event', limits: ShapeLimits & { eventBytes: number }): ParsedEvents {
  if (!isJsonObject(body)) throw new PhiwallError('PW_ERR_INVALID_EVENT', { detail: notAnObject(body) });
  let raw: JsonValue[];
  if (route === 'batch') {
    if (!Array.isArray(body.batch)) throw new PhiwallError('PW_ERR_INVALID_EVENT', { detail: notABatch(body) });
    raw = body.batch;
  } else if (route === 'event') raw = [{ ...body, type: body.type ?? 'track' }];
  // The route is authoritative, as on Segment's HTTP API (a call to /v1/track is a track, whatever
  // its body says): a body `type` naming another kind must not turn a /v1/t call into an identify
  // or alias and so take a path an operator allowed for tracks only. The event is then validated
  // as the route's type (a track without `event` is refused, naming the field). A `type` that is an
  // object or array is no kind at all but hostile structure: the body is judged as sent (refused).
  else raw = [typeof body.type === 'object' && body.type !== null ? body : { ...body, type: route }];
  const shared = route === 'batch' ? sharedContext(body.context, limits) : undefined;
  const events: JsonObject[] = [];
  const rejected: Rejection[] = [];
  for (const [index, candidate] of raw.entries()) {
    // Merged before validation: the limits and forbidden keys apply to the event as it goes on.
    const merged = shared && isJsonObject(candidate) && (candidate.context === undefined || isJsonObject(candidate.context))
      ? { ...candidate, context: { ...shared, ...(candidate.context ?? {}) } } : candidate;
    const problem = validateEvent(merged, limits);
    if (problem) {
      if (rejected.length === MAX_REJECTED) throw new PhiwallError('PW_ERR_INVALID_EVENT', { detail: `more than ${MAX_REJECTED} invalid events in one request` });
      rejected.push({ index, ...problem });
      continue;
    }
    const ev = merged as JsonObject;
    if (typeof ev.messageId !== 'string') ev.messageId = randomUUID();
    // An epoch time goes on as the ISO text every later reader (and the spool) expects.
    for (const k of TIME_FIELDS) {
      const v = ev[k];
      if (typeof v === 'number' || typeof v === 'string') ev[k] = epochAsIso(v);
    }
    events.push(ev);
  }
  return { events, rejected };
}

/**
 * A batch-level `context` (Segment merges it into every event). Checked once against the event
 * limits before it is copied into each event, so one big or hostile context cannot be multiplied.
 */
function sharedContext(context: JsonValue | undefined, limits: ShapeLimits & { eventBytes: number }): JsonObject | undefined {
  if (context === undefined || context === null) return undefined;
  if (!isJsonObject(context)) throw new PhiwallError('PW_ERR_INVALID_EVENT', { detail: 'batch context must be an object' });
  const shape = checkShape(context, { depth: limits.depth - 1, keys: limits.keys, bytes: limits.eventBytes });
  if (!shape) return context;
  throw new PhiwallError(shape.code, shape.code === 'PW_ERR_FORBIDDEN_KEY' ? { path: `context.${shape.path}` } : { limit: shape.code === 'PW_ERR_TOO_DEEP' ? limits.depth : shape.limit });
}

function validateEvent(candidate: JsonValue, limits: ShapeLimits & { eventBytes: number }): { code: string; message: string } | undefined {
  if (!isJsonObject(candidate)) return { code: 'PW_ERR_INVALID_EVENT', message: 'event must be an object' };
  const shape = checkShape(candidate, { depth: limits.depth, keys: limits.keys, bytes: limits.eventBytes });
  if (shape) {
    const err = new PhiwallError(shape.code, shape.code === 'PW_ERR_FORBIDDEN_KEY' ? { path: shape.path } : { limit: shape.limit });
    return { code: err.code, message: err.message };
  }
  if (isPlainValidEvent(candidate)) return undefined;
  const parsed = EventShape.safeParse(candidate);
  if (!parsed.success) {
    // zod messages name fields and expectations; values are not echoed.
    const first = parsed.error.issues[0];
    return { code: 'PW_ERR_INVALID_EVENT', message: `invalid event: ${first.path.join('.') || 'event'}: ${first.code === 'invalid_value' ? 'unsupported value' : first.message}` };
  }
  return undefined;
}
