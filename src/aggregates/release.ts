import { noisyCount, type Rng } from './noise.js';

// Cell suppression for one table (one window of one report). The k threshold applies to each
// published cell; complementary suppression makes sure the published total minus the
// published cells (the suppressed remainder) is itself either 0 or at least k.

export interface Cell {
  /** Dimension values, in the configured order. */
  dims: string[];
  /** Contributors (events, or distinct conversions): the number k applies to. */
  count: number;
  /** Numeric measures (sums, credits). */
  measures: Record<string, number>;
}

export interface ReleasePolicy {
  k: number;
  /** `other`: suppressed cells are published merged into one `other` row; `suppress`: left out. */
  mode: 'other' | 'suppress';
  /**
   * How much a suppressed cell reveals towards the remainder: for rollups its count; for
   * attribution its credit (a lower bound on the distinct conversions behind it).
   */
  mass?: (cell: Cell) => number;
  /** Laplace noise (scale 1/epsilon) on counts and on the measures named in `measures`. */
  noise?: { epsilon: number; rng: Rng; measures?: readonly string[] };
}

export interface ReleasedTable {
  cells: Cell[];
  /** Merged suppressed cells (mode other), only when there were any. */
  other?: Cell;
  /** Whole-table total; absent when the table is withheld. */
  total?: Cell;
  /** Number of input cells not published individually. */
  suppressed: number;
  /** True when the whole table was withheld (its total is below k). */
  withheld: boolean;
}

export const OTHER = '(other)';

function sumCells(cells: readonly Cell[], dims: string[]): Cell {
  const measures: Record<string, number> = {};
  let count = 0;
  for (const c of cells) {
    count += c.count;
    for (const [m, v] of Object.entries(c.measures)) measures[m] = (measures[m] ?? 0) + v;
  }
  return { dims, count, measures };
}

function byCountThenKey(a: Cell, b: Cell): number {
  return a.count - b.count || a.dims.join('\u0000').localeCompare(b.dims.join('\u0000'));
}

function addNoise(cell: Cell, policy: ReleasePolicy): Cell {
  const n = policy.noise;
  if (!n) return cell;
  const measures = { ...cell.measures };
  for (const m of n.measures ?? []) if (m in measures) measures[m] = noisyCount(n.rng, measures[m], n.epsilon);
  return { dims: cell.dims, count: Math.round(noisyCount(n.rng, cell.count, n.epsilon)), measures };
}

/**
 * Publishes the cells of one table that are safe to publish. Steps: (1) every cell whose count
 * (true, and noisy when noise is on) is below k is suppressed; (2) complementary suppression:
 * while the suppressed remainder is non-empty but its mass is below k, the smallest published
 * cell joins it; (3) if the remainder still is below k, nothing of the table is published.
 */
export function releaseTable(input: readonly Cell[], policy: ReleasePolicy): ReleasedTable {
  const mass = policy.mass ?? ((c: Cell) => c.count);
  const width = input[0]?.dims.length ?? 0;
  const noisy = input.map((c) => addNoise(c, policy)).map((n, i) => ({ true: input[i], noisy: n }));
  noisy.sort((a, b) => byCountThenKey(a.true, b.true));
  const published = noisy.filter((c) => c.true.count >= policy.k && c.noisy.count >= policy.k);
  const suppressed = noisy.filter((c) => !published.includes(c));
  const remainder = () => suppressed.reduce((s, c) => s + mass(c.true), 0);
  while (suppressed.length > 0 && remainder() < policy.k && published.length > 0) suppressed.push(published.shift()!);
  const totalTrue = sumCells(input, Array.from({ length: width }, () => '(total)'));
  // With a mass function (attribution) the total's contributors are its mass: credits sum to
  // one per conversion, so the total credit is the number of distinct conversions.
  if (policy.mass) totalTrue.count = Math.round(input.reduce((s, c) => s + mass(c), 0));
  const total = addNoise(totalTrue, policy);
  const withheld = (suppressed.length > 0 && remainder() < policy.k) || totalTrue.count < policy.k || total.count < policy.k;
  if (withheld) return { cells: [], suppressed: input.length, withheld: true };
  const out: ReleasedTable = { cells: published.map((c) => c.noisy), total, suppressed: suppressed.length, withheld: false };
  if (policy.mode === 'other' && suppressed.length > 0) {
    const other = addNoise(sumCells(suppressed.map((c) => c.true), Array.from({ length: width }, () => OTHER)), policy);
    // A noisy `other` below k is left out; the total still hides it (its true mass is >= k).
    if (other.count >= policy.k) out.other = other;
  }
  return out;
}
