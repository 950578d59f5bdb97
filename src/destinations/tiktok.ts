import { z } from 'zod';
import type { JsonObject, JsonValue } from '../common/json.js';
import { isJsonObject } from '../common/json.js';
import { bisect, chunk, collapseResults, fillResults, type BatchAttempt } from './batch.js';
import { HttpClient, HttpOptionsShape, endpointBase, classifyOutcome, parseJsonBody, vendorReason } from './http.js';
import { visitorIdHash } from './visitor-hash.js';
import type { CleanEvent, DeliveryResult, Destination, DestinationDeps, DestinationType, ItemResult, OutboundItem } from './types.js';
import { parseEventTime } from './event-time.js';
import { adValue, eventCurrency } from './money.js';
import { productsKey, productsOf, tiktokContents } from './contents.js';
import { pixelEventId } from './dedup-ids.js';
import { envelopeJson } from './payload-json.js';


export const TikTokConfig = z.strictObject({
  /** Pixel code (event_source_id for web events). */
  pixel_code: z.string().min(1),
  access_token: z.string().min(1),
  /** https://business-api.tiktok.com by default. */
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  test_event_code: z.string().min(1).optional(),
  max_batch: z.number().int().min(1).max(1000).optional(),
  ...HttpOptionsShape,
});
export type TikTokConfig = z.infer<typeof TikTokConfig>;

const HEX64 = /^[0-9a-f]{64}$/;
// Match keys TikTok takes hashed (spec §4.1). City/state/country are sent plain by TikTok's
// rules, and ours are hashed, so they are left out rather than sent in the wrong form.
const HASHED: ReadonlyArray<[string, 'em' | 'ph' | 'fn' | 'ln' | 'zp']> = [
  ['email', 'em'],
  ['phone', 'ph'],
  ['first_name', 'fn'],
  ['last_name', 'ln'],
  ['zip_code', 'zp'],
];
const HEX_CHECKED = ['email', 'phone', 'external_id', 'first_name', 'last_name', 'zip_code'];
// Rate limiting and TikTok-side failures; everything else non-zero is about our request.
const isRetryCode = (code: number): boolean => code === 40100 || code === 42900 || code >= 50000;

function tiktokUser(e: CleanEvent): JsonObject {
  const user: JsonObject = {};
  for (const [field, key] of HASHED) {
    const v = e.matchKeys?.[key];
    if (v !== undefined && HEX64.test(v)) user[field] = [v];
  }
  const external: string[] = [];
  const key = e.matchKeys?.external_id;
  if (key !== undefined && HEX64.test(key)) external.push(key);
  // A SHA-256 in hex is always in the checked form: only told apart from the match key.
  const visitor = e.visitorId !== undefined ? visitorIdHash(e.visitorId.toLowerCase()) : undefined;
  if (visitor !== undefined && visitor !== key) external.push(visitor);
  if (external.length) user.external_id = external;
  if (e.clickIds?.ttclid !== undefined) user.ttclid = e.clickIds.ttclid;
  if (e.clickIds?.ttp !== undefined) user.ttp = e.clickIds.ttp;
  if (e.ip !== undefined) user.ip = e.ip;
  if (e.userAgent !== undefined) user.user_agent = e.userAgent;
  if (e.locale !== undefined) user.locale = e.locale;
  return user;
}

/** Properties with value/currency in TikTok's forms and a product list as `contents` (unless sent so). */
function tiktokProperties(properties: JsonObject): JsonObject {
  const out: JsonObject = { ...properties };
  const products = properties.contents === undefined ? productsOf(properties) : undefined;
  if (products !== undefined) {
    delete out[productsKey(properties) ?? 'products'];
    for (const [key, value] of Object.entries(tiktokContents(products))) if (out[key] === undefined) out[key] = value;
  }
  const { value } = adValue(properties);
  if (value !== undefined) out.value = value;
  else delete out.value;
  const currency = eventCurrency(properties);
  if (currency !== undefined) out.currency = currency;
  else delete out.currency;
  return out;
}

/** CleanEvent -> one Events API 2.0 `data[]` entry; event_id (the site's event id, else messageId) dedupes with the pixel. */
export function toTikTokEvent(e: CleanEvent): JsonObject | { skip: string } {
  const name = e.type === 'page' ? 'Pageview' : e.type === 'track' ? e.event?.trim() : undefined;
  if (!name) return { skip: e.type === 'track' ? 'TIKTOK_NO_EVENT_NAME' : 'TIKTOK_UNSUPPORTED_TYPE' };
  const timeMs = parseEventTime(e.timestamp);
  if (!Number.isFinite(timeMs)) return { skip: 'TIKTOK_BAD_TIMESTAMP' };
  const event: JsonObject = { event: name, event_time: Math.floor(timeMs / 1000), event_id: pixelEventId(e), user: tiktokUser(e) };
  const page: JsonObject = {};
  if (e.page?.url !== undefined) page.url = e.page.url;
  if (e.page?.referrer !== undefined) page.referrer = e.page.referrer;
  if (Object.keys(page).length) event.page = page;
  const properties = tiktokProperties(e.properties);
  if (Object.keys(properties).length) event.properties = properties;
  return event;
}

