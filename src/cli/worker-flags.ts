// Node/V8 flags the cluster primary starts each worker with (issue #5: peak RSS under load).
//
// A worker's live heap under full batch load is ~30 MB, but V8 lets the old generation grow to
// 4x what survived the last full GC before collecting again (its largest factor, which it uses
// with the default 4 GB heap limit whatever the process needs): a worker's heap peaked at
// 130-180 MB, most of it garbage, payloads and leased items that outlived a scavenge or two
// while a request or a vendor round trip was in flight. A fixed factor of 2 takes the batch
// bench's summed peak RSS from ~540 to ~420 MB (.tmp/h38/NOTES.md has the runs). It bounds the
// growth, it caps nothing: a worker that needs more heap (draining a large backlog) still gets
// it, so there is no new out-of-memory risk. Factor 1.5 (`--heap-growing-percent=50`) saves
// ~40 MB more but costs 12-20% of the CPU per event in extra full GCs: the operator's choice,
// `node --heap-growing-percent=50 bin/phiwall.mjs serve`; `=0` restores V8's own growth.
// A collector that runs as one process (`--workers 1`, a one-CPU container) has no primary to
// start it so: `serve` sets the flags on itself before it builds its runtime (applyOwnNodeFlags).
//
// `--v8-pool-size`: V8 runs its GC helpers and optimizing compiler on a pool of background
// threads, 4 per process by default, and each thread that allocates gets its own malloc arena
// that keeps what the compiler freed. With one worker per CPU, a worker's threads beyond the
// CPUs it has only compete with the other workers; sized to the CPUs per worker (1 when
// workers = CPUs) a worker held ~7 MB less outside the V8 heap at its peak RSS (20 -> 13.5 MB
// single events, 28 -> 20 MB batches; .tmp/h43/NOTES.md). Optimizing compiles then wait for
// that one thread: on a starved machine a cold worker warms up more slowly (8 s runs without
// warm-up cost more CPU per event; with the bench's 1 s warm-up they cost the same or less).
// `node --v8-pool-size=4 bin/phiwall.mjs serve` keeps Node's default. It is read at process
// start only, so a one-process collector keeps Node's default.
//
// Measured and left out (H77, batch bench runs alternated on a shared 2-core VM, footprint MB):
// - glibc malloc env for the workers. MALLOC_ARENA_MAX=2 or 1 moves what V8's and libuv's
//   threads allocate into the main arena, which glibc returns to the OS only from its top: in
//   8 of 9 runs a worker's brk heap ended at 30-44 MB (10-20 MB without), and the footprint
//   rose (after the run without: 292 -> 332 / 315, 254 -> 267 / 265, 245 -> 252 / 263;
//   `bench/run.mjs`: 273 vs 221-229). Fixed
//   MALLOC_MMAP_THRESHOLD_/MALLOC_TRIM_THRESHOLD_ (128 or 64 KB, MALLOC_TOP_PAD_ 64 KB) changed
//   neither the brk heap nor the footprint (222 vs 222, 216 vs 217 / 207).
// - `--optimize-for-size`: -30 to -60 MB, but V8 then keeps 1 MB semi-spaces (whatever
//   --max-semi-space-size says): 20-40x as many scavenges per request (8 MB semi-spaces:
//   ~2.3x). `--single-threaded-gc` and `--max-lazy`: no difference beyond the run-to-run spread.
// - Regexp flags (H220, H229; README "Performance"). The rules' regexps' native code is the
//   largest single part of a worker's live heap (7-8 MB; bench/heap-attribution.mjs), compiled on
//   a pattern's second run and kept while the plan lives. `--regexp-interpret-all` frees it and
//   doubles the plan's CPU (batch-ops process stage 57-62 -> 120-151 us/event, H229);
//   `--no-regexp-optimization` saves 2-3 MB for ~2x; `--regexp-tier-up-ticks=100|1000` only delays
//   it: code spaces 6.0 / 5.4 MB (10.9 without) after 20,000 repeated corpus events, 10.2 / 8.9
//   (11.5) after 20,000 more each on a new path.
// `--no-wasm-tier-up --no-wasm-dynamic-tiering` (H134): undici parses delivery responses with
// llhttp compiled to WebAssembly. V8 runs it as Liftoff (baseline) code, then, once it is hot (a
// few hundred deliveries), recompiles it with TurboFan on a background thread, and that compile
// holds 30-40 MB of compiler zone memory at once (V8's peak_malloced_memory: 42 MB in every
// worker, 7-8 MB without it), under load, on top of the heap: it was the largest process's peak.
// Both flags keep it on Liftoff (either alone does not: dynamic tiering still tiers up, or the
// whole module is compiled with TurboFan up front); a function Liftoff cannot compile still goes
// to TurboFan (unlike `--liftoff-only`, which makes that fatal). Parsing small vendor responses in
// Liftoff code costs little, and the compile itself cost ~100 ms of CPU (3,000-5,000 pooled
// requests alone: max RSS 94-97 -> 66-69 MB, CPU 733-922 -> 619-850 ms). V8 reads them when it
// compiles the module, so a one-process collector gets them at run time too.
// `--max-semi-space-size=8` (MB; Node 20's own cap is 16, a 32 MB young generation): under the
// bench's single events (50 connections, 12,000 requests after 6,000) a worker's scavenges copy
// about as much per request with 8 MB semi-spaces as with 16 (6.7 vs 5.8 KB survived, 4.3 vs 4.9
// KB promoted) at twice the count (10.8 vs 5.7 per 1,000 requests): what survives is the requests
// in flight, not the semi-space's size; 4 MB doubled the copying (10.1 KB). 16 MB less per
// worker; callgrind (bench/instructions.mjs, 8 requests in flight): 3.03M -> 3.00M instructions
// per request, the main thread's 1.33M -> 1.40M (+5%, the scavenges). V8 sizes the heap at start only: a one-process collector keeps Node's default unless
// started as `node --max-semi-space-size=8 bin/phiwall.mjs serve --workers 1`.
// `node --max-semi-space-size=16 --wasm-tier-up --wasm-dynamic-tiering bin/phiwall.mjs serve` restores V8's defaults.
// What a worker holds at its batch peak is V8's heap (process.memoryUsage() and heap spaces at
// the peak): 32 MB of young generation (16 with the flag above), an old generation up to 2x a live heap of ~25-30 MB,
// ~6 MB of code, 4-8 MB of large objects; then 10-20 MB of malloc (SQLite page caches among
// it) and 4-9 MB of external memory (Buffers 1-5 MB of it).

