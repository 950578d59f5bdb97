import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { dlqCommand } from '../../src/cli/dlq.js';
import { acceptedMetaEvents, startMetaFake } from '../fakes/meta.js';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { post, REPO, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { sqliteAndPostgres } from '../helpers/storages.js';
import { issueReplayPermit } from '../../src/spool/replay-permit.js';

// Default deny at replay time: a dead letter (or a row still pending across a reload) is sent
// only as the destination's CURRENT config allows. A stored scrubbed event (an ingest-time
// refusal) is projected again through the current allow list and BAA treatment; a vendor payload
// scrubbed under a policy its destination no longer has is never sent (POLICY_CHANGED); a
// destination now removed, disabled or past its BAA refuses the replay and the rows stay.

const PIXEL = '424242';
const TOKEN = 'meta-token-xyz';
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const EXPIRED_BAA = '{ signed: "2020-01-01", expires: "2021-01-01" }';

interface Dest { baa?: string; allow: string; enabled?: boolean; sourceUrl?: string; attempts?: number }
interface Shape { storage: string; metaUrl: string; hookUrl: string; meta: Dest; hook?: Dest; extra?: string }

const configFor = (s: Shape) => `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
${s.storage}
${s.extra ?? ''}
destinations:
  meta:
    type: meta
    baa: ${s.meta.baa ?? 'false'}
    allow: [${s.meta.allow}]
    options:
      pixel_id: "${PIXEL}"
      access_token: ${TOKEN}
      endpoint: "${s.metaUrl}"${s.meta.sourceUrl ? `\n      source_url: "${s.meta.sourceUrl}"` : ''}
    delivery: { retry_base_ms: 50, retry_max_ms: 200, concurrency: 1 }
${s.hook ? `  hook:
    type: webhook
    baa: ${s.hook.baa ?? 'false'}
    enabled: ${s.hook.enabled ?? true}
    allow: [${s.hook.allow}]
    options: { url: "${s.hookUrl}/hook/in", secret: "s3cret-signing-key" }
    delivery: { retry_base_ms: 50, retry_max_ms: 100, max_attempts: ${s.hook.attempts ?? 1}, concurrency: 1 }
` : ''}`;

const track = (id: string) => ({
  type: 'track', event: 'Lead', messageId: id, anonymousId: `anon-${id}`, context: { userAgent: UA },
  properties: { plan: 'gold-plan', tier: 'tier-value-xyz' },
});
const hookRows = (fake: FakeServer) => fake.handled('/hook/in').flatMap((r) => r.json as Record<string, unknown>[]);

const storages = sqliteAndPostgres('rp');

for (const storage of storages) {
  describe(`replay obeys the current policy (${storage.name})`, () => {
    let meta: FakeServer;
    let hook: FakeServer;
    let c: Collector | undefined;
    let configPath: string;
    let base: Pick<Shape, 'storage' | 'metaUrl' | 'hookUrl'>;
    let err = '';
    beforeAll(async () => {
      meta = await startMetaFake({ pixelId: PIXEL, accessToken: TOKEN });
      hook = await startWebhookFake({ secret: 's3cret-signing-key' });
    });
    afterEach(async () => { await c?.close(); c = undefined; meta.reset(); hook.reset(); vi.restoreAllMocks(); });
    afterAll(async () => { await meta.close(); await hook.close(); });

    const start = async (meta0: Dest, hook0?: Dest) => {
      base = { storage: await storage.yaml(), metaUrl: meta.url, hookUrl: hook.url };
      configPath = writeConfig(configFor({ ...base, meta: meta0, hook: hook0 }));
      c = await startCollector({ configPath });
      return c;
    };
    const change = async (meta1: Dest, hook1?: Dest, extra?: string) => {
      writeFileSync(configPath, configFor({ ...base, meta: meta1, hook: hook1, extra }));
      expect(await c!.runtime.reload()).toBe(true);
    };
    const cliReplay = async (destination: string) => {
      err = '';
      vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
      const code = await dlqCommand(parseArgs(['dlq', 'replay', '--destination', destination, '--data', c!.dataDir, '--config', configPath]));
      vi.restoreAllMocks();
      return code;
    };
    /** A webhook dead letter written at delivery (vendor 400): it holds the vendor payload. */
    const hookDeadLetter = async (id: string) => {
      hook.failNext(400, { body: { error: 'invalid field' } });
      expect((await post(`${c!.url}/v1/track`, track(id))).status).toBe(200);
      return waitFor(() => c!.runtime.spool.listDead('hook', 10), (d) => d.some((x) => x.messageId === id), 10_000);
    };
    const deadAgain = (destination: string, code: string) =>
      waitFor(() => c!.runtime.spool.listDead(destination, 10), (d) => d.length === 1 && d[0]!.code === code, 10_000);

    it('allow list tightened: a stored scrubbed event is re-projected, the removed field is not sent', async () => {
      await start({ allow: 'event, visitor_id, user_agent, properties.plan, properties.tier' });
      await post(`${c!.url}/v1/track`, track('tight-1'));
      const stored = await c!.runtime.spool.listDead('meta', 10);
      expect(stored.map((d) => d.code)).toEqual(['META_NO_SOURCE_URL']);
      expect(JSON.stringify((await c!.runtime.spool.getDead(stored[0]!.id))!.payload)).toContain('tier-value-xyz');
      await change({ allow: 'event, visitor_id, user_agent, properties.plan', sourceUrl: 'https://clinic.example.org/' });
      expect(await cliReplay('meta')).toBe(0);
      const sent = await waitFor(() => acceptedMetaEvents(meta), (e) => e.length === 1, 10_000);
      expect(sent[0]).toMatchObject({ event_id: 'tight-1', custom_data: { plan: 'gold-plan' } });
      expect(JSON.stringify(sent[0])).not.toContain('tier-value-xyz');
    });

    it('a page blocked since: the stored scrubbed event is refused (BLOCKED_PATH) and nothing is sent', async () => {
      await start({ allow: 'event, visitor_id, user_agent, page.path' });
      await post(`${c!.url}/v1/track`, { ...track('blocked-1'), context: { userAgent: UA, page: { path: '/member-lounge/inbox' } } });
      const stored = await c!.runtime.spool.listDead('meta', 10);
      expect(JSON.stringify((await c!.runtime.spool.getDead(stored[0]!.id))!.payload)).toContain('/member-lounge/inbox');
      await change({ allow: 'event, visitor_id, user_agent, page.path', sourceUrl: 'https://clinic.example.org/' }, undefined,
        'blocked_paths: [{ name: member_lounge, glob: "/member-lounge/**" }]');
      expect(await cliReplay('meta')).toBe(0);
      await waitFor(() => c!.runtime.spool.listDead('meta', 10), (d) => d.length === 1 && d[0]!.code === 'BLOCKED_PATH', 10_000);
      expect(acceptedMetaEvents(meta)).toEqual([]);
    });

    it('allow list tightened: a vendor payload is not sent, it is dead-lettered again as POLICY_CHANGED', async () => {
      await start({ allow: 'event' }, { allow: 'event, properties.plan, properties.tier' });
      await hookDeadLetter('tight-2');
      await change({ allow: 'event' }, { allow: 'event, properties.plan' });
      expect(await cliReplay('hook')).toBe(0);
      await deadAgain('hook', 'POLICY_CHANGED');
      expect(hookRows(hook)).toEqual([]);
    });

    it('a config change that leaves the destination\'s policy alone replays and delivers as before', async () => {
      await start({ allow: 'event' }, { allow: 'event, properties.plan' });
      await hookDeadLetter('same-1');
      await change({ allow: 'event, visitor_id' }, { allow: 'event, properties.plan' });
      expect(await cliReplay('hook')).toBe(0);
      await waitFor(() => hookRows(hook), (r) => r.some((x) => x.message_id === 'same-1'), 10_000);
      await waitFor(() => c!.runtime.spool.listDead('hook', 10), (d) => d.length === 0, 10_000);
    });

    it('BAA switched off: a stored scrubbed event gets the non-BAA treatment (raw IP no longer sent)', async () => {
      await start({ baa: 'true', allow: 'event, visitor_id, user_agent, ip, properties.plan' });
      await post(`${c!.url}/v1/track`, track('baa-1'));
      const stored = await c!.runtime.spool.listDead('meta', 10);
      expect(JSON.stringify((await c!.runtime.spool.getDead(stored[0]!.id))!.payload)).toContain('"ip":"127.0.0.1"');
      await change({ baa: 'false', allow: 'event, visitor_id, user_agent, ip, properties.plan', sourceUrl: 'https://clinic.example.org/' });
      expect(await cliReplay('meta')).toBe(0);
      const sent = await waitFor(() => acceptedMetaEvents(meta), (e) => e.length === 1, 10_000);
      expect(sent[0]).toMatchObject({ event_id: 'baa-1', custom_data: { plan: 'gold-plan' } });
      expect((sent[0]!.user_data as Record<string, unknown>).client_ip_address).not.toBe('127.0.0.1');
    });

    it('BAA switched off: a vendor payload scrubbed with the BAA is not sent (POLICY_CHANGED)', async () => {
      await start({ allow: 'event' }, { baa: 'true', allow: 'event, ip' });
      await hookDeadLetter('baa-2');
      await change({ allow: 'event' }, { baa: 'false', allow: 'event, ip' });
      expect(await cliReplay('hook')).toBe(0);
      await deadAgain('hook', 'POLICY_CHANGED');
      expect(hookRows(hook)).toEqual([]);
    });

    it('BAA expired: the replay is refused and the dead letter stays; replayed anyway, it is never sent', async () => {
      await start({ allow: 'event' }, { baa: 'true', allow: 'event, ip' });
      await hookDeadLetter('exp-1');
      // A replay decided just before the expiry (its permit), carried out after it.
      const early = issueReplayPermit({ destination: 'hook', issuedAt: Date.now() });
      await change({ allow: 'event' }, { baa: EXPIRED_BAA, allow: 'event, ip' });
      expect(await cliReplay('hook')).toBe(1);
      expect(err).toContain('replay refused: BAA_EXPIRED');
      expect((await c!.runtime.spool.listDead('hook', 10)).map((d) => [d.messageId, d.code])).toEqual([['exp-1', 'HTTP_400']]);
      // The row moved back that way is caught at delivery.
      expect(await c!.runtime.spool.replayDead(early)).toBe(1);
      await deadAgain('hook', 'BAA_EXPIRED');
      expect(hookRows(hook)).toEqual([]);
    });

    it('destination disabled, then removed: the replay is refused with its code and the dead letter stays', async () => {
      await start({ allow: 'event' }, { allow: 'event' });
      await hookDeadLetter('gone-1');
      await change({ allow: 'event' }, { allow: 'event', enabled: false });
      expect(await cliReplay('hook')).toBe(1);
      expect(err).toContain('replay refused: DESTINATION_DISABLED');
      await change({ allow: 'event' });
      expect(await cliReplay('hook')).toBe(1);
      expect(err).toContain('replay refused: DESTINATION_REMOVED');
      expect((await c!.runtime.spool.listDead('hook', 10)).map((d) => d.messageId)).toEqual(['gone-1']);
      expect((await c!.runtime.spool.stats()).byDestination.hook?.pending ?? 0).toBe(0);
    });

    it('a row still pending when the allow list is tightened is not sent as it was scrubbed', async () => {
      await start({ allow: 'event' }, { allow: 'event, properties.plan, properties.tier', attempts: 1000 });
      hook.failNext(503, { count: 100_000 });
      await post(`${c!.url}/v1/track`, track('pending-1'));
      await waitFor(() => hook.requests.length, (n) => n >= 1, 10_000);
      await change({ allow: 'event' }, { allow: 'event, properties.plan', attempts: 1000 });
      hook.clearFaults();
      await deadAgain('hook', 'POLICY_CHANGED');
      expect(hookRows(hook)).toEqual([]);
    });
  });
}
