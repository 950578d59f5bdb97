// Instructions per event of the compiled plan (valgrind callgrind), for before/after comparisons
// on a shared machine where the micro-bench's wall-clock figures swing by 10-45%:
//
//   node bench/micro/plan-instructions.mjs [--engine bundle.mjs] [--case one|four|unseen]
//        [--warm 10] [--n 2000] [--no-valgrind] [--instr-late] [--shape corpus|server] [--v8 "flags"] [--without-compiler]
//        [--only q] [--keep DIR] [--dests ga4,meta,...]
//
// The micro-bench's three cases (scrub.mjs): `one` the corpus through one non-BAA destination
// allowing every field, `four` the bench config (ga4, meta, tiktok, webhook), `unseen` the first-
// visit pool (every event new to the plan's cross-event memos). Runs `--warm` passes over the
// corpus (700 events a pass for `unseen`) so the JIT has settled, dumps callgrind's counters,
// runs `--n` events, dumps again: the second dump is the measured events alone (start-up,
// plan compilation and warm-up are in the first). Printed per event: the main thread's count
// and all threads' (V8's background compiler and GC helpers run beside it). `--engine` takes a
// bundle built from another checkout (as MICRO_ENGINE does for scrub.mjs); the default is this
// checkout's src/, bundled. Under callgrind a run takes 2-4 minutes of CPU, mostly start-up.
// `--instr-late`: callgrind instruments only the measured events (`--instr-atstart=no`, switched
// on after the warm-up): the same count, in a fraction of the time on a loaded machine.
// `--shape server`: the events as the server hands them to the plan (server-events.mjs: a new
// messageId every event, 2,000 visitors, parsed by the ingest), 700 a warm pass. `--warm 0
// --no-valgrind`: the first `--n` events of a freshly compiled plan in a new process (the JIT's
// warm-up, which the warm runs leave out). `--v8`: V8 flags for the measured child. `--only q`: only
// the corpus events whose page URL carries a query (100 of the 800; a warm pass is those 100).
// `--dests`: with `--case four`, only these of the bench config's destinations (the cost of each by difference).
// `--keep DIR`: copy the measured dumps there (for callgrind_annotate; with `--v8 --perf-basic-prof`,
// bench/micro/callgrind-jit.mjs names V8's code in them from /tmp/perf-<pid>.map).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BENCH_KEY, writeBenchConfig } from '../config.mjs';
import { loadCorpus } from '../workload.mjs';
import { serverEvents } from './server-events.mjs';
import { unseenEvents } from './unseen-events.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i < 0 ? fallback : args[i + 1]; };
const kase = opt('case', 'one');
const WARM = Number(opt('warm', '10'));
const N = Number(opt('n', '2000'));
const LATE = args.includes('--instr-late');
const SHAPE = opt('shape', 'corpus');
const ONLY = opt('only', '');
const DESTS = opt('dests', '');
const KEEP = opt('keep');
// `--v8 "--max-semi-space-size=4"`: V8 flags for the measured child (space-separated).
const GIVEN_V8 = (opt('v8', '') ?? '').split(' ').filter(Boolean);
// Under valgrind the child's threads take turns on one core, so V8's background compiler thread gets little time and
// the measured events ran in baseline code for as long as its queue took: the count then measures that lag (2026-12-03,
// one destination: 243k-248k instructions an event without this flag, 88.0k with it, on the same bundle; yesterday's
// runs without it read 88.7k). Optimising on the main thread makes the count the engine's; `--without-compiler` takes the
// compiles out again. `--v8 --concurrent-recompilation` keeps V8's default.
const V8 = GIVEN_V8.some((f) => f.endsWith('concurrent-recompilation')) || args.includes('--no-valgrind') ? GIVEN_V8 : ['--no-concurrent-recompilation', ...GIVEN_V8];

if (args.includes('--child')) await child(opt('engine'), args.includes('--dumps'));
else await parent();

