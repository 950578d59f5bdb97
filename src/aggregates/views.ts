import { computeCredits, type Conversion, type CreditCell } from '../attribution/credits.js';
import type { ModelName, Touch } from '../attribution/models.js';
import type { JsonObject } from '../common/json.js';
import type { Rng } from './noise.js';
import { releaseTable, type Cell, type ReleasedTable } from './release.js';
import type { AggregateStore, CellRow } from './store.js';

// The k-anonymous views of the store: rollup tables per window and attribution credits per
// day. Both the release timer and the report command/admin API go through these functions,
// so nothing reaches an output that did not pass releaseTable.

export interface ViewPolicy {
  k: number;
  mode: 'other' | 'suppress';
  epsilon?: number;
  rng?: Rng;
}

export interface AttributionQuery {
  model: ModelName;
  from: number;
  to: number;
  lookbackMs: number;
  halfLifeMs: number;
  /** `day` (default): one table per conversion day; `range`: one table for the whole range. */
  period?: 'day' | 'range';
}

const EVENTS = '\u0000events';

function round(n: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function noiseOf(policy: ViewPolicy, measures: readonly string[]) {
  return policy.epsilon !== undefined && policy.rng ? { epsilon: policy.epsilon, rng: policy.rng, measures } : undefined;
}

export function rollupTable(rows: readonly CellRow[], policy: ViewPolicy): ReleasedTable {
  // k applies to distinct visitors per cell; the event count travels as a measure.
  const cells: Cell[] = rows.map((r) => ({ dims: JSON.parse(r.dims) as string[], count: r.contributors, measures: { ...(JSON.parse(r.sums) as Record<string, number>), [EVENTS]: r.count } }));
  return releaseTable(cells, { k: policy.k, mode: policy.mode, noise: noiseOf(policy, [EVENTS]) });
}

/** Journeys and confirmed conversions of [from, to], touches back to from - lookback. */
export async function loadAttribution(store: AggregateStore, dest: string, q: AttributionQuery): Promise<{ journeys: Map<string, Touch[]>; conversions: Conversion[] }> {
  const conversions = (await store.conversions(dest, q.from, q.to, 'confirmed')).map((c) => ({ journey: c.journey, time: c.time, type: c.type, value: c.value }));
  const journeys = new Map<string, Touch[]>();
  for (const t of await store.touches(dest, q.from - q.lookbackMs, q.to)) {
    let list = journeys.get(t.journey);
    if (!list) journeys.set(t.journey, (list = []));
    list.push({ time: t.time, channel: t.channel, campaign: t.campaign, lead: t.lead === 1 });
  }
  return { journeys, conversions };
}

/** One table per day, or (range) one table whose cells merge the days: a conversion has one day, so counts add exactly. */
export function creditsByDay(cells: readonly CreditCell[], rangeLabel?: string): Map<string, CreditCell[]> {
  const byDay = new Map<string, CreditCell[]>();
  if (rangeLabel !== undefined) {
    const merged = new Map<string, CreditCell>();
    for (const c of cells) {
      const key = `${c.channel}\u0000${c.campaign}`;
      const m = merged.get(key);
      if (m) { m.credit += c.credit; m.value += c.value; m.conversions += c.conversions; } else merged.set(key, { ...c, day: rangeLabel });
    }
    byDay.set(rangeLabel, [...merged.values()]);
    return byDay;
  }
  for (const c of cells) {
    let list = byDay.get(c.day);
    if (!list) byDay.set(c.day, (list = []));
    list.push(c);
  }
  return byDay;
}

/** k-anonymous attribution rows: per day, per channel and campaign, plus (other) and (total). */
export function attributionRows(journeys: ReadonlyMap<string, readonly Touch[]>, conversions: readonly Conversion[], q: AttributionQuery, policy: ViewPolicy): JsonObject[] {
  const cells = computeCredits(journeys, conversions, { model: q.model, lookbackMs: q.lookbackMs, halfLifeMs: q.halfLifeMs });
  const out: JsonObject[] = [];
  const range = q.period === 'range' ? `${new Date(q.from).toISOString().slice(0, 10)}..${new Date(q.to).toISOString().slice(0, 10)}` : undefined;
  for (const [day, list] of creditsByDay(cells, range)) {
    const table = releaseTable(
      list.map((c) => ({ dims: [c.channel, c.campaign], count: c.conversions, measures: { credit: c.credit, value: c.value } })),
      { k: policy.k, mode: policy.mode, mass: (c) => c.measures.credit, noise: noiseOf(policy, ['credit', 'value']) },
    );
    const row = (c: Cell, kind: string): JsonObject => ({
      day, model: q.model, row: kind, channel: c.dims[0], campaign: c.dims[1], credit: round(c.measures.credit), value: round(c.measures.value, 2), conversions: c.count,
    });
    if (table.withheld) { out.push({ day, model: q.model, row: 'withheld', reason: `fewer than ${policy.k} conversions` }); continue; }
    for (const c of table.cells) out.push(row(c, 'cell'));
    if (table.other) out.push(row(table.other, 'other'));
    if (table.total) out.push(row(table.total, 'total'));
  }
  return out;
}

export function rollupRows(rows: readonly CellRow[], dimensions: readonly string[], windowLabel: string, policy: ViewPolicy): JsonObject[] {
  const byWindow = new Map<number, CellRow[]>();
  for (const r of rows) {
    let list = byWindow.get(r.window_start);
    if (!list) byWindow.set(r.window_start, (list = []));
    list.push(r);
  }
  const out: JsonObject[] = [];
  for (const [w, list] of byWindow) {
    const table = rollupTable(list, policy);
    const start = new Date(w).toISOString();
    if (table.withheld) { out.push({ window: windowLabel, window_start: start, row: 'withheld' }); continue; }
    const row = (c: Cell, kind: string): JsonObject => ({
      window: windowLabel, window_start: start, row: kind, dimensions: Object.fromEntries(dimensions.map((d, i) => [d, c.dims[i]])), count: c.count,
      events: Math.round(c.measures[EVENTS] ?? 0),
      sums: Object.fromEntries(Object.entries(c.measures).filter(([k]) => k !== EVENTS).map(([k, v]) => [k, round(v, 2)])),
    });
    for (const c of table.cells) out.push(row(c, 'cell'));
    if (table.other) out.push(row(table.other, 'other'));
    if (table.total) out.push(row(table.total, 'total'));
  }
  return out;
}
