// Profiles one phiwall process (--workers 1, node --cpu-prof) under autocannon: node bench/profile.mjs [single|batch]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { writeBenchConfig, BENCH_AUTH } from '/work/main/bench/config.mjs';
import { loadCorpus, singleRequests, batchRequests } from '/work/main/bench/workload.mjs';
import { startPortPrinter, startServer, stopChild } from '/work/main/bench/proc.mjs';
const sink = await startPortPrinter(['/work/main/bench/sink.mjs']);
const cfg = writeBenchConfig('/work/main', '/tmp/profsrv', sink.url);
const port = 18555;
const srv = await startServer(['--cpu-prof', '--cpu-prof-dir=/tmp/profsrv/prof', '/work/main/dist/phiwall.js'.replace('dist/phiwall.js','bin/phiwall.mjs'), 'serve', '--config', cfg, '--data', '/tmp/profsrv/data' + Date.now(), '--port', String(port), '--host', '127.0.0.1', '--workers', '1'], { port, logFile: '/tmp/profsrv/log' });
const reqs = process.argv[2] === 'batch' ? batchRequests(loadCorpus('/work/main'), BENCH_AUTH) : singleRequests(loadCorpus('/work/main'), BENCH_AUTH);
const r = await autocannon({ url: srv.url, connections: 20, duration: 5, requests: reqs });
console.log('rps', r.requests.average, 'p99', r.latency.p99, 'non2xx', r.non2xx, r.errors);
await stopChild(srv.child, 'SIGINT'); await stopChild(sink.child);
