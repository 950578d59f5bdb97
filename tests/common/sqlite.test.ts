import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_KIB, openWalDatabase } from '../../src/common/sqlite.js';
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
