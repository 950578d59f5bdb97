import { z } from 'zod';
import type { JsonObject, JsonValue } from '../common/json.js';
import { isJsonObject } from '../common/json.js';
import { bisect, chunk, collapseResults, fillResults, type BatchAttempt } from './batch.js';
import { HttpClient, HttpOptionsShape, endpointBase, classifyOutcome, parseJsonBody } from './http.js';
import type { CleanEvent, DeliveryResult, Destination, DestinationDeps, DestinationType, ItemResult, OutboundItem } from './types.js';

const ALL_ZEROS = /^0+$/;
const NOT_PROPERTY_NAME_CHARS = /[^\w.$ -]/g;

export const AmplitudeConfig = z.strictObject({
  api_key: z.string().min(1),
  /** https://api2.amplitude.com by default (EU: https://api.eu.amplitude.com). */
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  /** Amplitude rejects user/device ids shorter than this (default 5). */
  min_id_length: z.number().int().min(1).max(100).optional(),
  /** Amplitude group type a group call's groupId is filed under (Accounts add-on), `account` by default. */
  group_type: z.string().min(1).max(64).optional(),
  max_batch: z.number().int().min(1).max(1999).optional(),
  ...HttpOptionsShape,
});
export type AmplitudeConfig = z.infer<typeof AmplitudeConfig>;

// Amplitude asks for a ~30 s pause on 429 when no Retry-After is given (spec §6.2).
const THROTTLE_PAUSE_MS = 30_000;
const INDEX_FIELDS = ['events_with_invalid_fields', 'events_with_missing_fields', 'events_with_invalid_id_lengths'];

function pageProperties(e: CleanEvent): JsonObject {
  const out: JsonObject = {};
  if (e.page?.url !== undefined) out['[Amplitude] Page Location'] = e.page.url;
  if (e.page?.path !== undefined) out['[Amplitude] Page Path'] = e.page.path;
  if (e.page?.title !== undefined) out['[Amplitude] Page Title'] = e.page.title;
  if (e.page?.referrer !== undefined) out.referrer = e.page.referrer;
  return out;
}

const DEFAULT_GROUP_TYPE = 'account';

/**
 * Amplitude's own names for what Segment calls page, screen, identify and group (its SDKs send
 * them to the same HTTP V2 endpoint: `$identify` carries `user_properties.$set`, and setGroup is an
 * `$identify` with `groups` too). A group's traits follow as the SDKs' groupIdentify does it: a
 * `$groupidentify` event with `groups` and `group_properties.$set` (amplitude-payload below).
 */
function eventType(e: CleanEvent): string | undefined {
  switch (e.type) {
    case 'page': return '[Amplitude] Page Viewed';
    case 'screen': return '[Amplitude] Screen Viewed';
    case 'identify': return Object.keys(e.traits).length ? '$identify' : undefined;
    case 'group': return e.groupId !== undefined ? '$identify' : undefined;
    case 'track': return e.event;
    default: return undefined;
  }
}

function eventProperties(e: CleanEvent): JsonObject {
  if (e.type === 'page') return { ...e.properties, ...pageProperties(e) };
  if (e.type === 'screen' && e.name !== undefined) return { ...e.properties, '[Amplitude] Screen Name': e.name };
  return { ...e.properties };
}

/** The user properties and event properties an event carries (a group call sets its membership). */
function withProperties(event: JsonObject, e: CleanEvent, groupType: string): void {
  if (e.type === 'identify') event.user_properties = { $set: e.traits };
  else if (e.type === 'group' && e.groupId !== undefined) {
    event.groups = { [groupType]: e.groupId };
    event.user_properties = { $set: { [groupType]: e.groupId } };
  } else {
    event.event_properties = eventProperties(e);
    if (Object.keys(e.traits).length) event.user_properties = e.traits;
  }
}

