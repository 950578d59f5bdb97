import { afterEach, describe, expect, it } from 'vitest';
import { post, readOutput, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { sha256Hex } from '../../src/common/hash.js';

const ADMIN = 'admin-token-for-tests-0001';
const BACKEND = 'Basic ' + Buffer.from('backend-key:').toString('base64');

function config(extraDestinations = ''): string {
  return `
version: 1
include: ["\${PACKS}/hipaa-safe-harbor.yaml"]
secrets: { hash_key: governance-test-secret-0123456789 }
sites:
  - { name: web, write_key: demo }
  - { name: crm, write_key: backend-key, backend: true }
admin:
  enabled: true
  keys: [{ name: ops, role: admin, sha256: ${sha256Hex(ADMIN)} }]
destinations:
  ads:
    type: file
    baa: true
    match_keys: true
    allow: [event, user_id]
${extraDestinations}`;
}

const track = (messageId: string, subject: string) => ({
  type: 'track', event: 'Signup', messageId, anonymousId: subject, userId: `${subject}-user`,
  context: { traits: { email: `${subject}@mailbox.example` } },
});

const row = (c: Collector, dest: string, id: string) => readOutput(c.dataDir, dest).find((r) => r.message_id === id);
const admin = (c: Collector, path: string, body: unknown) => post(`${c.url}/admin${path}`, body, { authorization: `Bearer ${ADMIN}` });

describe('marketing authorizations gate match keys', () => {
  let c: Collector;
  afterEach(async () => { await c.close(); });

  it('sends match keys only while a valid authorization covers the subject; revocation and expiry stop them at once', async () => {
    c = await startCollector({ configPath: writeConfig(config()) });
    const deliveredRow = (id: string) => waitFor(() => row(c, 'ads', id), (r) => r !== undefined);

    await post(`${c.url}/v1/track`, track('m-before', 'anon-1'));
    expect((await deliveredRow('m-before'))?.match_keys).toBeUndefined();

    const refused = await post(`${c.url}/v1/authorizations`, { subject: 'anon-1', scope: 'marketing', expires_at: new Date(Date.now() + 3_600_000).toISOString(), source: 'crm-form-7' });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).not.toContain('anon-1');

    const bad = await post(`${c.url}/v1/authorizations`, { subject: 'anon-1', expires_at: 'tomorrow', source: 'crm' }, { authorization: BACKEND });
    expect(bad.status).toBe(400);
    expect((bad.json.error as { message: string }).message).toMatch(/expires_at/);

    const created = await post(`${c.url}/v1/authorizations`, { subject: 'anon-1', scope: 'marketing', expires_at: new Date(Date.now() + 3_600_000).toISOString(), source: 'crm-form-7' }, { authorization: BACKEND });
    expect(created.status).toBe(201);
    const id = created.json.id as string;

    await post(`${c.url}/v1/track`, track('m-authorized', 'anon-1'));
    await post(`${c.url}/v1/track`, track('m-other', 'anon-2'));
    const keys = (await deliveredRow('m-authorized'))?.match_keys as Record<string, string>;
    expect(keys.em).toMatch(/^[0-9a-f]{64}$/);
    expect((await deliveredRow('m-other'))?.match_keys).toBeUndefined();

    const revoked = await post(`${c.url}/v1/authorizations/revoke`, { id }, { authorization: BACKEND });
    expect(revoked.status).toBe(200);
    await post(`${c.url}/v1/track`, track('m-revoked', 'anon-1'));
    expect((await deliveredRow('m-revoked'))?.match_keys).toBeUndefined();

    const short = await post(`${c.url}/v1/authorizations`, { subject: 'anon-1-user', expires_at: new Date(Date.now() + 700).toISOString(), source: 'crm' }, { authorization: BACKEND });
    expect(short.status).toBe(201);
    await post(`${c.url}/v1/track`, track('m-short', 'anon-1'));
    expect((await deliveredRow('m-short'))?.match_keys).toBeDefined();
    await new Promise((r) => setTimeout(r, 800));
    await post(`${c.url}/v1/track`, track('m-expired', 'anon-1'));
    expect((await deliveredRow('m-expired'))?.match_keys).toBeUndefined();

    const metrics = await (await fetch(`${c.url}/metrics`)).text();
    expect(metrics).toMatch(/phiwall_match_keys_withheld_total\{destination="ads"\} [1-9]/);
    const actions = (await c.runtime.governance.audit.list(100)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['config.load', 'authorization.create', 'authorization.revoke']));
  });
});

