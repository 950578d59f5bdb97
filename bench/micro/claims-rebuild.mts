// CPU per key of rewriting the shared claims' keyed table sequentially (H148): the table copied in
// key order into an empty WITHOUT ROWID table, one transaction, then checkpointed. The cost a
// log-structured layout (sorted runs rebuilt whole, off the workers' write lock) would pay per key
// per rewrite, against 15-19 us per key claimed into a B-tree of 1.5M random keys today.
//   node --import tsx bench/micro/claims-commit.mts --root . --prefill 1500000 --save /tmp/claims.db
//   node --import tsx bench/micro/claims-rebuild.mts --from /tmp/claims.db [--rounds 3]
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const arg = (name: string, d: string): string => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const FROM = arg('from', ''), ROUNDS = Number(arg('rounds', '3'));
if (!FROM) throw new Error('--from PATH: a claims file (claims-commit.mts --prefill N --save PATH)');
const dir = mkdtempSync(join(tmpdir(), 'phiwall-rebuild-'));
const path = join(dir, 'ingest-claims.db');
copyFileSync(FROM, path);
const db = new Database(path);
db.pragma('journal_mode = WAL'); db.pragma('synchronous = NORMAL'); db.pragma('cache_size = -8192');
const n = db.prepare('SELECT count(*) FROM ingest_claims').pluck().get() as number;
try {
  for (let r = 1; r <= ROUNDS; r++) {
    db.exec('DROP TABLE IF EXISTS rebuilt; CREATE TABLE rebuilt (k TEXT PRIMARY KEY, state INTEGER NOT NULL, worker INTEGER NOT NULL, pid INTEGER NOT NULL, at INTEGER NOT NULL, ticket INTEGER) WITHOUT ROWID');
    const t = performance.now(), c = process.cpuUsage();
    db.transaction(() => db.prepare('INSERT INTO rebuilt SELECT k, state, worker, pid, at, ticket FROM ingest_claims ORDER BY k').run())();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const u = process.cpuUsage(c);
    console.log(JSON.stringify({ round: r, keys: n, wall_ms: Math.round(performance.now() - t), us_per_key: +((u.user + u.system) / n).toFixed(2), sys_us_per_key: +(u.system / n).toFixed(2) }));
  }
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