/** The client's OS, device and app version in Amplitude's own event fields (HTTP V2 reference), when allowed. */
function clientFields(event: JsonObject, e: CleanEvent): void {
  const c = e.client;
  if (c === undefined) return;
  const pairs: [string, string | undefined][] = [['os_name', c.os?.name], ['os_version', c.os?.version], ['device_manufacturer', c.device?.manufacturer], ['device_model', c.device?.model], ['app_version', c.app?.version]];
  for (const [k, v] of pairs) if (v !== undefined) event[k] = v;
}

/** CleanEvent -> HTTP V2 event; insert_id = messageId makes retries safe for 7 days. */
export function toAmplitudeEvent(e: CleanEvent, minIdLength = 5, groupType = DEFAULT_GROUP_TYPE): JsonObject | { skip: string } {
  const name = eventType(e);
  // An identify with no trait left to set, or a group call without its group_id allowed, is as
  // inapplicable as an alias (Amplitude maps users with another API): not a dead letter.
  if (!name) return { skip: e.type === 'track' ? 'AMPLITUDE_NO_EVENT_NAME' : e.type === 'group' ? 'AMPLITUDE_GROUP_ID_NOT_ALLOWED' : 'AMPLITUDE_UNSUPPORTED_TYPE' };
  const time = Date.parse(e.timestamp);
  if (!Number.isFinite(time)) return { skip: 'AMPLITUDE_BAD_TIME' };
  const userId = e.userId !== undefined && e.userId.length >= minIdLength ? e.userId : undefined;
  const deviceId = e.visitorId !== undefined && e.visitorId.length >= minIdLength && !ALL_ZEROS.test(e.visitorId) ? e.visitorId : undefined;
  if (userId === undefined && deviceId === undefined) return { skip: 'AMPLITUDE_NO_ID' };
  const event: JsonObject = { event_type: name, time: Math.trunc(time), insert_id: e.messageId, platform: 'Web' };
  if (userId !== undefined) event.user_id = userId;
  if (deviceId !== undefined) event.device_id = deviceId;
  // Amplitude session ids are ms since epoch; ours are seconds.
  if (e.sessionId !== undefined) event.session_id = e.sessionId * 1000;
  if (e.ip !== undefined) event.ip = e.ip;
  if (e.locale !== undefined) event.language = e.locale;
  clientFields(event, e);
  withProperties(event, e, groupType);
  return event;
}

/**
 * What one event stores: its HTTP V2 event, or for a group call with traits two events, the
 * membership `$identify` and the group's `$groupidentify` (its own insert_id), sent together.
 */
export function toAmplitudePayload(e: CleanEvent, minIdLength = 5, groupType = DEFAULT_GROUP_TYPE): JsonValue | { skip: string } {
  const event = toAmplitudeEvent(e, minIdLength, groupType);
  if ('skip' in event || e.type !== 'group' || e.groupId === undefined || Object.keys(e.traits).length === 0) return event;
  const groupIdentify: JsonObject = { ...event, event_type: '$groupidentify', insert_id: `${e.messageId}-group`, group_properties: { $set: e.traits } };
  // The user's membership is the $identify's: the group update sets the group's properties only.
  delete groupIdentify.user_properties;
  return [event, groupIdentify];
}

/** The events of stored payloads, and which payload each came from. */
function flatten(items: readonly JsonValue[]): { events: JsonValue[]; owner: number[] } {
  const events: JsonValue[] = [];
  const owner: number[] = [];
  items.forEach((item, i) => {
    for (const ev of Array.isArray(item) ? item : [item]) { events.push(ev); owner.push(i); }
  });
  return { events, owner };
}

/** Indexes Amplitude names in a 400 body (events_with_* maps and silenced_events). */
function invalidIndexes(bodyText: string): Map<number, string> {
  const parsed = parseJsonBody(bodyText);
  const out = new Map<number, string>();
  if (!isJsonObject(parsed)) return out;
  for (const group of INDEX_FIELDS) {
    const byField = parsed[group];
    if (!isJsonObject(byField)) continue;
    for (const [field, idxs] of Object.entries(byField)) {
      for (const i of Array.isArray(idxs) ? idxs : []) if (typeof i === 'number') out.set(i, `${group}.${field}`.slice(0, 80));
    }
  }
  for (const i of Array.isArray(parsed.silenced_events) ? parsed.silenced_events : []) if (typeof i === 'number') out.set(i, 'silenced_events');
  return out;
}

