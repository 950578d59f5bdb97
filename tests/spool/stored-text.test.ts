// A leased item carries its payload's text as the SQLite spool committed it (LeasedItem.payloadText):
// delivery posts those bytes instead of serialising the payload again, so what a vendor receives is
// what the spool holds, whether the item came from memory, from disk after a restart, or as a retry.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/common/json.js';
import { webhookDestination } from '../../src/destinations/webhook.js';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import type { EnqueueRow } from '../../src/spool/port.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { startWebhookFake } from '../fakes/webhook.js';
import { testDeps } from '../destinations/fixtures.js';
import { tempDir } from '../helpers/collector.js';

const open = (path: string) => new SqliteSpool({ path, maxRows: 1000, maxBytes: 10_000_000, synchronous: 'normal', groupCommitMs: 2 });
// Escapes, non-Latin text, a lone surrogate, numbers JSON writes its own way: the stored text must still be the payload's.
const payload = (i: number): JsonObject => ({ i, name: `Zoë "${i}"\n\\`, city: '東京', odd: `x\ud800y`, big: 1e21, neg: -0, list: [{ a: null }, 0.1] });
const rows = (from: number, n: number, withText: boolean): EnqueueRow[] => Array.from({ length: n }, (_, k) => {
  const p = payload(from + k);
  return { messageId: `m${from + k}`, destination: 'hook', payload: p, ...(withText ? { payloadText: JSON.stringify(p) } : {}) };
});

describe('SQLite spool: stored payload texts', () => {
  let fake: FakeServer;
  beforeAll(async () => { fake = await startWebhookFake(); });
  afterAll(() => fake.close());

  it('every leased item carries the text it was committed as: from memory, after a restart, and as a retry', async () => {
    const path = join(tempDir(), 'spool.db');
    const a = open(path);
    await a.enqueue(rows(0, 3, true));
    await a.enqueue(rows(3, 2, false));
    const fresh = await a.lease('hook', 10, 60_000);
    expect(fresh.map((x) => x.payloadText)).toEqual(fresh.map((x) => JSON.stringify(payload(Number(x.messageId.slice(1))))));
    await a.retry([fresh[1].id], 0, 'HTTP 503');
    await a.close();
    const b = open(path); // the packs read back from disk, the retry an outbox row
    const again = await b.lease('hook', 10, 60_000);
    expect(again.map((x) => x.messageId).sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    for (const x of again) expect([x.payloadText, x.payload]).toEqual([JSON.stringify(payload(Number(x.messageId.slice(1)))), JSON.parse(x.payloadText!)]);
    await b.close();
  });

  it('the webhook posts the committed bytes, even when the payload object was changed in memory after the commit', async () => {
    const spool = open(join(tempDir(), 'spool.db'));
    const committed = rows(10, 2, true);
    await spool.enqueue(committed);
    const leased = await spool.lease('hook', 10, 60_000);
    (leased[0].payload as JsonObject).added_after_commit = 'not in the spool';
    const dest = webhookDestination.create(webhookDestination.configSchema.parse({ url: `${fake.url}/hook/stored` }), testDeps('hook'));
    expect((await dest.send(leased)).kind).toBe('ok');
    expect(fake.handled('/hook/stored').map((r) => r.raw)).toEqual([`[${committed.map((r) => r.payloadText).join(',')}]`]);
    await dest.close();
    await spool.close();
  });

  it('a pack read back from disk is parsed item by item as leased: a damaged text is handed out marked (never as a payload), the items around it as they were', async () => {
    const path = join(tempDir(), 'spool.db');
    const a = open(path);
    const committed = rows(20, 3, true);
    await a.enqueue(committed);
    await a.close();
    const db = new Database(path);
    const pack = db.prepare('SELECT id, payload FROM outbox_packs').get() as { id: number; payload: string };
    const at = 1 + committed[0].payloadText!.length + 1; // '[' + the first text + ','
    expect(pack.payload.slice(at, at + committed[1].payloadText!.length)).toBe(committed[1].payloadText);
    db.prepare('UPDATE outbox_packs SET payload = ? WHERE id = ?').run(`${pack.payload.slice(0, at)}!${pack.payload.slice(at + 1)}`, pack.id);
    db.close();
    const b = open(path);
    const [first] = await b.lease('hook', 1, 60_000);
    expect([first.messageId, first.payloadText, first.payload, first.damaged]).toEqual(['m20', committed[0].payloadText, JSON.parse(committed[0].payloadText!), undefined]);
    const rest = await b.lease('hook', 10, 60_000);
    expect(rest.map((x) => [x.messageId, x.damaged, x.payload])).toEqual([['m21', true, null], ['m22', undefined, JSON.parse(committed[2].payloadText!)]]);
    await b.close();
  });

  it('an outbox row (a retry) whose text is damaged is handed out marked, and dead-letters like any row', async () => {
    const path = join(tempDir(), 'spool.db');
    const a = open(path);
    await a.enqueue(rows(30, 2, true));
    const fresh = await a.lease('hook', 10, 60_000);
    await a.retry([fresh[0].id], 0, 'HTTP 503');
    await a.ack([fresh[1].id]);
    await a.close();
    const db = new Database(path);
    expect(db.prepare("UPDATE outbox SET payload = '!' || substr(payload, 2)").run().changes).toBe(1);
    db.close();
    const b = open(path);
    const [row] = await b.lease('hook', 10, 60_000);
    expect([row.messageId, row.damaged, row.payload]).toEqual(['m30', true, null]);
    await b.deadLetter([row.id], 'STORED_TEXT_DAMAGED', 'stored payload text does not parse');
    expect((await b.listDead('hook', 10)).map((d) => [d.messageId, d.code])).toEqual([['m30', 'STORED_TEXT_DAMAGED']]);
    expect(await b.lease('hook', 10, 60_000)).toEqual([]);
    await b.close();
  });
});
