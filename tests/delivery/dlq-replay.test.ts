import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acceptedMetaEvents, startMetaFake } from '../fakes/meta.js';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { post, REPO, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { sqliteAndPostgres } from '../helpers/storages.js';
import { replayDeadLetters } from '../../src/delivery/replay.js';

const replay = async (c: Collector, destination: string): Promise<number> => {
  const out = await replayDeadLetters([c.runtime.spool], c.runtime.config.rules, { destination });
  return 'replayed' in out ? out.replayed : -1;
};

// A dead letter written at ingest (the destination's own rules refused the event) holds the
// scrubbed event, not a vendor payload: replaying it must map it again with the current config,
// so a fixed cause delivers and an unchanged one is refused again with the same reason.
// Run on both spool adapters: SQLite (default) and a real PostgreSQL.

const PIXEL = '424242';
const TOKEN = 'meta-token-xyz';

const configFor = (storage: string, metaUrl: string, hookUrl: string, sourceUrl?: string) => `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
${storage}
destinations:
  meta:
    type: meta
    baa: false
    allow: [event, visitor_id, user_agent]
    options:
      pixel_id: "${PIXEL}"
      access_token: ${TOKEN}
      endpoint: "${metaUrl}"${sourceUrl ? `\n      source_url: "${sourceUrl}"` : ''}
    delivery: { retry_base_ms: 50, retry_max_ms: 200, concurrency: 1 }
  hook:
    type: webhook
    baa: false
    allow: [event, visitor_id]
    options: { url: "${hookUrl}/hook/in", secret: "s3cret-signing-key" }
    delivery: { retry_base_ms: 50, retry_max_ms: 200, max_attempts: 1, concurrency: 1 }
`;

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const track = (id: string) => ({ type: 'track', event: 'Lead', messageId: id, anonymousId: `anon-${id}`, context: { userAgent: UA } });
const hookDelivered = (fake: FakeServer) => fake.handled('/hook/in').flatMap((r) => (r.json as { message_id: string }[]).map((x) => x.message_id));

const storages = sqliteAndPostgres('dlq');

for (const storage of storages) {
  describe(`dlq replay (${storage.name})`, () => {
    let meta: FakeServer;
    let hook: FakeServer;
    let c: Collector;
    let configPath: string;
    let storageYaml: string;
    beforeAll(async () => {
      meta = await startMetaFake({ pixelId: PIXEL, accessToken: TOKEN });
      hook = await startWebhookFake({ secret: 's3cret-signing-key' });
      storageYaml = await storage.yaml();
      configPath = writeConfig(configFor(storageYaml, meta.url, hook.url));
      c = await startCollector({ configPath });
    });
    afterEach(() => { meta.reset(); hook.reset(); });
    afterAll(async () => { await c.close(); await meta.close(); await hook.close(); });

    it('an ingest-time refusal replayed unchanged is dead-lettered again with the same reason, and nothing is sent', async () => {
      expect((await post(`${c.url}/v1/track`, track('no-url-1'))).status).toBe(200);
      const before = await c.runtime.spool.listDead('meta', 10);
      expect(before.map((d) => [d.messageId, d.code, d.attempts])).toEqual([['no-url-1', 'META_NO_SOURCE_URL', 0]]);
      expect(await replay(c, 'meta')).toBe(1);
      const after = await waitFor(() => c.runtime.spool.listDead('meta', 10), (d) => d.length === 1 && d[0]!.attempts > 0, 10_000);
      expect(after.map((d) => [d.messageId, d.code])).toEqual([['no-url-1', 'META_NO_SOURCE_URL']]);
      expect(after[0]!.reason).toBe(before[0]!.reason);
      expect(meta.handled()).toHaveLength(0);
      expect((await c.runtime.spool.stats()).byDestination.meta?.pending ?? 0).toBe(0);
    });

    it('replayed after a config change that fixes the cause, it is delivered and leaves the dead letters', async () => {
      writeFileSync(configPath, configFor(storageYaml, meta.url, hook.url, 'https://clinic.example.org/'));
      expect(await c.runtime.reload()).toBe(true);
      expect(await replay(c, 'meta')).toBeGreaterThanOrEqual(1);
      const sent = await waitFor(() => acceptedMetaEvents(meta), (e) => e.some((x) => x.event_id === 'no-url-1'), 10_000);
      const event = sent.find((x) => x.event_id === 'no-url-1')!;
      expect(event).toMatchObject({ event_name: 'Lead', action_source: 'website', event_source_url: 'https://clinic.example.org/' });
      // Still default-deny: the replay carries only what the allow list let through at ingest.
      expect(JSON.stringify(event)).not.toContain('anon-no-url-1');
      await waitFor(() => c.runtime.spool.listDead('meta', 10), (d) => d.length === 0, 10_000);
    });

    it('a delivery-time dead letter (vendor 400) replays as before', async () => {
      hook.failNext(400, { body: { error: 'invalid field', code: 'BAD_FIELD' } });
      await post(`${c.url}/v1/track`, track('hook-400'));
      const dead = await waitFor(() => c.runtime.spool.listDead('hook', 10), (d) => d.some((x) => x.messageId === 'hook-400'), 10_000);
      expect(dead.find((x) => x.messageId === 'hook-400')!.code).toMatch(/^HTTP_400/);
      expect(await replay(c, 'hook')).toBeGreaterThanOrEqual(1);
      await waitFor(() => hookDelivered(hook), (d) => d.includes('hook-400'), 10_000);
      await waitFor(() => c.runtime.spool.listDead('hook', 10), (d) => d.length === 0, 10_000);
    });
  });
}