async function parent() {
  const work = mkdtempSync(join(tmpdir(), 'phiwall-plan-ir-'));
  try {
    let engine = opt('engine');
    if (engine === undefined) {
      engine = join(ROOT, 'dist/bench/engine.mjs');
      await build({ entryPoints: [join(ROOT, 'bench/micro/engine-entry.ts')], outfile: engine, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning', absWorkingDir: ROOT });
    }
    const me = fileURLToPath(import.meta.url);
    const childArgs = [me, '--child', '--engine', resolve(engine), '--case', kase, '--warm', String(WARM), '--n', String(N), '--shape', SHAPE, ...(ONLY ? ['--only', ONLY] : []), ...(DESTS ? ['--dests', DESTS] : []), ...(LATE ? ['--instr-late'] : [])];
    if (args.includes('--no-valgrind')) {
      process.stdout.write(execFileSync(process.execPath, [...V8, ...childArgs]));
      return;
    }
    const out = join(work, 'cg.out');
    const run = spawnSync('valgrind', ['--tool=callgrind', ...(LATE ? ['--instr-atstart=no'] : []), '--separate-threads=yes', `--callgrind-out-file=${out}.%p`, process.execPath, ...V8, ...childArgs, '--dumps'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`valgrind exited ${run.status}: ${run.stderr.slice(-2000)}`);
    // Dump 2 of each thread (`cg.out.<pid>.2-<thread>`) is the measured phase; thread 01 is the main thread.
    const measured = readdirSync(work).filter((f) => /\.2-\d+$/.test(f));
    if (KEEP !== undefined) { mkdirSync(KEEP, { recursive: true }); for (const f of measured) copyFileSync(join(work, f), join(KEEP, f)); }
    const ir = (f) => Number(/^summary: (\d+)/m.exec(readFileSync(join(work, f), 'utf8'))?.[1] ?? 0);
    const main = measured.filter((f) => f.endsWith('.2-01')).reduce((s, f) => s + ir(f), 0);
    const all = measured.reduce((s, f) => s + ir(f), 0);
    // `--without-compiler`: the main thread's count less V8's optimising compiler run on it (with `--v8
    // --no-concurrent-recompilation` or `--single-threaded`, Runtime_CompileOptimized's inclusive cost).
    const compiler = args.includes('--without-compiler') ? compilerCost(join(work, measured.find((f) => f.endsWith('.2-01')))) : undefined;
    console.log(JSON.stringify({ case: kase, shape: SHAPE, ...(ONLY ? { only: ONLY } : {}), ...(DESTS ? { dests: DESTS } : {}), events: N, warm_passes: WARM, instr_late: LATE, v8: V8.join(' '), ir_per_event_main: Math.round(main / N), ir_per_event_all_threads: Math.round(all / N), ...(compiler === undefined ? {} : { ir_per_event_main_without_compiler: Math.round((main - compiler) / N) }), engine }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Instructions under Runtime_CompileOptimized (inclusive) in a callgrind dump. */
function compilerCost(dump) {
  const annotated = execFileSync('callgrind_annotate', ['--inclusive=yes', '--threshold=100', dump], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const line = annotated.split('\n').find((l) => l.includes('Runtime_CompileOptimized'));
  return line === undefined ? 0 : Number(line.trim().split(/\s+/)[0].replace(/,/g, ''));
}

/** The measured loop (also run without valgrind: `--no-valgrind` prints CPU µs per event). */
async function child(enginePath, dumps) {
  const engine = await import(pathToFileURL(enginePath).href);
  const work = mkdtempSync(join(tmpdir(), 'phiwall-plan-ir-child-'));
  const open = join(work, 'open.yaml');
  writeFileSync(open, `version: 1\ninclude: ["${join(ROOT, 'rules/phiwall.yaml')}"]\nsites: [{ name: bench, write_key: ${BENCH_KEY}, allowed_origins: ["http://localhost:*"], trusted_proxies: [], hosts: [www.northbay-health.example] }]\ndestinations:\n  local_file: { type: file, enabled: false }\n  scrubbed: { type: webhook, baa: false, allow: ["**"], options: { url: "http://127.0.0.1:9/hook" } }\n`);
  const plan = engine.compileRules(engine.loadConfig(kase === 'four' ? benchConfig(work) : open).rules, { dataDir: work });
  const site = plan.sitesByKey.get(BENCH_KEY);
  // The micro-bench's in-memory visitor ids (scrub.mjs).
  const m = new Map();
  const ids = { idFor: (k, d) => { const key = `${d}|${k}`; let v = m.get(key); if (!v) { v = `pw_${m.size}`; m.set(key, v); } return v; } };
  let events = loadCorpus(ROOT).map((e) => JSON.parse(JSON.stringify(e)));
  if (ONLY === 'q') events = events.filter((e) => String(e.context?.page?.url ?? '').includes('?'));
  if (kase === 'unseen') events = unseenEvents(events, 20_000);
  else if (SHAPE === 'server') events = serverEvents(engine, plan, events, WARM * 700 + N);
  const now = Date.parse('2026-11-29T00:00:00Z');
  let routed = 0;
  const run = (ev) => { const o = engine.processEvent(ev, site, plan, ids, now); routed += o.kind === 'routed' ? o.rows.length : 0; };
  const warm = WARM * (kase === 'unseen' || SHAPE === 'server' ? 700 : events.length);
  let i = 0;
  for (; i < warm; i++) run(events[i % events.length]);
  if (dumps) execFileSync('callgrind_control', ['-d', String(process.pid)], { stdio: 'ignore' });
  if (dumps && LATE) execFileSync('callgrind_control', ['-i', 'on', String(process.pid)], { stdio: 'ignore' });
  const cpu0 = process.cpuUsage();
  for (let k = 0; k < N; k++, i++) run(events[i % events.length]);
  const cpu = process.cpuUsage(cpu0);
  if (dumps) execFileSync('callgrind_control', ['-d', String(process.pid)], { stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
  if (!dumps) console.log(JSON.stringify({ case: kase, shape: SHAPE, ...(ONLY ? { only: ONLY } : {}), events: N, rows: routed, cpu_us_per_event: (cpu.user + cpu.system) / N }));
}

/** The bench config; with `--dests`, its destinations other than those (and the disabled file one) left out. */
function benchConfig(work) {
  const path = writeBenchConfig(ROOT, work, 'http://127.0.0.1:9');
  if (!DESTS) return path;
  const keep = new Set(['local_file', ...DESTS.split(',')]);
  let inDestinations = false, dropping = false;
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => {
    if (line.startsWith('destinations:')) { inDestinations = true; return true; }
    const name = inDestinations ? /^  ([a-z_0-9]+):/.exec(line)?.[1] : undefined;
    if (name !== undefined) dropping = !keep.has(name);
    return !(inDestinations && dropping);
  });
  writeFileSync(path, lines.join('\n'));
  return path;
}
