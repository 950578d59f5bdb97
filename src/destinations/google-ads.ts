import { z } from 'zod';
import type { JsonValue } from '../common/json.js';
import { isJsonObject } from '../common/json.js';
import { chunk, collapseResults, fillResults } from './batch.js';
import { clickConversionProblem, toClickConversion } from './google-ads-payload.js';
import { HttpClient, HttpOptionsShape, endpointBase, classifyOutcome, parseJsonBody, type HttpOutcome } from './http.js';
import { OAuthTokenSource } from './oauth-token.js';
import { scrubVendorText } from './scrub.js';
import type { CleanEvent, DeliveryResult, Destination, DestinationDeps, DestinationType, ItemResult, OutboundItem } from './types.js';

const ERROR_CODE_NAME = /^[A-Z_]{1,60}$/;
const HYPHENS = /-/g;

export const GoogleAdsConfig = z.strictObject({
  /** Ads account id; the 123-456-7890 form is accepted. */
  customer_id: z.string().regex(/^\d[\d-]*$/),
  /** Manager account id, when the credentials belong to an MCC. */
  login_customer_id: z.string().regex(/^\d[\d-]*$/).optional(),
  developer_token: z.string().min(1),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  refresh_token: z.string().min(1),
  token_url: z.url({ protocol: /^https?$/ }).optional(),
  api_version: z.string().regex(/^v\d+$/).optional(),
  /** https://googleads.googleapis.com by default. */
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  /** Event name -> conversion action id (or full resource name); other events are not sent. */
  conversion_actions: z.record(z.string(), z.string().min(1)),
  max_batch: z.number().int().min(1).max(2000).optional(),
  ...HttpOptionsShape,
});
export type GoogleAdsConfig = z.infer<typeof GoogleAdsConfig>;

// "Try again in 6 hours" errors (ConversionUploadError); everything else per index is final.
const RETRY_LATER: ReadonlySet<string> = new Set(['TOO_RECENT_CONVERSION_ACTION', 'TOO_RECENT_EVENT', 'TOO_RECENT_CLICK']);
const SIX_HOURS_MS = 6 * 3600 * 1000;

interface IndexedError {
  index: number;
  code: string;
  message: string;
}

/** Errors of a partialFailureError that point at `conversions[i]`. */
function partialFailures(bodyText: string): IndexedError[] {
  const parsed = parseJsonBody(bodyText);
  if (!isJsonObject(parsed) || !isJsonObject(parsed.partialFailureError)) return [];
  const details = Array.isArray(parsed.partialFailureError.details) ? parsed.partialFailureError.details : [];
  const out: IndexedError[] = [];
  for (const detail of details) {
    for (const error of isJsonObject(detail) && Array.isArray(detail.errors) ? detail.errors : []) {
      if (!isJsonObject(error)) continue;
      const path = isJsonObject(error.location) && Array.isArray(error.location.fieldPathElements) ? error.location.fieldPathElements : [];
      const at = path.find((el) => isJsonObject(el) && el.fieldName === 'conversions' && typeof el.index === 'number');
      if (!isJsonObject(at) || typeof at.index !== 'number') continue;
      const codes = isJsonObject(error.errorCode) ? Object.values(error.errorCode) : [];
      const code = typeof codes[0] === 'string' && ERROR_CODE_NAME.test(codes[0]) ? codes[0] : 'UNKNOWN';
      out.push({ index: at.index, code, message: typeof error.message === 'string' ? error.message : '' });
    }
  }
  return out;
}

class GoogleAdsDestination implements Destination {
  readonly type = 'google-ads';
  readonly maxBatch: number;
  private readonly http: HttpClient;
  private readonly oauth: OAuthTokenSource;
  private readonly url: string;
  private readonly customerId: string;

  constructor(
    readonly name: string,
    private readonly config: GoogleAdsConfig,
    private readonly deps: DestinationDeps,
  ) {
    this.maxBatch = config.max_batch ?? 2000;
    this.http = new HttpClient(config);
    this.oauth = new OAuthTokenSource(
      this.http,
      { tokenUrl: config.token_url ?? 'https://oauth2.googleapis.com/token', clientId: config.client_id, clientSecret: config.client_secret, refreshToken: config.refresh_token },
      deps.now,
    );
    const base = endpointBase(config.endpoint, 'https://googleads.googleapis.com');
    this.customerId = config.customer_id.replace(HYPHENS, '');
    this.url = `${base}/${config.api_version ?? 'v21'}/customers/${this.customerId}:uploadClickConversions`;
  }

  map(event: CleanEvent) {
    return toClickConversion(event, this.customerId, this.config.conversion_actions);
  }

  async send(batch: readonly OutboundItem[]): Promise<DeliveryResult> {
    const results: ItemResult[] = batch.map(() => ({ kind: 'ok' }));
    const valid: number[] = [];
    batch.forEach((item, i) => {
      const problem = clickConversionProblem(item.payload);
      if (problem) results[i] = { kind: 'drop', code: problem, reason: `conversion failed pre-flight validation (${problem})` };
      else valid.push(i);
    });
    for (const part of chunk(valid, this.maxBatch)) {
      await fillResults(results, part, (indexes) => this.upload(indexes.map((i) => batch[i].payload)));
    }
    return collapseResults(results);
  }

  private secrets(): string[] {
    return [this.config.developer_token, ...this.oauth.secrets()];
  }

  /** One upload; a 401 means the cached token was revoked early, so refresh once and repeat. */
  private async upload(conversions: JsonValue[]): Promise<ItemResult[]> {
    let outcome = await this.post(conversions);
    if (outcome.kind === 'response' && outcome.status === 401) {
      this.oauth.invalidate();
      outcome = await this.post(conversions);
    }
    if (outcome.kind === 'no_token') {
      const failed = outcome.result;
      return conversions.map(() => failed);
    }
    const whole = classifyOutcome(outcome, { secrets: this.secrets(), now: this.deps.now() });
    if (whole.kind !== 'ok' || outcome.kind !== 'response') return conversions.map(() => whole);
    const results: ItemResult[] = conversions.map(() => ({ kind: 'ok' }));
    for (const failure of partialFailures(outcome.bodyText)) {
      if (failure.index < 0 || failure.index >= results.length) continue;
      const reason = scrubVendorText(`Google Ads ${failure.code}: ${failure.message}`, this.secrets());
      results[failure.index] = RETRY_LATER.has(failure.code)
        ? { kind: 'retry', delayMs: SIX_HOURS_MS, reason }
        : { kind: 'drop', code: `GOOGLE_ADS_${failure.code}`, reason };
    }
    return results;
  }

  private async post(conversions: JsonValue[]): Promise<HttpOutcome | { kind: 'no_token'; result: ItemResult }> {
    const token = await this.oauth.token();
    if (token.kind === 'failed') return { kind: 'no_token', result: token.result };
    const headers: Record<string, string> = { authorization: `Bearer ${token.accessToken}`, 'developer-token': this.config.developer_token };
    if (this.config.login_customer_id) headers['login-customer-id'] = this.config.login_customer_id.replace(HYPHENS, '');
    return this.http.postJson(this.url, { conversions, partialFailure: true }, headers);
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

export const googleAdsDestination: DestinationType<GoogleAdsConfig> = {
  type: 'google-ads',
  configSchema: GoogleAdsConfig,
  describe: 'Google Ads uploadClickConversions: gclid/gbraid/wbraid or hashed email/phone, orderId = order_id or transaction_id, else messageId, per-index partial failure',
  create: (config, deps) => new GoogleAdsDestination(deps.name, config, deps),
};
