// SQLite write transactions (WAL commits) per ingested request, by file and by the code that
// committed them: the real Runtime and server on loopback (bench config: four destinations on the
// local sink, delivery on), a cluster worker's files by default (`serve --workers N`: its spool,
// the shared ingest-claims.db and pseudo-ids.db, governance.db). `--requests` single events
// (`--kind single`, /v1/t) or 20-event batches (`--kind batch`, /v1/batch), `--concurrency` at a
// time, fresh messageIds over 2,000 visitors (bench/workload.mjs); then waits until delivery drained.
//   node --import tsx bench/micro/commits-per-request.mts [--root DIR] [--kind single|batch] [--requests 400] [--concurrency 1] [--one-process] [--warm 100] [--no-pin]
// Counting: a commit is a WAL commit frame (the frame header's "database size after commit" field
// is non-zero), read from each file's WAL as it grows. Each file is pinned by a read transaction
// of this script's own connection, so no checkpoint restarts its WAL during the run (`wal_restarts`
// must print 0). A commit is attributed to the code that ran the statement which committed it: every
// statement call that leaves its connection outside a transaction is followed by a look at the WAL,
// and a new commit frame takes the first two src/ frames of the stack as its label.
// System calls: strace -f -c -e trace=fsync,fdatasync,fcntl node --import tsx bench/micro/commits-per-request.mts --no-pin ...
// (warm-up and start included: run it again with --requests 0 and take the difference).
import Database from 'better-sqlite3';
import { closeSync, openSync, readdirSync, readSync, fstatSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name: string, d: string): string => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const ROOT = resolve(arg('root', join(import.meta.dirname, '../..')));
const KIND = arg('kind', 'single'), N = Number(arg('requests', '400')), CONC = Number(arg('concurrency', '1')), WARM = Number(arg('warm', '100'));
const CLUSTER = !process.argv.includes('--one-process');
/** For system-call counts (strace): no pins, so checkpoints run as in production; commit counts are then incomplete once a WAL restarts (`wal_restarts` > 0). */
const NO_PIN = process.argv.includes('--no-pin');
const load = <T,>(p: string): Promise<T> => import(pathToFileURL(join(ROOT, p)).href) as Promise<T>;

/** A WAL file read as it grows: commit frames since the pin. */
class WalCounter {
  private offset = 32; private pageSize = 0; private salt = -1n; commits = 0; restarts = 0;
  constructor(readonly path: string) { this.scan(); this.commits = 0; }
  scan(): number {
    const fd = openSync(`${this.path}-wal`, 'r');
    try {
      const size = fstatSync(fd).size, head = Buffer.alloc(32), frame = Buffer.alloc(24);
      if (size < 32) return this.commits;
      readSync(fd, head, 0, 32, 0);
      const salt = head.readBigUInt64BE(16);
      if (salt !== this.salt) { if (this.salt !== -1n) this.restarts++; this.salt = salt; this.pageSize = head.readUInt32BE(8); this.offset = 32; }
      for (; this.offset + 24 + this.pageSize <= size; this.offset += 24 + this.pageSize) {
        readSync(fd, frame, 0, 24, this.offset);
        if (frame.readBigUInt64BE(8) !== salt) break; // a frame of an earlier generation: the end of this one
        if (frame.readUInt32BE(4) !== 0) this.commits++;
      }
      return this.commits;
    } finally { closeSync(fd); }
  }
}

const counters = new Map<string, WalCounter>();
const byLabel = new Map<string, number>();
let measuring = false;
const SKIP = /\/src\/common\/(sqlite|busy-retry)\.ts|node_modules|node:internal|commits-per-request/;
function label(): string {
  const lines = (new Error().stack ?? '').split('\n').slice(1).filter((l) => l.includes(`${ROOT}/src/`) && !SKIP.test(l));
  const frame = (l: string): string => {
    const m = /at (?:(\S+) )?\(?(?:file:\/\/)?(.*?):(\d+):\d+\)?$/.exec(l.trim());
    return m ? `${m[1] ?? '<anonymous>'} (${relative(`${ROOT}/src`, m[2])}:${m[3]})` : l.trim();
  };
  return lines.slice(0, 2).map(frame).join(' < ') || '(outside src)';
}
type Db = { name: string; inTransaction: boolean };
function after(db: Db): void {
  if (!measuring || db.inTransaction) return;
  const c = counters.get(resolve(db.name));
  if (!c) return;
  const before = c.commits, now = c.scan();
  if (now > before) { const k = `${relative(DIR, c.path)}: ${label()}`; byLabel.set(k, (byLabel.get(k) ?? 0) + now - before); }
}
// Every statement of every connection (the native Statement class, shared by all of them), and exec.
const probe = new Database(':memory:');
const Stmt = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
probe.close();
for (const m of ['run', 'get', 'all']) {
  const orig = Stmt[m];
  Stmt[m] = function (this: { database: Db }, ...a: unknown[]) { try { return orig.apply(this, a); } finally { after(this.database); } };
}
const DbProto = Database.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
const exec = DbProto.exec;
DbProto.exec = function (this: Db, ...a: unknown[]) { try { return exec.apply(this, a); } finally { after(this); } };