/** Mirrors TikTok's per-event checks, so one bad event does not fail a whole request. */
export function tiktokEventProblem(p: JsonValue): string | undefined {
  if (!isJsonObject(p) || typeof p.event !== 'string' || p.event === '') return 'TIKTOK_NO_EVENT_NAME';
  if (typeof p.event_time !== 'number' || !Number.isInteger(p.event_time)) return 'TIKTOK_BAD_TIMESTAMP';
  const user = isJsonObject(p.user) ? p.user : {};
  for (const key of HEX_CHECKED) {
    const v = user[key];
    if (v !== undefined && !(Array.isArray(v) ? v : [v]).every((x) => typeof x === 'string' && HEX64.test(x))) return 'TIKTOK_UNHASHED_KEY';
  }
  return undefined;
}

class TikTokDestination implements Destination {
  readonly type = 'tiktok';
  readonly maxBatch: number;
  private readonly http: HttpClient;
  private readonly secrets: string[];
  private readonly url: string;

  constructor(
    readonly name: string,
    private readonly config: TikTokConfig,
    private readonly deps: DestinationDeps,
  ) {
    this.maxBatch = config.max_batch ?? 1000;
    this.http = new HttpClient(config);
    this.secrets = [config.access_token];
    this.url = `${endpointBase(config.endpoint, 'https://business-api.tiktok.com')}/open_api/v1.3/event/track/`;
  }

  map(event: CleanEvent) {
    return toTikTokEvent(event);
  }

  async send(batch: readonly OutboundItem[]): Promise<DeliveryResult> {
    const results: ItemResult[] = batch.map(() => ({ kind: 'ok' }));
    const valid: number[] = [];
    batch.forEach((item, i) => {
      const problem = tiktokEventProblem(item.payload);
      if (problem) results[i] = { kind: 'drop', code: problem, reason: `event failed pre-flight validation (${problem})` };
      else valid.push(i);
    });
    for (const part of chunk(valid, this.maxBatch)) {
      await fillResults(results, part, (indexes) => bisect(indexes.map((i) => batch[i]), (data) => this.attempt(data)));
    }
    return collapseResults(results);
  }

  private async attempt(data: OutboundItem[]): Promise<BatchAttempt> {
    const body = envelopeJson({ event_source: 'web', event_source_id: this.config.pixel_code }, 'data', data, { test_event_code: this.config.test_event_code || undefined });
    const outcome = await this.http.post(this.url, body, { 'content-type': 'application/json', 'access-token': this.config.access_token });
    const generic = classifyOutcome(outcome, { secrets: this.secrets, now: this.deps.now() });
    const every = (result: ItemResult): BatchAttempt => ({ kind: 'results', results: data.map(() => result) });
    if (generic.kind !== 'ok' || outcome.kind !== 'response') return every(generic);
    // TikTok answers HTTP 200 for most failures; the JSON `code` is the real status.
    const parsed = parseJsonBody(outcome.bodyText) as { code?: unknown; message?: unknown } | undefined;
    const code = typeof parsed?.code === 'number' ? parsed.code : undefined;
    if (code === 0) return every({ kind: 'ok' });
    const message = typeof parsed?.message === 'string' ? parsed.message : undefined;
    const reason = vendorReason(outcome.status, { code: code === undefined ? 'NO_CODE' : String(code), message }, this.secrets);
    if (code === undefined || isRetryCode(code)) return every({ kind: 'retry', reason });
    const drop: ItemResult = { kind: 'drop', code: `TIKTOK_${code}`, reason };
    // 40002 is a parameter error: TikTok does not say which event, so split to find it.
    return code === 40002 ? { kind: 'rejected', result: drop } : every(drop);
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

export const tiktokDestination: DestinationType<TikTokConfig> = {
  type: 'tiktok',
  configSchema: TikTokConfig,
  describe: 'TikTok Events API 2.0: Pageview and custom events, event_id = the event_id property, else messageId, hashed email/phone/external_id, ttclid',
  create: (config, deps) => new TikTokDestination(deps.name, config, deps),
};
