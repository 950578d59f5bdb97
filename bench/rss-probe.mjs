// One collector's own memory, for comparing checkouts (footprint figures in the bench follow the
// throughput a run reaches, so a faster VM shows a larger peak for the same code):
//   node bench/rss-probe.mjs [ROOT (this repo)] [--seconds 6] [--connections 20] [--scenario single|batch|gtag]
//        [--workers 1] [--breakdown] [--live] [--heapsnapshot DIR]
// Starts ROOT's `phiwall serve --workers N` with the bench config (full pack, four destinations on
// a local sink, durable spool), reads each process's RssAnon (/proc/PID/status: private memory, no
// file pages) 3 s after it is healthy, then every 50 ms under ROOT's request mix; prints one JSON
// line. --breakdown loads bench/rss-sampler.mjs (THIS checkout's) into the collector processes and
// adds what each one's peak was made of (V8 heap spaces, external memory, glibc's main arena);
// --live adds each process's live heap after a full GC once the load is over (the old generation
// grows to twice of it before V8 collects it: the figure that is steady from run to run);
// --heapsnapshot DIR also writes each process's heap snapshot then, as DIR/<pid>.heapsnapshot
// (`node bench/heap-attribution.mjs FILE` says what it holds).
import autocannon from 'autocannon';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const ROOT = resolve(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : join(import.meta.dirname, '..'));
const load = (file) => import(pathToFileURL(join(ROOT, file)).href);
const { writeBenchConfig, BENCH_AUTH, BENCH_TID } = await load('bench/config.mjs');
const { startPortPrinter, startServer, stopChild, processTree } = await load('bench/proc.mjs');
// From this checkout: ROOT's own bench/proc.mjs may predate it.
const { waitForWorkers } = await import('./proc.mjs');
const { loadCorpus, singleRequests, batchRequests, gtagRequests } = await load('bench/workload.mjs');
const scenario = arg('scenario', 'single');
const mixes = { single: singleRequests, batch: batchRequests, gtag: (events) => gtagRequests(events, BENCH_TID) };
if (!mixes[scenario]) throw new Error(`--scenario: one of ${Object.keys(mixes).join(', ')}`);
const snapshotDir = arg('heapsnapshot');
const live = process.argv.includes('--live') || snapshotDir !== undefined;
const breakdown = process.argv.includes('--breakdown') || live;

const work = mkdtempSync(join(tmpdir(), 'phiwall-rss-'));
const samples = join(work, 'samples');
mkdirSync(samples);
const sink = await startPortPrinter([join(ROOT, 'bench/sink.mjs')]);
const port = 19000 + Math.floor(Math.random() * 1000);
const args = [join(ROOT, 'bin/phiwall.mjs'), 'serve', '--workers', arg('workers', '1'), '--config', writeBenchConfig(ROOT, work, sink.url), '--data', join(work, 'data'), '--port', String(port)];
const env = breakdown ? { RSS_SAMPLER_OUT: samples, ...(snapshotDir ? { RSS_SAMPLER_SNAPSHOT: '1' } : {}), NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(join(import.meta.dirname, 'rss-sampler.mjs')).href}` } : {};
const srv = await startServer(args, { port, logFile: join(work, 'serve.log'), env });
const anonMb = (pid) => { try { return Number(/RssAnon:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024; } catch { return 0; } };
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
try {
  await waitForWorkers(srv.url, Number(arg('workers', '1'))); // every worker in the load and its idle figure
  for (let i = 0; i < 50; i++) await fetch(`${srv.url}/healthz`);
  await new Promise((r) => setTimeout(r, 3000));
  const pids = processTree(srv.child.pid);
  const idle = pids.map(anonMb);
  const peak = [...idle];
  let peakSum = idle.reduce((a, b) => a + b, 0);
  const sampler = setInterval(() => {
    const now = pids.map(anonMb);
    now.forEach((mb, i) => { peak[i] = Math.max(peak[i], mb); });
    peakSum = Math.max(peakSum, now.reduce((a, b) => a + b, 0));
  }, 50);
  const requests = mixes[scenario](loadCorpus(ROOT), BENCH_AUTH);
  const res = await autocannon({ url: srv.url, connections: Number(arg('connections', 20)), duration: Number(arg('seconds', 6)), requests });
  clearInterval(sampler);
  const round = (xs) => xs.map((x) => +x.toFixed(1));
  const line = { root: ROOT, scenario, rps: Math.round(res.requests.average), idle_anon_mb: +idle.reduce((a, b) => a + b, 0).toFixed(1), peak_anon_mb: +peakSum.toFixed(1), per_process_peak_mb: round(peak) };
  if (live) {
    for (const p of pids) process.kill(p, 'SIGUSR2');
    // A snapshot takes seconds per worker on a loaded machine: wait for each process's marker.
    for (let i = 0; i < 1200 && !pids.every((p) => existsSync(join(samples, `${p}.done`))); i++) await new Promise((r) => setTimeout(r, 100));
    if (snapshotDir) {
      mkdirSync(snapshotDir, { recursive: true });
      line.heapsnapshots = pids.map((p) => join(snapshotDir, `${p}.heapsnapshot`));
      pids.forEach((p, i) => copyFileSync(join(samples, `${p}.heapsnapshot`), line.heapsnapshots[i]));
    }
    line.live_heap_mb = pids.map((p) => read(join(samples, `${p}.live.json`))?.heap_used_mb);
  }
  if (breakdown) { await new Promise((r) => setTimeout(r, 1100)); line.at_peak = pids.map((p) => read(join(samples, `${p}.json`))?.peak); }
  console.log(JSON.stringify(line));
} finally {
  await stopChild(srv.child);
  sink.child.kill();
  rmSync(work, { recursive: true, force: true });
}
