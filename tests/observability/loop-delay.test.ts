import { describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { LOOP_SAMPLE_MS, watchEventLoop } from '../../src/observability/loop-delay.js';

// The workers' own view of a stall (src/observability/loop-delay.ts): a real event loop held by
// synchronous work, and real garbage collections, read back through the registry /metrics renders.

const delay = async (registry: Registry): Promise<Record<string, number>> => {
  const m = await registry.getSingleMetric('phiwall_event_loop_delay_seconds')!.get();
  return Object.fromEntries(m.values.map((v) => [String(v.labels.quantile), v.value]));
};
const turns = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchEventLoop', () => {
  it('reports a stall of the event loop as its longest lateness, then starts afresh at the next scrape', async () => {
    const registry = new Registry();
    const watch = watchEventLoop(registry);
    try {
      await turns(3 * LOOP_SAMPLE_MS);
      const end = performance.now() + 150;
      while (performance.now() < end) { /* the loop is held: no timer runs */ }
      await turns(3 * LOOP_SAMPLE_MS);
      const first = await delay(registry);
      expect(Object.keys(first).sort()).toEqual(['0.5', '0.99', '0.999', 'max']);
      // The held 150 ms, less the sampling period it would have waited anyway.
      expect(first.max).toBeGreaterThanOrEqual(0.12);
      expect(first['0.5']).toBeLessThanOrEqual(first.max);
      // Read again with no timer turn in between: nothing sampled since the previous scrape.
      expect(await delay(registry)).toEqual({ '0.5': 0, '0.99': 0, '0.999': 0, max: 0 });
    } finally { watch.stop(); }
  });

  it('counts garbage-collection pauses by kind', async () => {
    const registry = new Registry();
    const watch = watchEventLoop(registry);
    try {
      let keep: unknown[] = [];
      for (let i = 0; i < 400_000; i++) { keep.push({ i, s: `x${i}` }); if (keep.length > 1000) keep = []; }
      await turns(50); // GC entries reach the observer asynchronously
      const m = await registry.getSingleMetric('phiwall_gc_pause_seconds')!.get();
      const minor = m.values.find((v) => (v as { metricName?: string }).metricName === 'phiwall_gc_pause_seconds_count' && v.labels.kind === 'minor');
      expect(minor?.value ?? 0).toBeGreaterThan(0);
      expect(keep.length).toBeLessThanOrEqual(1001);
    } finally { watch.stop(); }
  });
});
