import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/http-fake.js';
import { startWebhookFake } from '../fakes/webhook.js';
import { childPids, exited, metric, request, spawnCluster, spawnCollector, type ChildCollector } from '../helpers/child-collector.js';
import { REPO, tempDir, waitFor, writeConfig } from '../helpers/collector.js';
import { sha256Hex } from '../../src/common/hash.js';
import { parseArgs } from '../../src/cli/args.js';
import { chooseWorkers, workerCount } from '../../src/cli/workers.js';
import { v8PoolSize } from '../../src/cli/worker-flags.js';

const ADMIN_TOKEN = 'admin-token-0000000000001';
/** The bundled rules with ADMIN_TOKEN as the ops admin key, up to the destinations the caller lists. */
const adminConfig = () => `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
admin:
  enabled: true
  keys: [{ name: ops, role: admin, sha256: ${sha256Hex(ADMIN_TOKEN)} }]
destinations:`;

/** The `config.reload` records of the shared audit log (governance.db) after `afterSeq`. */
function reloadAuditOf(dataDir: string, afterSeq: number) {
  const db = new Database(join(dataDir, 'governance.db'), { readonly: true });
  try {
    const rows = db.prepare("SELECT seq, actor, role, details, config_after FROM audit_log WHERE action = 'config.reload' AND seq > ? ORDER BY seq").all(afterSeq) as Array<{ seq: number; actor: string; role: string; details: string; config_after: string | null }>;
    return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
  } finally { db.close(); }
}
function auditHeadOf(dataDir: string): number {
  const db = new Database(join(dataDir, 'governance.db'), { readonly: true });
  try { return (db.prepare('SELECT MAX(seq) AS seq FROM audit_log').get() as { seq: number | null }).seq ?? 0; } finally { db.close(); }
}

describe('phiwall serve worker count', () => {
  const noCgroups = tempDir();
  const count = (argv: string[], env?: string) => {
    const saved = process.env.PHIWALL_WORKERS;
    if (env === undefined) delete process.env.PHIWALL_WORKERS; else process.env.PHIWALL_WORKERS = env;
    // An empty cgroup tree: no CPU quota, whatever the machine running the test has (tests/cli/cpu-quota.test.ts).
    try { return workerCount(parseArgs(['serve', ...argv]), { proc: noCgroups, cgroup: noCgroups }); } finally { if (saved === undefined) delete process.env.PHIWALL_WORKERS; else process.env.PHIWALL_WORKERS = saved; }
  };
  it('is one worker per core by default; --workers or PHIWALL_WORKERS set it, and 1 means one process', () => {
    expect(count([])).toBe(availableParallelism());
    expect([count(['--workers', '1']), count([], '1'), count(['--workers', '3'], '1'), count(['--workers', 'auto'])]).toEqual([1, 1, 3, availableParallelism()]);
    expect(() => count(['--workers', '0'])).toThrow(/--workers/);
  });
});

