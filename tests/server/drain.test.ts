import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serveHardened } from '../../src/server/http-server.js';

// README "Delivery": SIGTERM stops accepting, lets in-flight work finish, and exits. A keep-alive
// client that keeps sending (an SDK's connection pool, a load balancer) must not keep a draining
// collector serving until its hard stop kills it mid-delivery: an answer given while draining
// ends its connection, so server.close() completes.
describe('draining HTTP server', () => {
  it('answers the next request on a keep-alive connection with Connection: close once close() was called, and then closes', async () => {
    let arrived!: () => void;
    const inFlight = new Promise<void>((r) => { arrived = r; });
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const server = serveHardened({ port: 0, hostname: '127.0.0.1', fetch: async () => { arrived(); await gate; return new Response('{"ok":true}'); } });
    await new Promise<void>((r) => { if (server.listening) r(); else server.once('listening', () => r()); });
    const { port } = server.address() as AddressInfo;
    // One socket: the second request goes on the connection of the first.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () => new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => { res.resume(); res.on('end', () => resolve(res)); }).on('error', reject);
    });
    // The first request is being answered when the drain starts, so its connection is not idle
    // (Node closes only the connections idle at that moment).
    const first = get();
    await inFlight;
    const closed = new Promise<void>((r) => server.close(() => r()));
    release();
    expect((await first).statusCode).toBe(200);
    const second = await get();
    expect(second.statusCode).toBe(200);
    expect(second.headers.connection).toBe('close');
    await closed;
    agent.destroy();
  });
});
