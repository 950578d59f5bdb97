// Webhook receiver fake: anything under /hook/, JSON array bodies, and (when a secret is set)
// X-Phiwall-Signature checked over the raw body the way a customer's receiver would.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { FakeServer, type FakeReply } from './http-fake.js';

export interface WebhookFakeOptions {
  secret?: string;
}

function signatureOk(raw: string, header: unknown, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
  const got = Buffer.from(String(header ?? ''));
  return got.length === expected.length && timingSafeEqual(got, expected);
}

export function startWebhookFake(options: WebhookFakeOptions = {}): Promise<FakeServer> {
  return FakeServer.start((req): FakeReply => {
    if (req.method !== 'POST' || !req.path.startsWith('/hook/')) return { status: 404, body: { error: 'not found' } };
    if (options.secret && !signatureOk(req.raw, req.headers['x-phiwall-signature'], options.secret)) {
      req.errors.push('signature: mismatch');
      return { status: 401, body: { error: 'bad signature' } };
    }
    if (!/^\d{10}$/.test(String(req.headers['x-phiwall-timestamp'] ?? ''))) req.errors.push('timestamp: missing');
    if (!Array.isArray(req.json)) {
      req.errors.push('body: must be a JSON array');
      return { status: 400, body: { error: 'body must be a JSON array' } };
    }
    return { status: 200, body: { ok: true, received: req.json.length } };
  });
}
