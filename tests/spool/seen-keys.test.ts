import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEDUP_WINDOW_MS } from '../../src/spool/ingest-dedup.js';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { tempDir } from '../helpers/collector.js';

// Ingest dedup keys in the embedded spool (real SQLite): written in the commit of their rows. A
// cluster worker's are one log row per commit, read at recovery; a spool opened outside a
// cluster turns an earlier log into per-key rows, so the 24 h window survives going from
// `serve --workers N` to one process.
const open = (path: string) => new SqliteSpool({ path, maxRows: 1000, maxBytes: 1e7, synchronous: 'normal', groupCommitMs: 2 });
const row = (i: number, dedupKey?: string) => ({ messageId: `m${i}`, destination: 'd', payload: { i }, ...(dedupKey ? { dedupKey } : {}) });
const count = (path: string, table: string) => { const db = new Database(path, { readonly: true }); try { return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get(); } finally { db.close(); } };

describe('SQLite spool: ingest dedup keys', () => {
  it('a cluster worker\'s keys are one log row per commit, found from the time asked; outside a cluster they become per-key rows', async () => {
    const path = join(tempDir(), 'spool.db');
    const worker = open(path);
    worker.seenKeysLogged(true);
    const since = worker.now();
    await Promise.all([worker.enqueue([row(1, 'key-1'), row(2, 'key-2')]), worker.enqueue([row(3, 'key-3')])]);
    expect([...(await worker.seen(['key-1', 'key-3', 'key-9'], since))].sort()).toEqual(['key-1', 'key-3']);
    expect(await worker.seen(['key-1'], worker.now() + 1000)).toEqual(new Set()); // committed before the time asked
    await worker.close();
    expect([count(path, 'seen_log'), count(path, 'seen_messages')]).toEqual([1, 0]);

    const single = open(path);
    single.seenKeysLogged(false);
    expect([count(path, 'seen_log'), count(path, 'seen_messages')]).toEqual([0, 3]);
    expect([...(await single.seen(['key-2', 'key-9'], single.now() - DEDUP_WINDOW_MS))]).toEqual(['key-2']);
    await single.enqueue([row(4, 'key-4')]);
    expect(count(path, 'seen_messages')).toBe(4);
    await single.close();
  });
});
