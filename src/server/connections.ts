import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

// Per-connection bookkeeping for the hardened HTTP server: which answers a connection still owes
// (so a refusal of a later, malformed pipelined request waits for them), and how many
// connections are open (so one past the cap is answered and closed, not accepted).

/** The requests a connection has handed to the app whose answers are not yet finished. */
const owed = new WeakMap<Duplex, Map<IncomingMessage, ServerResponse>>();
/** Runs once a connection owes nothing more. */
const onSettled = new WeakMap<Duplex, () => void>();
/** Connections already being refused: a parser that failed once fails again on every later byte. */
const refusing = new WeakSet<Duplex>();

/** Records a request handed to the app; its answer's end (or the socket's) settles it. */
export function owe(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  let pending = owed.get(socket);
  if (!pending) { pending = new Map(); owed.set(socket, pending); }
  pending.set(req, res);
  res.once('close', () => {
    pending.delete(req);
    if (pending.size > 0) return;
    const then = onSettled.get(socket);
    onSettled.delete(socket);
    then?.();
  });
}

/**
 * Sends a connection's refusal (`answer`) after the answers it still owes. A client that pipelines
 * a good request and a malformed one in one write had its good event spooled while the refusal,
 * written at once, ended the socket before the 2xx: it saw only the 400 and sent the event again.
 * A refusal that concerns the request still being read (its body timed out or broke its chunked
 * framing) is sent at once, as before: that request will never be answered by the app.
 */
export function refuseAfterOwed(socket: Duplex, answer: () => void): void {
  if (refusing.has(socket)) return;
  refusing.add(socket);
  const pending = [...owed.get(socket) ?? []];
  const reading = pending.find(([req]) => !req.complete);
  // As Node's own handler: no answer into a response already under way.
  if (reading?.[1].headersSent) { socket.destroy(); return; }
  if (reading || pending.length === 0) { answer(); return; }
  onSettled.set(socket, () => { if (socket.writable) answer(); else socket.destroy(); });
}

/** A raw HTTP/1.1 answer that closes the connection (for what never reaches a ServerResponse). */
export function rawAnswer(status: number, reason: string, body: string, extra = ''): string {
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`;
}

/** How long an over-cap connection may linger (reading what the client sends) before it is destroyed. */
const REFUSED_LINGER_MS = 2000;
/** Connections past the cap: their requests are never handed to the app. */
const overCap = new WeakSet<Socket>();

export const isOverCap = (socket: Socket): boolean => overCap.has(socket);

/**
 * Caps the connections open at once. One past `max` is answered 503 (JSON, Retry-After) at once
 * and closed; it never costs a request handler. Without a cap a flood of idle or slow connections
 * ran the process out of file descriptors: past that, connections were reset unanswered and the
 * spool could not open a file.
 */
export function capConnections(server: Server, max: number, body: string): void {
  let open = 0;
  server.on('connection', (socket: Socket) => {
    if (open >= max) {
      overCap.add(socket);
      socket.end(rawAnswer(503, 'Service Unavailable', body, 'Retry-After: 1\r\n'));
      // Linger to read (and drop) what the client already sent: closing with unread bytes would
      // reset the connection, and a reset can discard the 503 before the client reads it.
      socket.setTimeout(REFUSED_LINGER_MS, () => socket.destroy());
      return;
    }
    open++;
    socket.once('close', () => { open--; });
  });
}
