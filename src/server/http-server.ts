import { getRequestListener, RequestError, type ServerType } from '@hono/node-server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { PhiwallError } from '../errors.js';
import type { RulesFile } from '../config/schema.js';
import { capConnections, isOverCap, owe, rawAnswer, refuseAfterOwed } from './connections.js';

// What Node's HTTP layer answers itself never reaches the app: a request its parser refuses (an
// unknown method, a malformed header, broken chunked framing, headers over 16 KB) or an `Expect`
// it cannot meet. Node's own answers are bare status lines; these carry the app's JSON error
// body instead, and name no request content.

/** Connection limits and timeouts (YAML `server:`); the defaults are the schema's. */
export interface ServerLimits {
  /** Open connections per process; one more is answered 503 and closed. */
  maxConnections: number;
  /** A request's headers must arrive within this: a slowloris holds a socket no longer. */
  headersTimeoutMs: number;
  /** A whole request (headers and body) must arrive within this: a slow body holds a socket no longer. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
}
export const DEFAULT_SERVER_LIMITS: Readonly<ServerLimits> = { maxConnections: 900, headersTimeoutMs: 10_000, requestTimeoutMs: 60_000, keepAliveTimeoutMs: 5_000 };

/** The limits a config's `server:` section sets (absent: the defaults). */
export function serverLimits(cfg: RulesFile['server']): Partial<ServerLimits> {
  if (!cfg) return {};
  return { maxConnections: cfg.max_connections, headersTimeoutMs: cfg.headers_timeout_ms, requestTimeoutMs: cfg.request_timeout_ms, keepAliveTimeoutMs: cfg.keep_alive_timeout_ms };
}

/**
 * How often Node checks the two timeouts above (its default, 30 s, let a slowloris run up to 30 s
 * past a 10 s headers timeout).
 */
const TIMEOUT_CHECK_MS = 1000;

const PARSER_ERRORS: Readonly<Record<string, [number, string, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'PW_ERR_HEADERS_TOO_LARGE', 'request headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'PW_ERR_REQUEST_TIMEOUT', 'the request did not arrive in time'],
};
const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };
const OVER_CAP_BODY = JSON.stringify({ success: false, error: { code: 'PW_ERR_TOO_MANY_CONNECTIONS', message: 'too many open connections; retry later' } });

const errorBody = (code: string, message: string): string => JSON.stringify({ success: false, error: { code, message } });

/** Node keeps the first 2000 headers and drops the rest unseen (Host, Content-Length among them). */
export const MAX_HEADER_COUNT = 2000;
/** Host given to a request without one (HTTP/1.0): only builds the request URL, never trusted. */
const DEFAULT_HOST = 'localhost';

type Refusal = [status: number, code: string, message: string];

/**
 * What Node would otherwise answer with a bare status line, or pass on half-read: an HTTP/1.1
 * request without Host (RFC 9112 3.2: 400), and one with more headers than Node keeps (the
 * dropped ones could be its Host, Content-Length or Authorization). Two field reads a request.
 */
function earlyRefusal(req: IncomingMessage): Refusal | undefined {
  if (req.rawHeaders.length >= 2 * MAX_HEADER_COUNT) return [431, 'PW_ERR_HEADERS_TOO_LARGE', `more than ${MAX_HEADER_COUNT - 1} request headers`];
  if (req.headers.host === undefined && req.httpVersion === '1.1') return [400, 'PW_ERR_BAD_REQUEST', 'HTTP/1.1 request without a Host header'];
  return undefined;
}

function refuse(res: ServerResponse, refusal: Refusal | PhiwallError): void {
  const [status, code, message] = Array.isArray(refusal) ? refusal : [refusal.status, refusal.code, refusal.message];
  const body = errorBody(code, message);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' }).end(body);
}

const jsonResponse = ([status, code, message]: Refusal): Response =>
  new Response(errorBody(code, message), { status, headers: { 'content-type': 'application/json' } });

