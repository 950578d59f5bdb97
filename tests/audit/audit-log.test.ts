import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../src/audit/audit-log.js';
import { verifyAuditLog } from '../../src/audit/verify.js';
import { auditCommand } from '../../src/cli/audit.js';
import { parseArgs } from '../../src/cli/args.js';
import { tempDir } from '../helpers/collector.js';

describe('hash-chained audit log', () => {
  let dir: string;
  let db: Database.Database;
  beforeEach(() => {
    dir = tempDir();
    db = new Database(join(dir, 'governance.db'));
    const log = new AuditLog(db);
    for (let i = 1; i <= 6; i++) log.record({ actor: `user${i}`, role: 'admin', action: 'config.apply', details: { n: i }, configBefore: `h${i - 1}`, configAfter: `h${i}` }, 1_700_000_000_000 + i);
  });
  afterEach(() => { if (db.open) db.close(); });

  const cli = async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
    try {
      db.close();
      const code = await auditCommand(parseArgs(['audit', 'verify', '--data', dir]));
      return { code, out: out.join('') };
    } finally { spy.mockRestore(); }
  };

  it('verifies an intact chain (CLI exit 0 with the head hash)', async () => {
    expect(verifyAuditLog(db)).toMatchObject({ ok: true, rows: 6, headSeq: 6 });
    const r = await cli();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/audit log OK: 6 rows, head seq 6, head hash [0-9a-f]{64}/);
  });

  it('detects a changed row and names its seq', async () => {
    db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3").run();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, badSeq: 3 });
    const r = await cli();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at seq 3/);
  });

  it('detects a changed config hash even when the row hash was recomputed naively', () => {
    db.prepare("UPDATE audit_log SET config_after = 'forged', hash = 'ff' || substr(hash, 3) WHERE seq = 2").run();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, badSeq: 2 });
  });

  it('detects a deleted row in the middle', async () => {
    db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, badSeq: 4 });
    expect((await cli()).code).toBe(1);
  });

  it('detects deleted newest rows (the head record remembers them)', () => {
    db.prepare('DELETE FROM audit_log WHERE seq >= 5').run();
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, badSeq: 5 });
  });

  it('detects an inserted row (renumbered chain, or appended behind the head)', () => {
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
    db.prepare('DELETE FROM audit_log').run();
    const ins = db.prepare('INSERT INTO audit_log (seq, time, actor, role, action, details, config_before, config_after, prev_hash, hash) VALUES (@seq, @time, @actor, @role, @action, @details, @config_before, @config_after, @prev_hash, @hash)');
    const forged = { ...rows[2], actor: 'mallory', action: 'config.apply' };
    const all = [...rows.slice(0, 3), forged, ...rows.slice(3)].map((r, i) => ({ ...r, seq: i + 1 }));
    for (const r of all) ins.run(r);
    expect(verifyAuditLog(db)).toMatchObject({ ok: false, badSeq: 4 });

    const d2 = tempDir();
    const db2 = new Database(join(d2, 'governance.db'));
    const log2 = new AuditLog(db2);
    log2.record({ actor: 'a', role: 'admin', action: 'x' });
    const last = db2.prepare('SELECT * FROM audit_log').get() as Record<string, unknown>;
    db2.prepare('INSERT INTO audit_log (seq, time, actor, role, action, details, config_before, config_after, prev_hash, hash) VALUES (2, 1, ?, ?, ?, ?, NULL, NULL, ?, ?)').run('m', 'admin', 'y', '{}', last.hash, 'ab');
    expect(verifyAuditLog(db2)).toMatchObject({ ok: false, badSeq: 2 });
    db2.close();
  });
});
