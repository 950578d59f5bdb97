import { Pool, poolRequest } from './undici-pool.js';
import { z } from 'zod';
import type { ItemResult } from './types.js';
import { scrubVendorText } from './scrub.js';
import { BoundedMemo } from '../common/bounded-memo.js';

const ERROR_CODE_NAME = /^[A-Z][A-Z0-9_]{1,40}$/;
const DECIMAL_NUMBER = /^\d+(\.\d+)?$/;
const HTML_TAGS = /<[^>]*>/g;
const NOT_UPPER_ALNUM_RUNS = /[^A-Z0-9]+/g;

/** Timeout options every HTTP destination accepts (spread into its strictObject). */
export const HttpOptionsShape = {
  connect_timeout_ms: z.number().int().positive().optional(),
  headers_timeout_ms: z.number().int().positive().optional(),
  body_timeout_ms: z.number().int().positive().optional(),
};
export type HttpOptions = { connect_timeout_ms?: number; headers_timeout_ms?: number; body_timeout_ms?: number };

export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** Either the vendor answered (any status) or the transport failed before a full answer. */
export type HttpOutcome =
  | { kind: 'response'; status: number; headers: ResponseHeaders; bodyText: string }
  | { kind: 'network'; code: string };

// Vendor bodies we read are small JSON; anything bigger is cut (and the rest discarded) so a
// misbehaving proxy cannot make us buffer megabytes per request.
const MAX_RESPONSE_BYTES = 64 * 1024;

/** One keep-alive undici Pool per origin, owned by one destination instance. */
export class HttpClient {
  private readonly pools = new Map<string, Pool>();
  private readonly targets = new BoundedMemo<{ origin: string; path: string }>(64);
  private readonly connectTimeout: number;
  private readonly headersTimeout: number;
  private readonly bodyTimeout: number;

  constructor(options: HttpOptions = {}) {
    this.connectTimeout = options.connect_timeout_ms ?? 5_000;
    this.headersTimeout = options.headers_timeout_ms ?? 10_000;
    this.bodyTimeout = options.body_timeout_ms ?? 10_000;
  }

  postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpOutcome> {
    return this.post(url, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
  }

  async post(url: string, body: string, headers: Record<string, string>): Promise<HttpOutcome> {
    try {
      const target = this.target(url);
      const res = await poolRequest(this.pool(target.origin), {
        path: target.path,
        method: 'POST',
        headers,
        body,
      });
      const bodyText = await readCapped(res.body);
      return { kind: 'response', status: res.statusCode, headers: res.headers, bodyText };
    } catch (err) {
      return { kind: 'network', code: networkErrorCode(err) };
    }
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.close().catch(() => p.destroy())));
  }

  /** A destination posts to one or two fixed URLs: parsed once, not per request. */
  private target(url: string): { origin: string; path: string } {
    let target = this.targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: parsed.pathname + parsed.search };
      this.targets.set(url, target);
    }
    return target;
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        // GA4's Measurement Protocol takes one client per request, so a leased batch of distinct
        // visitors is many small POSTs: with 8 sockets GA4 delivery was socket-bound at a third of
        // the other destinations' rate under load (bench); sockets open only when needed.
        connections: 32,
        // Below the idle timeout of most vendor load balancers, so we rarely reuse a socket the
        // far end is closing (a POST on such a socket fails and has to wait for a spool retry).
        keepAliveTimeout: 10_000,
        connectTimeout: this.connectTimeout,
        headersTimeout: this.headersTimeout,
        bodyTimeout: this.bodyTimeout,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}

/** Reads at most MAX_RESPONSE_BYTES, then destroys the stream so the socket is never left half-read. */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_RESPONSE_BYTES) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The stable code of a transport error (UND_ERR_*, ECONNRESET...): never its message, which may hold the URL. */
export function networkErrorCode(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && ERROR_CODE_NAME.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return 'NETWORK_ERROR';
}

export function networkRetry(code: string): ItemResult {
  return { kind: 'retry', reason: `network error (${code})` };
}

