// Profiles phiwall (node --cpu-prof; one profile per process) under autocannon:
//   node bench/profile.mjs [single|batch|gtag] [--workers N (1)] [--duration S (5)] [--connections N (20)]
// Profiles go to <tmpdir>/phiwall-profile/prof (printed at the end).
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchConfig, BENCH_AUTH, BENCH_TID } from './config.mjs';
import { loadCorpus, singleRequests, batchRequests, gtagRequests } from './workload.mjs';
import { startPortPrinter, startServer, stopChild } from './proc.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(tmpdir(), 'phiwall-profile');
const sink = await startPortPrinter([join(ROOT, 'bench/sink.mjs')]);
const cfg = writeBenchConfig(ROOT, WORK, sink.url);
const port = 18555;
const opt = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i < 0 ? fallback : process.argv[i + 1]; };
const srv = await startServer(['--cpu-prof', `--cpu-prof-dir=${join(WORK, 'prof')}`, join(ROOT, 'bin/phiwall.mjs'), 'serve', '--config', cfg, '--data', join(WORK, `data${Date.now()}`), '--port', String(port), '--host', '127.0.0.1', '--workers', opt('workers', '1')], { port, logFile: join(WORK, 'log') });
const mixes = { single: () => singleRequests(loadCorpus(ROOT), BENCH_AUTH), batch: () => batchRequests(loadCorpus(ROOT), BENCH_AUTH), gtag: () => gtagRequests(loadCorpus(ROOT), BENCH_TID) };
const reqs = (mixes[process.argv[2]] ?? mixes.single)();
const r = await autocannon({ url: srv.url, connections: Number(opt('connections', '20')), duration: Number(opt('duration', '5')), requests: reqs });
console.log('rps', r.requests.average, 'p99', r.latency.p99, 'non2xx', r.non2xx, r.errors);
await stopChild(srv.child, 'SIGINT'); await stopChild(sink.child);
console.log('profiles in', join(WORK, 'prof'));
