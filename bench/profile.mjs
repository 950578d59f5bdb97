// Profiles phiwall (node --cpu-prof; one profile per process) under autocannon:
//   node bench/profile.mjs [single|batch|gtag] [--workers N (1)] [--duration S (5)] [--connections N (20)] [--warmup S (3)]
//   [--root DIR (this checkout)] [--work DIR (<tmpdir>/phiwall-profile)] [--port P (18555)] [--no-prof]
// Profiles go to <work>/prof (printed at the end), with window.json: the measured run's
// monotonic clock window (µs, the profiles' clock) and request count, after an unmeasured warm-up, so
// `node bench/profile-stages.mjs` can attribute CPU per request to stages without start-up and warm-up.
import autocannon from 'autocannon';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchConfig, BENCH_AUTH, BENCH_TID } from './config.mjs';
import { loadCorpus, singleRequests, batchRequests, gtagRequests } from './workload.mjs';
import { startPortPrinter, startServer, stopChild, processTree, waitForWorkers } from './proc.mjs';

// utime + stime of each process of the server (µs), to scale the profiles' wall-clock samples to CPU.
const cpuOf = (pids) => Object.fromEntries(pids.map((pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [pid, ((Number(f[11]) + Number(f[12])) * 1e6) / 100];
  } catch { return [pid, 0]; }
}));

const opt = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i < 0 ? fallback : process.argv[i + 1]; };
// --root DIR profiles another checkout's build (e.g. a base commit) with this harness.
const ROOT = opt('root', join(dirname(fileURLToPath(import.meta.url)), '..'));
const WORK = opt('work', join(tmpdir(), 'phiwall-profile'));
const sink = await startPortPrinter([join(ROOT, 'bench/sink.mjs')]);
const cfg = writeBenchConfig(ROOT, WORK, sink.url);
const port = Number(opt('port', '18555'));
// --no-prof: the same run without the profiler (its sampling thread costs CPU in every process), for window.json's CPU figures alone.
const profFlags = process.argv.includes('--no-prof') ? [] : ['--cpu-prof', `--cpu-prof-dir=${join(WORK, 'prof')}`];
const srv = await startServer([...profFlags, join(ROOT, 'bin/phiwall.mjs'), 'serve', '--config', cfg, '--data', join(WORK, `data${Date.now()}`), '--port', String(port), '--host', '127.0.0.1', '--workers', opt('workers', '1')], { port, logFile: join(WORK, 'log') });
// /healthz answers once the first worker listens; the others may still be compiling the rules (proc.mjs waitForWorkers).
await waitForWorkers(srv.url, Number(opt('workers', '1')));
const mixes = { single: () => singleRequests(loadCorpus(ROOT), BENCH_AUTH), batch: () => batchRequests(loadCorpus(ROOT), BENCH_AUTH), gtag: () => gtagRequests(loadCorpus(ROOT), BENCH_TID) };
const reqs = (mixes[process.argv[2]] ?? mixes.single)();
const connections = Number(opt('connections', '20'));
const warmup = Number(opt('warmup', '3'));
if (warmup > 0) await autocannon({ url: srv.url, connections, duration: warmup, requests: reqs });
const nowUs = () => Number(process.hrtime.bigint() / 1000n);
const pids = processTree(srv.child.pid);
const cpu0 = cpuOf(pids);
const startUs = nowUs();
const r = await autocannon({ url: srv.url, connections, duration: Number(opt('duration', '5')), requests: reqs });
const endUs = nowUs();
const cpu1 = cpuOf(pids);
const cpuUs = Object.fromEntries(pids.map((pid) => [pid, cpu1[pid] - cpu0[pid]]));
mkdirSync(join(WORK, 'prof'), { recursive: true });
writeFileSync(join(WORK, 'prof', 'window.json'), JSON.stringify({ startUs, endUs, requests: r.requests.total, cpuUs, scenario: process.argv[2] ?? 'single' }));
console.log('cpu µs/request by pid', Object.entries(cpuUs).map(([pid, us]) => `${pid}: ${(us / r.requests.total).toFixed(1)}`).join(', '));
console.log('rps', r.requests.average, 'p99', r.latency.p99, 'non2xx', r.non2xx, r.errors);
await stopChild(srv.child, 'SIGINT'); await stopChild(sink.child);
console.log('profiles in', join(WORK, 'prof'));
