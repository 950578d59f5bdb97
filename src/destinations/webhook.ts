import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { HttpClient, HttpOptionsShape, classifyOutcome } from './http.js';
import type { CleanEvent, DeliveryResult, Destination, DestinationDeps, DestinationType, OutboundItem } from './types.js';
import { toWarehouseRow } from './warehouse-row.js';
import { payloadArrayJson } from './payload-json.js';

export const WebhookConfig = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  /** HMAC key for X-Phiwall-Signature; without it the body is sent unsigned. */
  secret: z.string().min(1).optional(),
  /** Extra request headers (e.g. Authorization); their values are treated as credentials. */
  headers: z.record(z.string(), z.string()).optional(),
  max_batch: z.number().int().min(1).max(10_000).optional(),
  ...HttpOptionsShape,
});
export type WebhookConfig = z.infer<typeof WebhookConfig>;

/** `sha256=<hex>` over the exact bytes sent, so a receiver can verify before parsing. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POSTs a JSON array of warehouse rows: the generic sink for a customer's own (BAA) endpoint. */
class WebhookDestination implements Destination {
  readonly type = 'webhook';
  readonly maxBatch: number;
  private readonly http: HttpClient;
  private readonly secrets: string[];

  constructor(
    readonly name: string,
    private readonly config: WebhookConfig,
    private readonly deps: DestinationDeps,
  ) {
    this.maxBatch = config.max_batch ?? 100;
    this.http = new HttpClient(config);
    // The URL itself may carry a token (hooks.example.com/abc123), so it counts as a secret too.
    this.secrets = [config.url, config.secret ?? '', ...Object.values(config.headers ?? {})].filter((s) => s.length > 0);
  }

  map(event: CleanEvent) {
    return toWarehouseRow(event);
  }

  async send(batch: readonly OutboundItem[]): Promise<DeliveryResult> {
    const body = payloadArrayJson(batch);
    const headers: Record<string, string> = {
      ...this.config.headers,
      'content-type': 'application/json',
      'x-phiwall-timestamp': String(Math.floor(this.deps.now() / 1000)),
    };
    if (this.config.secret) headers['x-phiwall-signature'] = signWebhookBody(body, this.config.secret);
    const outcome = await this.http.post(this.config.url, body, headers);
    return classifyOutcome(outcome, { secrets: this.secrets, now: this.deps.now() });
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

export const webhookDestination: DestinationType<WebhookConfig> = {
  type: 'webhook',
  configSchema: WebhookConfig,
  describe: 'JSON array of warehouse rows POSTed to your endpoint, HMAC-signed (X-Phiwall-Signature)',
  create: (config, deps) => new WebhookDestination(deps.name, config, deps),
};
