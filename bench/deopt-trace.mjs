// Which functions V8 keeps re-optimizing and deoptimizing in a loaded collector (the compiler
// threads' instructions in bench/instructions.mjs):
//   node bench/deopt-trace.mjs [single|gtag|batch] [--warm 3000] [--n 3000] [--pick I]
// Starts `phiwall serve --workers 1` with --trace-opt --trace-deopt, sends --warm requests (the
// bench mix's request --pick, one connection), then --n more, and counts per function the
// "completed optimizing" and "deoptimizing" lines of the second phase only.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_AUTH, BENCH_TID, writeBenchConfig } from './config.mjs';
import { batchRequests, freshRequest, gtagRequests, loadCorpus, singleRequests } from './workload.mjs';
import { startPortPrinter, stopChild } from './proc.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i < 0 ? fallback : args[i + 1]; };
const kind = args[0] && !args[0].startsWith('--') ? args[0] : 'single';
const WARM = Number(opt('warm', '3000')), N = Number(opt('n', '3000'));
const mixes = { single: () => singleRequests(loadCorpus(HERE + '/..'), BENCH_AUTH), batch: () => batchRequests(loadCorpus(HERE + '/..'), BENCH_AUTH), gtag: () => gtagRequests(loadCorpus(HERE + '/..'), BENCH_TID) };
const all = mixes[kind]();
const pick = opt('pick', undefined);
const reqs = pick === undefined ? all : [all[Number(pick)]];
const work = mkdtempSync(join(tmpdir(), 'phiwall-deopt-'));
const sink = await startPortPrinter([join(HERE, 'sink.mjs')]);
const port = 21000 + (process.pid % 5000);
const cfg = writeBenchConfig(join(HERE, '..'), work, sink.url);
const logPath = join(work, 'server.log');
const log = openSync(logPath, 'a');
const server = spawn(process.execPath, ['--trace-opt', '--trace-deopt', join(HERE, '../bin/phiwall.mjs'), 'serve', '--config', cfg, '--data', join(work, 'data'), '--port', String(port), '--host', '127.0.0.1', '--workers', '1'], { stdio: ['ignore', log, log], env: { ...process.env, PHIWALL_LOG_LEVEL: 'warn' } });
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const send = (listed) => new Promise((res, rej) => {
  const r = freshRequest({ ...listed });
  const q = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body ?? '') }, agent }, (s) => { s.resume(); s.on('end', () => res(s.statusCode)); });
  q.on('error', rej); q.end(r.body);
});
try {
  for (;;) { try { if (await send({ method: 'GET', path: '/healthz', headers: {}, body: '' }) === 200) break; } catch { /* starting */ } await new Promise((r) => setTimeout(r, 300)); }
  for (let i = 0; i < WARM; i++) await send(reqs[i % reqs.length]);
  const mark = readFileSync(logPath, 'utf8').length;
  for (let i = 0; i < N; i++) await send(reqs[(WARM + i) % reqs.length]);
  await new Promise((r) => setTimeout(r, 1000));
  const lines = readFileSync(logPath, 'utf8').slice(mark).split('\n');
  // `<JSFunction (sfi = ...)>`: an anonymous function.
  const count = (re) => { const m = new Map(); for (const l of lines) { const x = re.exec(l); if (x) { const k = x[1] === '(sfi' ? '(anonymous)' : x[1]; m.set(k, (m.get(k) ?? 0) + 1); } } return [...m].sort((a, b) => b[1] - a[1]); };
  const opt2 = count(/completed optimizing .*?<JSFunction ([^ >]+)/);
  const deopt = count(/(?:deoptimizing|bailout \(kind: [^)]*\)).*?<JSFunction ([^ >]+)/);
  const reasons = count(/reason: ([^)\]]+)/);
  console.log(JSON.stringify({ kind, warm: WARM, n: N, optimized: opt2.reduce((a, [, n]) => a + n, 0), deopts: deopt.reduce((a, [, n]) => a + n, 0) }));
  console.log('optimized (function, times):', opt2.slice(0, 25));
  console.log('deoptimized:', deopt.slice(0, 25));
  console.log('reasons:', reasons.slice(0, 15));
} finally {
  agent.destroy(); server.kill('SIGKILL'); await stopChild(sink.child);
  if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true }); else console.log('log', logPath);
}
