// What a pack's size costs the group commit (src/spool/sqlite/pack-prep.ts, PACK_CHARS): per
// commit, four destinations' packs of `rows` payload texts of ~`chars` characters each are joined
// (as writePrepared joins its chunks) and inserted in one transaction into a spool-shaped table
// (WAL, synchronous NORMAL, a 4 MB page cache, as the spool opens it).
//   node bench/micro/pack-size.mjs [--rows 20,50,100,150,200,280,400] [--chars 430]
// Prints, per pack size, CPU microseconds per row (user + system) for the join, the INSERTs and the
// COMMIT, and minor page faults per row. H226 (two runs, load 3-13, ~440 characters a row): at 400 rows
// (~175 KB: V8's large-object space) join 3.2-3.4 us, insert 5.4-7.7, 0.49 faults per row; at 50-150
// rows join 0.3-0.7, insert 0.4-0.6, no faults; 200-280 rows (84-118 KB) gave insert 0.4 in one run
// and 3.0-5.4 in the other (malloc's state); commit ~2 throughout.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const SIZES = arg('rows', '20,50,100,150,200,280,400').split(',').map(Number);
const CHARS = Number(arg('chars', 430));
const DESTINATIONS = ['ga4', 'meta', 'tiktok', 'webhook'];
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const faults = () => process.resourceUsage().minorPageFault;
const text = (i) => JSON.stringify({ client_id: `c${i}`, events: [{ name: 'page_view', params: { page_location: `https://example.test/${'p'.repeat(CHARS - 90)}`, n: i } }] });

function measure(rows, dir) {
  const db = new Database(join(dir, `packs-${rows}.db`));
  db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL'); db.pragma('cache_size = -4096'); db.pragma('wal_autocheckpoint = 10000');
  db.exec(`CREATE TABLE outbox_packs (id INTEGER PRIMARY KEY AUTOINCREMENT, destination TEXT NOT NULL, n INTEGER NOT NULL, bytes INTEGER NOT NULL,
    meta TEXT NOT NULL, payload TEXT NOT NULL, enqueued_at INTEGER NOT NULL); CREATE INDEX packs_by_dest ON outbox_packs(destination)`);
  const insert = db.prepare('INSERT INTO outbox_packs (destination, n, bytes, meta, payload, enqueued_at) VALUES (?, ?, ?, ?, ?, ?)');
  const commits = Math.max(150, Math.round(240_000 / rows)), warm = Math.round(commits / 6);
  const t = { join: 0, insert: 0, commit: 0, faults: 0, rows: 0 };
  for (let c = 0; c < commits; c++) {
    const texts = DESTINATIONS.map(() => Array.from({ length: rows }, (_, i) => text(c * rows + i)));
    const f = faults(), t0 = cpu();
    db.exec('BEGIN');
    const payloads = texts.map((ts) => `[${ts.join(',')}]`), metas = texts.map((ts) => JSON.stringify(ts.map((s, i) => [`m${i}`, s.length])));
    const t1 = cpu();
    DESTINATIONS.forEach((d, k) => insert.run(d, rows, payloads[k].length, metas[k], payloads[k], c));
    const t2 = cpu();
    db.exec('COMMIT');
    if (c < warm) continue;
    t.join += t1 - t0; t.insert += t2 - t1; t.commit += cpu() - t2; t.faults += faults() - f; t.rows += rows * DESTINATIONS.length;
  }
  db.close();
  const per = (v) => +(v / t.rows).toFixed(2);
  return { rows, pack_chars: text(0).length * rows, join_us: per(t.join), insert_us: per(t.insert), commit_us: per(t.commit), faults: per(t.faults) };
}

const dir = mkdtempSync(join(tmpdir(), 'phiwall-pack-size-'));
try {
  for (const rows of SIZES) console.log(JSON.stringify(measure(rows, dir)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
