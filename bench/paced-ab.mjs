// Fixed-rate A/B of collector checkouts: every ROOT serves the same number of requests at the same
// rate (autocannon's overallRate), so CPU per request compares GC and other per-request costs
// without the idle share (timers, delivery polls) changing with the throughput a loaded machine allows:
//   node bench/paced-ab.mjs ROOT_A ROOT_B [...] [--rounds 2] [--rate 600] [--seconds 20] [--scenario single|batch|gtag]
// Runs A, B, A, B... (`serve --workers 2`, bench config, 5 s unpaced warm-up at 50 connections), one JSON line per run.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sampleRss, startPortPrinter, startServer, stopChild, treeCpuMs, waitForWorkers } from './proc.mjs';

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const roots = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(all[i - 1] ?? '').startsWith('--')).map((r) => resolve(r));
const scenario = arg('scenario', 'single');
const rate = Number(arg('rate', 600));
const seconds = Number(arg('seconds', 20));

async function once(root) {
  const load = (file) => import(pathToFileURL(join(root, file)).href);
  const { writeBenchConfig, BENCH_AUTH, BENCH_TID } = await load('bench/config.mjs');
  const { loadCorpus, singleRequests, batchRequests, gtagRequests } = await load('bench/workload.mjs');
  const mixes = { single: singleRequests, batch: batchRequests, gtag: (events) => gtagRequests(events, BENCH_TID) };
  const work = mkdtempSync(join(tmpdir(), 'phiwall-ab-'));
  const sink = await startPortPrinter([join(root, 'bench/sink.mjs')]);
  const port = 19000 + Math.floor(Math.random() * 1000);
  const args = [join(root, 'bin/phiwall.mjs'), 'serve', '--workers', '2', '--config', writeBenchConfig(root, work, sink.url), '--data', join(work, 'data'), '--port', String(port)];
  const srv = await startServer(args, { port, logFile: join(work, 'serve.log') });
  try {
    await waitForWorkers(srv.url, 2);
    const requests = mixes[scenario](loadCorpus(root), BENCH_AUTH);
    await autocannon({ url: srv.url, connections: 50, duration: 5, requests });
    const rss = sampleRss(srv.child.pid);
    const cpu0 = treeCpuMs(srv.child.pid);
    const r = await autocannon({ url: srv.url, connections: 50, duration: seconds, overallRate: rate, requests, timeout: 10 });
    const mem = rss.stop();
    const cpuMs = treeCpuMs(srv.child.pid) - cpu0;
    const ok = r['2xx'];
    return { root, scenario, ok, errors: r.errors + r.timeouts + r.non2xx, cpu_ms_per_request: +(cpuMs / ok).toFixed(3), p99_ms: r.latency.p99, rss_sum_mb: mem.total_mb, footprint_mb: mem.footprint_mb, private_mb: mem.footprint_parts?.private_mb, load: (await import('node:os')).loadavg()[0].toFixed(1) };
  } finally {
    await stopChild(srv.child);
    sink.child.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

for (let round = 0; round < Number(arg('rounds', 2)); round++) {
  for (const root of roots) console.log(JSON.stringify(await once(root)));
}
