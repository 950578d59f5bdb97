import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUTH, startCollector, type Collector } from '../helpers/collector.js';
import { SpoolReader, cleanEvent } from '../helpers/http-fuzz.js';

/** Writes `text`, half-closes (FIN) at once, and returns all the server sent before it closed. */
function sendThenHalfClose(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => { socket.end(text); });
    let data = '';
    const timer = setTimeout(() => { socket.destroy(); resolve(data); }, 3000);
    socket.on('data', (d) => { data += d.toString('latin1'); });
    socket.on('close', () => { clearTimeout(timer); resolve(data); });
    socket.on('error', () => undefined);
  });
}

// A client that half-closes its side once the request is written (FIN after the body, keep-alive
// not refused) still gets its answer. Before, Node ended the socket at the FIN while the event
// was being committed: the event was spooled but the 200 never sent, so the client retried.

describe('a client that half-closes after its request', () => {
  let c: Collector;
  let spool: SpoolReader;
  beforeAll(async () => {
    c = await startCollector({ deliver: false });
    spool = new SpoolReader(c.dataDir);
  });
  afterAll(async () => { spool.close(); await c.close(); });

  it.each([['/v1/t', (id: string) => cleanEvent(id)], ['/v1/batch', (id: string) => ({ batch: [cleanEvent(id)] })]])('%s: answered 200 in JSON, and the event is spooled once', async (route, make) => {
    const id = `half-close-${route.length}`;
    const body = JSON.stringify(make(id));
    const port = Number(new URL(c.url).port);
    const text = `POST ${route} HTTP/1.1\r\nHost: x\r\nAuthorization: ${DEMO_AUTH}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const answer = await sendThenHalfClose(port, text);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(JSON.parse(answer.split('\r\n\r\n')[1])).toMatchObject({ success: true, accepted: 1 });
    expect(spool.items().filter((i) => i.messageId === id)).toHaveLength(1);
  });
});
