// A real TCP proxy on loopback between pg clients and PostgreSQL that loses connections the
// way networks and servers do, at moments a test chooses:
// - loseNextCommitReply(): the server's reply to the next COMMIT is dropped and the connection
//   cut (the transaction is durable on the server, the client sees "connection terminated");
// - cutOnQuery(marker): the next connection that sends a query containing `marker` is cut
//   before that query reaches the server (e.g. in the middle of a transaction);
// - down() / restore(): every open connection is cut and new ones are dropped at once, until
//   restored (PostgreSQL unreachable).
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface PgProxy {
  url: string;
  loseNextCommitReply(): void;
  /** How many COMMIT replies were lost so far. */
  lost(): number;
  /** Resolves once a connection was cut at a query containing `marker` (once per call). */
  cutOnQuery(marker: string): Promise<void>;
  down(): void;
  restore(): void;
  close(): Promise<void>;
}

const COMMIT_TAG = Buffer.from('COMMIT\0');
const SSL_OR_GSS = new Set([80877103, 80877104]);

/** Splits a stream of protocol messages (type byte + int32 length) into whole messages. */
class MessageScanner {
  private pending = Buffer.alloc(0);
  /** The client's first messages (SSL/GSS request, startup) have no type byte. */
  constructor(private untyped: boolean) {}

  /** Feeds a chunk; returns the chunk offset of the first message `match` accepts (0 if it began in an earlier chunk), or -1. */
  feed(chunk: Buffer, match: (type: number, body: Buffer) => boolean): number {
    const carried = this.pending.length;
    this.pending = Buffer.concat([this.pending, chunk]);
    let at = 0;
    let found = -1;
    for (;;) {
      const head = this.untyped ? 0 : 1;
      if (this.pending.length - at < head + 4) break;
      const len = this.pending.readInt32BE(at + head);
      if (this.pending.length - at < head + len) break;
      if (this.untyped) {
        if (!SSL_OR_GSS.has(this.pending.readInt32BE(at + 4))) this.untyped = false;
      } else if (found < 0 && match(this.pending[at], this.pending.subarray(at + 5, at + 1 + len))) {
        found = Math.max(0, at - carried);
      }
      at += head + len;
    }
    this.pending = this.pending.subarray(at);
    return found;
  }
}

const isCommitReply = (type: number, body: Buffer) => type === 0x43 /* CommandComplete */ && body.equals(COMMIT_TAG);
/** Simple query ('Q') or Parse ('P') of an extended query whose text contains `marker`. */
const isQueryWith = (marker: Buffer) => (type: number, body: Buffer) => (type === 0x51 || type === 0x50) && body.includes(marker);

export async function startPgProxy(target: { port: number; url: string }): Promise<PgProxy> {
  let commitArmed = false;
  let lostReplies = 0;
  let refusing = false;
  const cuts: { marker: Buffer; done: () => void }[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (refusing) { client.destroy(); return; }
    const upstream = connect(target.port, '127.0.0.1');
    sockets.add(client).add(upstream);
    const fromClient = new MessageScanner(true);
    const fromServer = new MessageScanner(false);
    const cut = () => { client.destroy(); upstream.destroy(); };
    client.on('data', (d: Buffer) => {
      let hit = -1;
      const at = fromClient.feed(d, (type, body) => (hit = cuts.findIndex((c) => isQueryWith(c.marker)(type, body))) >= 0);
      if (at < 0) { upstream.write(d); return; }
      // The marked query never reaches the server; the connection dies in front of it.
      const [{ done }] = cuts.splice(hit, 1);
      upstream.write(d.subarray(0, at), () => { cut(); done(); });
    });
    upstream.on('data', (d: Buffer) => {
      const at = fromServer.feed(d, isCommitReply);
      if (at >= 0 && commitArmed) {
        commitArmed = false;
        lostReplies++;
        // Relay what came before the COMMIT reply, drop the reply itself and the connection.
        client.write(d.subarray(0, at), cut);
        return;
      }
      client.write(d);
    });
    for (const s of [client, upstream]) {
      s.on('error', cut);
      s.on('close', () => { sockets.delete(s); cut(); });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');
  const url = new URL(target.url);
  url.port = String(address.port);
  return {
    url: url.toString(),
    loseNextCommitReply: () => { commitArmed = true; },
    lost: () => lostReplies,
    cutOnQuery: (marker) => new Promise<void>((done) => { cuts.push({ marker: Buffer.from(marker), done }); }),
    down: () => { refusing = true; for (const s of sockets) s.destroy(); },
    restore: () => { refusing = false; },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
