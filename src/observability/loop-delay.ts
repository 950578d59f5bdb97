import { monitorEventLoopDelay, PerformanceObserver, constants, type IntervalHistogram, type PerformanceEntry } from 'node:perf_hooks';
import { Gauge, Histogram, type Registry } from 'prom-client';

// A request waits for whatever its worker's event loop is running: a group commit, a delivery
// round, a garbage collection, a synchronous SQLite call. Issue #5's "p99 at half load" is mostly
// such waits (the machine is half idle), and a client-side latency figure alone cannot say whose
// wait it was: the load generator's own pauses and the OS run queue count there too. These two
// metrics are the workers' own view: how late the event loop got to a timer, and how long V8
// paused it to collect garbage. Counts and durations only, no labels but a quantile or GC kind.

/**
 * How often the loop's lateness is sampled: libuv timer wake-ups in C++, no JavaScript runs. 20 ms
 * (50 wake-ups/s) rather than Node's 10: an idle collector is woken half as often, and a stall
 * long enough to matter for a 25 ms p99 still shows.
 */
export const LOOP_SAMPLE_MS = 20;

/** Pause buckets (s): a scavenge takes ~1-3 ms, a full GC's final pause ~5-10 ms on the bench VM. */
const GC_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25];

const GC_KINDS: Readonly<Record<number, string>> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

export interface LoopWatch { stop(): void }

/**
 * The sampled interval minus the sampling period: the time the loop was busy past a timer's due
 * time (a percentile of an empty histogram is 0; none is negative).
 */
function lateSeconds(h: IntervalHistogram, percentile: number | 'max'): number {
  if (h.count === 0) return 0;
  const ns = percentile === 'max' ? h.max : h.percentile(percentile);
  return Math.max(0, ns / 1e6 - LOOP_SAMPLE_MS) / 1000;
}

/**
 * Registers `phiwall_event_loop_delay_seconds{quantile}` (since the previous scrape; in a cluster
 * the worst worker's, as the scrape keeps the highest of a gauge) and
 * `phiwall_gc_pause_seconds{kind}` (a histogram, added up over workers) on `registry`, and starts
 * measuring. Started by `serve` only: one per process.
 */
export function watchEventLoop(registry: Registry): LoopWatch {
  const loop = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
  loop.enable();
  new Gauge({
    name: 'phiwall_event_loop_delay_seconds',
    help: `How late this process's event loop ran a timer due every ${LOOP_SAMPLE_MS} ms, since the previous scrape (quantile "max": the longest stall); in a cluster, the worst worker`,
    labelNames: ['quantile'],
    registers: [registry],
    collect() {
      for (const [label, q] of [['0.5', 50], ['0.99', 99], ['0.999', 99.9]] as const) this.set({ quantile: label }, lateSeconds(loop, q));
      this.set({ quantile: 'max' }, lateSeconds(loop, 'max'));
      loop.reset();
    },
  });
  const pauses = new Histogram({ name: 'phiwall_gc_pause_seconds', help: 'Garbage-collection pauses of the event loop, by kind (minor = scavenge, major = full GC)', labelNames: ['kind'], buckets: GC_BUCKETS, registers: [registry] });
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = ((e as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind;
      pauses.observe({ kind: GC_KINDS[kind ?? -1] ?? 'other' }, e.duration / 1000);
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  return { stop: () => { loop.disable(); gc.disconnect(); } };
}
