import { serve, type ServerType } from '@hono/node-server';
import { copyFileSync, appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit/audit-log.js';
import { PostgresAuditChain } from '../../src/audit/postgres-audit.js';
import { sha256Hex } from '../../src/common/hash.js';
import { Runtime } from '../../src/runtime.js';
import { buildApp } from '../../src/server/app.js';
import { migrate } from '../../src/spool/postgres/migrate.js';
import { Readiness } from '../../src/spool/postgres/readiness.js';
import { PACKS, tempDir, waitFor, writeConfig } from '../helpers/collector.js';
import { captureLog, pgFaultSuite } from '../helpers/pg-faults.js';
import { postgresRequired } from '../helpers/postgres.js';

// The shared audit chain through a PostgreSQL outage longer than the few seconds of retries
// after which records used to be dropped: records made meanwhile (the config load at start, a
// reload) are written once the database is back, in order and once each; admin calls are refused
// before they run while the chain cannot write (503), and one admitted just before the outage
// answers 503 PW_ERR_AUDIT_PENDING at its deadline, its record written later.
const run = postgresRequired();
const suite = pgFaultSuite(run);
let n = 0;

const TOKEN = 'admin-token-outage-000000001';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function chainActions(url: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const exists = (await c.query<{ t: string | null }>("SELECT to_regclass('phiwall_audit_log')::text AS t")).rows[0].t;
    if (!exists) return [];
    return (await c.query<{ action: string }>('SELECT action FROM phiwall_audit_log ORDER BY seq')).rows.map((r) => r.action);
  } finally {
    await c.end();
  }
}

function outageConfig(proxyUrl: string): string {
  return writeConfig(`
version: 1
include: ["${PACKS}/hipaa-safe-harbor.yaml"]
secrets: { hash_key: audit-outage-secret-0123456789 }
sites: [{ name: web, write_key: demo }]
storage: { kind: postgres, url: "${proxyUrl}", pool: 2 }
admin:
  enabled: true
  keys: [{ name: admin1, role: admin, sha256: ${sha256Hex(TOKEN)} }]
destinations:
  sink: { type: file, baa: false, allow: [event] }
`);
}

