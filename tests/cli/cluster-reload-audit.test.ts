import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, childPids, exited, metric, request, spawnCluster, type ChildCollector } from '../helpers/child-collector.js';
import { tempDir, waitFor, writeConfig } from '../helpers/collector.js';
import { loadConfig } from '../../src/config/load.js';
import { configHash } from '../../src/governance/governance.js';

// A `serve --workers 2` cluster records one `config.reload` per change of the config, by worker 0
// for a file edit. An edit made while worker 0 was down (killed, about to be restarted) was
// reloaded by worker 1 unrecorded, and the restarted worker 0 only recorded `config.load` with
// the new hash: the change had no reload record. The primary is stopped (SIGSTOP) while worker 0
// is down, so the edit and worker 1's reload happen before worker 0 starts again, every time.

const base = `
version: 1
sites: [{ name: web, write_key: demo }]
destinations:
  sink: { type: file, baa: false, allow: [event] }
`;

function auditOf(dataDir: string, afterSeq: number) {
  const db = new Database(join(dataDir, 'governance.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT seq, action, actor, details, config_before, config_after FROM audit_log WHERE seq > ? ORDER BY seq').all(afterSeq) as Array<{ seq: number; action: string; actor: string; details: string; config_before: string | null; config_after: string | null }>;
    return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
  } finally { db.close(); }
}
const headOf = (dataDir: string) => auditOf(dataDir, 0).at(-1)?.seq ?? 0;
const workerIndexOf = (pid: number) => /(?:^|\0)PHIWALL_WORKER_INDEX=(\d+)/.exec(readFileSync(`/proc/${pid}/environ`, 'utf8'))?.[1];
const logLines = (dataDir: string, msg: string) => readFileSync(join(dataDir, 'serve.log'), 'utf8').split('\n').filter((l) => l.includes(`"msg":"${msg}"`)).length;

describe('phiwall serve --workers 2: a config edit while worker 0 restarts', () => {
  let c: ChildCollector;
  let dataDir: string;
  let configPath: string;
  beforeAll(async () => {
    dataDir = tempDir();
    configPath = writeConfig(base);
    c = await spawnCluster(configPath, dataDir, 2);
  }, 60_000);
  afterAll(async () => {
    if (c.child.exitCode === null) { process.kill(c.child.pid!, 'SIGCONT'); c.child.kill('SIGTERM'); await exited(c.child); }
  });

  /** Kills worker 0 with the primary stopped, runs `meanwhile`, lets the primary restart it and waits until both workers serve. */
  async function restartWorker0(meanwhile: () => Promise<void>): Promise<void> {
    const primary = c.child.pid!;
    const w0 = childPids(primary).find((p) => workerIndexOf(p) === '0')!;
    process.kill(primary, 'SIGSTOP');
    try {
      process.kill(w0, 'SIGKILL');
      await waitFor(() => alive(w0), (a) => !a);
      await meanwhile();
    } finally {
      process.kill(primary, 'SIGCONT');
    }
    await waitFor(() => childPids(primary), (p) => p.length === 2 && !p.includes(w0), 20_000);
    await waitFor(async () => metric((await request(`${c.url}/metrics`, 'GET')).text, 'phiwall_cluster_workers_reporting'), (n) => n === 2, 20_000);
  }

  it('the change is recorded once, by the restarted worker (details.at: start), before its config.load', async () => {
    const head = headOf(dataDir);
    const before = configHash(loadConfig(configPath).rules);
    const reloadsLogged = logLines(dataDir, 'config reloaded');
    await restartWorker0(async () => {
      writeFileSync(configPath, `${base}  extra: { type: file, baa: false, allow: [event] }\n`);
      // Worker 1 reloads the edit (unrecorded: not worker 0).
      await waitFor(() => logLines(dataDir, 'config reloaded'), (n) => n === reloadsLogged + 1);
    });
    const after = configHash(loadConfig(configPath).rules);
    expect(after).not.toBe(before);
    const rows = auditOf(dataDir, head);
    expect(rows.filter((r) => r.action === 'config.reload')).toEqual([
      expect.objectContaining({ actor: 'system', config_before: before, config_after: after, details: expect.objectContaining({ result: 'applied', at: 'start', worker: 0 }) as unknown }),
    ]);
    expect(rows.map((r) => r.action)).toEqual(['config.reload', 'config.load']);
  }, 60_000);

  it('a restart without a change writes no reload record', async () => {
    const head = headOf(dataDir);
    await restartWorker0(async () => undefined);
    expect(auditOf(dataDir, head).map((r) => r.action)).toEqual(['config.load']);
  }, 60_000);
});
