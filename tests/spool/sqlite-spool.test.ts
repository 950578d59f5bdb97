import Database from 'better-sqlite3';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import { issueReplayPermit } from '../../src/spool/replay-permit.js';
import { post, REPO, startCollector, tempDir, writeConfig } from '../helpers/collector.js';
import { runUntilKilled } from '../helpers/killed-child.js';

const open = (extra: Partial<ConstructorParameters<typeof SqliteSpool>[0]> = {}) => new SqliteSpool({
  path: join(tempDir(), 'spool.db'), maxRows: 1000, maxBytes: 10_000_000, synchronous: 'normal', groupCommitMs: 2, ...extra,
});
const row = (i: number, destination = 'd') => ({ messageId: `m${i}`, destination, payload: { i } });

describe('SQLite spool', () => {
  afterEach(() => { vi.useRealTimers(); });
  it('group-commits concurrent enqueues and survives reopening', async () => {
    const path = join(tempDir(), 'spool.db');
    const a = new SqliteSpool({ path, maxRows: 1000, maxBytes: 1e7, synchronous: 'full', groupCommitMs: 5 });
    await Promise.all(Array.from({ length: 50 }, (_, i) => a.enqueue([row(i)])));
    await a.close();
    const b = new SqliteSpool({ path, maxRows: 1000, maxBytes: 1e7, synchronous: 'full', groupCommitMs: 5 });
    expect((await b.stats()).pending).toBe(50);
    await b.close();
  });

  it('adds the governance columns (and scrub and record times) to a spool file made before they existed; its queued rows still deliver', async () => {
    const path = join(tempDir(), 'spool.db');
    const old = new Database(path);
    old.exec(`CREATE TABLE outbox (id INTEGER PRIMARY KEY, message_id TEXT NOT NULL, destination TEXT NOT NULL, payload TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, lease_until INTEGER NOT NULL DEFAULT 0, enqueued_at INTEGER NOT NULL, last_error TEXT);
      CREATE TABLE dead_letters (id INTEGER PRIMARY KEY, message_id TEXT NOT NULL, destination TEXT NOT NULL, payload TEXT NOT NULL, attempts INTEGER NOT NULL,
      code TEXT NOT NULL, reason TEXT NOT NULL, enqueued_at INTEGER NOT NULL, failed_at INTEGER NOT NULL);
      INSERT INTO outbox (message_id, destination, payload, next_at, enqueued_at) VALUES ('old', 'd', '{}', 0, 0);
      CREATE TABLE policy_history (version TEXT NOT NULL, destination TEXT NOT NULL, policy TEXT NOT NULL, PRIMARY KEY (version, destination));
      INSERT INTO policy_history VALUES ('v0', 'd', 'n:0123456789abcdef');`);
    old.close();
    for (let i = 0; i < 2; i++) await new SqliteSpool({ path, maxRows: 1000, maxBytes: 1e7, synchronous: 'normal', groupCommitMs: 1 }).close();
    const s = new SqliteSpool({ path, maxRows: 1000, maxBytes: 1e7, synchronous: 'normal', groupCommitMs: 1 });
    await s.enqueue([{ ...row(1), policyVersion: 'v9', subjectKeys: ['k'] }]);
    const leased = await s.lease('d', 10, 60_000);
    expect(leased.map((l) => [l.messageId, l.policyVersion, l.subjectKeys])).toEqual([['old', undefined, undefined], ['m1', 'v9', ['k']]]);
    expect(leased[0]!.scrubbedAt).toBeUndefined();
    // The previous release's policy history reads as before, and retention applies to it.
    expect(await s.policyOf('v0', 'd')).toBe('n:0123456789abcdef');
    expect(await s.prunePolicies('v9', Date.now())).toBe(1);
    await s.close();
  });

  it('leases due items once, acks remove them, retries come back after their time', async () => {
    const s = open();
    await s.enqueue([row(1), row(2), row(3), row(4, 'other')]);
    const leased = await s.lease('d', 10, 60_000);
    expect(leased.map((l) => l.messageId)).toEqual(['m1', 'm2', 'm3']);
    expect(await s.lease('d', 10, 60_000)).toEqual([]);
    await s.ack([leased[0].id]);
    await s.retry([leased[1].id], 0, 'HTTP 503');
    await s.retry([leased[2].id], Date.now() + 60_000, 'HTTP 503');
    const again = await s.lease('d', 10, 60_000);
    expect(again.map((l) => [l.messageId, l.attempts])).toEqual([['m2', 1]]);
    expect((await s.stats()).pending).toBe(3);
    await s.close();
  });

  it('an ack made while other events wait for their group commit is on disk once it resolves', async () => {
    const path = join(tempDir(), 'spool.db');
    const opts = { path, maxRows: 1000, maxBytes: 1e7, synchronous: 'normal' as const, groupCommitMs: 20 };
    const s = new SqliteSpool(opts);
    await s.enqueue([row(1), row(2)]);
    const leased = await s.lease('d', 10, 60_000);
    const later = s.enqueue([row(3)]);
    await s.ack(leased.map((l) => l.id));
    // Another process reading the file (a standby, `phiwall dlq`, a restart) no longer sees the acked pack.
    const reader = new Database(path, { readonly: true });
    expect(reader.prepare('SELECT COUNT(*) FROM outbox_packs WHERE n = 2').pluck().get()).toBe(0);
    await later;
    reader.close();
    await s.close();
    const again = new SqliteSpool(opts);
    expect((await again.lease('d', 10, 60_000)).map((l) => l.messageId)).toEqual(['m3']);
    await again.close();
  });

  it('dead letters keep code and reason, can be listed, replayed and purged', async () => {
    const s = open();
    await s.enqueue([row(1), row(2)]);
    const [a, b] = await s.lease('d', 10, 60_000);
    await s.deadLetter([a.id], 'HTTP_400', 'invalid parameter');
    await s.deadLetter([b.id], 'MAX_ATTEMPTS', 'HTTP 503');
    const dead = await s.listDead('d', 10);
    expect(dead.map((d) => d.code)).toEqual(['HTTP_400', 'MAX_ATTEMPTS']);
    expect((await s.getDead(dead[0].id))?.payload).toEqual({ i: 1 });
    expect(await s.replayDead(issueReplayPermit({ destination: 'd', issuedAt: Date.now() }))).toBe(2);
    expect((await s.lease('d', 10, 1000)).length).toBe(2);
    expect(await s.purgeDead('d')).toBe(0);
    await s.close();
  });

  it('a dead letter replayed by another process whose clock reads ahead (wall clock stepped forward since the consumer started) is due at once', async () => {
    const path = join(tempDir(), 'spool.db');
    const consumer = open({ path });
    await consumer.enqueue([row(1)]);
    await consumer.deadLetter((await consumer.lease('d', 10, 60_000)).map((l) => l.id), 'HTTP_400', 'invalid parameter');
    vi.useFakeTimers({ now: Date.now() + 3 * 3_600_000, toFake: ['Date'], shouldAdvanceTime: true });
    const cli = open({ path }); // `phiwall dlq replay` starts on the stepped wall clock
    expect(await cli.replayDead(issueReplayPermit({ destination: 'd', issuedAt: Date.now() }))).toBe(1);
    await cli.close();
    expect((await consumer.lease('d', 10, 60_000)).map((l) => l.messageId)).toEqual(['m1']); // was due 3 hours later
    await consumer.close();
  });

  it('after a kill -9 of the consuming process, the next one delivers every unsettled item at once', async () => {
    const path = join(tempDir(), 'spool.db');
    const opts = JSON.stringify({ path, maxRows: 1000, maxBytes: 1e7, synchronous: 'normal', groupCommitMs: 1 });
    const script = `import { SqliteSpool } from ${JSON.stringify(pathToFileURL(join(REPO, 'src/spool/sqlite/sqlite-spool.ts')).href)};
      const s = new SqliteSpool(${opts});
      await s.enqueue([1, 2, 3].map((i) => ({ messageId: 'm' + i, destination: 'd', payload: { i } })));
      const a = await s.lease('d', 2, 600000);
      await s.ack([a[0].id]);
      process.kill(process.pid, 'SIGKILL');`;
    runUntilKilled(script);
    const s = new SqliteSpool(JSON.parse(opts) as ConstructorParameters<typeof SqliteSpool>[0]);
    // Leases lived in the dead process's memory: nothing waits for them to expire. The item
    // acknowledged in a pack whose other items were unsettled is sent again (at least once).
    expect((await s.lease('d', 10, 60_000)).map((l) => l.messageId)).toEqual(['m1', 'm2', 'm3']);
    expect((await s.stats()).pending).toBe(3);
    await s.close();
  });

  it('counts payload bytes exactly through packs: a settled item frees its bytes, a reopened spool counts the same', async () => {
    const size = JSON.stringify({ i: 1 }).length;
    const path = join(tempDir(), 'spool.db');
    const opts = { path, maxRows: 1000, maxBytes: size * 3, synchronous: 'normal' as const, groupCommitMs: 1 };
    const s = new SqliteSpool(opts);
    await s.enqueue([row(1), row(2), row(3)]);
    await expect(s.enqueue([row(4)])).rejects.toMatchObject({ code: 'PW_ERR_SPOOL_FULL' });
    const [a] = await s.lease('d', 1, 60_000);
    await s.ack([a.id]);
    await s.enqueue([row(4)]);
    expect((await s.stats()).bytes).toBe(size * 3);
    await s.close();
    const again = new SqliteSpool(opts);
    expect([(await again.stats()).pending, (await again.stats()).bytes]).toEqual([3, size * 3]);
    expect((await again.lease('d', 10, 60_000)).map((l) => l.messageId)).toEqual(['m2', 'm3', 'm4']);
    await again.close();
  });

  it('a reopened spool delivers a backlog of packs of any size in order, no more than each lease asks for', async () => {
    const path = join(tempDir(), 'spool.db');
    const opts = { path, maxRows: 10_000, maxBytes: 1e7, synchronous: 'normal' as const, groupCommitMs: 1 };
    const first = new SqliteSpool(opts);
    const sent: string[] = [];
    for (let call = 0; call < 150; call++) {
      const size = call % 50 === 0 ? 120 : 1 + (call % 3);
      const rows = Array.from({ length: size }, (_, k) => row(call * 1000 + k));
      sent.push(...rows.map((r) => r.messageId));
      await first.enqueue(rows);
    }
    await first.close();
    const s = new SqliteSpool(opts);
    const got: string[] = [];
    for (;;) {
      const items = await s.lease('d', 7, 60_000);
      if (items.length === 0) break;
      expect(items.length).toBeLessThanOrEqual(7);
      got.push(...items.map((i) => i.messageId));
      await s.ack(items.map((i) => i.id));
    }
    expect(got).toEqual(sent);
    expect((await s.stats()).pending).toBe(0);
    await s.close();
  });

  it('refuses to grow past max_rows instead of growing without limit', async () => {
    const s = open({ maxRows: 3 });
    await s.enqueue([row(1), row(2), row(3)]);
    await expect(s.enqueue([row(4)])).rejects.toMatchObject({ code: 'PW_ERR_SPOOL_FULL', status: 503 });
    await s.close();
  });
});

