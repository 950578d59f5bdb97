import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { loadConfig } from '../../src/config/load.js';
import { post, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { delivered, track, webhookConfig } from '../helpers/webhook-delivery.js';

const configFor = (hookUrl: string, delivery = '{ concurrency: 2 }') => webhookConfig(hookUrl, delivery);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('delivery at low traffic', () => {
  let fake: FakeServer;
  let c: Collector;
  beforeAll(async () => {
    fake = await startWebhookFake({ secret: 's3cret-signing-key' });
    c = await startCollector({ configPath: writeConfig(configFor(fake.url)) });
  });
  afterAll(async () => { await c.close(); await fake.close(); });

  it('a trickle of single events reaches the vendor in fewer requests than events, every event once', async () => {
    // Two seconds of one event every 40 ms: the worker measures its rate over a second, then waits longer between rounds.
    const ids = Array.from({ length: 50 }, (_, i) => `trickle-${i}`);
    for (const id of ids) {
      expect((await post(`${c.url}/v1/track`, track(id))).status).toBe(200);
      await pause(40);
    }
    const got = await waitFor(() => delivered(fake), (d) => ids.every((id) => d.includes(id)), 10_000);
    expect(got.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    expect(fake.handled('/hook/in').length).toBeLessThan(ids.length);
  });

  it('a destination\'s delivery.max_linger_ms is read from the config and bounded', () => {
    const ok = loadConfig(writeConfig(configFor('http://127.0.0.1:9', '{ max_linger_ms: 100 }')));
    expect(ok.rules.destinations?.hook?.delivery.max_linger_ms).toBe(100);
    expect(() => loadConfig(writeConfig(configFor('http://127.0.0.1:9', '{ max_linger_ms: 5 }')))).toThrow(/max_linger_ms/);
  });
});
