// Preload for bench/paced-stalls.mjs (NODE_OPTIONS=--import, STALL_DIR set): in every process of a
// collector (primary and workers), the event loop's lateness (monitorEventLoopDelay, 10 ms) and each
// stall (a 2 ms interval timer > 12 ms late: its start on the monotonic µs clock of --cpu-prof, and
// length). SIGWINCH starts afresh (and writes MARK to stderr), SIGUSR2 writes STALL_DIR/<pid>.json.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import cluster from 'node:cluster';
const dir = process.env.STALL_DIR;
if (dir) {
  const h = monitorEventLoopDelay({ resolution: 10 }); h.enable();
  const stalls = [];
  let last = process.hrtime.bigint();
  const t = setInterval(() => {
    const now = process.hrtime.bigint();
    const gap = Number(now - last) / 1e6;
    if (gap > 12) stalls.push([Number(last / 1000n), Math.round(gap * 10) / 10]);
    last = now;
  }, 2); t.unref();
  const dump = () => {
    const p = (q) => Math.round(Math.max(0, h.percentile(q) / 1e6 - 10) * 10) / 10;
    writeFileSync(`${dir}/${process.pid}.json`, JSON.stringify({ pid: process.pid, primary: cluster.isPrimary, p50: p(50), p99: p(99), p999: p(99.9), max: Math.round((h.max / 1e6 - 10) * 10) / 10, stalls }));
  };
  process.on('SIGUSR2', () => { dump(); });
  const reset = () => { h.reset(); stalls.length = 0; process.stderr.write('MARK\n'); };
  process.on('SIGWINCH', reset);
}