import v8 from 'node:v8';

/** Added to each worker's node flags unless the operator gave the same flag. */
export const WORKER_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=100', '--max-semi-space-size=8', '--no-wasm-tier-up', '--no-wasm-dynamic-tiering'];

/** Those of WORKER_NODE_FLAGS a running process can take (V8 sizes its young generation at start only). */
const RUN_TIME_FLAGS: readonly string[] = WORKER_NODE_FLAGS.filter((f) => !f.startsWith('--max-semi-space-size='));

/** `--max_old_space_size=1` and `--max-old-space-size 1` name the same flag; `--no-x` turns `--x` off. */
const nameOf = (flag: string): string => flag.split('=')[0].replace(/_/g, '-').replace(/^--no-/, '--');

/** Node's own V8 thread pool size, the most a worker gets. */
const NODE_DEFAULT_POOL = 4;

/** V8 background threads per worker: the CPUs each worker has (whole, at least 1), at most Node's default. */
export function v8PoolSize(cpus: number, workers: number): number {
  return Math.max(1, Math.min(NODE_DEFAULT_POOL, Math.floor(cpus / Math.max(1, workers))));
}

/**
 * The workers' node flags: the primary's own (`process.execArgv`, what cluster passes by
 * default), plus each of WORKER_NODE_FLAGS and `--v8-pool-size=<poolSize>` not already set
 * there or in NODE_OPTIONS.
 */
export function workerExecArgv(execArgv: readonly string[], nodeOptions = '', poolSize?: number): string[] {
  const wanted = poolSize === undefined ? WORKER_NODE_FLAGS : [...WORKER_NODE_FLAGS, `--v8-pool-size=${poolSize}`];
  return [...execArgv, ...missingFlags(execArgv, nodeOptions, wanted)];
}

/** Each of `wanted` (WORKER_NODE_FLAGS) not set in `execArgv` or NODE_OPTIONS. */
export function missingFlags(execArgv: readonly string[], nodeOptions = '', wanted: readonly string[] = WORKER_NODE_FLAGS): string[] {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/)].filter((a) => a.startsWith('--')).map(nameOf));
  return wanted.filter((f) => !given.has(nameOf(f)));
}

/**
 * The same flags, set at run time on this process. V8 reads the growth factor each time it
 * sets the next full GC's limit, so this acts as on the command line: a 30 MB live heap with
 * short-lived garbage peaks at 117 MB with `=100` set at run time, 118 MB given on the command
 * line, 177 MB without (.tmp/h38/flagtest.mjs).
 */
export function applyOwnNodeFlags(execArgv: readonly string[], nodeOptions = ''): void {
  for (const flag of missingFlags(execArgv, nodeOptions, RUN_TIME_FLAGS)) v8.setFlagsFromString(flag);
}