describe('phiwall serve --workers 2', () => {
  let fake: FakeServer;
  let c: ChildCollector;
  let dataDir: string;
  let configYaml: string;
  let configPath: string;
  const admin = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${c.url}/admin${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` }, body: body === undefined ? undefined : JSON.stringify(body) });
    return (await r.json()) as { success: boolean; policyVersion: string; spool: { dead: number; workers: unknown; byDestination: Record<string, { dead: number }> }; replayed: number; workers: unknown };
  };
  /** The plan versions the workers run, from the cluster-wide /metrics: { version: workers }. */
  const plans = async () => Object.fromEntries([...(await request(`${c.url}/metrics`, 'GET')).text.matchAll(/^phiwall_plan_info\{version="([^"]+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
  beforeAll(async () => {
    fake = await startWebhookFake();
    dataDir = tempDir();
    configYaml = `${adminConfig()}
  local_file: { type: file, enabled: false }
  hook:
    type: webhook
    allow: [event, visitor_id]
    options: { url: "${fake.url}/hook/workers" }
  gone:
    type: webhook
    allow: [event]
    options: { url: "${fake.url}/gone" }
`;
    configPath = writeConfig(configYaml);
    c = await spawnCluster(configPath, dataDir, 2);
  }, 60_000);
  afterAll(async () => {
    if (c.child.exitCode === null) c.child.kill('SIGKILL');
    await fake.close();
  });

  it('starts each worker with the old generation\'s growth bounded, a smaller young generation, wasm on its baseline compiler and V8\'s threads sized to its CPUs (src/cli/worker-flags.ts)', () => {
    const { cores, cpuQuota } = chooseWorkers(parseArgs(['serve', '--workers', 'auto']));
    const pool = `--v8-pool-size=${v8PoolSize(Math.min(cores, cpuQuota ?? cores), 2)}`;
    for (const pid of childPids(c.child.pid!)) expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toEqual(expect.arrayContaining(['--heap-growing-percent=100', '--max-semi-space-size=8', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering', pool]));
  });

  it('serves one port from two workers; /metrics counts every worker\'s events; a visitor keeps one id on either worker', async () => {
    // 20 requests at once on fresh connections: both workers ingest, and both meet each visitor
    // (a0..a4 are in every request) for the first time concurrently.
    const batches = Array.from({ length: 20 }, (_, n) => Array.from({ length: 5 }, (_, i) => ({ type: 'track', event: 'Clicked', messageId: `wk-${n}-${i}`, anonymousId: `a${i}` })));
    const statuses = await Promise.all(batches.map(async (batch) => (await request(`${c.url}/v1/batch`, 'POST', { batch })).status));
    expect(statuses.every((s) => s === 200)).toBe(true);
    for (let i = 0; i < 2; i++) {
      const text = (await request(`${c.url}/metrics`, 'GET')).text;
      expect(metric(text, 'phiwall_events_ingested_total')).toBe(100);
      expect(metric(text, 'phiwall_events_routed_total', '{destination="hook"}')).toBe(100);
      expect([metric(text, 'phiwall_cluster_workers'), metric(text, 'phiwall_cluster_workers_reporting')]).toEqual([2, 2]);
      // Each worker's event-loop lateness (the worst worker's) and GC pauses (src/observability/loop-delay.ts).
      expect(text).toMatch(/^phiwall_event_loop_delay_seconds\{quantile="max"\} \d/m);
      // Exposed through the cluster; a count only once a worker has collected (its test counts them).
      expect(text).toMatch(/^# TYPE phiwall_gc_pause_seconds histogram$/m);
    }
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['spool.db', 'w1', 'pseudo-ids.db']));
    type Sent = { message_id: string; visitor_id: string };
    const delivered = () => fake.handled('/hook/workers').flatMap((r) => r.json as Sent[]);
    const all = await waitFor(delivered, (d) => new Set(d.map((x) => x.message_id)).size === 100, 20_000);
    const idsOf = (i: number) => new Set(all.filter((x) => x.message_id.endsWith(`-${i}`)).map((x) => x.visitor_id));
    expect([0, 1, 2, 3, 4].map((i) => idsOf(i).size)).toEqual([1, 1, 1, 1, 1]);
    expect(new Set([0, 1, 2, 3, 4].map((i) => [...idsOf(i)][0])).size).toBe(5);
  }, 60_000);

  it('checkpoints the workers\' spool files from the primary: their rows reach the database files while the workers run', async () => {
    // Checkpoints copy the WAL into the file off the workers' event loops (src/spool/sqlite/primary-checkpoints.ts);
    // without them the rows of the test above would wait in the WAL until ~40 MB of it.
    const spools = [join(dataDir, 'spool.db'), join(dataDir, 'w1', 'spool.db')];
    const fds = readdirSync(`/proc/${c.child.pid!}/fd`).map((fd) => { try { return readlinkSync(`/proc/${c.child.pid!}/fd/${fd}`); } catch { return ''; } });
    expect(fds).toEqual(expect.arrayContaining(spools));
    // A new spool file holds one page until a checkpoint copies the schema and rows out of the WAL.
    const sizes = await waitFor(() => spools.map((p) => statSync(p).size), (s) => s.every((n) => n > 4096), 20_000);
    expect(sizes.every((n) => n > 4096)).toBe(true);
  });

  it('admin /stats and /dlq/replay cover every worker\'s spool', async () => {
    // The 100 events of the test above were dead-lettered for `gone` (404) in both workers' spools.
    const stats = await waitFor(() => admin('GET', '/stats'), (s) => s.spool.dead === 100, 20_000);
    expect(stats.spool.byDestination.gone.dead).toBe(100);
    expect(stats.spool.workers).toEqual({ configured: 2, reporting: 2 });
    const replay = await admin('POST', '/dlq/replay', { destination: 'gone' });
    expect([replay.replayed, replay.workers]).toEqual([100, { configured: 2, reporting: 2 }]);
  }, 30_000);

  it('a replay the workers\' current config forbids is refused by each worker: 409, and nothing moves in any spool', async () => {
    // The rows replayed above went back to `gone` (404) and are dead letters again.
    await waitFor(() => admin('GET', '/stats'), (s) => s.spool.byDestination.gone?.dead === 100, 20_000);
    const [old] = Object.keys(await plans());
    writeFileSync(configPath, configYaml.replace('options: { url: "' + fake.url + '/gone" }', 'enabled: false\n    options: { url: "' + fake.url + '/gone" }'));
    await waitFor(plans, (p) => Object.keys(p).length === 1 && Object.values(p)[0] === 2 && p[old] === undefined, 10_000);
    const r = await fetch(`${c.url}/admin/dlq/replay`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` }, body: JSON.stringify({ destination: 'gone' }) });
    expect(r.status).toBe(409);
    expect(await r.json()).toMatchObject({ success: false, error: { code: 'PW_ERR_REPLAY_REFUSED' } });
    const stats = await admin('GET', '/stats');
    expect([stats.spool.byDestination.gone, stats.spool.workers]).toEqual([{ pending: 0, dead: 100 }, { configured: 2, reporting: 2 }]);
    writeFileSync(configPath, configYaml);
    await waitFor(plans, (p) => Object.keys(p).length === 1 && Object.values(p)[0] === 2 && p[old] === 2, 10_000);
  }, 40_000);

  /** Cluster-wide reload counters (every worker's reloads, summed). */
  const reloads = async () => metric((await request(`${c.url}/metrics`, 'GET')).text, 'phiwall_config_reloads_total', '{result="applied"}');
  const reloadAudit = (afterSeq: number) => reloadAuditOf(dataDir, afterSeq);
  const auditHead = () => auditHeadOf(dataDir);

  /** A request on `agent`'s one kept-alive connection, so it reaches the worker that connection went to. */
  const on = (agent: http.Agent, method: string, path: string, body?: unknown) => new Promise<{ success: boolean; policyVersion: string }>((resolve, reject) => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` };
    const req = http.request(`${c.url}${path}`, { method, agent, headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString('utf8'); });
      res.on('end', () => resolve(JSON.parse(text) as { success: boolean; policyVersion: string }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });

  it('a config applied through the admin API reaches every worker, each time, and is audited once, with the admin', async () => {
    // Both the worker that records file-watch reloads (0) and the other one take an apply: two
    // connections opened together go to both workers (round-robin).
    const recordedBy = new Set<unknown>();
    for (let round = 0; round < 4 && recordedBy.size < 2; round++) {
      const agents = [0, 1].map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
      await Promise.all(agents.map((a) => on(a, 'GET', '/healthz')));
      for (const [i, agent] of agents.entries()) {
        const head = auditHead();
        const before = await reloads();
        const r = await on(agent, 'POST', '/admin/config', { yaml: `${configYaml}  extra_${round}_${i}: { type: file, allow: [event] }\n` });
        expect(r.success).toBe(true);
        await waitFor(plans, (p) => JSON.stringify(p) === JSON.stringify({ [r.policyVersion]: 2 }), 10_000);
        // Settled: the admin's reload, then each worker's file-watch reload of the replaced file.
        await waitFor(reloads, (n) => n >= before + 3, 10_000);
        const records = reloadAudit(head);
        expect(records).toHaveLength(1);
        expect(records[0]).toMatchObject({ actor: 'ops', role: 'admin', details: { result: 'applied', policyVersion: r.policyVersion } });
        recordedBy.add(records[0].details.worker);
      }
      for (const a of agents) a.destroy();
    }
    expect([...recordedBy].sort()).toEqual([0, 1]);
  }, 60_000);

  it('an operator\'s edit of the config file reaches every worker and is audited once', async () => {
    const head = auditHead();
    const before = await reloads();
    const [old] = Object.keys(await plans());
    writeFileSync(configPath, `${configYaml}  extra_edit: { type: file, allow: [event] }\n`);
    const settled = await waitFor(plans, (p) => Object.keys(p).length === 1 && Object.values(p)[0] === 2 && p[old] === undefined, 10_000);
    await waitFor(reloads, (n) => n >= before + 2, 10_000);
    const records = reloadAudit(head);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ actor: 'system', role: 'system', details: { result: 'applied', policyVersion: Object.keys(settled)[0], worker: 0 } });
  }, 30_000);

  it('a refused edit is audited by every worker that refused it; the workers keep their plan', async () => {
    const head = auditHead();
    const refused = async () => metric((await request(`${c.url}/metrics`, 'GET')).text, 'phiwall_config_reloads_total', '{result="refused"}');
    const before = { plans: await plans(), refused: await refused(), applied: await reloads() };
    writeFileSync(configPath, `${configYaml}  broken: { type: nonsense }\n`);
    await waitFor(refused, (n) => n >= before.refused + 2, 10_000);
    expect(await plans()).toEqual(before.plans);
    const records = reloadAudit(head);
    expect(records.map((r) => [r.actor, r.details.result, r.details.worker]).sort()).toEqual([['system', 'refused', 0], ['system', 'refused', 1]]);
    // A valid file again (a worker restarted by the next test reads it): one applied record.
    writeFileSync(configPath, configYaml);
    await waitFor(reloads, (n) => n >= before.applied + 2, 10_000);
    expect(reloadAudit(head).filter((r) => r.details.result === 'applied')).toHaveLength(1);
  }, 30_000);

  it('answers a scrape without a worker that does not answer within a second', async () => {
    const [stuck] = childPids(c.child.pid!);
    process.kill(stuck, 'SIGSTOP');
    try {
      // A connection handed to the stopped worker hangs: give up on it and try another.
      let text = '';
      for (let i = 0; i < 4 && !text; i++) text = await request(`${c.url}/metrics`, 'GET', undefined, 2500).then((r) => r.text, () => '');
      expect([metric(text, 'phiwall_cluster_workers'), metric(text, 'phiwall_cluster_workers_reporting')]).toEqual([2, 1]);
    } finally {
      process.kill(stuck, 'SIGCONT');
    }
  }, 30_000);

  it('a worker killed again while it restarts (before it listens) is restarted again: the cluster keeps serving (it stopped, exit 1)', async () => {
    const before = childPids(c.child.pid!);
    process.kill(before[0], 'SIGKILL');
    const [fresh] = await waitFor(() => childPids(c.child.pid!).filter((p) => !before.includes(p)), (p) => p.length === 1, 20_000);
    process.kill(fresh, 'SIGKILL');
    await waitFor(() => childPids(c.child.pid!), (p) => p.length === 2 && !p.includes(fresh) && !p.includes(before[0]), 20_000);
    // Both workers listen again (each answers the cluster's /metrics), and events are taken.
    await waitFor(async () => metric((await request(`${c.url}/metrics`, 'GET')).text, 'phiwall_cluster_workers_reporting'), (n) => n === 2, 20_000);
    expect((await request(`${c.url}/v1/track`, 'POST', { type: 'track', event: 'Clicked', messageId: 'after-restart-kill', anonymousId: 'b' })).status).toBe(200);
    const log = readFileSync(join(dataDir, 'serve.log'), 'utf8');
    expect(log).not.toContain('worker exited before listening');
    expect(c.child.exitCode).toBeNull();
  }, 60_000);

  it('restarts a worker that dies and keeps serving; SIGTERM stops all with exit 0', async () => {
    const [victim] = childPids(c.child.pid!);
    process.kill(victim, 'SIGKILL');
    await waitFor(() => childPids(c.child.pid!), (p) => p.length === 2 && !p.includes(victim), 20_000);
    for (let i = 0; i < 4; i++) {
      const r = await request(`${c.url}/v1/track`, 'POST', { type: 'track', event: 'Clicked', messageId: `after-${i}`, anonymousId: 'b' });
      expect(r.status).toBe(200);
    }
    c.child.kill('SIGTERM');
    expect(await exited(c.child)).toBe(0);
    // The primary closed its spool connections last: the final checkpoint ran, no WAL is left.
    expect([existsSync(join(dataDir, 'spool.db-wal')), existsSync(join(dataDir, 'w1', 'spool.db-wal'))]).toEqual([false, false]);
  }, 60_000);
});

describe('phiwall serve --workers 1', () => {
  it('audits a config applied through the admin API once, with the admin (not again from its own file watch)', async () => {
    const dataDir = tempDir();
    const yaml = `${adminConfig()}
  local_file: { type: file, allow: [event] }
`;
    const c = await spawnCollector(writeConfig(yaml), dataDir, { PHIWALL_WORKERS: '1' });
    try {
      const reloads = async () => metric((await request(`${c.url}/metrics`, 'GET')).text, 'phiwall_config_reloads_total', '{result="applied"}');
      const head = auditHeadOf(dataDir);
      const r = await fetch(`${c.url}/admin/config`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` }, body: JSON.stringify({ yaml: `${yaml}  extra: { type: file, allow: [event] }\n` }) });
      expect(((await r.json()) as { success: boolean }).success).toBe(true);
      // Settled: the admin's reload, then the file watch's reload of the replaced file.
      await waitFor(reloads, (n) => n >= 2, 10_000);
      const records = reloadAuditOf(dataDir, head);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ actor: 'ops', role: 'admin', details: { result: 'applied' } });
      expect(records[0].details.worker).toBeUndefined();
    } finally {
      c.child.kill('SIGKILL');
    }
  }, 30_000);
});