class AmplitudeDestination implements Destination {
  readonly type = 'amplitude';
  readonly maxBatch: number;
  private readonly http: HttpClient;
  private readonly url: string;

  constructor(
    readonly name: string,
    private readonly config: AmplitudeConfig,
    private readonly deps: DestinationDeps,
  ) {
    this.maxBatch = config.max_batch ?? 1000;
    this.http = new HttpClient(config);
    this.url = `${endpointBase(config.endpoint, 'https://api2.amplitude.com')}/2/httpapi`;
  }

  map(event: CleanEvent) {
    return toAmplitudePayload(event, this.config.min_id_length, this.config.group_type);
  }

  async send(batch: readonly OutboundItem[]): Promise<DeliveryResult> {
    const results: ItemResult[] = batch.map(() => ({ kind: 'ok' }));
    for (const part of chunk(batch.map((_, i) => i), this.maxBatch)) {
      await fillResults(results, part, (indexes) => bisect(indexes.map((i) => batch[i].payload), (items) => this.attempt(items, true)));
    }
    return collapseResults(results);
  }

  /**
   * A 400 rejects the whole request but names the bad events: drop those and resend the rest
   * once right away. A 413 is about size, so the batch is halved.
   */
  private async attempt(items: JsonValue[], resend: boolean): Promise<BatchAttempt> {
    const { events, owner } = flatten(items);
    const body: JsonObject = { api_key: this.config.api_key, events };
    if (this.config.min_id_length !== undefined) body.options = { min_id_length: this.config.min_id_length };
    const outcome = await this.http.postJson(this.url, body);
    const result = classifyOutcome(outcome, { secrets: [this.config.api_key], now: this.deps.now() });
    const every = (r: ItemResult): BatchAttempt => ({ kind: 'results', results: items.map(() => r) });
    if (outcome.kind !== 'response') return every(result);
    if (outcome.status === 429 && result.kind === 'retry') return every({ ...result, delayMs: result.delayMs ?? THROTTLE_PAUSE_MS });
    if (outcome.status === 413) return { kind: 'rejected', result };
    const invalid = outcome.status === 400 ? invalidIndexes(outcome.bodyText) : new Map<number, string>();
    if (invalid.size === 0) return every(result);
    // An event named bad drops the stored payload it belongs to (both events of a group call).
    const badItems = new Map<number, string>();
    for (const [index, field] of invalid) if (owner[index] !== undefined) badItems.set(owner[index], field);
    const results: ItemResult[] = items.map((_, i) => {
      const field = badItems.get(i);
      return field === undefined
        ? { kind: 'retry', delayMs: 0, reason: 'batch rejected because of other events; resend' }
        : { kind: 'drop', code: 'AMPLITUDE_INVALID_EVENT', reason: `Amplitude rejected the event (${field.replace(NOT_PROPERTY_NAME_CHARS, '')})` };
    });
    const rest = results.flatMap((r, i) => (r.kind === 'retry' ? [i] : []));
    if (resend && rest.length) {
      const again = await this.attempt(rest.map((i) => items[i]), false);
      const againResults = again.kind === 'results' ? again.results : rest.map(() => again.result);
      rest.forEach((index, k) => (results[index] = againResults[k]));
    }
    return { kind: 'results', results };
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

export const amplitudeDestination: DestinationType<AmplitudeConfig> = {
  type: 'amplitude',
  configSchema: AmplitudeConfig,
  describe: 'Amplitude HTTP V2: [Amplitude] Page/Screen Viewed, track events, $identify for identify and group (groups), a group\'s traits as $groupidentify (group_properties), insert_id = messageId, device_id = visitorId',
  create: (config, deps) => new AmplitudeDestination(deps.name, config, deps),
};
