// Every cluster worker records its deliveries in one governance file: a record that meets another
// worker's write lock waits for it on timers (src/common/busy-retry.ts), so this worker's event
// loop keeps serving requests meanwhile, and the record commits once the lock is free. Real SQLite
// file opened as the collector opens it; a second connection holds the lock, released by a timer.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DisclosureLedger } from '../../src/audit/ledger.js';
import { openGovernanceDb } from '../../src/governance/governance.js';
import { tempDir } from '../helpers/collector.js';

const opened: Database.Database[] = [];
afterEach(() => { for (const db of opened.splice(0)) db.close(); });

describe('disclosure ledger on a file another worker is writing', () => {
  it('waits for the lock without holding the event loop, then records the batch', async () => {
    const path = join(tempDir(), 'governance.db');
    const db = openGovernanceDb(path);
    opened.push(db);
    const ledger = new DisclosureLedger(db, false);
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const released = new Promise<void>((resolve) => setTimeout(() => { other.exec('COMMIT'); other.close(); resolve(); }, 300));
    // How often a 1 ms interval runs meanwhile: a synchronous busy wait would hold it back for the whole wait
    // (0 ticks); 2 or more says the loop ran, whatever the machine's load.
    let ticks = 0;
    const tick = setInterval(() => { ticks++; }, 1);
    const now = Date.now();
    const fresh = await ledger.add([{ destination: 'ga4', messageId: 'm-1', policyVersion: 'p1', payload: { event: 'page_view', page_path: '/' } }], now);
    clearInterval(tick);
    await released;
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(fresh.map((f) => f.destination)).toContain('ga4');
    expect((await ledger.report('ga4', now - 3_600_000, now + 3_600_000)).total).toBe(1);
    // The connection's own busy timeout is back for everything else on it.
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});
