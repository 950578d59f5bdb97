// The group commit of new pseudonymous-id claims (src/spool/sqlite/claim-batch.ts): requests
// arriving in one event-loop turn share a write transaction, but no transaction holds more than
// the cap, so a burst never holds the write lock the cluster workers share for all of it.
// Real SQLite file; the claim is a real transaction inserting the wants.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimBatcher, MAX_CLAIMS_PER_TRANSACTION } from '../../src/spool/sqlite/claim-batch.js';
import { tempDir } from '../helpers/collector.js';

const dbs: Database.Database[] = [];
afterEach(() => { for (const db of dbs.splice(0)) db.close(); });

/** A claim that inserts its wants in one transaction and remembers each transaction's size; `failAt` makes that transaction (1-based) throw. */
function tokenTable(failAt?: number) {
  const db = new Database(join(tempDir(), 'ids.db'));
  dbs.push(db);
  db.exec('CREATE TABLE ids (k TEXT PRIMARY KEY)');
  const insert = db.prepare('INSERT OR IGNORE INTO ids (k) VALUES (?)');
  const sizes: number[] = [];
  const tx = db.transaction((wants: readonly string[]) => {
    for (const w of wants) insert.run(w);
    sizes.push(wants.length);
    if (sizes.length === failAt) throw Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });
  });
  const stored = () => (db.prepare('SELECT COUNT(*) AS n FROM ids').get() as { n: number }).n;
  return { claim: (wants: readonly string[]) => tx.immediate(wants), sizes, stored };
}

const wants = (from: number, n: number): [string, string][] => Array.from({ length: n }, (_, i) => [`v${from + i}`, `v${from + i}`]);

describe('claim batches', () => {
  it('splits a burst into transactions of at most the cap; every caller resolves once all are committed', async () => {
    const t = tokenTable();
    const batcher = new ClaimBatcher<string>(t.claim, 100);
    // Three requests in one turn: 250 distinct wants (and one repeated across requests).
    const done = [batcher.add(wants(0, 120)), batcher.add(wants(120, 120)), batcher.add(wants(230, 20))];
    await Promise.all(done);
    expect(t.sizes).toEqual([100, 100, 50]);
    expect(t.stored()).toBe(250);
  });

  it('uses the default cap of MAX_CLAIMS_PER_TRANSACTION', async () => {
    const t = tokenTable();
    await new ClaimBatcher<string>(t.claim).add(wants(0, MAX_CLAIMS_PER_TRANSACTION * 2 + 1));
    expect(t.sizes).toEqual([MAX_CLAIMS_PER_TRANSACTION, MAX_CLAIMS_PER_TRANSACTION, 1]);
  });

  it('a failed transaction rejects every caller of the batch (fail closed); committed chunks stay, the next batch starts afresh', async () => {
    const t = tokenTable(2);
    const batcher = new ClaimBatcher<string>(t.claim, 10);
    const a = batcher.add(wants(0, 15));
    const b = batcher.add(wants(15, 10));
    await expect(a).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    await expect(b).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(t.stored()).toBe(10);
    await batcher.add(wants(10, 15));
    expect(t.stored()).toBe(25);
  });

  it('refuses a cap that is not a positive integer', () => {
    expect(() => new ClaimBatcher<string>(() => undefined, 0)).toThrow(RangeError);
  });
});
