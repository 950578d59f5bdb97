import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { post, REPO, startCollector, waitFor, writeConfig } from '../helpers/collector.js';
import { captureLog, pgFaultSuite } from '../helpers/pg-faults.js';
import { postgresRequired } from '../helpers/postgres.js';

// PostgreSQL is unreachable when the collector starts (it came up first, the database is
// restarting, a network path is not there yet). The collector must not crash or exit; it
// fails closed (503, not ready) meanwhile, and once the database is reachable it migrates and
// works without a restart: the spool, the pseudonymous ids, governance and the aggregate store.
const run = postgresRequired();
const suite = pgFaultSuite(run);
let fake: FakeServer | undefined;

beforeAll(async () => { if (run) fake = await startWebhookFake(); }, 60_000);
afterAll(async () => { await fake?.close(); });

const PASSWORD = 'do-not-log-this-password';
const event = (id: string) => ({ batch: [{ type: 'track', event: 'Button Clicked', anonymousId: `v-${id}`, messageId: id, properties: { n: 1 } }] });

describe.runIf(run)('collector on postgres: database unreachable at start', () => {
  it('answers 503 and is not ready while it is down; once it is back, ready and delivering without a restart', async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => { rejections.push(e); };
    process.on('unhandledRejection', onRejection);
    suite.cleanup(async () => { process.off('unhandledRejection', onRejection); });

    const { url, proxy } = await suite.proxiedDatabase('start_unreachable');
    proxy.down();
    // The test server trusts local connections; the password is there to be kept out of logs.
    const viaProxy = new URL(proxy.url);
    viaProxy.password = PASSWORD;
    const configPath = writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
storage: { kind: postgres, url: "${viaProxy.toString()}", pool: 2 }
destinations:
  hook:
    type: webhook
    baa: false
    allow: [event, visitor_id, properties.n]
    options: { url: "${fake!.url}/hook/in" }
    delivery: { retry_base_ms: 50, retry_max_ms: 400 }
  rollup:
    type: aggregate
    allow: [event]
    options: { dimensions: [event], grace_minutes: 0 }
`);
    const log = captureLog();
    const collector = await startCollector({ configPath, logger: log.logger });
    suite.cleanup(() => collector.close());

    const refused = await post(`${collector.url}/v1/batch`, event('during'));
    expect(refused.status).toBe(503);
    expect(refused.json).toMatchObject({ error: { code: 'PW_ERR_SPOOL_UNAVAILABLE' } });
    const notReady = await fetch(`${collector.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ ready: false });

    proxy.restore();
    // The next attempt comes from the backoff timer (at most 10 s away), or from a request after its window.
    await waitFor(async () => (await fetch(`${collector.url}/readyz`)).status, (s) => s === 200, 30_000);
    const accepted = await post(`${collector.url}/v1/batch`, event('after'));
    expect(accepted.status).toBe(200);
    const delivered = () => fake!.handled('/hook/in').flatMap((r) => (r.json as { message_id: string }[]).map((x) => x.message_id));
    expect(await waitFor(delivered, (ids) => ids.includes('after'))).toEqual(['after']);

    // The aggregate store (same pool, same gate) recorded the event as well.
    const direct = new pg.Client({ connectionString: url });
    await direct.connect();
    suite.cleanup(() => direct.end());
    const cells = async () => Number((await direct.query<{ n: string }>("SELECT COALESCE(SUM(count), 0) AS n FROM phiwall_agg_cells WHERE dest = 'rollup'")).rows[0].n);
    expect(await waitFor(cells, (n) => n > 0)).toBe(1);

    // Attempts were logged by code, and the recovery once; nothing quoted the connection URL.
    const entries = log.entries();
    expect(entries.some((e) => e.what === 'migrate' && typeof e.code === 'string')).toBe(true);
    expect(entries.filter((e) => e.msg === 'storage reachable; migrations ran')).toHaveLength(1);
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
    expect(log.lines.join('\n')).not.toContain(viaProxy.host);
    expect(rejections).toEqual([]);
  }, 60_000);
});
