// The write pattern of a log-structured claims file (H148's suggestion, a cost prototype: no
// states, tickets, waiters or cross-process view): each flush (--per-flush requests of --keys new
// keys) probes two keyed runs read-only and appends its keys in rowid order; every --recent-rows
// appended keys the middle run is rebuilt whole, in key order, from itself and the appended rows;
// once the middle run holds --window-share of the window's keys it is merged the same way into the
// window's run. Every rebuild writes a new table in key order (sequential pages) and drops the old.
// --mode keyed: the same harness writing as the claims file does today (each key inserted into the
// keyed table with its `at` index, no runs), for a like-for-like comparison.
// Starts from a file with --from (claims-commit.mts --prefill N --save PATH: its keyed table is the
// window's run). Prints CPU per new key, rebuilds included, per round.
//   node --import tsx bench/micro/claims-runs.mts --from /tmp/claims.db [--keys 20] [--requests 7500] [--rounds 2]
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const arg = (name: string, d: string): string => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const FROM = arg('from', ''), KEYS = Number(arg('keys', '20')), N = Number(arg('requests', '7500')), ROUNDS = Number(arg('rounds', '2'));
const KEYED = arg('mode', 'runs') === 'keyed';
const PER_FLUSH = Number(arg('per-flush', '3')), RECENT_ROWS = Number(arg('recent-rows', '20000')), WINDOW_SHARE = Number(arg('window-share', '0.1'));
if (!FROM) throw new Error('--from PATH: a claims file (claims-commit.mts --prefill N --save PATH)');
const dir = mkdtempSync(join(tmpdir(), 'phiwall-runs-'));
const path = join(dir, 'claims.db');
copyFileSync(FROM, path);
const db = new Database(path);
db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL'); db.pragma('cache_size = -4096'); db.pragma('wal_autocheckpoint = 10000');
const COLS = 'k TEXT PRIMARY KEY, state INTEGER NOT NULL, worker INTEGER NOT NULL, pid INTEGER NOT NULL, at INTEGER NOT NULL, ticket INTEGER';
db.exec(`${KEYED ? '' : 'DROP INDEX IF EXISTS ingest_claims_at;'} ALTER TABLE ingest_claims RENAME TO window_run;
  CREATE TABLE middle_run (${COLS}) WITHOUT ROWID;
  CREATE TABLE appended (seq INTEGER PRIMARY KEY, k TEXT NOT NULL, state INTEGER NOT NULL, worker INTEGER NOT NULL, pid INTEGER NOT NULL, at INTEGER NOT NULL, ticket INTEGER)`);
db.pragma('wal_checkpoint(TRUNCATE)');
const windowKeys = db.prepare('SELECT count(*) FROM window_run').pluck().get() as number;
const st = () => ({
  inWindow: db.prepare('SELECT state FROM window_run WHERE k = ?').pluck(),
  inMiddle: db.prepare('SELECT state FROM middle_run WHERE k = ?').pluck(),
  append: db.prepare('INSERT INTO appended (k, state, worker, pid, at, ticket) VALUES (?, 0, 0, 1, ?, 1)'),
  insert: db.prepare('INSERT INTO window_run (k, state, worker, pid, at, ticket) VALUES (?, 0, 0, 1, ?, 1) ON CONFLICT (k) DO NOTHING'),
});
let s = st();
const recent = new Map<string, number>();
let middleRows = 0, rebuilds = { middle: 0, window: 0 };

/**
 * `into` rebuilt whole in key order from itself and `from`, `from` emptied. A compound SELECT
 * ordered by the key is a merge of the two keyed tables (EXPLAIN: MERGE (UNION ALL), no sorter;
 * the appended rows alone are sorted); on a tie the left (older) row comes first and is replaced.
 */
function rebuild(into: string, from: string, fromCols: string): void {
  db.exec(`CREATE TABLE next_run (${COLS}) WITHOUT ROWID;
    INSERT OR REPLACE INTO next_run SELECT k, state, worker, pid, at, ticket FROM ${into} UNION ALL SELECT ${fromCols} FROM ${from} ORDER BY 1;
    DROP TABLE ${into}; ALTER TABLE next_run RENAME TO ${into}; DELETE FROM ${from}`);
  s = st();
}
const flush = db.transaction((keys: string[], now: number) => {
  for (const k of keys) {
    if (KEYED) { s.insert.run(k, now); continue; }
    if (recent.has(k) || s.inMiddle.get(k) !== undefined || s.inWindow.get(k) !== undefined) continue;
    recent.set(k, Number(s.append.run(k, now).lastInsertRowid));
  }
});
const key = (): string => randomBytes(16).toString('base64url').slice(0, 22);
const cpu = (): number => { const u = process.cpuUsage(); return u.user + u.system; };
try {
  for (let round = 1; round <= ROUNDS; round++) {
    const t = cpu();
    for (let i = 0; i < N; i += PER_FLUSH) {
      flush(Array.from({ length: KEYS * PER_FLUSH }, key), Date.now());
      if (recent.size < RECENT_ROWS) continue;
      middleRows += recent.size;
      db.transaction(() => rebuild('middle_run', 'appended', 'k, state, worker, pid, at, ticket'))();
      recent.clear(); rebuilds.middle++;
      if (middleRows < WINDOW_SHARE * windowKeys) continue;
      db.transaction(() => rebuild('window_run', 'middle_run', 'k, state, worker, pid, at, ticket'))();
      middleRows = 0; rebuilds.window++;
    }
    const us = (cpu() - t) / (N * KEYS);
    console.log(JSON.stringify({ round, window_keys: windowKeys, us_per_key: +us.toFixed(2), rebuilds }));
    rebuilds = { middle: 0, window: 0 };
  }
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
