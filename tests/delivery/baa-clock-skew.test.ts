import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { dlqCommand } from '../../src/cli/dlq.js';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { post, REPO, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';

// A dated BAA's window is on the calendar; the spool stamps rows on its steady clock. With the wall
// clock stepped back while the collector runs, the spool clock is ahead of it: a row scrubbed
// while the BAA held was stamped past its expiry, read as scrubbed without it, and `dlq replay`
// after the expiry sent its BAA-only fields (the IP) to the destination. Rows now carry the wall
// time their scrub decisions used: such a row stays (BAA_EXPIRED), however long after the replay runs.

const SECRET = 's3cret-signing-key';
const configFor = (url: string, baa: string) => `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  hook:
    type: webhook
    baa: ${baa}
    allow: [event, ip]
    options: { url: "${url}/hook/in", secret: "${SECRET}" }
    delivery: { retry_base_ms: 50, retry_max_ms: 100, max_attempts: 1, concurrency: 1 }
`;
const track = (id: string) => ({ type: 'track', event: 'Lead', messageId: id, anonymousId: `anon-${id}` });

describe('a dated BAA while the wall clock is behind the spool clock', () => {
  let hook: FakeServer;
  let c: Collector;
  let configPath: string;
  beforeAll(async () => {
    hook = await startWebhookFake({ secret: SECRET });
    configPath = writeConfig(configFor(hook.url, 'true'));
    c = await startCollector({ configPath });
  });
  afterEach(() => { vi.restoreAllMocks(); });
  afterAll(async () => { vi.useRealTimers(); await c.close(); await hook.close(); });

  it('a row scrubbed under the BAA is not replayed to the destination after it expired', async () => {
    vi.useFakeTimers({ now: Date.now() - 60_000, toFake: ['Date'], shouldAdvanceTime: true }); // stepped back a minute
    const expires = Date.now() + 4000;
    writeFileSync(configPath, configFor(hook.url, `{ signed: "2020-01-01", expires: "${new Date(expires).toISOString()}" }`));
    expect(await c.runtime.reload()).toBe(true);
    hook.failNext(400, { body: { error: 'invalid field' } });
    expect((await post(`${c.url}/v1/track`, track('under-baa'))).status).toBe(200);
    const dead = await waitFor(() => c.runtime.spool.listDead('hook', 10), (d) => d.some((x) => x.messageId === 'under-baa'), 10_000);
    expect(JSON.stringify((await c.runtime.spool.getDead(dead[0].id))!.payload)).toContain('127.0.0.1');
    vi.useRealTimers(); // the wall clock corrected again (NTP): the BAA's end is now a minute past
    expect(Date.now()).toBeGreaterThan(expires + 50_000);
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => { out += String(s); return true; });
    const code = await dlqCommand(parseArgs(['dlq', 'replay', '--destination', 'hook', '--data', c.dataDir, '--config', configPath]));
    vi.restoreAllMocks();
    expect(out).toMatch(/replay refused: BAA_EXPIRED/); // nothing moved, one kept
    expect(code).not.toBe(0);
    expect((await c.runtime.spool.listDead('hook', 10)).map((d) => d.messageId)).toEqual(['under-baa']);
    await new Promise((r) => setTimeout(r, 500));
    expect(hook.handled('/hook/in').some((r) => r.raw.includes('127.0.0.1'))).toBe(false);
  });
});
