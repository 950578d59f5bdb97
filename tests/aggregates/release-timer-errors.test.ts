import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { post, REPO, startCollector, waitFor, writeConfig } from '../helpers/collector.js';
import { captureLog, pgFaultSuite } from '../helpers/pg-faults.js';
import { postgresRequired } from '../helpers/postgres.js';

// An aggregate destination releases due windows on its own timer: no request waits for that
// work, so nobody would see its failure unless phiwall reports it. A release whose lock
// session dies (PW_ERR_STORAGE_LOST) must show up in the log (by code) and in /metrics.
const run = postgresRequired();
const suite = pgFaultSuite(run);

const COUNTER = /^phiwall_background_errors_total\{task="aggregate_release",destination="rollup",code="([^"]+)"\} (\d+)$/m;

describe.runIf(run)('aggregate destination: errors of the release timer', () => {
  it('a release that fails on its timer is logged by code and counted, and the process keeps running', async () => {
    const { url, proxy } = await suite.proxiedDatabase('release_timer');
    const configPath = writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
storage: { kind: postgres, url: "${proxy.url}", pool: 2 }
destinations:
  rollup:
    type: aggregate
    allow: [event]
    options: { dimensions: [event], grace_minutes: 0, release_interval_seconds: 0.2 }
`);
    const log = captureLog();
    const collector = await startCollector({ configPath, logger: log.logger });
    suite.cleanup(() => collector.close());

    // The first delivered batch starts the release timer.
    expect((await post(`${collector.url}/v1/batch`, { batch: [{ type: 'track', event: 'Button Clicked', anonymousId: 'v1', messageId: 'm1' }] })).status).toBe(200);
    const direct = new pg.Client({ connectionString: url });
    await direct.connect();
    suite.cleanup(() => direct.end());
    await waitFor(async () => (await direct.query("SELECT 1 FROM phiwall_agg_cells WHERE dest = 'rollup'")).rowCount ?? 0, (n) => n > 0);

    // The next release's lock query never reaches the server: its session is gone.
    await proxy.cutOnQuery('pg_try_advisory_lock($1, hashtext($2))');
    const scrape = async () => (await (await fetch(`${collector.url}/metrics`)).text()).match(COUNTER);
    const counted = await waitFor(scrape, (m) => m !== null);
    expect(counted?.[1]).toBe('PW_ERR_STORAGE_LOST');
    expect(Number(counted?.[2])).toBeGreaterThanOrEqual(1);
    const logged = log.entries().filter((e) => e.task === 'aggregate_release');
    expect(logged[0]).toMatchObject({ level: 50, destination: 'rollup', code: 'PW_ERR_STORAGE_LOST', msg: 'background task failed' });

    // The collector keeps working.
    expect((await post(`${collector.url}/v1/batch`, { batch: [{ type: 'track', event: 'Button Clicked', anonymousId: 'v2', messageId: 'm2' }] })).status).toBe(200);
  }, 60_000);
});
