import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnqueueRow } from '../../src/spool/port.js';
import { flatJoin, PACK_CHARS } from '../../src/spool/sqlite/pack-prep.js';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { tempDir } from '../helpers/collector.js';

// A large request's packs (one row per destination, its items' meta and payload texts) are built
// in chunks before the group commit, with turns of the event loop between them (pack-prep.ts).
// A small request enqueued meanwhile commits without waiting for them (before, both shared one
// group commit that wrote the large request's texts in one piece). Whatever the chunking, a pack
// must read back from disk as the items enqueued, in order, with their metadata.

const open = (path: string): SqliteSpool => new SqliteSpool({ path, maxRows: 1e6, maxBytes: 1e9, synchronous: 'normal', groupCommitMs: 2 });

function rowsOf(prefix: string, n: number): EnqueueRow[] {
  const rows: EnqueueRow[] = [];
  for (let i = 0; i < n; i++) {
    // Payloads of varied lengths and characters, so a chunk boundary falls anywhere.
    const payload = { event: 'Button Clicked', i, note: `n${'é"\\,]'.repeat(i % 7)}` };
    const meta = { policyVersion: i % 3 === 0 ? undefined : `v${i % 2}`, subjectKeys: i % 5 === 0 ? undefined : i % 5 === 1 ? [] : [`k${i}`, `j${i}`] };
    rows.push({ messageId: `${prefix}-${i}`, destination: 'ga4', payload, ...meta });
    rows.push({ messageId: `${prefix}-${i}`, destination: 'webhook', payload: { ...payload, hook: true }, payloadText: JSON.stringify({ ...payload, hook: true }), ...meta });
    if (i % 4 === 0) rows.push({ messageId: `${prefix}-${i}`, destination: 'meta', payload, dead: { code: 'META_NO_SOURCE_URL', reason: 'refused before sending' } });
  }
  return rows;
}

const view = (r: { messageId: string; payload: unknown; policyVersion?: string; subjectKeys?: readonly string[] }) => ({ messageId: r.messageId, payload: r.payload, policyVersion: r.policyVersion, subjectKeys: r.subjectKeys });

describe('SQLite spool: packs of a large enqueue', () => {
  it('a small enqueue commits before a large one started first; both read back from disk as enqueued, in order', async () => {
    const path = join(tempDir(), 'spool.db');
    const spool = open(path);
    const large = rowsOf('large', 1300);
    const small = rowsOf('small', 3);
    const order: string[] = [];
    await Promise.all([spool.enqueue(large).then(() => order.push('large')), spool.enqueue(small).then(() => order.push('small'))]);
    expect(order).toEqual(['small', 'large']);
    await spool.close();

    // Pack rows on disk (one per destination and group commit: the small request's may or may not
    // have been joined by the large one's, depending on when its texts were ready).
    const db = new Database(path, { readonly: true });
    const packs = db.prepare('SELECT destination, SUM(n) AS n FROM outbox_packs GROUP BY destination ORDER BY destination').all();
    db.close();
    expect(packs).toEqual([{ destination: 'ga4', n: 1303 }, { destination: 'webhook', n: 1303 }]);

    const again = open(path);
    const all = [...small, ...large];
    for (const destination of ['ga4', 'webhook']) {
      const leased = (await again.lease(destination, 5000, 60_000)).map(view);
      for (const prefix of ['small-', 'large-']) {
        expect(leased.filter((r) => r.messageId.startsWith(prefix))).toEqual(all.filter((r) => r.destination === destination && r.messageId.startsWith(prefix)).map(view));
      }
      expect(leased).toHaveLength(1303);
    }
    const dead = await again.listDead('meta', 5000);
    expect(dead.map((d) => d.messageId).sort()).toEqual(all.filter((r) => r.dead).map((r) => r.messageId).sort());
    await again.close();
  });

  it('close() waits for a large enqueue whose texts are being built: it commits, nothing is refused', async () => {
    const path = join(tempDir(), 'spool.db');
    const spool = open(path);
    const large = rowsOf('closing', 1300);
    const enqueued = spool.enqueue(large);
    await spool.close();
    await expect(enqueued).resolves.toBeUndefined();
    const again = open(path);
    expect((await again.lease('ga4', 5000, 60_000)).map(view)).toEqual(large.filter((r) => r.destination === 'ga4').map(view));
    await again.close();
  });

  it('a group commit holding more text than a pack takes is stored as several packs, read back in order', async () => {
    const path = join(tempDir(), 'spool.db');
    const spool = open(path);
    // 30 requests of 20 events, ~420 characters each, in one group commit: ~250,000 characters for ga4.
    const requests = Array.from({ length: 30 }, (_, r) => Array.from({ length: 20 }, (_, i): EnqueueRow => ({
      messageId: `r${r}-${i}`, destination: 'ga4', policyVersion: `v${r % 2}`, subjectKeys: [`k${r}`], scrubbedAt: 1000 + r,
      payload: { client_id: `c${r}`, events: [{ name: 'page_view', params: { page_location: `https://example.test/${'p'.repeat(380)}?i=${i}`, note: 'é"\\,]' } }] },
    })));
    await Promise.all(requests.map((rows) => spool.enqueue(rows)));
    const all = requests.flat();
    const inMemory = await spool.lease('ga4', 5000, 60_000);
    expect(inMemory.map(view)).toEqual(all.map(view));
    await spool.close();

    const db = new Database(path, { readonly: true });
    const packs = db.prepare('SELECT n, LENGTH(payload) AS chars, payload FROM outbox_packs ORDER BY id').all() as { n: number; chars: number; payload: string }[];
    db.close();
    expect(packs.length).toBeGreaterThan(5);
    expect(packs.reduce((s, p) => s + p.n, 0)).toBe(600);
    for (const p of packs) expect(p.chars).toBeLessThanOrEqual(PACK_CHARS + 2);
    // Each pack's text is byte for byte JSON.stringify of its items' payloads, in order (joined once at the commit: flatJoin).
    expect(packs.map((p) => p.payload).join('|')).toBe(packs.map((p, k) => JSON.stringify(all.slice(packs.slice(0, k).reduce((s, q) => s + q.n, 0)).slice(0, p.n).map((r) => r.payload))).join('|'));

    // A restart reads them back from disk (none was acknowledged): the same items, order and metadata.
    const again = open(path);
    const fromDisk = await again.lease('ga4', 5000, 60_000);
    expect(fromDisk.map(view)).toEqual(all.map(view));
    expect(fromDisk.map((r) => r.scrubbedAt)).toEqual(all.map((r) => r.scrubbedAt));
    await again.close();
  });

  it('flatJoin gives the parts joined by commas inside brackets, for any number of parts', () => {
    const parts = [JSON.stringify({ a: 'é"\\,]', b: [1, 2] }), '{}', JSON.stringify({ c: null })];
    for (let n = 0; n <= parts.length; n++) expect(flatJoin(parts.slice(0, n))).toBe(`[${parts.slice(0, n).join(',')}]`);
  });
});
