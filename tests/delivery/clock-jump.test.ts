import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { post, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { delivered, track, webhookConfig } from '../helpers/webhook-delivery.js';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';

// An event the vendor keeps refusing is retried; meanwhile the host's wall clock is stepped.
// Age is time since receipt as the spool's steady clock measures it: a step is not age.
const HOUR = 3_600_000;

describe('a wall clock stepped while an event is being retried', () => {
  let fake: FakeServer;
  let c: Collector;
  beforeAll(async () => {
    fake = await startWebhookFake({ secret: 's3cret-signing-key' });
    const yaml = webhookConfig(fake.url, '{ retry_base_ms: 50, retry_max_ms: 200, max_attempts: 100000, max_age_hours: 1, concurrency: 1, breaker_threshold: 100000 }');
    c = await startCollector({ configPath: writeConfig(yaml) });
  });
  afterEach(() => { vi.useRealTimers(); fake.reset(); });
  afterAll(async () => { await c.close(); await fake.close(); });

  const failingThenJump = async (id: string, stepMs: number) => {
    fake.burst5xx(1_000_000);
    expect((await post(`${c.url}/v1/track`, track(id))).status).toBe(200);
    await waitFor(() => fake.requests.filter((r) => r.path === '/hook/in').length, (n) => n >= 3, 5000);
    vi.useFakeTimers({ now: Date.now() + stepMs, toFake: ['Date'], shouldAdvanceTime: true });
    await waitFor(() => fake.requests.filter((r) => r.path === '/hook/in').length, (n) => n >= 6, 5000); // retried after the step
    fake.clearFaults();
    await waitFor(() => delivered(fake), (d) => d.includes(id), 5000);
    const dead = await c.runtime.spool.listDead('hook', 100);
    expect(dead.map((d) => d.code)).toEqual([]);
  };

  it('set forward past max_age_hours: still retried, then delivered (was dead-lettered MAX_AGE)', async () => {
    await failingThenJump('clock-forward-1', 3 * HOUR);
  });

  it('set back by hours: retries keep their pace and it is delivered within seconds (waited the hours)', async () => {
    await failingThenJump('clock-back-1', -5 * HOUR);
  });
});

describe('the SQLite spool clock across a restart', () => {
  it('never starts behind the newest time the file holds (a clock set back while stopped stalls nothing)', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'pw-clock-')), 'spool.db');
    const opts = { path, maxRows: 1000, maxBytes: 1e7, synchronous: 'normal' as const, groupCommitMs: 1 };
    const a = new SqliteSpool(opts);
    await a.enqueue([{ messageId: 'm1', destination: 'd', payload: { a: 1 } }]);
    const [item] = await a.lease('d', 10, 30_000);
    await a.retry([item!.id], a.now(), 'vendor 503'); // due now: a retry row with its time on disk
    const stored = a.now();
    await a.close();
    vi.useFakeTimers({ now: Date.now() - 5 * HOUR, toFake: ['Date'], shouldAdvanceTime: true });
    try {
      const b = new SqliteSpool(opts);
      expect(b.now()).toBeGreaterThanOrEqual(stored);
      expect((await b.lease('d', 10, 30_000)).map((i) => i.messageId)).toEqual(['m1']);
      await b.close();
    } finally { vi.useRealTimers(); }
  });
});
