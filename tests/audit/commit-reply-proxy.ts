// A real TCP proxy on loopback between a pg client and PostgreSQL that can lose a COMMIT's reply:
// once armed, it forwards traffic until the server's CommandComplete for COMMIT arrives (the
// transaction is then durable on the server), and instead of relaying it, cuts both sockets.
// The client sees "connection terminated" for a transaction that did commit.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface CommitReplyProxy {
  url: string;
  /** The next COMMIT's reply is lost (once); how many were lost so far. */
  loseNextCommitReply(): void;
  lost(): number;
  close(): Promise<void>;
}

const COMMIT_TAG = Buffer.from('COMMIT\0');

/**
 * Scans the server→client stream (after startup every backend message is a type byte and an
 * int32 length) and says where the first CommandComplete 'COMMIT' message starts, or -1.
 */
class BackendScanner {
  private pending = Buffer.alloc(0);

  /** Feeds a chunk; returns the index in the chunk where a COMMIT reply starts (0 if it began in an earlier chunk), or -1. */
  feed(chunk: Buffer): number {
    const carried = this.pending.length;
    this.pending = Buffer.concat([this.pending, chunk]);
    let at = 0;
    let found = -1;
    while (this.pending.length - at >= 5) {
      const len = this.pending.readInt32BE(at + 1);
      if (this.pending.length - at < 1 + len) break;
      const isCommit = this.pending[at] === 0x43 /* 'C' */ && this.pending.subarray(at + 5, at + 1 + len).equals(COMMIT_TAG);
      if (isCommit && found < 0) found = Math.max(0, at - carried);
      at += 1 + len;
    }
    this.pending = this.pending.subarray(at);
    return found;
  }
}

export async function startCommitReplyProxy(target: { port: number; url: string }): Promise<CommitReplyProxy> {
  let armed = false;
  let lost = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, '127.0.0.1');
    sockets.add(client).add(upstream);
    const scanner = new BackendScanner();
    const cut = () => { client.destroy(); upstream.destroy(); };
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => {
      const at = scanner.feed(d);
      if (at >= 0 && armed) {
        armed = false;
        lost++;
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
    loseNextCommitReply: () => { armed = true; },
    lost: () => lost,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
