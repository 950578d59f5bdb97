// One collector's own memory, for comparing checkouts (footprint figures in the bench follow the
// throughput a run reaches, so a faster VM shows a larger peak for the same code):
//   node bench/rss-probe.mjs [ROOT (this repo)] [--seconds 6] [--connections 20]
// Starts ROOT's `phiwall serve --workers 1` with the bench config (full pack, four destinations on
// a local sink, durable spool), reads its RssAnon (/proc/PID/status: private memory, no file pages)
// 3 s after it is healthy, then every 50 ms under ROOT's single-event mix; prints one JSON line.
import autocannon from 'autocannon';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const ROOT = resolve(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : join(import.meta.dirname, '..'));
const load = (file) => import(pathToFileURL(join(ROOT, file)).href);
const { writeBenchConfig, BENCH_AUTH } = await load('bench/config.mjs');
const { startPortPrinter, startServer, stopChild } = await load('bench/proc.mjs');
const { loadCorpus, singleRequests } = await load('bench/workload.mjs');

const work = mkdtempSync(join(tmpdir(), 'phiwall-rss-'));
const sink = await startPortPrinter([join(ROOT, 'bench/sink.mjs')]);
const port = 19000 + Math.floor(Math.random() * 1000);
const args = [join(ROOT, 'bin/phiwall.mjs'), 'serve', '--workers', '1', '--config', writeBenchConfig(ROOT, work, sink.url), '--data', join(work, 'data'), '--port', String(port)];
const srv = await startServer(args, { port, logFile: join(work, 'serve.log') });
const anonMb = () => Number(/RssAnon:\s+(\d+)/.exec(readFileSync(`/proc/${srv.child.pid}/status`, 'utf8'))[1]) / 1024;
try {
  await new Promise((r) => setTimeout(r, 3000));
  const idle = anonMb();
  let peak = idle;
  const sampler = setInterval(() => { peak = Math.max(peak, anonMb()); }, 50);
  const requests = singleRequests(loadCorpus(ROOT), BENCH_AUTH);
  await autocannon({ url: srv.url, connections: Number(arg('connections', 20)), duration: Number(arg('seconds', 6)), requests });
  clearInterval(sampler);
  console.log(JSON.stringify({ root: ROOT, idle_anon_mb: +idle.toFixed(1), peak_anon_mb: +peak.toFixed(1) }));
} finally {
  await stopChild(srv.child);
  sink.child.kill();
  rmSync(work, { recursive: true, force: true });
}