const { writeBenchConfig, BENCH_AUTH } = await load<{ writeBenchConfig: (r: string, d: string, s: string) => string; BENCH_AUTH: string }>('bench/config.mjs');
const { startPortPrinter, stopChild } = await load<{ startPortPrinter: (a: string[]) => Promise<{ url: string; child: unknown }>; stopChild: (c: unknown) => Promise<unknown> }>('bench/proc.mjs');
type Req = { path: string; headers: Record<string, string>; body: string };
const { singleRequests, batchRequests, freshRequest, loadCorpus } = await load<{ singleRequests: (e: unknown[], a: string) => Req[]; batchRequests: (e: unknown[], a: string) => Req[]; freshRequest: (r: Req) => Req; loadCorpus: (r: string) => unknown[] }>('bench/workload.mjs');
const { Runtime } = await load<{ Runtime: new (o: object) => { spool: { stats(): Promise<{ pending: number; leased: number }> }; shutdown(ms: number): Promise<void> } }>('src/runtime.ts');
const { buildApp } = await load<{ buildApp: (r: unknown) => { fetch: unknown } }>('src/server/app.ts');
const { serveHardened } = await load<{ serveHardened: (o: object, cb: () => void) => { address(): { port: number }; close(cb: () => void): void } }>('src/server/http-server.ts');
const { pino } = await import('pino');

const DIR = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'phiwall-commits-'));
const sink = await startPortPrinter([join(ROOT, 'bench/sink.mjs')]);
const rt = new Runtime({ configPath: writeBenchConfig(ROOT, DIR, sink.url), dataDir: DIR, clusterWorker: CLUSTER, workerIndex: CLUSTER ? 0 : undefined, logger: pino({ level: 'silent' }) });
const server = await new Promise<ReturnType<typeof serveHardened>>((ok) => { const s = serveHardened({ fetch: buildApp(rt).fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s)); });
const url = `http://127.0.0.1:${server.address().port}`;
const all = (KIND === 'batch' ? batchRequests : singleRequests)(loadCorpus(ROOT), BENCH_AUTH);
let next = 0, failed = 0;
async function send(n: number): Promise<void> {
  let left = n;
  await Promise.all(Array.from({ length: CONC }, async () => {
    while (left-- > 0) {
      const r = freshRequest(all[next++ % all.length]);
      const res = await fetch(url + r.path, { method: 'POST', headers: r.headers, body: r.body });
      await res.text();
      if (res.status !== 200) failed++;
    }
  }));
}
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
async function drained(): Promise<void> {
  for (let quiet = 0; quiet < 3; await sleep(100)) { const s = await rt.spool.stats(); quiet = s.pending + s.leased === 0 ? quiet + 1 : 0; }
}
const dbFiles = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? dbFiles(join(d, e.name)) : e.name.endsWith('.db') ? [join(d, e.name)] : []);

const pins: Database.Database[] = [];
try {
  await send(WARM);
  await drained();
  for (const path of dbFiles(DIR)) {
    if (!statSync(path).size) continue;
    // A row of our own, then a read transaction that sees it: checkpoints stop short of it and the WAL cannot restart.
    const pin = NO_PIN ? undefined : new Database(path, { timeout: 5000 });
    pin?.exec('CREATE TABLE IF NOT EXISTS _bench_pin (x); INSERT INTO _bench_pin VALUES (1)');
    pin?.exec('BEGIN'); pin?.prepare('SELECT count(*) FROM _bench_pin').get();
    if (pin) pins.push(pin);
    counters.set(resolve(path), new WalCounter(path));
  }
  measuring = true;
  const t0 = Date.now();
  await send(N);
  const ingestMs = Date.now() - t0;
  const atAnswers = new Map([...counters].map(([p, c]) => [p, c.scan()]));
  await drained();
  measuring = false;
  const files: Record<string, { at_last_answer: number; after_delivery: number; per_request: number }> = {};
  let total = 0, restarts = 0;
  for (const [p, c] of counters) {
    const n = c.scan(); total += n; restarts += c.restarts;
    files[relative(DIR, p)] = { at_last_answer: atAnswers.get(p)!, after_delivery: n, per_request: +(n / N).toFixed(3) };
  }
  const labels = Object.fromEntries([...byLabel].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, { commits: v, per_request: +(v / N).toFixed(3) }]));
  console.log(JSON.stringify({ root: ROOT, kind: KIND, cluster_worker: CLUSTER, requests: N, concurrency: CONC, failed, ingest_ms: ingestMs, commits: total, per_request: +(total / N).toFixed(3), wal_restarts: restarts, files, labels }, null, 1));
} finally {
  for (const p of pins) p.close();
  await new Promise<void>((r) => server.close(() => r()));
  await rt.shutdown(5000);
  await stopChild(sink.child);
  rmSync(DIR, { recursive: true, force: true });
}
