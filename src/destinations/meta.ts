import { z } from 'zod';
import { bisect, chunk, collapseResults, fillResults, type BatchAttempt } from './batch.js';
import { HttpClient, HttpOptionsShape, endpointBase, classifyResponse, extractVendorError, networkRetry, parseJsonBody, parseRetryAfter, vendorReason } from './http.js';
import { metaEventProblem, toMetaEvent } from './meta-payload.js';
import { envelopeJson } from './payload-json.js';
import type { CleanEvent, DeliveryResult, Destination, DestinationDeps, DestinationType, ItemResult, OutboundItem } from './types.js';


export const MetaConfig = z.strictObject({
  pixel_id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  access_token: z.string().min(1),
  api_version: z.string().regex(/^v\d+\.\d+$/).optional(),
  /** https://graph.facebook.com by default. */
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  test_event_code: z.string().min(1).optional(),
  /**
   * event_source_url for events whose page URL the rules withhold (condition pages) or do not
   * allow: a fixed URL such as the site's home page. Without it Meta refuses them (META_NO_SOURCE_URL).
   */
  source_url: z.url({ protocol: /^https?$/ }).optional(),
  max_batch: z.number().int().min(1).max(1000).optional(),
  ...HttpOptionsShape,
});
export type MetaConfig = z.infer<typeof MetaConfig>;

// Graph error codes (destinations spec §3.3): throttling and temporary codes retry.
const RETRY_CODES: ReadonlySet<number> = new Set([1, 2, 4, 17, 32, 341, 613]);

interface GraphError {
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
}

function graphError(bodyText: string): GraphError {
  const parsed = parseJsonBody(bodyText) as { error?: GraphError } | undefined;
  return typeof parsed?.error === 'object' && parsed.error !== null ? parsed.error : {};
}

class MetaDestination implements Destination {
  readonly type = 'meta';
  readonly maxBatch: number;
  private readonly http: HttpClient;
  private readonly secrets: string[];
  private readonly url: string;

  constructor(
    readonly name: string,
    private readonly config: MetaConfig,
    private readonly deps: DestinationDeps,
  ) {
    this.maxBatch = config.max_batch ?? 1000;
    this.http = new HttpClient(config);
    this.secrets = [config.access_token];
    const base = endpointBase(config.endpoint, 'https://graph.facebook.com');
    this.url = `${base}/${config.api_version ?? 'v21.0'}/${encodeURIComponent(config.pixel_id)}/events?access_token=${encodeURIComponent(config.access_token)}`;
  }

  map(event: CleanEvent) {
    return toMetaEvent(event, this.config.source_url);
  }

  /** Invalid events are dropped up front: one of them would make Meta reject the whole batch. */
  async send(batch: readonly OutboundItem[]): Promise<DeliveryResult> {
    const nowS = Math.floor(this.deps.now() / 1000);
    const results: ItemResult[] = batch.map(() => ({ kind: 'ok' }));
    const valid: number[] = [];
    batch.forEach((item, i) => {
      const problem = metaEventProblem(item.payload, nowS);
      if (problem) results[i] = { kind: 'drop', code: problem, reason: `event failed pre-flight validation (${problem})` };
      else valid.push(i);
    });
    for (const part of chunk(valid, this.maxBatch)) {
      await fillResults(results, part, (indexes) => bisect(indexes.map((i) => batch[i]), (data) => this.attempt(data)));
    }
    return collapseResults(results);
  }

  private async attempt(data: OutboundItem[]): Promise<BatchAttempt> {
    const body = envelopeJson({}, 'data', data, { test_event_code: this.config.test_event_code || undefined });
    const outcome = await this.http.post(this.url, body, { 'content-type': 'application/json' });
    if (outcome.kind === 'network') return all(data, networkRetry(outcome.code));
    const { status, headers, bodyText } = outcome;
    const generic = classifyResponse(status, headers, bodyText, { secrets: this.secrets, now: this.deps.now() });
    if (generic.kind !== 'drop') return all(data, generic);
    const err = graphError(bodyText);
    const reason = vendorReason(status, extractVendorError(bodyText), this.secrets);
    if (err.is_transient === true || (err.code !== undefined && (RETRY_CODES.has(err.code) || (err.code >= 80000 && err.code < 80100)))) {
      const delayMs = parseRetryAfter(headers['retry-after']);
      return all(data, delayMs === undefined ? { kind: 'retry', reason } : { kind: 'retry', delayMs, reason });
    }
    // 2804xxx subcodes are about an event in the batch: split to find it. Anything else
    // (bad token 190, unknown pixel 100/33) concerns every event alike.
    if (err.code === 100 && err.error_subcode !== undefined && String(err.error_subcode).startsWith('2804')) {
      return { kind: 'rejected', result: generic };
    }
    return all(data, generic);
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

function all(items: readonly unknown[], result: ItemResult): BatchAttempt {
  return { kind: 'results', results: items.map(() => result) };
}

export const metaDestination: DestinationType<MetaConfig> = {
  type: 'meta',
  configSchema: MetaConfig,
  describe: 'Meta Conversions API: PageView and custom events, event_id = the event_id property, else messageId, hashed match keys, fbc/fbp',
  create: (config, deps) => new MetaDestination(deps.name, config, deps),
};
