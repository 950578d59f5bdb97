// Instructions per request (valgrind callgrind), for comparing commits on a shared, noisy machine
// where wall-clock and CPU-time figures swing by 10-45%:
//
//   node bench/instructions.mjs --kind gtag|single|batch [--root DIR] [--n 200] [--warm 40]
//        [--pick I] [--node-flags "--max-semi-space-size=8"] [--noop] [--idle 15] [--no-valgrind]
//        [--keep DIR] [--connections C]
//
// Starts DIR's `phiwall serve --workers 1` (the bench config: full pack, four destinations to a
// local sink, durable spool) under callgrind, or with --noop the bench's no-op server. Sends
// `--warm` requests and waits for delivery to drain the spool, zeroes callgrind's counters, sends
// `--n` identical requests (request `--pick` of the bench mix, one keep-alive connection, one at a
// time), waits for the drain again, dumps; then dumps `--idle` seconds of an idle process (timers,
// delivery polls) and subtracts that rate over the measured phase's wall time. What is left is
// what a request costs: HTTP, pipeline, group commit and its delivery. Start-up and JIT warm-up
// are outside the measured phase. Sequential requests share no group commit (the bench's 20
// connections do), so this is the per-request cost at low concurrency; `--connections C` keeps C
// requests in flight instead (C keep-alive connections), which is what the GC sees under load:
// how much of the young generation survives a scavenge depends on the requests in flight. `ir_main_per_request`
// counts the main thread only: after the default 40 warm-up requests V8's compiler threads still
// optimise functions that only now get hot (about 100 functions optimised over 3,000 requests after 3,000 warm
// ones, bench/deopt-trace.mjs), 45-60% of all instructions counted, and with the GC's helper
// threads they swing the total by more than most changes. Compare main-thread counts, with a
// larger --warm (e.g. 1000) for changes of a few percent.
// Under callgrind a request takes 10-50 ms and start-up 1-2 min of CPU; on a loaded machine the
// idle share grows with the wall time, so compare `ir_per_request` with `ir_per_request_raw`.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_AUTH, BENCH_TID, writeBenchConfig } from './config.mjs';
import { batchRequests, freshRequest, gtagRequests, loadCorpus, singleRequests } from './workload.mjs';
import { startPortPrinter, stopChild } from './proc.mjs';
import { spoolBacklog } from './spool-backlog.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i < 0 ? fallback : args[i + 1]; };
const kind = opt('kind', 'single');
const root = resolve(opt('root', join(HERE, '..')));
const N = Number(opt('n', kind === 'batch' ? '40' : '200'));
const WARM = Number(opt('warm', kind === 'batch' ? '10' : '40'));
const IDLE_S = Number(opt('idle', '15'));
const noop = args.includes('--noop');
const valgrind = !args.includes('--no-valgrind');
/** Where the measured phase's callgrind dump is copied, for `callgrind_annotate` (the work dir is removed). */
const keep = opt('keep', undefined);
const nodeFlags = (opt('node-flags', '') ?? '').split(' ').filter(Boolean);
const CONNECTIONS = Math.max(1, Number(opt('connections', '1')));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const work = mkdtempSync(join(tmpdir(), 'phiwall-instr-'));
const out = join(work, 'callgrind.out');
const data = join(work, 'data');
const mixes = { single: () => singleRequests(loadCorpus(HERE + '/..'), BENCH_AUTH), batch: () => batchRequests(loadCorpus(HERE + '/..'), BENCH_AUTH), gtag: () => gtagRequests(loadCorpus(HERE + '/..'), BENCH_TID) };
const request = mixes[kind]()[Number(opt('pick', kind === 'batch' ? '0' : '1'))];

const sink = await startPortPrinter([join(HERE, 'sink.mjs')]);
const port = 20000 + (process.pid % 5000);
const server = startTarget();
let agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
const codes = {};
try {
  await waitHealthy();
  await sendMany(WARM);
  await drain();
  callgrind('-z');
  const t0 = Date.now();
  await sendMany(N);
  await drain();
  const measuredS = (Date.now() - t0) / 1000;
  callgrind('-d');
  await sleep(2000);
  callgrind('-z');
  const ti = Date.now();
  await sleep(IDLE_S * 1000);
  callgrind('-d');
  const idleS = (Date.now() - ti) / 1000;
  await sleep(2000);
  report(measuredS, idleS);
  if (keep && valgrind) keepDump(keep);
} finally {
  agent.destroy();
  server.kill('SIGKILL');
  await stopChild(sink.child);
  rmSync(work, { recursive: true, force: true });
}

