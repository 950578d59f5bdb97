import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnqueueRow } from '../../src/spool/port.js';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { tempDir } from '../helpers/collector.js';

// A pack's meta holds each item's message id and text length, and its policy version, subject keys
// and scrub time only where they change from the item before (pack-meta.ts): a request's items
// share them. Whatever the layout, and for packs older versions wrote (every item in full), an
// item reads back from disk with its own metadata, and the spool's byte count stays exact.

const open = (path: string): SqliteSpool => new SqliteSpool({ path, maxRows: 1e6, maxBytes: 1e9, synchronous: 'normal', groupCommitMs: 2 });
const view = (r: { messageId: string; payload: unknown; policyVersion?: string; subjectKeys?: readonly string[]; scrubbedAt?: number }) =>
  ({ messageId: r.messageId, payload: r.payload, policyVersion: r.policyVersion, subjectKeys: r.subjectKeys, scrubbedAt: r.scrubbedAt });

/** One visitor's batch: the same version, keys and scrub time, but for item 5 (another visitor) and 6 (no keys). */
function batch(): EnqueueRow[] {
  const keys = ['kA', 'kB'];
  return Array.from({ length: 12 }, (_, i) => ({
    messageId: `e-${i}`, destination: 'webhook', payload: { i, page: `/p/${'x'.repeat(i)}` }, policyVersion: 'v9',
    subjectKeys: i === 5 ? ['kC'] : i === 6 ? [] : [...keys], scrubbedAt: i === 8 ? 2_000 : 1_000,
  }));
}

describe('SQLite spool: pack meta', () => {
  it('stores a request\'s shared metadata once per run of items, and every item reads back from disk with its own', async () => {
    const path = join(tempDir(), 'spool.db');
    const spool = open(path);
    const rows = batch();
    await spool.enqueue(rows);
    await spool.close();

    const db = new Database(path, { readonly: true });
    const { meta } = db.prepare('SELECT meta FROM outbox_packs').get() as { meta: string };
    db.close();
    // Full where the metadata changes (0, 5, 6, 7, 8, 9), [id, length] where it repeats the item before.
    expect((JSON.parse(meta) as unknown[][]).map((m) => m.length)).toEqual([5, 2, 2, 2, 2, 5, 5, 5, 5, 5, 2, 2]);

    const again = open(path);
    expect((await again.lease('webhook', 100, 60_000)).map(view)).toEqual(rows.map(view));
    await again.close();
  });

  it('reads packs of older versions (every item in full, with or without a scrub time) with their metadata', async () => {
    const path = join(tempDir(), 'spool.db');
    await open(path).close();
    const texts = ['{"a":1}', '{"b":"é"}', '{"c":[1]}'];
    const db = new Database(path);
    db.prepare('INSERT INTO outbox_packs (destination, n, bytes, meta, payload, enqueued_at) VALUES (?, ?, ?, ?, ?, ?)').run('ga4', 3, 24,
      JSON.stringify([['o-0', 'v1', 'k1,k2', texts[0].length, 1_500], ['o-1', 'v1', 'k1,k2', texts[1].length, 1_500], ['o-2', null, null, texts[2].length]]), `[${texts.join(',')}]`, 1);
    db.close();

    const spool = open(path);
    const items = await spool.lease('ga4', 10, 60_000);
    expect(items.map(view)).toEqual([
      { messageId: 'o-0', payload: { a: 1 }, policyVersion: 'v1', subjectKeys: ['k1', 'k2'], scrubbedAt: 1_500 },
      { messageId: 'o-1', payload: { b: 'é' }, policyVersion: 'v1', subjectKeys: ['k1', 'k2'], scrubbedAt: 1_500 },
      { messageId: 'o-2', payload: { c: [1] }, policyVersion: undefined, subjectKeys: undefined, scrubbedAt: undefined },
    ]);
    expect(items.map((i) => i.payloadText)).toEqual(texts);
    await spool.close();
  });

  it('counts the bytes still spooled after a restart from items settled on disk, whatever their tuple', async () => {
    const path = join(tempDir(), 'spool.db');
    const spool = open(path);
    const rows = batch();
    await spool.enqueue(rows);
    await spool.close();
    const lengths = rows.map((r) => JSON.stringify(r.payload).length);
    const db = new Database(path);
    const { id } = db.prepare('SELECT id FROM outbox_packs').get() as { id: number };
    for (const idx of [1, 5, 10]) db.prepare('INSERT INTO pack_acks (pack_id, idx) VALUES (?, ?)').run(id, idx); // [id, length], full, [id, length]
    db.close();

    const again = open(path);
    const total = lengths.reduce((a, b) => a + b, 0);
    expect(await again.stats()).toMatchObject({ pending: 9, bytes: total - lengths[1] - lengths[5] - lengths[10] });
    expect((await again.lease('webhook', 100, 60_000)).map((i) => i.messageId)).toEqual(rows.filter((_, i) => ![1, 5, 10].includes(i)).map((r) => r.messageId));
    await again.close();
  });
});
