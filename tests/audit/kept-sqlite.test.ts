import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/audit/audit-log.js';
import { keepRecords, type KeptRecord } from '../../src/audit/spill.js';
import { verifyAuditLog } from '../../src/audit/verify.js';
import { startCollector, tempDir, writeConfig, type Collector } from '../helpers/collector.js';
import { captureLog } from '../helpers/pg-faults.js';

// Storage switched back from PostgreSQL to SQLite while the shared chain still held records it
// could not write (kept at a graceful shutdown, or journaled by a process that was killed): the
// files in the data directory used to be ignored, the actions they record unaudited. The next
// start writes them into the SQLite chain, once each, after one `audit.kept.imported` record,
// logs the count and removes the files.

const collectors: Collector[] = [];
afterEach(async () => { await Promise.all(collectors.splice(0).map((c) => c.close())); });

const rec = (i: number, action = 'admin POST /admin/suppressions'): KeptRecord => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, now: 1_790_000_000_000 + i, entry: { actor: 'admin1', role: 'admin', action, details: { i } },
});
/** A pid no process has now: a child that already exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;
const auditFiles = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('audit-'));

describe('records the PostgreSQL chain kept, after a switch back to SQLite', () => {
  it('are written into the SQLite chain at start, once each, and their files removed; the chain verifies', async () => {
    const dataDir = tempDir();
    keepRecords(dataDir, [rec(1), rec(2)], 1_790_000_000_100);
    // A killed process's journal, its last append cut by the kill (not accepted: left out).
    writeFileSync(join(dataDir, `audit-journal-1790000000200-${deadPid()}-1.jsonl`), `${JSON.stringify(rec(2))}\n${JSON.stringify(rec(3))}\n{"id":"00000000-0000-4000`);
    const configPath = writeConfig(`
version: 1
sites: [{ name: web, write_key: demo }]
destinations:
  sink: { type: file, baa: false, allow: [event] }
`);
    const log = captureLog();
    const c = await startCollector({ configPath, dataDir, deliver: false, logger: log.logger });
    collectors.push(c);
    const rows = await c.runtime.governance.audit.list();
    expect(rows.map((r) => [r.action, JSON.parse(r.details) as unknown])).toEqual([
      ['audit.kept.imported', { records: 3, files: 2 }],
      ['admin POST /admin/suppressions', { i: 1 }],
      ['admin POST /admin/suppressions', { i: 2 }],
      ['admin POST /admin/suppressions', { i: 3 }],
      ['config.load', expect.anything()],
    ]);
    // Each keeps the time it was made.
    expect(rows.slice(1, 4).map((r) => r.time)).toEqual([1_790_000_000_001, 1_790_000_000_002, 1_790_000_000_003]);
    expect(await c.runtime.governance.audit.verify()).toMatchObject({ ok: true, rows: 5 });
    expect(auditFiles(dataDir)).toEqual([]);
    expect(log.entries().filter((l) => l.msg === 'audit records kept for the PostgreSQL chain written to the SQLite chain'))
      .toEqual([expect.objectContaining({ level: 40, records: 3, files: 2, invalid: 0 })]);
  });

  it('a file found again (a copy, or two workers importing at once) writes nothing twice', () => {
    const dir = tempDir();
    const kept = keepRecords(dir, [rec(1), rec(2)], 1_790_000_000_100);
    copyFileSync(join(dir, kept), join(dir, 'copy.tmp'));
    const a = new Database(join(dir, 'governance.db'));
    const b = new Database(join(dir, 'governance.db'));
    try {
      expect(new AuditLog(a).importKept(dir)).toEqual({ records: 2, files: 1, invalid: 0 });
      copyFileSync(join(dir, 'copy.tmp'), join(dir, kept));
      expect(new AuditLog(b).importKept(dir)).toEqual({ records: 0, files: 1, invalid: 0 });
      expect(auditFiles(dir)).toEqual([]);
      expect(verifyAuditLog(a)).toMatchObject({ ok: true, rows: 3 });
    } finally {
      a.close();
      b.close();
    }
  });
});
