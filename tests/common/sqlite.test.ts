import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_KIB, inTransaction, openWalDatabase } from '../../src/common/sqlite.js';
import { tempDir } from '../helpers/collector.js';

// Each connection's page cache is memory a cluster worker keeps resident under load (issue #5):
// better-sqlite3's build default is 16 MB per connection, and a worker holds several.
describe('openWalDatabase', () => {
  it('opens in WAL mode with a bounded page cache', () => {
    const db = openWalDatabase(join(tempDir(), 'a.db'), { timeoutMs: 1000, synchronous: 'NORMAL' });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('cache_size', { simple: true })).toBe(-DEFAULT_CACHE_KIB);
    expect(DEFAULT_CACHE_KIB).toBeLessThan(16_000);
    db.close();
  });

  it('takes a page cache size per connection', () => {
    const db = openWalDatabase(join(tempDir(), 'b.db'), { timeoutMs: 1000, synchronous: 'FULL', cacheKib: 1024 });
    expect(db.pragma('cache_size', { simple: true })).toBe(-1024);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });
});

// The spool's group commit, its acks and the cluster's shared claims run through inTransaction:
// one wrapper per connection instead of db.transaction(fn) per call, with the same guarantees.
describe('inTransaction', () => {
  const open = () => {
    const db = openWalDatabase(join(tempDir(), 't.db'), { timeoutMs: 100, synchronous: 'NORMAL' });
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY)');
    return db;
  };
  const keys = (db: ReturnType<typeof open>) => (db.prepare('SELECT k FROM t ORDER BY k').all() as { k: string }[]).map((r) => r.k);

  it('commits what the closure wrote and returns its value; a throw rolls all of it back', () => {
    const db = open();
    expect(inTransaction(db, () => { db.prepare("INSERT INTO t VALUES ('a')").run(); return 7; })).toBe(7);
    expect(() => inTransaction(db, () => { db.prepare("INSERT INTO t VALUES ('b')").run(); throw new Error('disk full'); })).toThrow('disk full');
    expect(keys(db)).toEqual(['a']);
    expect(db.inTransaction).toBe(false);
    db.close();
  });

  it('nested: an inner throw undoes only the inner writes', () => {
    const db = open();
    inTransaction(db, () => {
      db.prepare("INSERT INTO t VALUES ('outer')").run();
      expect(() => inTransaction(db, () => { db.prepare("INSERT INTO t VALUES ('inner')").run(); throw new Error('no'); })).toThrow('no');
    });
    expect(keys(db)).toEqual(['outer']);
    db.close();
  });

  it("'immediate' takes the write lock at BEGIN: another connection's write waits, then fails busy", () => {
    const db = open();
    const other = openWalDatabase(db.name, { timeoutMs: 50, synchronous: 'NORMAL' });
    inTransaction(db, () => {
      expect(() => other.prepare("INSERT INTO t VALUES ('x')").run()).toThrow(/locked/);
    }, 'immediate');
    other.close();
    db.close();
  });
});
