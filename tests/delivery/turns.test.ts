// Delivery steps take turns with the rest of the event loop (src/delivery/turns.ts): a request
// that arrived during one destination's step is read before the next destination's step runs,
// not after all of them. Real loopback socket; the steps are synchronous work, as a lease or an ack is.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Turns } from '../../src/delivery/turns.js';

let server: Server | undefined, client: Socket | undefined;
afterEach(() => { client?.destroy(); server?.close(); });

const busy = (ms: number) => { const end = performance.now() + ms; while (performance.now() < end) { /* a synchronous step */ } };

async function loopback(onData: () => void): Promise<Socket> {
  server = createServer((s) => s.on('data', onData));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const c = createConnection(port, '127.0.0.1');
  await new Promise<void>((resolve) => c.once('connect', resolve));
  await new Promise((resolve) => setTimeout(resolve, 20)); // the server side has accepted
  return c;
}

describe('delivery turns', () => {
  it('reads a request that arrived during one step before the next step runs', async () => {
    const order: string[] = [];
    client = await loopback(() => order.push('request read'));
    const turns = new Turns();
    const steps = [1, 2, 3].map(async (i) => {
      await turns.next();
      busy(10);
      order.push(`step ${i}`);
      if (i === 1) client!.write('a request');
    });
    await Promise.all(steps);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['step 1', 'request read', 'step 2', 'step 3']);
  });

  it('runs every step, in the order asked, when nothing else is waiting', async () => {
    const turns = new Turns();
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map(async (i) => { await turns.next(); order.push(i); }));
    expect(order).toEqual([1, 2, 3, 4]);
  });
});