function startTarget() {
  const cfg = writeBenchConfig(root, work, sink.url);
  const target = noop ? [join(root, 'bench/noop-server.mjs')]
    : [join(root, 'bin/phiwall.mjs'), 'serve', '--config', cfg, '--data', data, '--port', String(port), '--host', '127.0.0.1', '--workers', '1'];
  const node = [...nodeFlags, ...target];
  // One dump per thread: the main thread's count leaves out V8's compiler and GC helper threads.
  const [cmd, argv] = valgrind ? ['valgrind', ['--tool=callgrind', '--smc-check=all-non-file', '--separate-threads=yes', `--callgrind-out-file=${out}`, process.execPath, ...node]] : [process.execPath, node];
  const log = openSync(join(work, 'server.log'), 'a');
  return spawn(cmd, argv, { stdio: ['ignore', log, log], env: { ...process.env, PORT: String(port), PHIWALL_LOG_LEVEL: 'warn' } });
}

function sendOnce(listed) {
  const r = freshRequest({ ...listed });
  return new Promise((res, rej) => {
    const q = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) }, agent }, (s) => {
      s.resume();
      s.on('end', () => res(s.statusCode));
    });
    q.on('error', rej);
    q.end(r.body);
  });
}

/** A keep-alive socket the server closed while idle (its keep-alive timeout) is replaced once. */
async function send(r) {
  try { return await sendOnce(r); } catch (err) {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') throw err;
    agent.destroy();
    agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    return sendOnce(r);
  }
}

async function sendMany(n) {
  let left = n;
  const loop = async () => {
    while (left > 0) { left--; const status = await send(request); codes[status] = (codes[status] ?? 0) + 1; }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
}

async function waitHealthy() {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited; see ${work}/server.log`);
    try { if (await send({ method: 'GET', path: '/healthz', headers: {}, body: '' }) === 200) return; } catch { /* not up yet */ }
    await sleep(500);
  }
}

/** Until delivery has emptied the spool (phiwall; the no-op keeps nothing), then a fresh connection. */
async function drain() {
  for (let i = 0; i < 600 && !noop; i++) { await sleep(1000); if (spoolBacklog(data).rows === 0) break; }
  await sleep(1500);
  agent.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
}

function callgrind(flag) {
  if (valgrind) execFileSync('callgrind_control', [flag, String(server.pid)], { stdio: 'ignore' });
}

/** The dumps of one `-d` (by its sequence number), per thread: `callgrind.out.<part>-<thread>`. */
function dumpsByPart() {
  const parts = new Map();
  for (const f of readdirSync(work)) {
    const m = /^callgrind\.out\.(\d+)-(\d+)$/.exec(f);
    if (!m) continue;
    if (!parts.has(Number(m[1]))) parts.set(Number(m[1]), new Map());
    parts.get(Number(m[1])).set(Number(m[2]), f);
  }
  return [...parts].sort((a, b) => a[0] - b[0]).map(([, threads]) => threads);
}

function keepDump(dir) {
  mkdirSync(dir, { recursive: true });
  const first = dumpsByPart()[0];
  for (const [thread, f] of first ?? []) copyFileSync(join(work, f), join(dir, `callgrind.${kind}.out-${String(thread).padStart(2, '0')}`));
}

function report(measuredS, idleS) {
  const parts = valgrind ? dumpsByPart() : [];
  const total = (f) => Number(/^(?:summary|totals): (\d+)/m.exec(readFileSync(join(work, f), 'utf8'))?.[1] ?? 0);
  const sum = (threads, onlyMain) => (threads ? [...threads].reduce((n, [t, f]) => n + (onlyMain && t !== 1 ? 0 : total(f)), 0) : null);
  const [run, idle] = [sum(parts[0], false), sum(parts[1], false)];
  const [runMain, idleMain] = [sum(parts[0], true), sum(parts[1], true)];
  const perReq = (r, i) => (r === null || i === null ? null : Math.round((r - (i / idleS) * measuredS) / N));
  console.log(JSON.stringify({ root, kind, noop, nodeFlags, n: N, warm: WARM, connections: CONNECTIONS, codes,
    ir_per_request: perReq(run, idle), ir_per_request_raw: run && Math.round(run / N),
    ir_main_per_request: perReq(runMain, idleMain), ir_main_per_request_raw: runMain && Math.round(runMain / N),
    measured_s: measuredS, idle_ir_per_s: idle && Math.round(idle / idleS) }));
}
