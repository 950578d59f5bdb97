// Bytes allocated per event on the batch path, by where they were allocated (H235): the real Runtime
// in one process (the bench config: full pack, four destinations on a local sink, durable SQLite
// spool), 20-event batches ingested --concurrency at a time with delivery running, until drained.
//   node --import tsx bench/alloc-batch.mjs [--root DIR (this repo)] [--requests 600] [--top 25]
// Two rounds warm up; the third runs under V8's sampling heap profiler with the objects later
// collected by scavenges and full GCs kept (so it counts what was allocated, not what survived),
// every 4 KB on average. Each sample goes to the deepest frame of src/ on its stack. Allocation is
// what fills the young generation, so it sets how often scavenges run; unlike CPU time on this
// shared machine it barely moves between runs (H235: base 400.8 / 398.7 MB for 12,000 events).
import { Session } from 'node:inspector/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const ROOT = resolve(arg('root', join(import.meta.dirname, '..')));
const N = Number(arg('requests', 600)), CONC = Number(arg('concurrency', 20)), TOP = Number(arg('top', 25));
const load = (p) => import(pathToFileURL(join(ROOT, p)).href);
const { opsSetup } = await load('bench/ops-setup.mjs');
const { BENCH_KEY } = await load('bench/config.mjs');
const { stopChild } = await load('bench/proc.mjs');
const { Runtime } = await load('src/runtime.ts');
const { dir, sink, config, body, parse } = await opsSetup(ROOT, 'phiwall-alloc-batch-');
const rt = new Runtime({ configPath: config, dataDir: dir, clusterWorker: true, workerIndex: 0, deliver: false, logger: undefined });
const site = rt.site(BENCH_KEY);
const session = new Session(); session.connect();
let profile;
try {
  rt.startWorkers();
  for (let round = 0; round < 3; round++) {
    const reqs = Array.from({ length: N }, () => parse(rt, body()));
    if (round === 2) await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    for (let k = 0; k < reqs.length; k += CONC) await Promise.all(reqs.slice(k, k + CONC).map((evs) => rt.ingest(evs, site)));
    while ((await rt.spool.stats()).pending > 0) await new Promise((r) => setTimeout(r, 20));
    if (round === 2) ({ profile } = await session.post('HeapProfiler.stopSampling'));
  }
  await Promise.all(rt.workers.map((w) => w.stop(5000)));
} finally {
  await rt.shutdown(5000);
  await stopChild(sink.child);
}
const bySite = new Map(); let total = 0;
const SRC = pathToFileURL(join(ROOT, 'src')).href;
const walk = (n, site) => {
  const { url, functionName } = n.callFrame;
  const here = url.startsWith(SRC) ? `src${url.slice(SRC.length)}:${functionName || '(anon)'}` : site;
  total += n.selfSize;
  bySite.set(here, (bySite.get(here) ?? 0) + n.selfSize);
  for (const c of n.children ?? []) walk(c, here);
};
walk(profile.head, '(no frame of src/)');
const events = N * 20;
console.log(`${(total / 1e6).toFixed(1)} MB sampled for ${events} events: ${(total / events / 1000).toFixed(2)} KB an event\n\n| deepest src frame | KB/event | share |\n|---|---:|---:|`);
for (const [k, v] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`| ${k} | ${(v / events / 1000).toFixed(2)} | ${((100 * v) / total).toFixed(1)}% |`);
