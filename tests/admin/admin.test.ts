import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/common/hash.js';
import { PACKS, startCollector, writeConfig, type Collector } from '../helpers/collector.js';

const TOKENS = { viewer: 'viewer-token-000000000001', analyst: 'analyst-token-00000000001', admin: 'admin-token-0000000000001' };

const yaml = (extraAllow = '') => `
version: 1
include: ["${PACKS}/hipaa-safe-harbor.yaml"]
secrets: { hash_key: admin-test-secret-0123456789 }
sites: [{ name: web, write_key: demo }]
admin:
  enabled: true
  rate_per_minute: 40
  keys:
${Object.entries(TOKENS).map(([role, t]) => `    - { name: ${role}1, role: ${role}, sha256: ${sha256Hex(t)} }`).join('\n')}
destinations:
  sink:
    type: file
    baa: false
    allow: [event, properties.plan${extraAllow}]
`;

async function call(c: Collector, method: string, path: string, token?: string, body?: unknown) {
  const r = await fetch(`${c.url}/admin${path}`, {
    method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

describe('admin API', () => {
  let c: Collector;
  let configPath: string;
  beforeAll(async () => {
    configPath = writeConfig(yaml());
    c = await startCollector({ configPath, deliver: false });
  });
  afterAll(async () => { await c.close(); });

  it('answers 401 without a key or with a wrong one, as JSON', async () => {
    const none = await call(c, 'GET', '/stats');
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ success: false, error: { code: 'PW_ERR_ADMIN_UNAUTHORIZED' } });
    expect((await call(c, 'GET', '/stats', 'viewer-token-000000000002')).status).toBe(401);
  });

  it('enforces roles: viewer reads stats and explain, analyst dry-runs, admin manages', async () => {
    const stats = await call(c, 'GET', '/stats', TOKENS.viewer);
    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({ plan: c.runtime.plan.version, destinations: [{ name: 'sink', baa: false }] });
    expect((await call(c, 'GET', '/explain', TOKENS.viewer)).status).toBe(200);
    const forbidden = await call(c, 'POST', '/dry-run', TOKENS.viewer, { type: 'track', event: 'X' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toMatchObject({ error: { code: 'PW_ERR_ADMIN_FORBIDDEN', message: 'role viewer may not call POST /admin/dry-run (needs analyst)' } });
    expect((await call(c, 'POST', '/suppressions', TOKENS.analyst, { id: 'x' })).status).toBe(403);
  });

  it('serves the k-anonymous reports to viewers only', async () => {
    expect((await call(c, 'GET', '/reports/aggregates?from=2026-11-01&to=2026-11-02')).status).toBe(401);
    const r = await call(c, 'GET', '/reports/aggregates?from=2026-11-01&to=2026-11-02', TOKENS.viewer);
    // This config has no aggregate destination: a clear 4xx, not a 5xx.
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.json).toMatchObject({ success: false });
  });

  it('dry-run returns the before and the after per destination', async () => {
    const ev = { type: 'track', event: 'Quote', messageId: 'dr-1', properties: { plan: 'gold', email: 'pat@mailbox.example' } };
    const r = await call(c, 'POST', '/dry-run', TOKENS.analyst, ev);
    expect(r.status).toBe(200);
    const [res] = r.json.results as { messageId: string; before: { properties: Record<string, string> }; after: { destination: string; payload: Record<string, unknown> }[] }[];
    expect(res.messageId).toBe('dr-1');
    expect(res.before.properties.email).toBe('pat@mailbox.example');
    expect(res.after[0].destination).toBe('sink');
    expect(JSON.stringify(res.after[0].payload)).toContain('gold');
    expect(JSON.stringify(res.after[0].payload)).not.toContain('pat@');
  });

  it('applies a valid config (audited with hashes before/after) and refuses an invalid one', async () => {
    const before = c.runtime.plan.version;
    const bad = await call(c, 'POST', '/config', TOKENS.admin, { yaml: 'destinations:\n  sink:\n    type: nope\n' });
    expect(bad.status).toBe(400);
    expect((bad.json.problems as string[]).join('\n')).toMatch(/unknown destination type "nope"/);
    // Located in the document the admin sent (not the entry file it would replace, nor the candidate).
    expect((bad.json.problems as string[]).join('\n')).toMatch(/^posted yaml:3:\d+: destinations\.sink\.type: /m);
    expect((bad.json.problems as string[]).join('\n')).not.toContain('candidate');
    expect(c.runtime.plan.version).toBe(before);
    const good = await call(c, 'POST', '/config', TOKENS.admin, { yaml: yaml(', properties.step') });
    expect(good.status).toBe(200);
    expect(good.json.policyVersion).not.toBe(before);
    expect(readFileSync(configPath, 'utf8')).toContain('properties.step');
    const reload = (await c.runtime.governance.audit.list(500)).filter((r) => r.action === 'config.reload').at(-1)!;
    expect(reload).toMatchObject({ actor: 'admin1', role: 'admin' });
    expect(reload.config_before).toMatch(/^[0-9a-f]{16}$/);
    expect(reload.config_after).not.toBe(reload.config_before);
  });

  it('manages keys: a created key works with its role, a revoked one stops', async () => {
    const made = await call(c, 'POST', '/keys', TOKENS.admin, { name: 'dashboard', role: 'viewer' });
    expect(made.status).toBe(201);
    const key = made.json.key as string;
    expect((await call(c, 'GET', '/stats', key)).status).toBe(200);
    expect((await call(c, 'GET', '/keys', key)).status).toBe(403);
    expect((await call(c, 'DELETE', '/keys/dashboard', TOKENS.admin)).status).toBe(200);
    expect((await call(c, 'GET', '/stats', key)).status).toBe(401);
    const stored = c.runtime.governance.db.prepare('SELECT sha256 FROM admin_keys WHERE name = ?').get('dashboard') as { sha256: string };
    expect(stored.sha256).toBe(sha256Hex(key));
  });

  it('replays dead letters for a destination (admin)', async () => {
    const r = await call(c, 'POST', '/dlq/replay', TOKENS.admin, { destination: 'sink' });
    expect(r).toMatchObject({ status: 200, json: { replayed: 0 } });
    expect((await call(c, 'POST', '/dlq/replay', TOKENS.admin, { destination: 'Bad Name' })).status).toBe(400);
  });

  it('replays only the code asked for, and audits destination, code and count', async () => {
    const dead = (id: string, code: string) => ({ messageId: id, destination: 'sink', payload: { event: 'x' }, dead: { code, reason: 'vendor said no' } });
    await c.runtime.spool.enqueue([dead('dl-1', 'HTTP_503'), dead('dl-2', 'HTTP_400')]);
    const r = await call(c, 'POST', '/dlq/replay', TOKENS.admin, { destination: 'sink', code: 'HTTP_503' });
    expect(r).toMatchObject({ status: 200, json: { success: true, replayed: 1 } });
    expect((await c.runtime.spool.listDead('sink', 10)).map((d) => d.messageId)).toEqual(['dl-2']);
    const row = (await c.runtime.governance.audit.list(1000)).filter((x) => x.action === 'admin POST /admin/dlq/replay').at(-1)!;
    expect(JSON.parse(row.details)).toMatchObject({ status: 200, destination: 'sink', code: 'HTTP_503', replayed: 1, kept: 0 });
    expect((await call(c, 'POST', '/dlq/replay', TOKENS.admin, { destination: 'sink', code: 'not a code!' })).status).toBe(400);
  });

  it('refuses a replay the current config forbids (409, nothing moves) and audits the refusal', async () => {
    const r = await call(c, 'POST', '/dlq/replay', TOKENS.admin, { destination: 'nowhere' });
    expect(r).toMatchObject({ status: 409, json: { success: false, error: { code: 'PW_ERR_REPLAY_REFUSED' } } });
    expect(JSON.stringify(r.json)).toContain('DESTINATION_REMOVED');
    const rows = await c.runtime.governance.audit.list(1000);
    expect(rows.some((x) => x.action === 'admin POST /admin/dlq/replay' && x.details.includes('409') && x.details.includes('DESTINATION_REMOVED'))).toBe(true);
  });

  it('audits every call, including refused ones, and the chain verifies', async () => {
    const rows = await c.runtime.governance.audit.list(1000);
    const admin = rows.filter((r) => r.action.startsWith('admin '));
    expect(admin.some((r) => r.actor === 'anonymous' && r.details.includes('401'))).toBe(true);
    expect(admin.some((r) => r.actor === 'viewer1' && r.action === 'admin POST /admin/dry-run' && r.details.includes('403'))).toBe(true);
    const verify = await call(c, 'GET', '/audit/verify', TOKENS.viewer);
    expect(verify.json).toMatchObject({ ok: true });
  });

  it('rate limits per key (429 JSON)', async () => {
    let last = 0;
    for (let i = 0; i < 45 && last !== 429; i++) last = (await call(c, 'GET', '/stats', TOKENS.analyst)).status;
    expect(last).toBe(429);
  });
});
