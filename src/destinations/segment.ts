import { z } from 'zod';
import type { JsonObject, JsonValue } from '../common/json.js';
import { bisect, collapseResults, fillResults, type BatchAttempt } from './batch.js';
import { HttpClient, HttpOptionsShape, endpointBase, basicAuth, classifyOutcome } from './http.js';
import type { CleanEvent, DeliveryResult, Destination, DestinationDeps, DestinationType, ItemResult, OutboundItem } from './types.js';


export const SegmentConfig = z.strictObject({
  write_key: z.string().min(1),
  /** https://api.segment.io by default (EU: https://events.eu1.segmentapis.com; RudderStack: the data plane URL). */
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  max_batch: z.number().int().min(1).max(2500).optional(),
  ...HttpOptionsShape,
});
export type SegmentConfig = z.infer<typeof SegmentConfig>;

// Segment HTTP API limits (spec §5.1): 32 KB per event, 500 KB per batch; keep headroom for the envelope.
const MAX_EVENT_BYTES = 32 * 1024;
const MAX_BATCH_BYTES = 500 * 1024 - 4 * 1024;

function segmentContext(e: CleanEvent): JsonObject {
  const context: JsonObject = {};
  if (e.page !== undefined) context.page = { ...e.page };
  if (e.campaign !== undefined) context.campaign = { ...e.campaign };
  if (e.ip !== undefined) context.ip = e.ip;
  if (e.userAgent !== undefined) context.userAgent = e.userAgent;
  if (e.locale !== undefined) context.locale = e.locale;
  if (e.consent !== undefined) context.consent = { categoryPreferences: { ...e.consent } };
  // Segment's own context fields for the client (spec common fields): timezone, os, app, device, network, screen, library.
  const c = e.client;
  if (c?.timezone !== undefined) context.timezone = c.timezone;
  for (const key of ['os', 'app', 'device', 'network', 'screen', 'library'] as const) if (c?.[key] !== undefined) context[key] = { ...c[key] };
  return context;
}

/**
 * Who sent the call: userId and anonymousId as Segment reads them. An alias names the id it
 * moves to as its userId (Segment requires one): the raw userId, else this visitor's token.
 */
function senders(e: CleanEvent): { userId?: string; anonymousId?: string } {
  if (e.type === 'alias') return { userId: e.userId ?? e.visitorId, anonymousId: e.anonymousId };
  return { userId: e.userId, anonymousId: e.anonymousId ?? e.visitorId };
}

/** The call-specific fields: event, name, traits or properties, groupId, previousId. */
function callFields(e: CleanEvent, msg: JsonObject): void {
  if (e.type === 'track' && e.event !== undefined) msg.event = e.event;
  if ((e.type === 'page' || e.type === 'screen') && e.name !== undefined) msg.name = e.name;
  if (e.type === 'group' && e.groupId !== undefined) msg.groupId = e.groupId;
  if (e.type === 'alias' && e.previousId !== undefined) msg.previousId = e.previousId;
  if (e.type === 'identify' || e.type === 'group') msg.traits = e.traits;
  else if (e.type !== 'alias') msg.properties = e.properties;
}

/** CleanEvent -> a Segment message (for BAA-covered CDPs). messageId is Segment's dedupe key. */
export function toSegmentMessage(e: CleanEvent): JsonObject | { skip: string } {
  if (e.type === 'track' && !e.event) return { skip: 'SEGMENT_NO_EVENT_NAME' };
  // Segment requires groupId on a group call and previousId on an alias (spec §5.1).
  if (e.type === 'group' && e.groupId === undefined) return { skip: 'SEGMENT_GROUP_ID_NOT_ALLOWED' };
  if (e.type === 'alias' && e.previousId === undefined) return { skip: 'SEGMENT_PREVIOUS_ID_NOT_ALLOWED' };
  const { userId, anonymousId } = senders(e);
  if (userId === undefined && anonymousId === undefined) return { skip: 'SEGMENT_NO_USER_ANON_ID' };
  const msg: JsonObject = { type: e.type, messageId: e.messageId, timestamp: e.timestamp };
  if (userId !== undefined) msg.userId = userId;
  if (anonymousId !== undefined) msg.anonymousId = anonymousId;
  callFields(e, msg);
  msg.context = segmentContext(e);
  if (Buffer.byteLength(JSON.stringify(msg)) > MAX_EVENT_BYTES) return { skip: 'SEGMENT_EVENT_TOO_LARGE' };
  return msg;
}

/** Consecutive runs of indexes within the count and byte limits of one /v1/batch call. */
function batchRuns(payloads: readonly JsonValue[], maxCount: number): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  let bytes = 0;
  payloads.forEach((p, i) => {
    const size = Buffer.byteLength(JSON.stringify(p)) + 1;
    if (run.length > 0 && (run.length >= maxCount || bytes + size > MAX_BATCH_BYTES)) {
      runs.push(run);
      run = [];
      bytes = 0;
    }
    run.push(i);
    bytes += size;
  });
  if (run.length) runs.push(run);
  return runs;
}

class SegmentDestination implements Destination {
  readonly type = 'segment';
  readonly maxBatch: number;
  private readonly http: HttpClient;
  private readonly url: string;
  private readonly auth: string;

  constructor(
    readonly name: string,
    private readonly config: SegmentConfig,
    private readonly deps: DestinationDeps,
  ) {
    this.maxBatch = config.max_batch ?? 500;
    this.http = new HttpClient(config);
    this.url = `${endpointBase(config.endpoint, 'https://api.segment.io')}/v1/batch`;
    this.auth = basicAuth(config.write_key);
  }

  map(event: CleanEvent) {
    return toSegmentMessage(event);
  }

  async send(batch: readonly OutboundItem[]): Promise<DeliveryResult> {
    const results: ItemResult[] = batch.map(() => ({ kind: 'ok' }));
    for (const run of batchRuns(batch.map((item) => item.payload), this.maxBatch)) {
      await fillResults(results, run, (indexes) => bisect(indexes.map((i) => batch[i].payload), (items) => this.attempt(items)));
    }
    return collapseResults(results);
  }

  /** Segment answers 200 for nearly everything; a 400 is about size or JSON, so halving can isolate it. */
  private async attempt(items: JsonValue[]): Promise<BatchAttempt> {
    const body = { batch: items, sentAt: new Date(this.deps.now()).toISOString() };
    const outcome = await this.http.postJson(this.url, body, { authorization: this.auth });
    const result = classifyOutcome(outcome, { secrets: [this.config.write_key, this.auth], now: this.deps.now() });
    if (result.kind === 'drop' && outcome.kind === 'response' && outcome.status === 400) return { kind: 'rejected', result };
    return { kind: 'results', results: items.map(() => result) };
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

export const segmentDestination: DestinationType<SegmentConfig> = {
  type: 'segment',
  configSchema: SegmentConfig,
  describe: 'Segment HTTP API /v1/batch (also RudderStack): track/page/screen/identify/group/alias, messageId kept; for BAA-covered CDPs',
  create: (config, deps) => new SegmentDestination(deps.name, config, deps),
};
