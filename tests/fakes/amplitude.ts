// Amplitude HTTP V2 fake (destinations spec §6.2): 400 bodies address bad events by index
// (events_with_invalid_fields / events_with_missing_fields / events_with_invalid_id_lengths)
// and reject the whole request; 413 over 1 MB; the 400 for a bad key echoes the key, as
// vendors sometimes do, so tests can check it never reaches a reason.
import { FakeServer, isObject, type FakeReply } from './http-fake.js';

export interface AmplitudeFakeOptions {
  apiKey?: string;
}

type IndexMap = Record<string, number[]>;

function add(map: IndexMap, field: string, index: number): void {
  (map[field] ??= []).push(index);
}

interface Verdict {
  missing: IndexMap;
  invalid: IndexMap;
  idLengths: IndexMap;
}

function checkEvents(events: unknown[], minIdLength: number): Verdict {
  const v: Verdict = { missing: {}, invalid: {}, idLengths: {} };
  events.forEach((e, i) => {
    if (!isObject(e)) return add(v.invalid, 'event', i);
    if (typeof e.event_type !== 'string' || e.event_type === '') add(v.missing, 'event_type', i);
    if (e.user_id === undefined && e.device_id === undefined) add(v.missing, 'user_id', i);
    for (const k of ['user_id', 'device_id']) if (typeof e[k] === 'string' && (e[k] as string).length < minIdLength) add(v.idLengths, k, i);
    if (typeof e.device_id === 'string' && /^0+$/.test(e.device_id.replace(/-/g, ''))) add(v.invalid, 'device_id', i);
    if (e.time !== undefined && (typeof e.time !== 'number' || !Number.isInteger(e.time))) add(v.invalid, 'time', i);
  });
  return v;
}

export function startAmplitudeFake(options: AmplitudeFakeOptions = {}): Promise<FakeServer> {
  return FakeServer.start((req): FakeReply => {
    if (req.method !== 'POST' || req.path !== '/2/httpapi') return { status: 404, body: { code: 404, error: 'not found' } };
    const reject = (status: number, body: Record<string, unknown>): FakeReply => {
      req.errors.push(`* ${status} ${String(body.error)}`);
      return { status, body: { code: status, ...body } };
    };
    if (Buffer.byteLength(req.raw) >= 1024 * 1024) return reject(413, { error: 'Payload too large' });
    const body = req.json;
    if (!isObject(body)) return reject(400, { error: 'Invalid JSON request body' });
    if (typeof body.api_key !== 'string' || body.api_key === '') return reject(400, { error: 'Request missing required field', missing_field: 'api_key' });
    if (options.apiKey && body.api_key !== options.apiKey) return reject(400, { error: `Invalid API key: ${body.api_key}` });
    const events = body.events;
    if (!Array.isArray(events) || events.length === 0) return reject(400, { error: 'Request missing required field', missing_field: 'events' });
    if (events.length >= 2000) return reject(400, { error: 'Too many events in request' });
    const minIdLength = isObject(body.options) && typeof body.options.min_id_length === 'number' ? body.options.min_id_length : 5;
    const v = checkEvents(events, minIdLength);
    const bad = [v.missing, v.invalid, v.idLengths].flatMap((m) => Object.entries(m).map(([f, idx]) => `${f}@${idx.join(',')}`));
    if (bad.length) {
      req.errors.push(...bad);
      return { status: 400, body: { code: 400, error: 'Invalid field values on some events', events_with_missing_fields: v.missing, events_with_invalid_fields: v.invalid, events_with_invalid_id_lengths: v.idLengths } };
    }
    return { status: 200, body: { code: 200, events_ingested: events.length, payload_size_bytes: req.raw.length, server_upload_time: Date.now() } };
  });
}

export function ingestedAmplitudeEvents(fake: FakeServer): Record<string, unknown>[] {
  return fake
    .handled('/2/httpapi')
    .filter((r) => r.errors.length === 0 && isObject(r.json) && Array.isArray(r.json.events))
    .flatMap((r) => ((r.json as { events: unknown[] }).events).filter(isObject));
}
