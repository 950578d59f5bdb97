import { z } from 'zod';
import type { JsonValue } from '../common/json.js';
import { isJsonObject } from '../common/json.js';
import { collapseResults, fillResults } from './batch.js';
import { buildRequests, ga4BodyJson, type Ga4Entry, type Ga4Request } from './ga4-body.js';
import { GA4_MAX_AGE_MS, isGa4Payload, toGa4Payload } from './ga4-payload.js';
import { HttpClient, HttpOptionsShape, endpointBase, classifyOutcome, parseJsonBody } from './http.js';
import { scrubVendorText } from './scrub.js';
import type { CleanEvent, DeliveryResult, Destination, DestinationDeps, DestinationType, ItemResult, OutboundItem } from './types.js';

const EVENTS_INDEX_PATH = /^events\[(\d+)\]/;
const INDEX_IN_MESSAGE = /index: \[(\d+)\]/;

export const Ga4Config = z.strictObject({
  measurement_id: z.string().regex(/^G-[A-Z0-9]+$/i),
  api_secret: z.string().min(1),
  /** https://www.google-analytics.com by default; https://region1.google-analytics.com for EU. */
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  /** Check every request against /debug/mp/collect first and drop what GA would discard. */
  validate: z.boolean().optional(),
  max_batch: z.number().int().min(1).max(1000).optional(),
  ...HttpOptionsShape,
});
export type Ga4Config = z.infer<typeof Ga4Config>;

export interface Ga4ValidationMessage {
  fieldPath: string;
  description: string;
  validationCode: string;
}

function collectUrl(config: Ga4Config, debug: boolean): string {
  const base = endpointBase(config.endpoint, 'https://www.google-analytics.com');
  const q = new URLSearchParams({ measurement_id: config.measurement_id, api_secret: config.api_secret });
  return `${base}${debug ? '/debug/mp/collect' : '/mp/collect'}?${q}`;
}

function parseMessages(bodyText: string): Ga4ValidationMessage[] | undefined {
  const parsed = parseJsonBody(bodyText);
  if (!isJsonObject(parsed) || !Array.isArray(parsed.validationMessages)) return undefined;
  return parsed.validationMessages.filter(isJsonObject).map((m) => ({
    fieldPath: typeof m.fieldPath === 'string' ? m.fieldPath : '',
    description: typeof m.description === 'string' ? m.description : '',
    validationCode: typeof m.validationCode === 'string' ? m.validationCode : 'VALUE_INVALID',
  }));
}

/** Index of the event a message is about (`events[3].name` or "Event at index: [3]"), if any. */
function messageEventIndex(m: Ga4ValidationMessage): number | undefined {
  const hit = EVENTS_INDEX_PATH.exec(m.fieldPath) ?? INDEX_IN_MESSAGE.exec(m.description);
  return hit ? Number(hit[1]) : undefined;
}

/** Posts payloads (as `map` returned them) to /debug/mp/collect; for `phiwall check --validate`. */
export async function validateGa4(payloads: readonly JsonValue[], config: Ga4Config): Promise<Ga4ValidationMessage[]> {
  const http = new HttpClient(config);
  try {
    const messages: Ga4ValidationMessage[] = [];
    for (const request of buildRequests(payloads.map((p) => (isGa4Payload(p) ? { payload: p } : undefined)))) {
      const outcome = await http.post(collectUrl(config, true), request.text, { 'content-type': 'application/json' });
      const parsed = outcome.kind === 'response' ? parseMessages(outcome.bodyText) : undefined;
      if (!parsed) throw new Error(`GA4 validation request failed (${outcome.kind === 'network' ? outcome.code : `HTTP ${outcome.status}`})`);
      messages.push(...parsed);
    }
    return messages;
  } finally {
    await http.close();
  }
}

class Ga4Destination implements Destination {
  readonly type = 'ga4';
  readonly maxBatch: number;
  private readonly http: HttpClient;
  private readonly secrets: string[];
  /** Built once: GA4 takes one client per request, so this is per POST. */
  private readonly url: string;

  constructor(
    readonly name: string,
    private readonly config: Ga4Config,
    private readonly deps: DestinationDeps,
  ) {
    this.maxBatch = config.max_batch ?? 100;
    this.http = new HttpClient(config);
    this.secrets = [config.api_secret];
    this.url = collectUrl(config, false);
  }

  map(event: CleanEvent) {
    return toGa4Payload(event);
  }

  async send(batch: readonly OutboundItem[]): Promise<DeliveryResult> {
    const now = this.deps.now();
    const results: ItemResult[] = batch.map(() => ({ kind: 'ok' }));
    const entries = batch.map((item, i): Ga4Entry | undefined => {
      if (!isGa4Payload(item.payload)) results[i] = { kind: 'drop', code: 'GA4_BAD_PAYLOAD', reason: 'stored payload is not a GA4 event' };
      else if (now - item.payload.event.timestamp_micros / 1000 > GA4_MAX_AGE_MS) results[i] = { kind: 'drop', code: 'GA4_TOO_OLD', reason: 'event older than 72 h' };
      else return { payload: item.payload, item };
      return undefined;
    });
    await Promise.all(buildRequests(entries).map((request) => fillResults(results, request.indexes, () => this.sendRequest(request))));
    return collapseResults(results);
  }

  private async sendRequest(request: Ga4Request): Promise<ItemResult[]> {
    const results: ItemResult[] = request.indexes.map(() => ({ kind: 'ok' }));
    let keep = request.indexes.map((_, i) => i);
    if (this.config.validate) {
      const verdict = await this.validateRequest(request);
      if (!Array.isArray(verdict)) return results.map(() => verdict);
      verdict.forEach((r, i) => (results[i] = r));
      keep = keep.filter((i) => results[i].kind === 'ok');
    }
    if (keep.length === 0) return results;
    const text = keep.length === request.indexes.length ? request.text : ga4BodyJson(request.head, keep.map((i) => request.events[i]));
    const outcome = await this.http.post(this.url, text, { 'content-type': 'application/json' });
    const sent = classifyOutcome(outcome, { secrets: this.secrets, now: this.deps.now() });
    for (const i of keep) results[i] = sent;
    return results;
  }

  /** Per-event verdicts from /debug/mp/collect, or one result for all when the check itself failed. */
  private async validateRequest(request: Ga4Request): Promise<ItemResult[] | ItemResult> {
    const outcome = await this.http.post(collectUrl(this.config, true), request.text, { 'content-type': 'application/json' });
    const failed = classifyOutcome(outcome, { secrets: this.secrets });
    if (failed.kind !== 'ok') return failed;
    const messages = outcome.kind === 'response' ? parseMessages(outcome.bodyText) : undefined;
    if (!messages) return { kind: 'retry', reason: 'GA4 debug endpoint returned no validationMessages' };
    const results: ItemResult[] = request.indexes.map(() => ({ kind: 'ok' }));
    for (const m of messages) {
      const drop: ItemResult = { kind: 'drop', code: `GA4_${m.validationCode}`, reason: scrubVendorText(`GA4 ${m.validationCode} at ${m.fieldPath}`, this.secrets) };
      const index = messageEventIndex(m);
      if (index === undefined) return drop;
      if (index < results.length) results[index] = drop;
    }
    return results;
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

export const ga4Destination: DestinationType<Ga4Config> = {
  type: 'ga4',
  configSchema: Ga4Config,
  describe: 'GA4 Measurement Protocol: page_view and snake_case events with page params, client_id = visitorId, consent',
  create: (config, deps) => new Ga4Destination(deps.name, config, deps),
};
