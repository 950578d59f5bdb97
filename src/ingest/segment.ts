import { randomUUID } from 'node:crypto';
import { PhiwallError } from '../errors.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { checkShape, type ShapeLimits } from './limits.js';
import { EventShape, isPlainValidEvent } from './event-shape.js';

// Segment HTTP Tracking API: route suffix -> event type.
export const ROUTE_TYPES: Readonly<Record<string, SegmentType | 'batch'>> = {
  batch: 'batch', b: 'batch', import: 'batch',
  track: 'track', t: 'track', page: 'page', p: 'page', identify: 'identify', i: 'identify',
  screen: 'screen', s: 'screen', group: 'group', g: 'group', alias: 'alias', a: 'alias',
};
export type SegmentType = 'track' | 'page' | 'identify' | 'screen' | 'group' | 'alias';

export interface Rejection {
  index: number;
  code: string;
  message: string;
}

export interface ParsedEvents {
  events: JsonObject[];
  rejected: Rejection[];
}

/** Splits a request body into events, validating each on its own (one bad event never sinks a batch). */
export function parseSegmentBody(body: JsonValue, route: SegmentType | 'batch', limits: ShapeLimits & { eventBytes: number }): ParsedEvents {
  if (!isJsonObject(body)) throw new PhiwallError('PW_ERR_INVALID_EVENT', { detail: 'body must be a JSON object' });
  let raw: JsonValue[];
  if (route === 'batch') {
    if (!Array.isArray(body.batch)) throw new PhiwallError('PW_ERR_INVALID_EVENT', { detail: 'batch must be an array' });
    raw = body.batch;
  } else raw = [{ ...body, type: body.type ?? route }];
  const shared = isJsonObject(body.context) && route === 'batch' ? body.context : undefined;
  const events: JsonObject[] = [];
  const rejected: Rejection[] = [];
  raw.forEach((candidate, index) => {
    const problem = validateEvent(candidate, limits);
    if (problem) { rejected.push({ index, ...problem }); return; }
    const ev = candidate as JsonObject;
    if (shared) ev.context = { ...shared, ...(isJsonObject(ev.context) ? ev.context : {}) };
    if (typeof ev.messageId !== 'string') ev.messageId = randomUUID();
    events.push(ev);
  });
  return { events, rejected };
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
