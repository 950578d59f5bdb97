import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { dlqCommand } from '../../src/cli/dlq.js';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { post, REPO, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { sqliteAndPostgres } from '../helpers/storages.js';

// What a dead letter may become under the destination's CURRENT BAA and policy: a row goes out
// as stored when it was not scrubbed for a BAA the destination lacks now (a row scrubbed after a
// dated BAA expired was scrubbed without it) and its projection is the current one or differs
// only by a longer allow list. Real collector, real spool (SQLite file / PostgreSQL), fake
// webhook receiver, `phiwall dlq replay` as an operator runs it.

const SECRET = 's3cret-signing-key';
interface Hook { baa: string; allow: string; eventMap?: string }
const configFor = (storage: string, url: string, h: Hook) => `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
${storage}
destinations:
  hook:
    type: webhook
    baa: ${h.baa}
    allow: [${h.allow}]${h.eventMap ? `\n    event_map: ${h.eventMap}` : ''}
    options: { url: "${url}/hook/in", secret: "${SECRET}" }
    delivery: { retry_base_ms: 50, retry_max_ms: 100, max_attempts: 1, concurrency: 1 }
`;
const track = (id: string) => ({ type: 'track', event: 'Lead', messageId: id, anonymousId: `anon-${id}`, properties: { plan: 'gold-plan' } });
const sent = (fake: FakeServer) => fake.handled('/hook/in').flatMap((r) => r.json as Record<string, unknown>[]);
const until = async (t: number) => { while (Date.now() < t) await new Promise((r) => setTimeout(r, Math.min(200, Math.max(1, t - Date.now())))); };

for (const storage of sqliteAndPostgres('rb')) {
  describe(`replay under the current BAA and policy (${storage.name})`, () => {
    let hook: FakeServer;
    let c: Collector | undefined;
    let configPath: string;
    let storageYaml: string;
    let out = '';
    beforeAll(async () => { hook = await startWebhookFake({ secret: SECRET }); });
    afterEach(async () => { await c?.close(); c = undefined; hook.reset(); vi.restoreAllMocks(); });
    afterAll(async () => { await hook.close(); });

    const start = async (h: Hook) => {
      storageYaml = await storage.yaml();
      configPath = writeConfig(configFor(storageYaml, hook.url, h));
      c = await startCollector({ configPath });
    };
    const change = async (h: Hook) => {
      writeFileSync(configPath, configFor(storageYaml, hook.url, h));
      expect(await c!.runtime.reload()).toBe(true);
    };
    const replay = async () => {
      out = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
      vi.spyOn(process.stderr, 'write').mockImplementation((s) => { out += String(s); return true; });
      const code = await dlqCommand(parseArgs(['dlq', 'replay', '--destination', 'hook', '--data', c!.dataDir, '--config', configPath]));
      vi.restoreAllMocks();
      return code;
    };
    /** A vendor 400 at delivery: the dead letter holds the webhook payload as it was scrubbed. */
    const deadLetter = async (id: string) => {
      hook.failNext(400, { body: { error: 'invalid field' } });
      expect((await post(`${c!.url}/v1/track`, track(id))).status).toBe(200);
      const all = await waitFor(() => c!.runtime.spool.listDead('hook', 10), (d) => d.some((x) => x.messageId === id), 10_000);
      return JSON.stringify((await c!.runtime.spool.getDead(all.find((x) => x.messageId === id)!.id))!.payload);
    };
    const deadIds = async () => (await c!.runtime.spool.listDead('hook', 10)).map((d) => [d.messageId, d.code]);

    it('a dated BAA expired: dead letters scrubbed after the expiry replay and are delivered; those scrubbed under it stay until it is renewed', async () => {
      await start({ baa: '{ signed: "2020-01-01", expires: "2099-12-31" }', allow: 'event, ip' });
      expect(await deadLetter('under-baa')).toContain('"ip":"127.0.0.1"');
      // The BAA's end moved to a second from now (after the first dead letter was scrubbed under it), then passed.
      const expires = Date.now() + 1000;
      await change({ baa: `{ signed: "2020-01-01", expires: "${new Date(expires).toISOString()}" }`, allow: 'event, ip' });
      await until(expires + 50);
      expect(await deadLetter('after-expiry')).not.toContain('127.0.0.1');
      expect(await replay()).toBe(0);
      expect(out).toContain('replayed 1');
      expect(out).toContain('kept 1 (BAA_EXPIRED');
      await waitFor(() => sent(hook), (r) => r.some((x) => x.message_id === 'after-expiry'), 10_000);
      expect(await deadIds()).toEqual([['under-baa', 'HTTP_400']]);
      expect(hook.handled('/hook/in').some((r) => r.raw.includes('127.0.0.1'))).toBe(false);
      // Renewed: the BAA holds again, so what was scrubbed under it may go.
      await change({ baa: '{ signed: "2020-01-01", expires: "2099-12-31" }', allow: 'event, ip' });
      expect(await replay()).toBe(0);
      await waitFor(() => sent(hook), (r) => r.some((x) => x.message_id === 'under-baa' && x.ip === '127.0.0.1'), 10_000);
      await waitFor(() => c!.runtime.spool.listDead('hook', 10), (d) => d.length === 0, 10_000);
    });

    it('BAA switched on: a vendor payload scrubbed without it is delivered as stored (stricter than needed, never POLICY_CHANGED)', async () => {
      await start({ baa: 'false', allow: 'event, ip' });
      const stored = await deadLetter('baa-on');
      expect(stored).not.toContain('127.0.0.1');
      await change({ baa: 'true', allow: 'event, ip' });
      expect(await replay()).toBe(0);
      const rows = await waitFor(() => sent(hook), (r) => r.some((x) => x.message_id === 'baa-on'), 10_000);
      expect(JSON.stringify(rows.find((x) => x.message_id === 'baa-on'))).not.toContain('127.0.0.1');
      await waitFor(() => c!.runtime.spool.listDead('hook', 10), (d) => d.length === 0, 10_000);
    });

    it('allow list widened: a vendor payload scrubbed under the shorter list is delivered as it was stored', async () => {
      await start({ baa: 'false', allow: 'event' });
      expect(await deadLetter('wider')).not.toContain('gold-plan');
      await change({ baa: 'false', allow: 'event, properties.plan' });
      expect(await replay()).toBe(0);
      const rows = await waitFor(() => sent(hook), (r) => r.some((x) => x.message_id === 'wider'), 10_000);
      // As stored: the field allowed since is not in it (it was never kept).
      expect(JSON.stringify(rows.find((x) => x.message_id === 'wider'))).not.toContain('gold-plan');
    });

    it('allow list widened together with another policy change: still POLICY_CHANGED, nothing sent', async () => {
      await start({ baa: 'false', allow: 'event' });
      await deadLetter('wider-and-more');
      await change({ baa: 'false', allow: 'event, properties.plan', eventMap: '{ Lead: Prospect }' });
      expect(await replay()).toBe(0);
      await waitFor(() => deadIds(), (d) => d.length === 1 && d[0]![1] === 'POLICY_CHANGED', 10_000);
      expect(sent(hook)).toEqual([]);
    });
  });
}
