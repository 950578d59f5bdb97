// CPU per request of the cluster workers' shared ingest claims (src/spool/sqlite/shared-claims.ts):
// `--concurrency` loops each claim `--keys` fresh keys, wait a turn, and release them as committed,
// `--requests` requests per round; the file grows round by round (claims are kept 24 h).
//   node --import tsx bench/micro/claims-commit.mts [--root DIR] [--keys 20] [--concurrency 8] [--requests 3000] [--rounds 4] [--workers 1] [--move-ms 250]
// --prefill N: N done keys (a day's window at some rate) put in the keyed table first, as a file in
// steady state holds them; --save PATH writes that file and exits, --from PATH starts from a copy of
// one (callgrind runs skip the prefill). Without them the file holds only the run's keys (at most
// a few seconds of traffic): a B-tree of a few thousand pages, which flatters any bulk move.
// --workers 2: two SharedClaims on the file in this process, requests alternating (each reads the
// other's recent rows). Where --root's tree has src/spool/sqlite/claims-mover.ts (H148's recent
// table and bulk move, not adopted: branch h148-recent), the cluster primary's move runs here too,
// on its own connection as the primary opens it, every --move-ms (--move-rows, --mover-cache-kib
// to vary it): its CPU is in the figures (amortised per key); `moved` counts the rows it moved in
// the round, `move_ms_max` its longest transaction (the workers' claims wait for the lock meanwhile).
// H141: 10-14 us per key at 20 keys (the file at 40,000-240,000 keys), ~24 us per 1-key request;
// under --cpu-prof 74% of it is the COMMIT (two pwrite calls per dirty page: the WAL frame's
// header and the page, and each key lands on a random page of the key B-tree), 8% the INSERTs.
// H148: 15-19 us per key with --prefill 1500000 (README, Performance).
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

const arg = (name: string, d: string): string => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const ROOT = resolve(arg('root', join(import.meta.dirname, '../..')));
const KEYS = Number(arg('keys', '20')), CONC = Number(arg('concurrency', '8')), N = Number(arg('requests', '3000')), ROUNDS = Number(arg('rounds', '4'));
const WORKERS = Number(arg('workers', '1')), MOVE_MS = Number(arg('move-ms', '250')), MOVER_CACHE_KIB = Number(arg('mover-cache-kib', '8192'));
/** Rows per move (the primary's policy unless given): moves once this many wait, at most this many a transaction. */
const MOVE_ROWS = arg('move-rows', '');
const { SharedClaims } = await import(pathToFileURL(join(ROOT, 'src/spool/sqlite/shared-claims.ts')).href);
const moverFile = join(ROOT, 'src/spool/sqlite/claims-mover.ts');
const dir = mkdtempSync(join(tmpdir(), 'phiwall-claims-'));
const path = join(dir, 'ingest-claims.db');
const FROM = arg('from', ''), SAVE = arg('save', ''), PREFILL = Number(arg('prefill', '0'));
if (FROM) for (const ext of ['', '-wal']) if (existsSync(FROM + ext)) copyFileSync(FROM + ext, path + ext);
const onError = (what: string, code: string) => console.error(what, code);
const all = Array.from({ length: WORKERS }, (_, worker) => new SharedClaims({ path, worker, pid: 1000 + worker, synchronous: 'NORMAL', onError, moveEveryMs: 0 })); // moveEveryMs: h148-recent's own mover off (the in-process one below stands for the primary)
let next = 0;
// --pragma 'mmap_size = 268435456': run on each SharedClaims' connection (an experiment's knob; the class keeps its db private).
const PRAGMA = arg('pragma', '');
if (PRAGMA) for (const c of all) (c as unknown as { db: Database.Database }).db.pragma(PRAGMA);

/** Done keys an hour old, straight into the keyed table (the schema both trees share), one transaction; checkpointed into the file. */
function prefill(n: number): void {
  const db = new Database(path, { timeout: 5000 });
  const put = db.prepare('INSERT INTO ingest_claims (k, state, worker, pid, at) VALUES (?, 1, 0, 1, ?) ON CONFLICT (k) DO NOTHING');
  const at = Date.now() - 3600_000;
  db.transaction(() => { for (let i = 0; i < n; i++) put.run(key(), at); })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
const mover = existsSync(moverFile) ? await startMover() : undefined;
let moved = 0, moveMsMax = 0;

/** As the primary does (primary-checkpoints.ts): its own connection, no busy wait, a larger page cache; a tick every MOVE_MS. */
async function startMover() {
  const { ClaimsMover } = await import(pathToFileURL(moverFile).href);
  const db = new Database(path, { fileMustExist: true, timeout: 0 });
  db.pragma(`cache_size = -${MOVER_CACHE_KIB}`);
  const m = MOVE_ROWS ? new ClaimsMover(db, { minRows: Number(MOVE_ROWS), minAgeMs: 5000, maxRows: Number(MOVE_ROWS) }) : new ClaimsMover(db);
  const tick = (): void => {
    const t = performance.now();
    try { moved += m.tick(Date.now()); } catch (err) { if (!/BUSY|LOCKED/.test(String((err as { code?: string }).code))) throw err; }
    moveMsMax = Math.max(moveMsMax, performance.now() - t);
    db.pragma('wal_checkpoint(PASSIVE)');
  };
  return { timer: setInterval(tick, MOVE_MS), db };
}
const cpu = (): number => { const u = process.cpuUsage(); return u.user + u.system; };
const key = (): string => randomBytes(16).toString('base64url').slice(0, 22);
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

if (PREFILL > 0) prefill(PREFILL);
if (SAVE) { for (const c of all) c.close(); copyFileSync(path, SAVE); rmSync(dir, { recursive: true, force: true }); process.exit(0); }
/** Keys already in the file (prefilled, or copied with --from). */
const before = ((): number => { const db = new Database(path, { readonly: true }); try { return db.prepare('SELECT count(*) FROM ingest_claims').pluck().get() as number; } finally { db.close(); } })();

async function request(): Promise<void> {
  const keys = Array.from({ length: KEYS }, key);
  const claims = all[next++ % WORKERS];
  await claims.claim(keys, Date.now());
  await turn(); // the pipeline and the spool's commit run here in the collector
  claims.release(keys, new Set(keys), false, Date.now());
}

try {
  for (let round = 1; round <= ROUNDS; round++) {
    const t = cpu();
    let left = N;
    await Promise.all(Array.from({ length: CONC }, async () => { while (left-- > 0) { await request(); await new Promise((r) => setTimeout(r, 0)); } }));
    await new Promise((r) => setTimeout(r, 20)); // the last releases' flush
    const us = (cpu() - t) / N;
    console.log(JSON.stringify({ round, keys_in_file: before + round * N * KEYS, us_per_request: +us.toFixed(1), us_per_key: +(us / KEYS).toFixed(2), ...(mover ? { moved, move_ms_max: +moveMsMax.toFixed(1) } : {}) }));
    moved = 0; moveMsMax = 0;
  }
} finally {
  if (mover) { clearInterval(mover.timer); mover.db.close(); }
  for (const c of all) c.close();
  rmSync(dir, { recursive: true, force: true });
}
