import { describe, expect, it } from 'vitest';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { post, startCollector } from '../helpers/collector.js';

// README "Ingest API": `GET /readyz` means "spool writable and plan loaded". A load balancer uses
// it to stop sending traffic to a collector that can only answer 503: a full disk (here SQLite's
// max_page_count) must say not ready, and ready again once writes go through.
const big = (p: string) => ({ batch: Array.from({ length: 50 }, (_, i) => ({ type: 'track', event: 'E', messageId: `${p}-${i}`, anonymousId: 'a', properties: { service_line: 'cardiology'.repeat(30) } })) });

describe('/readyz follows the spool', () => {
  it('is 503 once a commit fails on a full disk, and 200 again when there is room', async () => {
    const c = await startCollector({ deliver: false, maxPageCount: 40 });
    try {
      expect((await fetch(`${c.url}/readyz`)).status).toBe(200);
      let status = 200;
      for (let i = 0; i < 60 && status === 200; i++) status = (await post(`${c.url}/v1/batch`, big(`r${i}`))).status;
      expect(status).toBe(503);
      const ready = await fetch(`${c.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false });
      expect((await fetch(`${c.url}/readyz`)).status).toBe(503);
      // The disk gets room (an operator freed space): ready again, and events are taken again.
      (c.runtime.spool as SqliteSpool).db.pragma('max_page_count = 100000');
      expect((await fetch(`${c.url}/readyz`)).status).toBe(200);
      expect((await post(`${c.url}/v1/batch`, big('after'))).status).toBe(200);
    } finally {
      await c.close();
    }
  });

});
