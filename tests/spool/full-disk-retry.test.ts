import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { tempDir } from '../helpers/collector.js';

// A retry (or dead letter) of pack items is one transaction writing each item's own row. On a full
// disk it fails and rolls back; the items must then still be the consumer's to hand out again.
// Found by probing a collector on a 4 MB tmpfs (audit H82): after the disk was freed, 1 of 796
// acknowledged events never reached its file destination. The pack's rolled-back items had been
// marked settled in memory, and the pack row was deleted when its other items were acknowledged.

const PAGES = 120;

describe('SQLite spool on a full disk', () => {
  it('a retry that fails to commit leaves its items to be leased again; every item is delivered once the disk has room', async () => {
    const path = join(tempDir(), 'spool.db');
    const spool = new SqliteSpool({ path, maxRows: 1000, maxBytes: 1e8, synchronous: 'normal', groupCommitMs: 2, maxPageCount: PAGES });
    // One group commit: one pack of three items. The first item's retry row fits in a page the
    // file has; the second's payload needs new pages.
    await spool.enqueue([
      { messageId: 'small-1', destination: 'd', payload: { n: 1 } },
      { messageId: 'large-2', destination: 'd', payload: { text: 'x'.repeat(12_000) } },
      { messageId: 'small-3', destination: 'd', payload: { n: 3 } },
    ]);
    const leased = await spool.lease('d', 10, 200);
    expect(leased.map((l) => l.messageId)).toEqual(['small-1', 'large-2', 'small-3']);

    // Another connection fills the file up to the spool's page limit: the disk is full.
    const other = new Database(path);
    other.exec('CREATE TABLE filler (b BLOB)');
    const fill = other.prepare('INSERT INTO filler VALUES (zeroblob(1000))');
    while ((other.pragma('page_count', { simple: true }) as number) < PAGES) fill.run();

    await expect(spool.retry([leased[0].id, leased[1].id], Date.now(), 'HTTP 503')).rejects.toThrow(/full/i);
    await spool.ack([leased[2].id]);

    // Room again; once the leases run out, the two items whose retry did not commit come back.
    other.exec('DELETE FROM filler');
    other.close();
    await new Promise((r) => setTimeout(r, 250));
    const again = await spool.lease('d', 10, 60_000);
    expect(again.map((l) => l.messageId).sort()).toEqual(['large-2', 'small-1']);
    await spool.ack(again.map((l) => l.id));
    expect((await spool.stats()).pending).toBe(0);
    await spool.close();
  });
});