describe('spool limits over HTTP', () => {
  it('a full spool answers 503 with Retry-After and acknowledges nothing it did not store', async () => {
    const cfg = writeConfig(`version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\nspool: { max_rows: 5 }\n`);
    const c = await startCollector({ configPath: cfg, deliver: false });
    const batch = (n: number, p: string) => ({ batch: Array.from({ length: n }, (_, i) => ({ type: 'track', event: 'E', messageId: `${p}${i}`, anonymousId: 'a' })) });
    expect((await post(`${c.url}/v1/batch`, batch(5, 'a'))).status).toBe(200);
    const full = await post(`${c.url}/v1/batch`, batch(1, 'b'));
    expect(full.status).toBe(503);
    expect(full.headers.get('retry-after')).toBe('5');
    expect(full.json.error).toMatchObject({ code: 'PW_ERR_SPOOL_FULL' });
    expect((await c.runtime.spool.stats()).pending).toBe(5);
    await c.close();
  });

  it('a full disk (SQLite max_page_count) answers 503, does not crash, and keeps serving', async () => {
    const c = await startCollector({ deliver: false, maxPageCount: 40 });
    const big = (p: string) => ({ batch: Array.from({ length: 50 }, (_, i) => ({ type: 'track', event: 'E', messageId: `${p}-${i}`, anonymousId: 'a', properties: { service_line: 'cardiology'.repeat(30) } })) });
    let status = 200;
    let acked = 0;
    for (let i = 0; i < 60 && status === 200; i++) {
      const r = await post(`${c.url}/v1/batch`, big(`r${i}`));
      status = r.status;
      if (r.status === 200) acked += 50;
      else expect(r.json.error).toMatchObject({ code: 'PW_ERR_SPOOL_UNAVAILABLE' });
    }
    expect(status).toBe(503);
    expect((await c.runtime.spool.stats()).pending).toBe(acked);
    expect((await fetch(`${c.url}/healthz`)).status).toBe(200);
    await c.close();
  });
});