/**
 * @hono/node-server answers a request target or Host it cannot turn into a URL (`Host: a b`, a
 * backslash in the path, `ftp://` absolute form) with an empty 400, and an exception escaping the
 * app with an empty 500: both get the JSON error body, quoting nothing from the request.
 */
const listenerError = (err: unknown): Response => err instanceof RequestError
  ? jsonResponse([400, 'PW_ERR_BAD_REQUEST', 'malformed request target or Host header'])
  : jsonResponse([500, 'PW_ERR_INTERNAL', 'internal error']);

type FetchCallback = Parameters<typeof getRequestListener>[0];

export interface ServeOptions {
  fetch: FetchCallback;
  port: number;
  hostname?: string;
  limits?: Partial<ServerLimits>;
  /**
   * Asked before a request with `Expect: 100-continue` is told to send its body: a refusal
   * (unknown write key, body over the limit) is answered at once and the body never read.
   */
  continueCheck?: (req: IncomingMessage) => PhiwallError | undefined;
}

/**
 * `serve()` from @hono/node-server with every answer Node or the adapter would give on its own
 * replaced by the app's JSON errors (see hardenServer); used by the collector and the admin port.
 */
export function serveHardened(opts: ServeOptions, onListening?: (info: AddressInfo) => void): ServerType {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...opts.limits };
  const listener = getRequestListener(opts.fetch, { hostname: DEFAULT_HOST, errorHandler: listenerError });
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (isOverCap(req.socket)) { req.resume(); return; }
    owe(req, res);
    // Draining (server.close() called): Node closes the connections idle at that moment, but a
    // keep-alive client that keeps sending would be served until the hard stop killed the process
    // mid-delivery. Each answer now ends its connection, so the drain completes.
    if (!server.listening) res.setHeader('connection', 'close');
    const refusal = earlyRefusal(req);
    if (refusal) refuse(res, refusal);
    else void listener(req, res);
  };
  // requireHostHeader off: Node's own refusal is a bare 400; earlyRefusal answers it in JSON.
  const server = createServer({ requireHostHeader: false, connectionsCheckingInterval: TIMEOUT_CHECK_MS }, handle);
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const refusal = isOverCap(req.socket) ? undefined : earlyRefusal(req) ?? opts.continueCheck?.(req);
    if (refusal) { owe(req, res); refuse(res, refusal); return; }
    res.writeContinue();
    handle(req, res);
  });
  server.maxHeadersCount = MAX_HEADER_COUNT;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  capConnections(server, limits.maxConnections, OVER_CAP_BODY);
  allowHalfClose(server);
  server.listen(opts.port, opts.hostname, () => onListening?.(server.address() as AddressInfo));
  return hardenServer(server);
}

/**
 * A client may half-close (send FIN) once its request is written (`nc -N`, some proxies and
 * SDKs). Node then ends the socket at once by default, while the handler is still committing the
 * event: the event was spooled but its answer never sent, so the client retried and duplicated it.
 * With this flag Node ends the connection after the answer instead (Node's own field, read in
 * _http_server.js socketOnEnd; not in its typings).
 */
function allowHalfClose(server: Server): void {
  (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
}

function answerParserError(socket: Duplex, errCode: string | undefined): void {
  const [status, code, message] = PARSER_ERRORS[errCode ?? ''] ?? [400, 'PW_ERR_BAD_REQUEST', 'malformed HTTP request'];
  socket.end(rawAnswer(status, REASONS[status], errorBody(code, message)));
}

/** The JSON answers above on a server from `serve()`. */
function hardenServer(server: ServerType): ServerType {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) { socket.destroy(); return; }
    // A response already under way (headers sent) is left to finish; the refusal follows it.
    refuseAfterOwed(socket, () => answerParserError(socket, err.code));
  });
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => {
    const body = errorBody('PW_ERR_EXPECTATION_FAILED', 'only Expect: 100-continue is supported');
    res.writeHead(417, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' }).end(body);
  });
  return server;
}
