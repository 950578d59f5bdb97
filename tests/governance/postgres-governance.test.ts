// Two collectors on one PostgreSQL: authorizations, suppressions, the audit chain and the
// disclosure ledger are shared. What one instance records, the other applies at ingest and at
// delivery (rows spooled before an opt-out are never sent, whichever instance delivers them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/common/hash.js';
import { post, readOutput, startCollector, waitFor, writeConfig, type Collector } from '../helpers/collector.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';

const ADMIN = 'admin-token-for-tests-0001';
const BACKEND = 'Basic ' + Buffer.from('backend-key:').toString('base64');
const run = postgresRequired();

const config = (url: string) => `
version: 1
include: ["\${PACKS}/hipaa-safe-harbor.yaml"]
secrets: { hash_key: governance-test-secret-0123456789 }
storage: { kind: postgres, url: "${url}", pool: 4 }
sites:
  - { name: web, write_key: demo }
  - { name: crm, write_key: backend-key, backend: true }
admin:
  enabled: true
  keys: [{ name: ops, role: admin, sha256: ${sha256Hex(ADMIN)} }]
destinations:
  ads: { type: file, baa: true, match_keys: true, allow: [event, user_id] }
`;

const track = (messageId: string, subject: string) => ({
  type: 'track', event: 'Signup', messageId, anonymousId: subject, userId: `${subject}-user`,
  context: { traits: { email: `${subject}@mailbox.example` } },
});

describe.runIf(run)('governance shared on PostgreSQL', () => {
  let server: TestPostgres;
  const collectors: Collector[] = [];
  beforeAll(async () => { server = await startPostgres({ durable: false }); });
  afterAll(async () => {
    await Promise.all(collectors.map((c) => c.close()));
    await server?.stop();
  });

  it('one instance\'s authorization and suppression apply on the other; one audit chain and ledger', async () => {
    const path = writeConfig(config(await server.createDatabase('governance')));
    const [a, b] = await Promise.all([startCollector({ configPath: path, deliver: false }), startCollector({ configPath: path, deliver: false })]);
    collectors.push(a, b);
    const from = Date.now() - 1000;

    const auth = await post(`${b.url}/v1/authorizations`, { subject: 'anon-1', expires_at: new Date(Date.now() + 3_600_000).toISOString(), source: 'crm-form-7' }, { authorization: BACKEND });
    expect(auth.status).toBe(201);
    expect((await post(`${a.url}/v1/track`, track('m-auth', 'anon-1'))).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      await post(`${a.url}/v1/track`, track(`s-${i}`, 'opted-out'));
      await post(`${a.url}/v1/track`, track(`k-${i}`, 'kept'));
    }
    expect((await post(`${a.url}/admin/suppressions`, { id: 'opted-out' }, { authorization: `Bearer ${ADMIN}` })).status).toBe(201);
    expect((await post(`${b.url}/v1/track`, { ...track('s-new', 'x'), userId: 'opted-out' })).json.blocked).toBe(1);

    a.runtime.startWorkers();
    b.runtime.startWorkers();
    const out = () => [...readOutput(a.dataDir, 'ads'), ...readOutput(b.dataDir, 'ads')];
    await waitFor(() => out().length, (n) => n >= 4);
    await waitFor(() => a.runtime.spool.stats(), (s) => s.pending === 0);
    const rows = out();
    expect(rows.map((r) => r.message_id).sort()).toEqual(['k-0', 'k-1', 'k-2', 'm-auth']);
    expect((rows.find((r) => r.message_id === 'm-auth')?.match_keys as Record<string, string>).em).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.find((r) => r.message_id === 'k-0')?.match_keys).toBeUndefined();

    await Promise.all([a.runtime.governance.audit.flush(), b.runtime.governance.audit.flush()]);
    const audit = await a.runtime.governance.audit.list(1000);
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['config.load', 'authorization.create', 'admin POST /admin/suppressions']));
    expect(await b.runtime.governance.audit.verify()).toMatchObject({ ok: true, rows: audit.length });
    expect(JSON.stringify(audit)).not.toContain('opted-out');
    expect((await b.runtime.governance.ledger.report('ads', from, Date.now() + 1000)).total).toBe(4);
  }, 60_000);
});

if (!run) {
  describe('governance shared on PostgreSQL (no server here)', () => {
    it.skip('needs PostgreSQL server binaries (apt-get install postgresql); CI fails instead of skipping', () => undefined);
  });
}
