// A spooled text that no longer parses (a damaged spool file) is never sent, and must not hold its
// destination: it is dead-lettered with a code that quotes nothing of it, counted, and the events
// after it are delivered. Before, every lease of the destination failed on it, for ever.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fakes/http-fake.js';
import { startWebhookFake } from '../fakes/webhook.js';
import { post, startCollector, tempDir, waitFor, writeConfig } from '../helpers/collector.js';
import { delivered, track, webhookConfig } from '../helpers/webhook-delivery.js';

describe('a damaged stored text', () => {
  let fake: FakeServer;
  beforeAll(async () => { fake = await startWebhookFake({ secret: 's3cret-signing-key' }); });
  afterAll(() => fake.close());

  it('is dead-lettered (STORED_TEXT_DAMAGED, counted), and the events after it are delivered', async () => {
    const configPath = writeConfig(webhookConfig(fake.url, '{ retry_base_ms: 50, retry_max_ms: 400, concurrency: 1 }'));
    const dataDir = tempDir();
    const first = await startCollector({ configPath, dataDir, deliver: false });
    const ids = ['dmg-0', 'dmg-1', 'dmg-2', 'dmg-3'];
    expect((await post(`${first.url}/v1/batch`, { batch: ids.map(track) })).status).toBe(200);
    await first.close();

    // One byte of the second event's text changed on disk, as a damaged file would have it.
    const db = new Database(join(dataDir, 'spool.db'));
    const pack = db.prepare("SELECT id, meta, payload FROM outbox_packs WHERE destination = 'hook'").get() as { id: number; meta: string; payload: string };
    const lengths = (JSON.parse(pack.meta) as unknown[][]).map((m) => (m.length === 2 ? m[1] : m[3]) as number); // [id, length] or [id, version, keys, length, time] (pack-meta.ts)
    const at = 1 + lengths[0] + 1;
    db.prepare('UPDATE outbox_packs SET payload = ? WHERE id = ?').run(`${pack.payload.slice(0, at)}!${pack.payload.slice(at + 1)}`, pack.id);
    db.close();

    const second = await startCollector({ configPath, dataDir, deliver: true });
    try {
      await waitFor(() => delivered(fake), (d) => ['dmg-0', 'dmg-2', 'dmg-3'].every((id) => d.includes(id)), 10_000);
      const dead = await waitFor(() => second.runtime.spool.listDead('hook', 10), (d) => d.length > 0, 5000);
      expect(dead.map((d) => [d.messageId, d.code, d.reason])).toEqual([['dmg-1', 'STORED_TEXT_DAMAGED', 'stored payload text does not parse']]);
      expect(delivered(fake)).not.toContain('dmg-1');
      // `phiwall dlq show` reads it without throwing (a parse error would quote the text): no payload, its code says why.
      expect(await second.runtime.spool.getDead(dead[0].id)).toMatchObject({ code: 'STORED_TEXT_DAMAGED', payload: null });
      expect(await second.runtime.metrics.registry.metrics()).toMatch(/phiwall_dead_lettered_total\{[^}]*code="STORED_TEXT_DAMAGED"[^}]*\} 1/);
      // The destination is not held: a new event goes out too.
      expect((await post(`${second.url}/v1/track`, track('dmg-after'))).status).toBe(200);
      await waitFor(() => delivered(fake), (d) => d.includes('dmg-after'), 10_000);
    } finally {
      await second.close();
    }
  });
});
