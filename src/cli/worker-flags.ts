// Node/V8 flags the cluster primary starts each worker with (issue #5: peak RSS under load).
//
// A worker's live heap under full batch load is ~30 MB, but V8 lets the old generation grow to
// up to 4x what survived the last full GC before collecting it again (its factor is 4 on hosts
// with 4+ GB of RAM, whatever the process needs), so a worker's heap peaked at ~130-180 MB, most
// of it garbage: the payloads and leased items that outlived a scavenge or two while a request
// or a vendor round trip was in flight. A fixed growth factor of 2 takes the batch bench's
// summed peak RSS from ~540 to ~420 MB (.tmp/h38/NOTES.md has the runs). It is a growth factor,
// not a cap: a worker that needs more heap (a drain of a large backlog) still gets it, so it
// adds no out-of-memory risk. Factor 1.5 (`--heap-growing-percent=50`) saves ~40 MB more but
// costs ~12% of the throughput per CPU core in the extra full GCs, so it stays the operator's
// choice: `node --heap-growing-percent=50 bin/phiwall.mjs serve`; `=0` restores V8's own.

/** Added to each worker's node flags unless the operator gave the same flag. */
export const WORKER_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=100'];

/** `--max_old_space_size=1` and `--max-old-space-size 1` name the same flag. */
const nameOf = (flag: string): string => flag.split('=')[0].replace(/_/g, '-');

/**
 * The workers' node flags: the primary's own (`process.execArgv`, what cluster passes by
 * default), plus each of WORKER_NODE_FLAGS not already set there or in NODE_OPTIONS.
 */
export function workerExecArgv(execArgv: readonly string[], nodeOptions = ''): string[] {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/)].filter((a) => a.startsWith('--')).map(nameOf));
  return [...execArgv, ...WORKER_NODE_FLAGS.filter((f) => !given.has(nameOf(f)))];
}
