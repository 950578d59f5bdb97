// Per-row cost of the SQLite spool's statements (the ones src/spool/sqlite/sqlite-spool.ts
// runs), on a temp file with 400,000 rows of a realistic payload:
//   node bench/spool-ops.mjs [batch (100)] [wal_autocheckpoint pages (SQLite's default 1000)]
// Why the ack is one DELETE ... IN (json_each(?)) and not one DELETE per id, and why the spool
// checkpoints every 10,000 pages (compare `through_us_per_row` for 1000 and 10000).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const B = Number(process.argv[2] ?? 100);
const CHECKPOINT = Number(process.argv[3] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'phiwall-spool-ops-'));
const db = new Database(join(dir, 'spool.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma(`wal_autocheckpoint = ${CHECKPOINT}`);
db.exec(`CREATE TABLE outbox (id INTEGER PRIMARY KEY, message_id TEXT NOT NULL, destination TEXT NOT NULL, payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, lease_until INTEGER NOT NULL DEFAULT 0, enqueued_at INTEGER NOT NULL, last_error TEXT);
CREATE INDEX outbox_due ON outbox(destination, next_at);`);
const payload = JSON.stringify({ client_id: '123.456', timestamp_micros: Date.now() * 1000, events: [{ name: 'page_view',
  params: { page_location: 'https://www.northbay-health.example/services/cardiology?utm_source=x', page_title: 'Cardiology and heart care', engagement_time_msec: 1, session_id: '1732300100' } }] });
const dests = ['ga4', 'meta', 'tiktok', 'webhook'];
const ins = db.prepare('INSERT INTO outbox (message_id, destination, payload, next_at, enqueued_at) VALUES (?, ?, ?, ?, ?)');
const lease = db.prepare(`UPDATE outbox SET lease_until = ? WHERE id IN (SELECT id FROM outbox WHERE destination = ? AND next_at <= ? AND lease_until <= ?
  ORDER BY next_at, id LIMIT ?) RETURNING id, message_id, destination, payload, attempts, enqueued_at`);
const delOne = db.prepare('DELETE FROM outbox WHERE id = ? RETURNING LENGTH(payload) AS b');
const delMany = db.prepare('DELETE FROM outbox WHERE id IN (SELECT value FROM json_each(?)) RETURNING LENGTH(payload) AS b');

const N = 100_000;
const now = Date.now();
let t = performance.now();
for (let i = 0; i < N; i += 20) db.transaction(() => { for (let j = 0; j < 20; j++) for (const d of dests) ins.run(`m${i + j}`, d, payload, now, now); })();
const perRow = (ms, rows) => +((ms * 1000) / rows).toFixed(2);
const out = { batch: B, wal_autocheckpoint: CHECKPOINT, insert_us_per_row: perRow(performance.now() - t, N * 4) };

function cycle(dest, ack) {
  let leaseMs = 0, ackMs = 0, rows = 0;
  for (let k = 0; k < 100; k++) {
    let t0 = performance.now();
    const items = lease.all(Date.now() + 30_000, dest, Date.now(), Date.now(), B).map((r) => ({ ...r, payload: JSON.parse(r.payload) }));
    leaseMs += performance.now() - t0;
    t0 = performance.now();
    ack(items.map((r) => r.id));
    ackMs += performance.now() - t0;
    rows += items.length;
  }
  return { lease_us_per_row: perRow(leaseMs, rows), ack_us_per_row: perRow(ackMs, rows) };
}
out.per_id_deletes = cycle('ga4', (ids) => db.transaction(() => { for (const id of ids) delOne.get(id); })());
out.one_delete_json_each = cycle('meta', (ids) => delMany.all(JSON.stringify(ids)));

// Steady state: 100 events (400 rows) in, then each destination leases and acks a batch.
t = performance.now();
let through = 0;
for (let round = 0; round < 400; round++) {
  const at = Date.now();
  db.transaction(() => { for (let j = 0; j < 100; j++) for (const d of dests) ins.run(`s${round}-${j}`, d, payload, at, at); })();
  for (const d of dests) {
    const items = lease.all(Date.now() + 30_000, d, Date.now() + 1, Date.now(), B);
    for (const r of items) JSON.parse(r.payload);
    delMany.all(JSON.stringify(items.map((r) => r.id)));
    through += items.length;
  }
}
out.through_us_per_row = perRow(performance.now() - t, through);
console.log(JSON.stringify(out));
db.close();
rmSync(dir, { recursive: true, force: true });
