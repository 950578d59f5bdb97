// One collector (2 workers, bench config) of ROOT's build at a fixed paced rate (bench/paced.mjs),
// with each process's event-loop lateness and stalls (bench/stall-recorder.mjs), for A/B pairs:
//   node bench/paced-stalls.mjs ROOT single|batch|gtag RATE [--duration S (10)] [--warmup S (5)]
//     [--prof (--cpu-prof at 500 µs, for bench/stall-runs.mjs)] [--trace-gc] [--tag T] [--work DIR]
// Prints the client's p50/p99/p99.9, the server's own figures and CPU ms per request, and per
// process its loop p99/max and stalls > 12 ms; <work>/<tag>/result.json keeps them with the window.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchConfig, BENCH_AUTH, BENCH_TID } from '../bench/config.mjs';
import { loadCorpus, singleRequests, batchRequests, gtagRequests } from '../bench/workload.mjs';
import { startPortPrinter, startServer, stopChild, processTree, treeCpuMs, waitForWorkers } from '../bench/proc.mjs';
import { pacedDrive } from '../bench/paced.mjs';
import { spoolBacklog } from '../bench/spool-backlog.mjs';
import { freePort } from '../scripts/free-port.mjs';
const [ROOT, scen, rateS] = process.argv.slice(2);
const opt = (n, f) => { const i = process.argv.indexOf(`--${n}`); return i < 0 ? f : process.argv[i + 1]; };
const tag = opt('tag', 'run');
const HERE = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(opt('work', join(tmpdir(), 'phiwall-stalls')), tag);
rmSync(WORK, { recursive: true, force: true }); mkdirSync(join(WORK, 'stalls'), { recursive: true });
const sink = await startPortPrinter([join(HERE, 'bench/sink.mjs')]);
const cfg = writeBenchConfig(ROOT, WORK, sink.url);
const port = await freePort();
const prof = process.argv.includes('--prof') ? ['--cpu-prof', `--cpu-prof-dir=${join(WORK, 'prof')}`, '--cpu-prof-interval', '500'] : [];
const gc = process.argv.includes('--trace-gc') ? ['--trace-gc'] : [];
const srv = await startServer([...prof, ...gc, join(ROOT, 'bin/phiwall.mjs'), 'serve', '--config', cfg, '--data', join(WORK, 'data'), '--port', String(port), '--host', '127.0.0.1', '--workers', '2'],
  { port, logFile: join(WORK, 'log'), env: { PHIWALL_LOG_LEVEL: 'warn', STALL_DIR: join(WORK, 'stalls'), NODE_OPTIONS: `--import ${join(HERE, 'bench/stall-recorder.mjs')}` } });
await waitForWorkers(srv.url, 2);
const corpus = loadCorpus(HERE);
const reqs = { single: () => singleRequests(corpus, BENCH_AUTH), batch: () => batchRequests(corpus, BENCH_AUTH), gtag: () => gtagRequests(corpus, BENCH_TID) }[scen]();
const rate = Number(rateS);
await pacedDrive(srv, reqs, { rate, duration: Number(opt('warmup', '5')), connections: 50 });
const t0 = Date.now(); while (spoolBacklog(join(WORK, 'data')).rows > 0 && Date.now() - t0 < 30000) await new Promise((r) => setTimeout(r, 250));
const pids = processTree(srv.child.pid);
for (const p of pids) try { process.kill(p, 'SIGWINCH'); } catch {}
const cpu0 = treeCpuMs(srv.child.pid);
const startUs = Number(process.hrtime.bigint() / 1000n);
const r = await pacedDrive(srv, reqs, { rate, duration: Number(opt('duration', '10')), connections: 50 });
const endUs = Number(process.hrtime.bigint() / 1000n);
const cpuMs = treeCpuMs(srv.child.pid) - cpu0;
for (const p of pids) try { process.kill(p, 'SIGUSR2'); } catch {}
await new Promise((r) => setTimeout(r, 300));
const per = pids.map((p) => { try { return JSON.parse(readFileSync(join(WORK, 'stalls', `${p}.json`), 'utf8')); } catch { return null; } }).filter(Boolean);
const backlog = spoolBacklog(join(WORK, 'data')).rows;
await stopChild(srv.child, 'SIGINT'); await stopChild(sink.child);
const fmt = per.map((x) => `${x.primary ? 'P' : 'W'}${x.pid}: p99 ${x.p99} max ${x.max} stalls>12ms ${x.stalls.length} (sum ${Math.round(x.stalls.reduce((a, s) => a + s[1], 0))} ms)`).join(' | ');
console.log(JSON.stringify({ tag, root: ROOT, scen, rate, p50: r.p50_ms, p99: r.p99_ms, p999: r.p99_9_ms, rps: r.rps, errors: r.errors, srvLoopP99: r.server_loop_delay_p99_ms, gc10: r.gc_pauses_over_10ms, client_lag_p99: r.client_lag_p99_ms, cpu_ms_per_req: +(cpuMs / r.requests).toFixed(2), backlog }));
console.log('  ' + fmt);
writeFileSync(join(WORK, 'result.json'), JSON.stringify({ r, per, startUs, endUs }));
