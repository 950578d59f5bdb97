import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, readOutput, REPO, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';

const config = `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  second:
    type: file
    baa: false
    allow: [event, visitor_id]
`;

describe('fail closed', () => {
  let c: Collector;
  beforeAll(async () => { c = await startCollector({ configPath: writeConfig(config) }); });
  afterAll(async () => { await c.close(); });

  it('an exception while processing an event drops it for every destination and counts it', async () => {
    // Fault injection at the plug-in boundary: the second destination's mapper throws on one event.
    const second = c.runtime.plan.destinations.find((d) => d.name === 'second')!.destination;
    const original = second.map.bind(second);
    second.map = (e) => { if (e.messageId === 'poison') throw new TypeError('mapper bug'); return original(e); };

    const r = await post(`${c.url}/v1/batch`, { batch: [
      { type: 'track', event: 'A', messageId: 'before', anonymousId: 'a' },
      { type: 'track', event: 'A', messageId: 'poison', anonymousId: 'a' },
      { type: 'track', event: 'A', messageId: 'after', anonymousId: 'a' },
    ] });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ accepted: 2, failed: 1 });
    await waitFor(() => readOutput(c.dataDir, 'local_file').length, (n) => n >= 2);
    await waitFor(() => readOutput(c.dataDir, 'second').length, (n) => n >= 2);
    for (const dest of ['local_file', 'second']) {
      const ids = readOutput(c.dataDir, dest).map((x) => x.message_id);
      expect(ids).toContain('before');
      expect(ids).toContain('after');
      expect(ids).not.toContain('poison');
    }
    const metrics = await (await fetch(`${c.url}/metrics`)).text();
    expect(metrics).toMatch(/phiwall_events_failed_closed_total\{reason="TypeError"\} 1/);
    expect(metrics).not.toContain('mapper bug');
  });
});
