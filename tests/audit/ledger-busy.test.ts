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
import { holdLock, ticksDuring } from '../helpers/lock-wait.js';

const opened: Database.Database[] = [];
afterEach(() => { for (const db of opened.splice(0)) db.close(); });

describe('disclosure ledger on a file another worker is writing', () => {
  it('waits for the lock without holding the event loop, then records the batch', async () => {
    const path = join(tempDir(), 'governance.db');
    const db = openGovernanceDb(path);
    opened.push(db);
    const ledger = new DisclosureLedger(db, false);
    const released = holdLock(path, 300);
    const now = Date.now();
    const { value: fresh, ticks } = await ticksDuring(ledger.add([{ destination: 'ga4', messageId: 'm-1', policyVersion: 'p1', payload: { event: 'page_view', page_path: '/' } }], now));
    await released;
    expect(ticks).toBeGreaterThanOrEqual(1);
    expect(fresh.map((f) => f.destination)).toContain('ga4');
    expect((await ledger.report('ga4', now - 3_600_000, now + 3_600_000)).total).toBe(1);
    // The connection's own busy timeout is back for everything else on it.
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});
