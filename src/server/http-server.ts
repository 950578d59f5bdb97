import type { ServerType } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

// What Node's HTTP layer answers itself never reaches the app: a request its parser refuses (an
// unknown method, a malformed header, broken chunked framing, headers over 16 KB) or an `Expect`
// it cannot meet. Node's own answers are bare status lines; these carry the app's JSON error
// body instead, and name no request content.

/** A whole request (headers and body) must arrive within this: a slow body holds a socket no longer. */
export const REQUEST_TIMEOUT_MS = 60_000;

const PARSER_ERRORS: Readonly<Record<string, [number, string, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'PW_ERR_HEADERS_TOO_LARGE', 'request headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'PW_ERR_REQUEST_TIMEOUT', 'the request did not arrive in time'],
};
const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

const errorBody = (code: string, message: string): string => JSON.stringify({ success: false, error: { code, message } });

function answerParserError(socket: Duplex, errCode: string | undefined): void {
  const [status, code, message] = PARSER_ERRORS[errCode ?? ''] ?? [400, 'PW_ERR_BAD_REQUEST', 'malformed HTTP request'];
  const body = errorBody(code, message);
  socket.end(`HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Applies the request timeout and the JSON answers above to a server from `serve()`. */
export function hardenServer(server: ServerType): ServerType {
  if ('requestTimeout' in server) server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: no answer once a response has started, or to a socket already gone.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) { socket.destroy(); return; }
    answerParserError(socket, err.code);
  });
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => {
    const body = errorBody('PW_ERR_EXPECTATION_FAILED', 'only Expect: 100-continue is supported');
    res.writeHead(417, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' }).end(body);
  });
  return server;
}
