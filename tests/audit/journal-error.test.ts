import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Governance } from '../../src/governance/governance.js';
import { PostgresSpool } from '../../src/spool/postgres/postgres-spool.js';
import { tempDir, waitFor } from '../helpers/collector.js';
import { captureLog } from '../helpers/pg-faults.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';

// With the shared (Postgres) audit chain every record is first journaled in the data directory,
// so a killed process loses none. A journal that cannot be written (disk full, directory gone)
// is not a failed chain write: the operator is told so by its own message and counter result,
// and the record still reaches the chain.
const run = postgresRequired();

describe.runIf(run)('audit journal write errors', () => {
  let server: TestPostgres;
  beforeAll(async () => { server = await startPostgres({ durable: false }); }, 60_000);
  afterAll(async () => { await server?.stop(); });

  it('are logged and counted apart from chain write failures, and the record is written all the same', async () => {
    const url = await server.createDatabase('journal_err');
    const spool = new PostgresSpool({ url, pool: 2, maxRows: 1000, maxBytes: 1e9, groupCommitMs: 0, deadLetterDays: 14, maintenanceMs: 0 });
    const dir = tempDir();
    const log = captureLog();
    const registry = new Registry();
    const gov = new Governance({ path: join(dir, 'governance.db'), secret: 'journal-error-secret-0123456789', metaDays: 18, perEventLedger: false, registry, log: log.logger, postgres: spool });
    try {
      // The data directory disappears before the first record: the journal file cannot be created.
      rmSync(dir, { recursive: true, force: true });
      await gov.recorded({ actor: 'admin1', role: 'admin', action: 'admin POST /admin/keys', details: { key: 'k1' } });
      const entries = await waitFor(() => log.entries(), (e) => e.some((l) => typeof l.code === 'string' && l.code.startsWith('journal_')));
      const journal = entries.find((l) => typeof l.code === 'string' && l.code.startsWith('journal_'))!;
      expect(journal).toMatchObject({ code: 'journal_ENOENT', msg: expect.stringContaining('audit journal write failed') });
      expect(entries.some((l) => l.msg === 'audit write failed; records stay queued and are retried')).toBe(false);
      expect(await registry.getSingleMetricAsString('phiwall_audit_errors_total')).toContain('phiwall_audit_errors_total{result="unjournaled"} 1');
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        expect((await c.query<{ action: string }>('SELECT action FROM phiwall_audit_log')).rows.map((r) => r.action)).toContain('admin POST /admin/keys');
      } finally { await c.end(); }
    } finally {
      await gov.close(2000);
      await spool.close();
    }
  });
});
