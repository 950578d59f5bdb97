// Shared machinery for the destination fakes: a real node:http server on 127.0.0.1:0 that
// records every request, lets a vendor-specific handler validate and answer it, and injects
// faults (forced statuses, 429 + Retry-After, 5xx bursts, slow answers, connection resets).
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Full request target (path + query), as the client sent it. */
  url: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  raw: string;
  /** Parsed JSON body, or undefined when the body was not JSON. */
  json: unknown;
  /** Validation problems the vendor handler found (empty = the real API would accept it). */
  errors: string[];
  /** Set when a fault answered instead of the handler (a delay is not a fault: the handler still answers). */
  fault?: string;
}

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeHandler = (req: RecordedRequest) => FakeReply;

type Fault =
  | { kind: 'status'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number };

export interface FakeOptions {
  /** Paths that faults never touch (e.g. an OAuth token endpoint next to the API). */
  faultExempt?: (path: string) => boolean;
}

export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: Fault[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  url = '';

  private constructor(
    private readonly server: Server,
    private readonly handler: FakeHandler,
    private readonly options: FakeOptions,
  ) {}

  static async start(handler: FakeHandler, options: FakeOptions = {}): Promise<FakeServer> {
    let fake: FakeServer | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => fake?.handle(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8'), res));
    });
    fake = new FakeServer(server, handler, options);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The next `count` requests get `status` with `body` (JSON unless a string). */
  failNext(status: number, options: { count?: number; body?: unknown; headers?: Record<string, string> } = {}): void {
    for (let i = 0; i < (options.count ?? 1); i++) this.faults.push({ kind: 'status', status, body: options.body ?? { error: `forced ${status}` }, headers: options.headers ?? {} });
  }

  throttleNext(retryAfter: string | number, count = 1, body: unknown = { error: 'rate limited' }): void {
    this.failNext(429, { count, body, headers: { 'retry-after': String(retryAfter) } });
  }

  burst5xx(count = 5, status = 503): void {
    this.failNext(status, { count, body: { error: 'injected fault' } });
  }

  /** The next `count` requests are answered only after `ms`. */
  delayNext(ms: number, count = 1): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'delay', ms });
  }

  /** The next `count` requests have their socket destroyed without an answer. */
  resetNext(count = 1): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'reset' });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Requests the handler answered (no fault), optionally on one path. */
  handled(path?: string): RecordedRequest[] {
    return this.requests.filter((r) => !r.fault && (path === undefined || r.path === path));
  }

  reset(): void {
    this.requests.length = 0;
    this.clearFaults();
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(method: string, url: string, headers: IncomingHttpHeaders, raw: string, res: ServerResponse): void {
    const target = new URL(url, 'http://fake');
    let json: unknown;
    try {
      json = raw ? JSON.parse(raw) : undefined;
    } catch {
      json = undefined;
    }
    const req: RecordedRequest = { method, url, path: target.pathname, query: Object.fromEntries(target.searchParams), headers, raw, json, errors: [] };
    this.requests.push(req);
    const fault = this.options.faultExempt?.(req.path) ? undefined : this.faults.shift();
    if (fault?.kind === 'reset') {
      req.fault = 'reset';
      res.socket?.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      req.fault = `status ${fault.status}`;
      return send(res, { status: fault.status, body: fault.body, headers: fault.headers });
    }
    const reply = this.handler(req);
    if (fault?.kind !== 'delay') return send(res, reply);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!res.destroyed) send(res, reply);
    }, fault.ms);
    this.timers.add(timer);
  }
}

function send(res: ServerResponse, reply: FakeReply): void {
  const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(text);
}

export const HEX64 = /^[0-9a-f]{64}$/;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