/** Retry-After as seconds or an HTTP date, in ms from now; capped at a day so a bad header cannot park a queue. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.trim();
  const ms = DECIMAL_NUMBER.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(0, Math.round(ms)), 86_400_000);
}

export interface VendorError {
  code?: string;
  message?: string;
}

// Vendor codes are numbers or words (INVALID_ARGUMENT, invalid_grant): a string mixing letters
// and digits could be an echoed token, so it is not taken as a code.
const CODE_SHAPE = /^([A-Za-z][A-Za-z_]{0,39}|\d{1,9})$/;

function asCode(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return asCode(String(value));
  if (typeof value === 'string' && CODE_SHAPE.test(value)) return value;
  return undefined;
}

/** Pulls a code and message out of the usual JSON error shapes (Graph, Google, OAuth, plain). */
export function extractVendorError(bodyText: string): VendorError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    // Only the head: tag stripping backtracks quadratically on a body of unclosed `<` (64 KB: 1.6 s).
    const head = bodyText.slice(0, 4096);
    return head.trim() ? { message: head.replace(HTML_TAGS, ' ') } : {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const top = parsed as Record<string, unknown>;
  const inner = typeof top.error === 'object' && top.error !== null ? (top.error as Record<string, unknown>) : top;
  const codes = [asCode(inner.status) ?? asCode(inner.code), asCode(inner.error_subcode)].filter((c) => c !== undefined);
  const message = [inner.message, inner.error_user_msg, typeof top.error === 'string' ? top.error : undefined, top.error_description]
    .find((m): m is string => typeof m === 'string' && m.length > 0);
  return { code: codes.length ? codes.join('_') : undefined, message };
}

export interface ClassifyOptions {
  /** Credentials of the destination: redacted from any reason even if the vendor echoes them. */
  secrets?: readonly string[];
  now?: number;
}

function dropCode(status: number, vendorCode: string | undefined): string {
  const suffix = vendorCode && vendorCode !== String(status) ? `_${vendorCode.toUpperCase().replace(NOT_UPPER_ALNUM_RUNS, '_')}` : '';
  return `HTTP_${status}${suffix}`;
}

/** Builds a reason line: status, vendor code and scrubbed message, never the URL or a credential. */
export function vendorReason(status: number, vendor: VendorError, secrets: readonly string[] = []): string {
  const code = vendor.code;
  const safeCode = code && code !== String(status) && !secrets.some((s) => s.length >= 4 && code.includes(s)) ? `: ${code}` : '';
  const head = `HTTP ${status}${safeCode}`;
  // The code has a safe shape already (digits in Graph subcodes must survive); only free text is scrubbed.
  return vendor.message ? `${head}: ${scrubVendorText(vendor.message, secrets)}`.slice(0, 200) : head;
}

/** 2xx ok; 408, 429 and 5xx except 501 retry (honouring Retry-After); any other status drops. */
export function classifyResponse(status: number, headers: ResponseHeaders, bodyText: string, options: ClassifyOptions = {}): ItemResult {
  if (status >= 200 && status < 300) return { kind: 'ok' };
  const vendor = extractVendorError(bodyText);
  const reason = vendorReason(status, vendor, options.secrets);
  if (status === 408 || status === 429 || (status >= 500 && status !== 501)) {
    const delayMs = parseRetryAfter(headers['retry-after'], options.now);
    return delayMs === undefined ? { kind: 'retry', reason } : { kind: 'retry', delayMs, reason };
  }
  return { kind: 'drop', code: dropCode(status, vendor.code), reason };
}

/** classifyResponse for either outcome kind. */
export function classifyOutcome(outcome: HttpOutcome, options: ClassifyOptions = {}): ItemResult {
  if (outcome.kind === 'network') return networkRetry(outcome.code);
  return classifyResponse(outcome.status, outcome.headers, outcome.bodyText, options);
}

/** Parses a JSON body without throwing (vendors sometimes answer HTML from a proxy). */
export function parseJsonBody(bodyText: string): unknown {
  try {
    return JSON.parse(bodyText);
  } catch {
    return undefined;
  }
}

/** Basic auth value for `user:password` (write keys use an empty password). */
export function basicAuth(user: string, password = ''): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

const TRAILING_SLASHES = /\/+$/;

/** A destination's base URL: its configured `endpoint` (a fake or a proxy) or the vendor's, without trailing slashes. */
export const endpointBase = (endpoint: string | undefined, vendorUrl: string): string => (endpoint ?? vendorUrl).replace(TRAILING_SLASHES, '');
