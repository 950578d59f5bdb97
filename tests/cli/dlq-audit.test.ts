import { mkdirSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditRow } from '../../src/audit/chain.js';
import { verifyPostgresChain } from '../../src/audit/postgres-audit.js';
import { verifyAuditLog } from '../../src/audit/verify.js';
import { parseArgs } from '../../src/cli/args.js';
import { dlqCommand } from '../../src/cli/dlq.js';
import type { Spool } from '../../src/spool/port.js';
import { PostgresSpool } from '../../src/spool/postgres/postgres-spool.js';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { tempDir, writeConfig } from '../helpers/collector.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';

// `phiwall dlq replay` (and purge) is written to the deployment's audit chain like
// POST /admin/dlq/replay: who (--actor, else cli:<OS user>; the OS user and host always), what
// (destination, code filter, count) and the result, refusals included. No audit, no replay.

let out = '';
beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => { out += String(s); return true; });
});
afterEach(() => { vi.restoreAllMocks(); });

const dlq = (...argv: string[]) => dlqCommand(parseArgs(['dlq', ...argv]));
const dead = (id: string, code: string) => ({ messageId: id, destination: 'ga4', payload: { event: 'x' }, dead: { code, reason: 'vendor said no' } });
const ME = userInfo().username;
const details = (r: AuditRow) => JSON.parse(r.details) as Record<string, unknown>;

async function seed(spool: Spool): Promise<void> {
  await spool.enqueue([dead('m-1', 'HTTP_503'), dead('m-2', 'HTTP_503'), dead('m-3', 'HTTP_400')]);
  await spool.close();
}

interface Backend { name: string; setup(): Promise<{ data: string; config: (dests: string) => string; rows(): Promise<AuditRow[]>; verify(): Promise<boolean>; dead(): Promise<number>; sql?(text: string): Promise<void> }> }

const sqlite: Backend = {
  name: 'sqlite',
  setup: async () => {
    const data = tempDir();
    const open = () => new SqliteSpool({ path: join(data, 'spool.db'), maxRows: 1000, maxBytes: 1e9, synchronous: 'normal', groupCommitMs: 0 });
    await seed(open());
    const withDb = <T>(fn: (db: Database.Database) => T): T => { const db = new Database(join(data, 'governance.db'), { readonly: true }); try { return fn(db); } finally { db.close(); } };
    return {
      data,
      config: (dests) => writeConfig(`version: 1\ndestinations: {${dests}}\n`),
      rows: async () => withDb((db) => db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]),
      verify: async () => withDb((db) => verifyAuditLog(db).ok),
      dead: async () => { const s = open(); try { return (await s.stats()).dead; } finally { await s.close(); } },
    };
  },
};

const run = postgresRequired();
let server: TestPostgres | undefined;
const postgres: Backend = {
  name: 'postgres',
  setup: async () => {
    const url = await server!.createDatabase(`dlqa_${Date.now()}`);
    const open = () => new PostgresSpool({ url, pool: 2, maxRows: 1000, maxBytes: 1e9, groupCommitMs: 0, deadLetterDays: 14, maintenanceMs: 0 });
    await seed(open());
    const query = async <T extends pg.QueryResultRow>(fn: (pool: pg.Pool) => Promise<T>): Promise<T> => { const pool = new pg.Pool({ connectionString: url, max: 1 }); try { return await fn(pool); } finally { await pool.end(); } };
    return {
      data: tempDir(),
      config: (dests) => writeConfig(`version: 1\nstorage: { kind: postgres, url: "${url}", pool: 2 }\ndestinations: {${dests}}\n`),
      rows: () => query(async (pool) => (await pool.query<AuditRow>('SELECT seq, actor, role, action, details FROM phiwall_audit_log ORDER BY seq')).rows) as Promise<AuditRow[]>,
      verify: () => query(async (pool) => ({ ok: (await verifyPostgresChain(pool)).ok })).then((r) => r.ok),
      dead: async () => { const s = open(); try { return (await s.stats()).dead; } finally { await s.close(); } },
      sql: async (text) => { await query(async (pool) => (await pool.query(text)).rows); },
    };
  },
};

beforeAll(async () => { if (run) server = await startPostgres({ durable: false }); }, 60_000);
afterAll(async () => { await server?.stop(); });

