import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laplace, seededRng } from '../../src/aggregates/noise.js';
import { releaseTable, type Cell } from '../../src/aggregates/release.js';

const cell = (name: string, count: number): Cell => ({ dims: [name], count, measures: { value: count * 10 } });

describe('k-anonymous release of one table', () => {
  it('publishes cells >= k and merges the rest into other when the remainder is >= k', () => {
    const t = releaseTable([cell('a', 40), cell('b', 20), cell('c', 6), cell('d', 7)], { k: 11, mode: 'other' });
    expect(t.cells.map((c) => c.dims[0])).toEqual(['b', 'a']);
    expect(t.other).toEqual({ dims: ['(other)'], count: 13, measures: { value: 130 } });
    expect(t.total?.count).toBe(73);
  });

  it('complementary suppression: a lone small cell takes the next-smallest cell with it', () => {
    // total 78 - (40 + 20 + 15) would reveal the 3 if only it were suppressed.
    const t = releaseTable([cell('a', 40), cell('b', 20), cell('c', 15), cell('d', 3)], { k: 11, mode: 'suppress' });
    expect(t.cells.map((c) => c.dims[0])).toEqual(['b', 'a']);
    expect(t.suppressed).toBe(2);
    expect(t.total!.count - t.cells.reduce((s, c) => s + c.count, 0)).toBe(18);
  });

  it('withholds the whole table when even everything together is below k', () => {
    expect(releaseTable([cell('a', 4), cell('b', 5)], { k: 11, mode: 'other' })).toEqual({ cells: [], suppressed: 2, withheld: true });
    expect(releaseTable([], { k: 11, mode: 'other' }).withheld).toBe(true);
  });

  it('property: no published cell, other or total below k; the hidden remainder is 0 or >= k', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 0, maxLength: 12 }),
      fc.integer({ min: 2, max: 20 }),
      fc.constantFrom('other' as const, 'suppress' as const),
      (counts, k, mode) => {
        const t = releaseTable(counts.map((n, i) => cell(`c${i}`, n)), { k, mode });
        for (const c of [...t.cells, ...(t.other ? [t.other] : []), ...(t.total ? [t.total] : [])]) expect(c.count).toBeGreaterThanOrEqual(k);
        if (t.withheld) { expect(t.cells).toEqual([]); expect(t.total).toBeUndefined(); return; }
        const hidden = t.total!.count - t.cells.reduce((s, c) => s + c.count, 0);
        expect(hidden === 0 || hidden >= k).toBe(true);
        if (mode === 'other') expect(t.other?.count ?? 0).toBe(hidden);
      },
    ), { numRuns: 500 });
  });

  it('with noise, what is published is still >= k (decisions use true and noisy counts)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 10 }), fc.integer(), (counts, seed) => {
      const t = releaseTable(counts.map((n, i) => cell(`c${i}`, n)), { k: 11, mode: 'other', noise: { epsilon: 0.5, rng: seededRng(seed) } });
      for (const c of [...t.cells, ...(t.other ? [t.other] : []), ...(t.total ? [t.total] : [])]) expect(c.count).toBeGreaterThanOrEqual(11);
    }), { numRuns: 300 });
  });

  it('uses a mass function (attribution credit) for the remainder', () => {
    const mass = (c: Cell) => c.measures.value;
    const t = releaseTable([{ dims: ['x'], count: 30, measures: { value: 12 } }, { dims: ['y'], count: 5, measures: { value: 4 } }, { dims: ['z'], count: 12, measures: { value: 9 } }], { k: 11, mode: 'other', mass });
    expect(t.cells.map((c) => c.dims[0])).toEqual(['x']);
    expect(t.other?.measures.value).toBe(13);
    expect(t.total?.count).toBe(25);
  });
});

describe('Laplace noise (seeded, statistical)', () => {
  it('has mean 0, variance 2b^2 and the Laplace CDF', () => {
    const rng = seededRng(42);
    const b = 1 / 0.5;
    const n = 200_000;
    const xs = Array.from({ length: n }, () => laplace(rng, b));
    const mean = xs.reduce((a, x) => a + x, 0) / n;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.03); // sd of the mean = sqrt(8/n) = 0.0063
    expect(variance / (2 * b * b)).toBeGreaterThan(0.97);
    expect(variance / (2 * b * b)).toBeLessThan(1.03);
    // Kolmogorov-Smirnov distance to the Laplace CDF; the 0.1% critical value is 1.95/sqrt(n).
    const sorted = [...xs].sort((a, c) => a - c);
    const cdf = (x: number) => (x < 0 ? 0.5 * Math.exp(x / b) : 1 - 0.5 * Math.exp(-x / b));
    let d = 0;
    sorted.forEach((x, i) => { d = Math.max(d, Math.abs(cdf(x) - (i + 1) / n), Math.abs(cdf(x) - i / n)); });
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('is reproducible with a seed', () => {
    const a = seededRng(7);
    const b = seededRng(7);
    expect(Array.from({ length: 5 }, () => laplace(a, 2))).toEqual(Array.from({ length: 5 }, () => laplace(b, 2)));
  });
});
