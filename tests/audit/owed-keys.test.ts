import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DisclosureLedger, HOUR, OWED_KEY_KEEP_MS, type Disclosure } from '../../src/audit/ledger.js';
import { tempDir } from '../helpers/collector.js';

// With SQLite storage an owed batch's key is kept by the ledger so a batch killed between the ledger
// write and the spool row's removal is recorded once. The key only has to outlive that row: kept a
// month, then forgotten, so the table does not grow by a row per owed batch for ever.

const sent = (id: string): Disclosure => ({ destination: 'ga4', messageId: id, policyVersion: 'v1', payload: { event: 'Clicked' } });

describe('keys of recorded owed batches (SQLite ledger)', () => {
  it('a key recorded again within the month records nothing; keys older than a month are forgotten at the next owed record', async () => {
    const db = new Database(join(tempDir(), 'governance.db'));
    let now = Date.UTC(2026, 10, 1);
    const ledger = new DisclosureLedger(db, false, () => now);
    const record = (key: string, id: string) => ledger.record(ledger.summarize([sent(id)], now), now, key);
    const keys = () => db.prepare('SELECT batch FROM disclosure_owed_recorded ORDER BY batch').pluck().all();
    const total = async () => (await ledger.report('ga4', 0, Date.UTC(2027, 0, 1))).total;

    await record('batch-a', 'm1');
    now += HOUR;
    await record('batch-a', 'm1'); // the spool's row outlived the record (a kill): nothing is counted twice
    await record('batch-b', 'm2');
    expect(await total()).toBe(2);
    expect(keys()).toEqual(['batch-a', 'batch-b']);

    now += OWED_KEY_KEEP_MS - HOUR; // batch-a is a month old to the hour, batch-b an hour younger: both kept
    await record('batch-c', 'm3');
    expect(keys()).toEqual(['batch-a', 'batch-b', 'batch-c']);

    now += 2 * HOUR;
    await record('batch-d', 'm4');
    expect(keys()).toEqual(['batch-c', 'batch-d']);
    expect(await total()).toBe(4);
    db.close();
  });
});