for (const b of run ? [sqlite, postgres] : [sqlite]) {
  describe(`phiwall dlq replay is audited (${b.name})`, () => {
    it('records who, what and how many; a code filter replays only that code', async () => {
      const s = await b.setup();
      const config = s.config(' ga4: { type: ga4 } ');
      expect(await dlq('replay', '--destination', 'ga4', '--code', 'HTTP_503', '--data', s.data, '--config', config)).toBe(0);
      expect(out).toBe('replayed 2\n');
      expect(await s.dead()).toBe(1);
      expect(await dlq('replay', '--destination', 'ga4', '--actor', 'jane.doe@ops', '--data', s.data, '--config', config)).toBe(0);
      const rows = (await s.rows()).filter((r) => r.action === 'dlq.replay');
      expect(rows.map((r) => [r.actor, r.role])).toEqual([[`cli:${ME}`, 'cli'], ['jane.doe@ops', 'cli']]);
      expect(details(rows[0]!)).toMatchObject({ via: 'cli', osUser: ME, destination: 'ga4', code: 'HTTP_503', result: 'replayed', replayed: 2, kept: 0 });
      expect(details(rows[1]!)).toMatchObject({ osUser: ME, destination: 'ga4', code: null, result: 'replayed', replayed: 1 });
      expect(await s.verify()).toBe(true);
    });

    it('records a refusal with its code, and a purge with its count', async () => {
      const s = await b.setup();
      const config = s.config(' ga4: { type: ga4, enabled: false } ');
      expect(await dlq('replay', '--destination', 'ga4', '--data', s.data, '--config', config)).toBe(1);
      expect(out).toContain('replay refused: DESTINATION_DISABLED');
      expect(await dlq('replay', '--destination', 'meta', '--data', s.data, '--config', config)).toBe(1);
      expect(await dlq('purge', '--destination', 'ga4', '--data', s.data, '--config', config)).toBe(0);
      const rows = (await s.rows()).filter((r) => r.action.startsWith('dlq.'));
      expect(rows.map((r) => [r.action, details(r).destination, details(r).result ?? null, details(r).refused ?? details(r).purged])).toEqual([
        ['dlq.replay', 'ga4', 'refused', 'DESTINATION_DISABLED'],
        ['dlq.replay', 'meta', 'refused', 'DESTINATION_REMOVED'],
        ['dlq.purge', 'ga4', null, 3],
      ]);
    });
  });
}

describe.runIf(run)('phiwall dlq replay when PostgreSQL stops taking audit records after the replay', () => {
  it('keeps the record in the data directory, and the next audit on it writes the record once', async () => {
    const s = await postgres.setup();
    const config = s.config(' ga4: { type: ga4 } ');
    expect(await dlq('replay', '--destination', 'ga4', '--code', 'HTTP_400', '--data', s.data, '--config', config)).toBe(0);
    // The audit table refuses writes from now on; the spool still works, so the replay happens.
    await s.sql!(`CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse BEFORE INSERT ON phiwall_audit_log FOR EACH ROW EXECUTE FUNCTION refuse()`);
    out = '';
    expect(await dlq('replay', '--destination', 'ga4', '--data', s.data, '--config', config)).toBe(1);
    expect(out).toContain('replayed 2');
    expect(out).toContain('dlq.replay done, but its audit record was not written yet');
    expect(out).toMatch(/1 audit record\(s\) kept in audit-unwritten-/);
    expect(await s.dead()).toBe(0);
    expect(readdirSync(s.data).filter((f) => f.startsWith('audit-unwritten-'))).toHaveLength(1);
    await s.sql!('DROP TRIGGER refuse ON phiwall_audit_log');
    // The next process auditing on this data directory writes the kept record first.
    expect(await dlq('purge', '--destination', 'ga4', '--data', s.data, '--config', config)).toBe(0);
    const rows = (await s.rows()).filter((r) => r.action.startsWith('dlq.'));
    expect(rows.map((r) => [r.action, details(r).replayed ?? details(r).purged])).toEqual([['dlq.replay', 1], ['dlq.replay', 2], ['dlq.purge', 0]]);
    expect(readdirSync(s.data).filter((f) => f.startsWith('audit-unwritten-'))).toEqual([]);
    expect(await s.verify()).toBe(true);
  }, 60_000);
});

describe('phiwall dlq replay without an audit log', () => {
  it('moves nothing when the audit record cannot be written', async () => {
    const s = await sqlite.setup();
    // The governance database cannot be opened (a directory stands in its place).
    mkdirSync(join(s.data, 'governance.db'));
    expect(await dlq('replay', '--destination', 'ga4', '--data', s.data, '--config', s.config(' ga4: { type: ga4 } '))).toBe(1);
    expect(out).toContain('audit log unavailable');
    expect(out).toContain('nothing was done');
    expect(await s.dead()).toBe(3);
  });
});
