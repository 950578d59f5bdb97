import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { replayDeadLetters } from '../../src/delivery/replay.js';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { post, readOutput, REPO, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { delivered, track, webhookConfig } from '../helpers/webhook-delivery.js';

const configFor = (hookUrl: string) => webhookConfig(hookUrl, '{ retry_base_ms: 50, retry_max_ms: 400, max_attempts: 50, concurrency: 1, breaker_threshold: 3 }');

describe('durable delivery', () => {
  let fake: FakeServer;
  let c: Collector;
  beforeAll(async () => {
    fake = await startWebhookFake({ secret: 's3cret-signing-key' });
    c = await startCollector({ configPath: writeConfig(configFor(fake.url)) });
  });
  afterEach(() => { fake.reset(); });
  afterAll(async () => { await c.close(); await fake.close(); });

  it('an outage loses nothing, drains afterwards, and does not hold up other destinations', async () => {
    fake.burst5xx(25);
    const ids = Array.from({ length: 20 }, (_, i) => `outage-${i}`);
    for (const id of ids) expect((await post(`${c.url}/v1/track`, track(id))).status).toBe(200);
    // The file destination is unaffected while the webhook fails.
    await waitFor(() => readOutput(c.dataDir).map((r) => r.message_id), (got) => ids.every((id) => got.includes(id)), 5000);
    const got = await waitFor(() => delivered(fake), (d) => ids.every((id) => d.includes(id)), 20_000);
    expect(new Set(got.filter((id) => ids.includes(id))).size).toBe(20);
    expect(fake.requests.some((r) => r.fault)).toBe(true);
    await waitFor(() => c.runtime.spool.stats(), (s) => (s.byDestination.hook?.pending ?? 0) === 0, 5000);
  });

  it('a 429 storm is retried no sooner than Retry-After', async () => {
    fake.throttleNext(1, 2);
    const t0 = Date.now();
    await post(`${c.url}/v1/track`, track('throttled-1'));
    await waitFor(() => delivered(fake), (d) => d.includes('throttled-1'), 15_000);
    expect(fake.requests.filter((r) => r.path === '/hook/in').length).toBeGreaterThanOrEqual(3);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2000);
  });

  it('a 400 goes to dead letters with the vendor code, without retrying and without the payload', async () => {
    fake.failNext(400, { body: { error: 'invalid field', code: 'BAD_FIELD' } });
    await post(`${c.url}/v1/track`, track('rejected-1'));
    const dead = await waitFor(() => c.runtime.spool.listDead('hook', 10), (d) => d.some((x) => x.messageId === 'rejected-1'), 5000);
    const letter = dead.find((x) => x.messageId === 'rejected-1')!;
    expect(letter.code).toMatch(/^HTTP_400/);
    expect(letter.reason).not.toContain('Button Clicked');
    expect(fake.requests.filter((r) => r.path === '/hook/in')).toHaveLength(1);
    const replayed = await replayDeadLetters([c.runtime.spool], c.runtime.config.rules, { destination: 'hook' });
    expect(replayed).toMatchObject({ replayed: 1 });
    c.runtime.startWorkers();
    await waitFor(() => delivered(fake), (d) => d.includes('rejected-1'), 5000);
  });

  it('connection resets and slow answers are retried', async () => {
    fake.resetNext(2);
    await post(`${c.url}/v1/track`, track('reset-1'));
    await waitFor(() => delivered(fake), (d) => d.includes('reset-1'), 10_000);
  });
});

describe('events a destination would reject', () => {
  it('are dead-lettered at ingest with the reason (accounted for, never sent)', async () => {
    const c = await startCollector({ configPath: writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  ga4:
    type: ga4
    allow: [event, visitor_id]
    options: { measurement_id: G-TEST123, api_secret: s, endpoint: "http://127.0.0.1:9" }
`), deliver: false });
    const old = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const r = await post(`${c.url}/v1/track`, { type: 'track', event: 'Old Event', messageId: 'too-old-1', anonymousId: 'a', timestamp: old });
    expect(r.status).toBe(200);
    const dead = await c.runtime.spool.listDead('ga4', 10);
    expect(dead.map((d) => [d.messageId, d.code])).toEqual([['too-old-1', 'GA4_TOO_OLD']]);
    expect((await c.runtime.spool.stats()).byDestination.ga4?.pending ?? 0).toBe(0);
    await c.close();
  });
});

describe('recovery after an outage', () => {
  it('sends the backlog as soon as the destination answers again, not at each row\'s backed-off time', async () => {
    const fake = await startWebhookFake({ secret: 's3cret-signing-key' });
    // Default retry_max_ms (10 min): the held row waits 5 minutes unless the recovery releases it.
    const c = await startCollector({ configPath: writeConfig(configFor(fake.url).replace(/delivery: \{[^}]*\}/, 'delivery: { concurrency: 1, breaker_threshold: 1 }')) });
    try {
      fake.failNext(503, { headers: { 'retry-after': '300' } });
      await post(`${c.url}/v1/track`, track('held-1'));
      await waitFor(() => fake.requests.filter((r) => r.fault).length, (n) => n === 1, 5000);
      await post(`${c.url}/v1/track`, track('fresh-1'));
      const got = await waitFor(() => delivered(fake), (d) => d.includes('fresh-1') && d.includes('held-1'), 15_000);
      expect(got.filter((id) => id === 'held-1')).toHaveLength(1);
      await waitFor(() => c.runtime.spool.stats(), (s) => (s.byDestination.hook?.pending ?? 0) === 0, 5000);
    } finally {
      await c.close();
      await fake.close();
    }
  });

  it('while the vendor stays down, each probe costs one event an attempt, not the whole backlog', async () => {
    const fake = await startWebhookFake({ secret: 's3cret-signing-key' });
    const c = await startCollector({ configPath: writeConfig(configFor(fake.url).replace(/max_attempts: 50/, 'max_attempts: 3').replace(/breaker_threshold: 3/, 'breaker_threshold: 1')) });
    try {
      // One failed batch trips the breaker; the 7 failures after it are one-event probes.
      fake.burst5xx(8);
      const ids = Array.from({ length: 20 }, (_, i) => `backlog-${i}`);
      expect((await post(`${c.url}/v1/batch`, { batch: ids.map(track) })).status).toBe(200);
      await waitFor(() => c.runtime.spool.stats(), (s) => (s.byDestination.hook?.pending ?? 0) === 0, 20_000);
      const dead = (await c.runtime.spool.listDead('hook', 50)).filter((d) => d.code === 'MAX_ATTEMPTS');
      // A row dies after 3 failures: the batch's plus two probes, so at most 3 of 20 (all 20 when probes were whole batches).
      expect(dead.length).toBeLessThanOrEqual(3);
      expect(new Set(delivered(fake)).size + dead.length).toBe(20);
    } finally {
      await c.close();
      await fake.close();
    }
  });
});
