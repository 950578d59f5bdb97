import { spawn } from 'node:child_process';
import { copyFileSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { verifyPostgresChain } from '../../src/audit/postgres-audit.js';
import { REPO, tempDir, waitFor, writeConfig } from '../helpers/collector.js';
import { exited, freePort, spawnCollector } from '../helpers/child-collector.js';
import { pgFaultSuite } from '../helpers/pg-faults.js';
import { postgresRequired } from '../helpers/postgres.js';

// A real `phiwall serve` killed with SIGKILL (an OOM kill, a node lost) while PostgreSQL is
// unreachable: the audit records it had accepted were only in memory and were lost (a kept file
// is written only by a graceful shutdown). Each record is now journaled in the data directory
// before it counts as accepted; the next start on that directory writes them, once each (also
// when the same journal is found twice), and the chain verifies.
const run = postgresRequired();
const suite = pgFaultSuite(run);

const journals = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('audit-journal-'));
const lines = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).length;

async function chain(url: string): Promise<{ actions: string[]; ids: string[] }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const exists = (await c.query<{ t: string | null }>("SELECT to_regclass('phiwall_audit_log')::text AS t")).rows[0].t;
    if (!exists) return { actions: [], ids: [] };
    const { rows } = await c.query<{ action: string; record_id: string }>('SELECT action, record_id FROM phiwall_audit_log ORDER BY seq');
    return { actions: rows.map((r) => r.action), ids: rows.map((r) => r.record_id) };
  } finally {
    await c.end();
  }
}

describe.runIf(run)('shared audit chain: a killed collector loses no accepted record', () => {
  it('records queued while PostgreSQL is unreachable survive kill -9 and are written once by the next start', async () => {
    const { url, proxy } = await suite.proxiedDatabase('audit_kill');
    proxy.down();
    const configPath = writeConfig(`
version: 1
secrets: { hash_key: audit-kill-secret-0123456789 }
sites: [{ name: web, write_key: demo }]
storage: { kind: postgres, url: "${proxy.url}", pool: 2 }
destinations:
  sink: { type: file, baa: false, allow: [event] }
`);
    const dataDir = tempDir();
    const env = { PHIWALL_WORKERS: '1' };
    // Started while the database is down (its readiness needs the database: its log shows it listens).
    const log = openSync(join(dataDir, 'serve.log'), 'a');
    const first = { child: spawn(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'serve', '--config', configPath, '--data', dataDir, '--port', String(await freePort()), '--host', '127.0.0.1'], { cwd: REPO, stdio: ['ignore', log, log], env: { ...process.env, ...env } }) };
    suite.cleanup(async () => { first.child.kill('SIGKILL'); await exited(first.child); });
    await waitFor(() => readFileSync(join(dataDir, 'serve.log'), 'utf8'), (t) => t.includes('"msg":"phiwall listening"'), 30_000);
    // Accepted while the database is down: at start the config load (and the record of a config
    // changed while stopped, which the chain writes only if its last hash differs), and a reload (SIGHUP).
    await waitFor(() => journals(dataDir), (f) => f.length === 1 && lines(dataDir, f[0]) === 2);
    first.child.kill('SIGHUP');
    const [journal] = await waitFor(() => journals(dataDir), (f) => f.length === 1 && lines(dataDir, f[0]) === 3);
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('audit-unwritten-'))).toEqual([]);
    // The same journal found twice (a copy under another dead writer's name): still written once.
    copyFileSync(join(dataDir, journal), join(dataDir, `audit-journal-${Date.now()}-${first.child.pid}-9.jsonl`));

    proxy.restore();
    const second = await spawnCollector(configPath, dataDir, env);
    suite.cleanup(async () => { second.child.kill('SIGTERM'); await exited(second.child); });
    const written = await waitFor(() => chain(url), (c) => c.actions.length >= 3, 20_000);
    // The journals of the killed process are removed once their records are written.
    await waitFor(() => journals(dataDir).filter((f) => f.includes(`-${first.child.pid}-`)), (f) => f.length === 0);
    expect(written.actions).toEqual(['config.load', 'config.reload', 'config.load']);
    expect(new Set(written.ids).size).toBe(3);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    suite.cleanup(() => pool.end());
    expect(await verifyPostgresChain(pool)).toMatchObject({ ok: true, rows: 3, headSeq: 3 });
    // The running collector's journal is emptied once its records are written.
    await waitFor(() => journals(dataDir), (f) => f.every((j) => lines(dataDir, j) === 0));
  }, 60_000);
});
