// Loaded into a collector by `bench/rss-probe.mjs --breakdown` (NODE_OPTIONS=--import): what this
// process's private memory was made of at its peak, written to $RSS_SAMPLER_OUT/<pid>.json.
// Every 50 ms: RssAnon (/proc/self/status); at each new peak, V8's heap spaces, external memory
// and, at most every 200 ms, the anonymous pages by mapping ([heap] is glibc's main malloc arena,
// unnamed mappings are V8's pages, other threads' arenas and stacks). On SIGUSR2: the live heap
// after a full GC (what V8's old generation grows to twice of), written to <pid>.live.json, and
// with RSS_SAMPLER_SNAPSHOT=1 a heap snapshot, <pid>.heapsnapshot.
import v8 from 'node:v8';
import { readFileSync, writeFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

const out = process.env.RSS_SAMPLER_OUT;
const mb = (bytes) => +(bytes / 1048576).toFixed(1);
const anonKb = () => Number(/RssAnon:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);

/** Anonymous MB by mapping name: [heap], [stack], or 'unnamed'. */
function anonByMapping() {
  const by = {};
  let name = '';
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) { name = head[1].startsWith('[') ? head[1] : head[1] ? 'file-backed' : 'unnamed'; continue; }
    const anon = /^Anonymous:\s+(\d+)/.exec(line);
    if (anon && +anon[1] > 0) by[name] = (by[name] ?? 0) + +anon[1] / 1024;
  }
  return Object.fromEntries(Object.entries(by).map(([k, v]) => [k, +v.toFixed(1)]));
}

function heapFigures() {
  const mu = process.memoryUsage();
  const stats = v8.getHeapStatistics();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().filter((s) => s.space_size > 0).map((s) => [s.space_name, [mb(s.space_size), mb(s.space_used_size)]]));
  return { heap_total_mb: mb(mu.heapTotal), heap_used_mb: mb(mu.heapUsed), external_mb: mb(mu.external), array_buffers_mb: mb(mu.arrayBuffers), v8_malloced_peak_mb: mb(stats.peak_malloced_memory), spaces_mb_size_used: spaces };
}

if (out) {
  let peak = 0;
  let atPeak;
  let mappingsAt = 0;
  const tick = () => {
    const anon = anonKb();
    if (anon <= peak) return;
    peak = anon;
    atPeak = { anon_mb: +(anon / 1024).toFixed(1), ...heapFigures(), anon_by_mapping_mb: Date.now() - mappingsAt > 200 ? anonByMapping() : atPeak?.anon_by_mapping_mb };
    if (Date.now() - mappingsAt > 200) mappingsAt = Date.now();
  };
  const flush = () => writeFileSync(`${out}/${process.pid}.json`, JSON.stringify({ pid: process.pid, exec_argv: process.execArgv, peak: atPeak }));
  setInterval(tick, 50).unref();
  setInterval(flush, 1000).unref();
  process.on('exit', flush);
  process.on('SIGUSR2', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc');
    gc(); gc();
    writeFileSync(`${out}/${process.pid}.live.json`, JSON.stringify({ pid: process.pid, ...heapFigures() }));
    // rss-probe --heapsnapshot: what the live heap holds (bench/heap-attribution.mjs reads it).
    if (process.env.RSS_SAMPLER_SNAPSHOT === '1') v8.writeHeapSnapshot(`${out}/${process.pid}.heapsnapshot`);
    writeFileSync(`${out}/${process.pid}.done`, '');
  });
}