async function startRuntime(configPath: string, dataDir: string) {
  const log = captureLog();
  const runtime = new Runtime({ configPath, dataDir, deliver: false, logger: log.logger, auditQueue: { retryBaseMs: 100, retryMaxMs: 500, deadlineMs: 1000 } });
  const http: ServerType = await new Promise((ok) => { const s = serve({ fetch: buildApp(runtime).fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s)); });
  const address = http.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/admin`;
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  };
  const stopHttp = () => new Promise<void>((r) => http.close(() => r()));
  return { runtime, call, log, stopHttp };
}

describe.runIf(run)('shared audit chain: a PostgreSQL outage loses no record', () => {
  it('records made while the database is down are written after it is back, in order, once each; admin calls answer 503', async () => {
    const { url, proxy } = await suite.proxiedDatabase(`outage_${++n}`);
    proxy.down();
    const configPath = outageConfig(proxy.url);
    const dataDir = tempDir();
    const { runtime, call, log, stopHttp } = await startRuntime(configPath, dataDir);
    let stopped = false;
    suite.cleanup(async () => { await stopHttp(); if (!stopped) await runtime.shutdown(1000); });

    expect(await runtime.reload()).toBe(true);
    await waitFor(() => log.entries().filter((l) => l.msg === 'audit write failed; records stay queued and are retried').length, (k) => k >= 1);
    // The chain cannot write: the call is refused before it runs (no key is made).
    const refused = await call('POST', '/keys', { name: 'refused', role: 'viewer' });
    expect(refused).toMatchObject({ status: 503, json: { error: { code: 'PW_ERR_AUDIT_UNAVAILABLE' } } });
    // Not audited (it could not be), but counted.
    expect(await runtime.metrics.registry.getSingleMetricAsString('phiwall_admin_requests_total')).toContain('phiwall_admin_requests_total{role="none",status="503"} 1');
    // Longer than the ~3 s of retries after which the records used to be dropped.
    await sleep(6000);
    expect(await chainActions(url)).toEqual([]);
    proxy.restore();
    expect(await runtime.governance.audit.flush(10_000)).toBe(true);
    expect(await chainActions(url)).toEqual(['config.load', 'config.reload']);

    // Down again just after a write succeeded: the next call is admitted and takes effect; its
    // record cannot be written by the deadline, so it answers 503 PW_ERR_AUDIT_PENDING.
    proxy.down();
    const pending = await call('POST', '/keys', { name: 'pending', role: 'viewer' });
    expect(pending).toMatchObject({ status: 503, json: { error: { code: 'PW_ERR_AUDIT_PENDING' } } });
    expect(await call('POST', '/keys', { name: 'later', role: 'viewer' })).toMatchObject({ status: 503, json: { error: { code: 'PW_ERR_AUDIT_UNAVAILABLE' } } });
    proxy.restore();
    expect(await runtime.governance.audit.flush(10_000)).toBe(true);
    expect(await chainActions(url)).toEqual(['config.load', 'config.reload', 'admin POST /admin/keys']);
    expect(await runtime.governance.audit.verify()).toMatchObject({ ok: true, rows: 3, headSeq: 3 });
    const keys = await call('GET', '/keys');
    expect((keys.json.keys as { name: string }[]).map((k) => k.name)).toContain('pending');
    expect((keys.json.keys as { name: string }[]).map((k) => k.name)).not.toContain('refused');
    expect((keys.json.keys as { name: string }[]).map((k) => k.name)).not.toContain('later');

    // Still queued when the process stops: kept in the data directory, written by the next start.
    expect(await runtime.governance.audit.flush(10_000)).toBe(true);
    proxy.down();
    runtime.governance.record({ actor: 'system', role: 'system', action: 'baa.expired', details: { destination: 'sink' } });
    await stopHttp();
    await runtime.shutdown(200);
    stopped = true;
    expect(log.entries().filter((l) => l.msg === 'audit records not written yet; kept in the data directory for the next start')).toEqual([expect.objectContaining({ count: 1 })]);
    expect(log.entries().filter((l) => l.msg === 'audit records not written (alert)')).toEqual([]);
    expect(await runtime.metrics.registry.getSingleMetricAsString('phiwall_audit_errors_total')).toContain('phiwall_audit_errors_total{result="kept"} 1');
    proxy.restore();
    const next = await startRuntime(configPath, dataDir);
    suite.cleanup(async () => { await next.stopHttp(); await next.runtime.shutdown(1000); });
    expect(await next.runtime.governance.audit.flush(10_000)).toBe(true);
    expect(await chainActions(url)).toEqual(['config.load', 'config.reload', 'admin POST /admin/keys', 'admin GET /admin/keys', 'baa.expired', 'config.load']);
    expect(await next.runtime.governance.audit.verify()).toMatchObject({ ok: true, rows: 6, headSeq: 6 });
    expect(readdirSync(dataDir).filter((f) => f.startsWith('audit-unwritten-'))).toEqual([]);
  }, 40_000);

  it('at the queue bound new actions are refused and system records dropped (counted); admitted records are kept', async () => {
    const { url, proxy } = await suite.proxiedDatabase(`bound_${++n}`);
    const pool = new pg.Pool({ connectionString: proxy.url, max: 2 });
    suite.cleanup(() => pool.end());
    const handle = { pool, ready: new Readiness(() => migrate(pool).then(() => undefined)) };
    await handle.ready.ensure();
    const errors: [string, string, number][] = [];
    const chain = new PostgresAuditChain(handle, (...e) => errors.push(e), { retryBaseMs: 20, retryMaxMs: 200, maxQueued: 3 });
    const entry = (action: string, i: number): AuditEntry => ({ actor: 'system', role: 'system', action, details: { i } });

    proxy.down();
    for (let i = 1; i <= 4; i++) chain.record(entry('config.reload', i));
    expect(errors.filter((e) => e[2] > 0)).toEqual([['config.reload', 'queue_full', 1]]);
    expect(chain.queued).toBe(3);
    let refusal: unknown;
    try { chain.admit(); } catch (err) { refusal = err; }
    expect(refusal).toMatchObject({ code: 'PW_ERR_AUDIT_UNAVAILABLE', status: 503, params: { detail: 'queue_full' } });
    // An action admitted before the bound was reached still has its record kept (past the bound).
    await expect(chain.recordAdmitted({ actor: 'admin1', role: 'admin', action: 'admin POST /admin/suppressions', details: { i: 5 } }, 200))
      .rejects.toMatchObject({ code: 'PW_ERR_AUDIT_PENDING', status: 503 });
    expect(chain.queued).toBe(4);

    proxy.restore();
    expect(await chain.flush(10_000)).toBe(true);
    const rows = await chain.list();
    expect(rows.map((r) => [r.action, JSON.parse(r.details) as unknown])).toEqual([
      ['config.reload', { i: 1 }], ['config.reload', { i: 2 }], ['config.reload', { i: 3 }], ['admin POST /admin/suppressions', { i: 5 }],
    ]);
    expect(await chain.verify()).toMatchObject({ ok: true, rows: 4, headSeq: 4 });
    expect(() => chain.admit()).not.toThrow();
    expect(await chain.close(1000)).toEqual({ unwritten: 0 });
  }, 30_000);

  it('records kept at shutdown are written once by the next start, even when two workers adopt them; unreadable lines are counted', async () => {
    const { url, proxy } = await suite.proxiedDatabase(`kept_${++n}`);
    const dir = tempDir();
    const open = () => {
      const pool = new pg.Pool({ connectionString: proxy.url, max: 2 });
      suite.cleanup(() => pool.end());
      const errors: [string, string, number][] = [];
      const handle = { pool, ready: new Readiness(() => migrate(pool).then(() => undefined)) };
      return { errors, chain: new PostgresAuditChain(handle, (...e) => errors.push(e), { retryBaseMs: 20, retryMaxMs: 200 }, dir) };
    };
    proxy.down();
    const first = open();
    for (let i = 1; i <= 3; i++) first.chain.record({ actor: 'system', role: 'system', action: 'config.reload', details: { i } });
    const closed = await first.chain.close(100);
    expect(closed).toMatchObject({ unwritten: 3, keptIn: expect.stringMatching(/^audit-unwritten-/) as unknown });
    expect(first.errors.filter((e) => e[2] > 0)).toEqual([]);
    // The same records kept twice (a respill), one line unreadable (a file edited by hand).
    copyFileSync(join(dir, closed.keptIn!), join(dir, `audit-unwritten-${Date.now() + 1}-1.jsonl`));
    appendFileSync(join(dir, closed.keptIn!), '{"id":"not-a-uuid"}\n');

    proxy.restore();
    const [b, c] = [open(), open()];
    expect(await b.chain.flush(10_000)).toBe(true);
    expect(await c.chain.flush(10_000)).toBe(true);
    const rows = await b.chain.list();
    expect(rows.map((r) => JSON.parse(r.details) as unknown)).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
    expect(await b.chain.verify()).toMatchObject({ ok: true, rows: 3, headSeq: 3 });
    expect(b.errors.filter((e) => e[2] > 0)).toEqual([['audit.kept', 'invalid_record', 1]]);
    expect(readdirSync(dir).filter((f) => f.startsWith('audit-unwritten-'))).toEqual([]);
    await Promise.all([b.chain.close(1000), c.chain.close(1000)]);
  }, 30_000);
});
