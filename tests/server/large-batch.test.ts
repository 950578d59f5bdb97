import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUTH, post, startCollector, type Collector } from '../helpers/collector.js';
import { SpoolReader } from '../helpers/http-fuzz.js';

// A /v1/batch near the body limit (~2,800 small events, 450 KB) used to run the whole pipeline in
// one turn of the event loop: 0.5-1 s during which no other client of that worker was answered.
// It now runs in time slices, and other requests are answered in between; its own 200 still
// comes only once all its rows are in the spool.

const ingested = async (c: Collector): Promise<number> => (await c.runtime.metrics.ingested.get()).values[0]?.value ?? 0;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function largeBatch(prefix: string): { batch: Record<string, unknown>[] } {
  const batch: Record<string, unknown>[] = [];
  let bytes = 12;
  for (let i = 0; bytes < 450_000; i++) {
    const ev = { type: 'track', event: 'Button Clicked', messageId: `${prefix}-${i}`, anonymousId: `visitor-${i % 50}`, properties: { cta: 'book', path: `/services/cardiology/p${i % 300}` } };
    bytes += JSON.stringify(ev).length + 1;
    batch.push(ev);
  }
  return { batch };
}

describe('a large batch', () => {
  let c: Collector;
  let spool: SpoolReader;
  beforeAll(async () => {
    c = await startCollector({ deliver: false });
    spool = new SpoolReader(c.dataDir);
    // A first batch compiles the pipeline's code paths, as a running collector's would be.
    expect((await post(`${c.url}/v1/batch`, largeBatch('warm'))).status).toBe(200);
  });
  afterAll(async () => { spool.close(); await c.close(); });

  it('lets a small request sent while it is processed be answered before it, and answers 200 only with all its rows spooled', async () => {
    const body = largeBatch('large');
    const before = await ingested(c);
    const order: string[] = [];
    const large = post(`${c.url}/v1/batch`, body).then((r) => { order.push('large'); return r; });
    // Once the collector has taken some of the batch's events (not all), a small request goes in.
    let seen = before;
    while (seen === before) { await nextTurn(); seen = await ingested(c); }
    expect(seen - before).toBeLessThan(body.batch.length);
    const small = await post(`${c.url}/v1/t`, { type: 'track', event: 'Ping', messageId: 'small-during-large', anonymousId: 'other-visitor' });
    order.push('small');
    // Answered while the batch was still being processed: fewer than all its events taken.
    expect(small.status).toBe(200);
    expect(await ingested(c) - before).toBeLessThan(body.batch.length + 1);
    const answer = await large;
    expect(order).toEqual(['small', 'large']);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ success: true, accepted: body.batch.length });
    // Ack means durable: every accepted event of the batch is in the spool when the 200 arrives.
    const spooled = new Set(spool.items().map((i) => i.messageId));
    expect(body.batch.filter((ev) => !spooled.has(ev.messageId as string))).toEqual([]);
    expect(spooled.has('small-during-large')).toBe(true);
  });
});