describe('suppressions', () => {
  let c: Collector;
  afterEach(async () => { await c.close(); });

  it('never forwards an opted-out subject again, including rows already spooled', async () => {
    c = await startCollector({ configPath: writeConfig(config()), deliver: false });
    for (let i = 0; i < 5; i++) {
      await post(`${c.url}/v1/track`, track(`s-${i}`, 'opted-out'));
      await post(`${c.url}/v1/track`, track(`k-${i}`, 'kept'));
    }
    const r = await admin(c, '/suppressions', { id: 'opted-out' });
    expect(r.status).toBe(201);
    c.runtime.startWorkers();
    await waitFor(() => readOutput(c.dataDir, 'ads').length, (n) => n >= 5);
    await waitFor(() => c.runtime.spool.stats(), (s) => s.pending === 0);
    const ids = readOutput(c.dataDir, 'ads').map((x) => x.message_id);
    expect(ids.sort()).toEqual(['k-0', 'k-1', 'k-2', 'k-3', 'k-4']);

    const again = await post(`${c.url}/v1/track`, { ...track('s-new', 'x'), userId: 'opted-out' });
    expect(again.json.blocked).toBe(1);
    const metrics = await (await fetch(`${c.url}/metrics`)).text();
    expect(metrics).toMatch(/phiwall_suppressed_total\{destination="ads",stage="delivery"\} 5/);
    expect(metrics).toMatch(/phiwall_events_blocked_total\{reason="suppressed"\} 1/);
    const audit = (await c.runtime.governance.audit.list(100)).find((x) => x.action === 'admin POST /admin/suppressions');
    expect(audit?.details).not.toContain('opted-out');
    expect(JSON.parse(audit!.details).subjectKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('BAA registry', () => {
  let c: Collector;
  afterEach(async () => { await c.close(); });

  it('treats a dated BAA as false the moment it expires, and raises phiwall_baa_expired', async () => {
    const expires = new Date(Date.now() + 1500).toISOString();
    c = await startCollector({ configPath: writeConfig(config(`  dated:\n    type: file\n    baa: { signed: "2020-01-01", expires: "${expires}" }\n    allow: [event, user_id]\n`)) });
    await post(`${c.url}/v1/track`, track('b-1', 'anon-9'));
    expect((await waitFor(() => row(c, 'dated', 'b-1'), (r) => r !== undefined))?.user_id).toBe('anon-9-user');
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(expires) - Date.now() + 50)));
    await post(`${c.url}/v1/track`, track('b-2', 'anon-9'));
    const after = await waitFor(() => row(c, 'dated', 'b-2'), (r) => r !== undefined);
    expect(after?.user_id).toBeUndefined();
    expect(after?.event_name).toBe('Signup');
    const metrics = await (await fetch(`${c.url}/metrics`)).text();
    expect(metrics).toContain('phiwall_baa_expired{destination="dated"} 1');
    expect((await c.runtime.governance.audit.list(100)).some((r) => r.action === 'baa.expired' && r.details.includes('dated'))).toBe(true);
  });

  it('keeps phiwall_baa_expired raised after a restart with a BAA that expired before the start', async () => {
    c = await startCollector({ configPath: writeConfig(config(`  dated:\n    type: file\n    baa: { signed: "2020-01-01", expires: "2021-01-01" }\n    allow: [event, user_id]\n`)) });
    const metrics = await (await fetch(`${c.url}/metrics`)).text();
    expect(metrics).toContain('phiwall_baa_expired{destination="dated"} 1');
    expect(metrics).not.toContain('phiwall_baa_expired{destination="ads"}');
  });

  it('keeps baa: true/false working and refuses match_keys without a BAA', async () => {
    const { compileRules } = await import('../../src/rules/compile.js');
    const { RulesFile } = await import('../../src/config/schema.js');
    const rules = RulesFile.parse({ destinations: { a: { type: 'file', baa: false, match_keys: true } } });
    expect(() => compileRules(rules, { dataDir: '/tmp' })).toThrow(/match keys need baa: true/);
    const future = RulesFile.parse({ destinations: { a: { type: 'file', baa: { signed: '2999-01-01', expires: '3000-01-01' }, match_keys: true } } });
    expect(compileRules(future, { dataDir: '/tmp' }).destinations[0].baa).toBe(false);
    const inForce = RulesFile.parse({ destinations: { a: { type: 'file', baa: { signed: '2020-01-01', expires: '2999-01-01' } } } });
    expect(compileRules(inForce, { dataDir: '/tmp' }).destinations[0].baa).toBe(true);
  });
});
