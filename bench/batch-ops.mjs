// CPU per event of the batch ingest path, in one process, stage by stage (the real Runtime, the
// bench config: full pack, four destinations on a local sink, durable SQLite spool, cluster-worker
// dedup claims):
//   node --import tsx bench/batch-ops.mjs [--root DIR (this repo)] [--requests 3000] [--concurrency 20] [--rounds 3]
// parse:    JSON.parse of each 20-event /v1/batch body + parseSegmentBody (zod, limits)
// process:  processEvent of each event alone (the plan: analyze, project, scrub, map), no spool
// ingest:   Runtime.ingest with delivery off: process + accounting + dedup claims + enqueue + group commit
// deliver:  the spooled rows delivered to the sink (lease, screen, encode, HTTP, ack, ledger); the
//           queues spill past 1,024 items a destination, so most packs are read back from disk
// together: the same requests again with delivery running meanwhile, until the spool is drained (the
//           server's regime while delivery keeps up: packs delivered from memory); `reqs_per_row`:
//           the sink's HTTP requests per delivered row in it
// Figures are CPU microseconds per event (process.cpuUsage, user + system, this process only: the
// sink is a child process); each round measures every stage once, stages interleaved. `faults`:
// the ingest stage's minor page faults per event (fresh memory pages: each costs kernel time that
// instruction counts do not show, tens of microseconds on some VMs).
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_KEY } from './config.mjs';
import { stopChild } from './proc.mjs';
import { opsSetup } from './ops-setup.mjs';

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const ROOT = resolve(arg('root', join(import.meta.dirname, '..')));
const REQUESTS = Number(arg('requests', 3000)), CONC = Number(arg('concurrency', 20)), ROUNDS = Number(arg('rounds', 3));
const src = (p) => import(pathToFileURL(join(ROOT, 'src', p)).href);
const { Runtime } = await src('runtime.ts');
const { processEvent } = await src('pipeline/process.ts');

const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const faults = () => process.resourceUsage().minorPageFault;
const { dir, sink, config, body, parse } = await opsSetup(ROOT, 'phiwall-batch-ops-');
const stats = async () => (await (await fetch(`${sink.url}/stats`)).json());

async function stage(name, fn, events) {
  const t = cpu();
  await fn();
  return [name, (cpu() - t) / events];
}

async function round(rt, site, out) {
  const bodies = Array.from({ length: REQUESTS }, body);
  let parsed;
  const [, p] = await stage('parse', () => { parsed = bodies.map((b) => parse(rt, b)); }, REQUESTS * 20);
  const again = Array.from({ length: REQUESTS }, () => parse(rt, body()));
  const [, q] = await stage('process', () => { for (const evs of again) for (const ev of evs) processEvent(ev, site, rt.plan, rt.visitorIds, Date.now(), rt.governance.gate); }, REQUESTS * 20);
  const f = faults();
  const [, i] = await stage('ingest', async () => {
    for (let k = 0; k < parsed.length; k += CONC) await Promise.all(parsed.slice(k, k + CONC).map((evs) => rt.ingest(evs, site)));
  }, REQUESTS * 20);
  const fi = (faults() - f) / (REQUESTS * 20);
  const before = (await stats());
  const t = cpu();
  rt.startWorkers();
  while ((await rt.spool.stats()).pending > 0) await new Promise((r) => setTimeout(r, 20));
  await Promise.all(rt.workers.map((w) => w.stop(5000)));
  const d = (cpu() - t) / (REQUESTS * 20);
  const after = (await stats());
  const rows = (s) => s.ga4 + s.meta + s.tiktok + s.webhook;
  const again2 = Array.from({ length: REQUESTS }, () => parse(rt, body()));
  const t2 = cpu();
  rt.startWorkers();
  for (let k = 0; k < again2.length; k += CONC) await Promise.all(again2.slice(k, k + CONC).map((evs) => rt.ingest(evs, site)));
  while ((await rt.spool.stats()).pending > 0) await new Promise((r) => setTimeout(r, 20));
  await Promise.all(rt.workers.map((w) => w.stop(5000)));
  const both = (cpu() - t2) / (REQUESTS * 20);
  const end = (await stats());
  out.push({ parse: +p.toFixed(1), process: +q.toFixed(1), ingest: +i.toFixed(1), faults: +fi.toFixed(2), deliver: +d.toFixed(1), delivered_rows: rows(after) - rows(before),
    together: +both.toFixed(1), reqs_per_row: +((end.requests - after.requests) / (rows(end) - rows(after))).toFixed(4) });
}

const rt = new Runtime({ configPath: config, dataDir: dir, clusterWorker: true, workerIndex: 0, deliver: false, logger: undefined });
const site = rt.site(BENCH_KEY);
const out = [];
try {
  for (let r = 0; r <= ROUNDS; r++) await round(rt, site, out); // round 0 warms the JIT
  for (const [k, row] of out.entries()) console.log(k === 0 ? 'warm-up' : `round ${k}`, JSON.stringify(row));
} finally {
  await rt.shutdown(5000);
  await stopChild(sink.child);
  rmSync(dir, { recursive: true, force: true });
}
