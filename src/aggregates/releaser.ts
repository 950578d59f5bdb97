import type { JsonObject } from '../common/json.js';
import { lookbackMs } from '../attribution/recorder.js';
import { DAY_MS, windowMs, type AggregateConfig } from './options.js';
import { writeAll, type Sink } from './sinks.js';
import type { AggregateStore } from './store.js';
import { attributionRows, loadAttribution, rollupRows, type ViewPolicy } from './views.js';

// The release step, for rollup windows and attribution days alike: a table that ended more
// than grace_minutes ago is published once; a table that changed after its release (late
// events, late or confirmed conversions) is published again as corrections (deltas) only once
// at least k new contributors have accumulated, so a single late visitor or conversion is
// never visible as a +1. Every published table passed releaseTable (k, complementary suppression).

export interface ReleaseContext {
  store: AggregateStore;
  dest: string;
  config: AggregateConfig;
  policy: ViewPolicy;
  sinks: readonly Sink[];
}

/** `elsewhere`: windows whose release another instance has claimed (it publishes them; ../aggregates/store.ts claimRelease). */
export interface ReleaseSummary { windows: number; rows: number; held: number; failed?: string; skipped?: boolean; elsewhere?: number }
type Published = { rows: number; held: boolean; failed?: string; elsewhere?: boolean };

/** One table as computed now: its rows, true contributor total and the change count it saw. */
interface Table { fresh: JsonObject[]; trueTotal: number; seen: number }
interface Shape { key: (r: JsonObject) => string; fields: readonly string[]; size: (r: JsonObject) => number }

const ROLLUP: Shape = { key: (r) => JSON.stringify([r.row, r.dimensions ?? null]), fields: ['count', 'events'], size: (r) => num(r.count) };
const ATTRIBUTION: Shape = { key: (r) => JSON.stringify([r.row, r.channel ?? null, r.campaign ?? null]), fields: ['conversions', 'credit', 'value'], size: (r) => num(r.conversions) };

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

/** Rows that changed since `previous`, with `delta_<field>`; rows no longer published go to 0. */
function deltas(fresh: readonly JsonObject[], previous: ReadonlyMap<string, JsonObject>, shape: Shape): JsonObject[] {
  const out: JsonObject[] = [];
  const seen = new Set<string>();
  const diff = (now: JsonObject, before: JsonObject | undefined): JsonObject | undefined => {
    const d: JsonObject = {};
    for (const f of shape.fields) if (typeof now[f] === 'number' || typeof before?.[f] === 'number') d[`delta_${f}`] = round(num(now[f]) - num(before?.[f]));
    return Object.values(d).some((v) => v !== 0) ? d : undefined;
  };
  for (const r of fresh) {
    const key = shape.key(r);
    seen.add(key);
    const d = diff(r, previous.get(key));
    if (d) out.push({ ...r, kind: 'correction', ...d });
  }
  for (const [key, old] of previous) {
    if (seen.has(key)) continue;
    const zero: JsonObject = { ...old, kind: 'correction' };
    for (const f of shape.fields) if (typeof old[f] === 'number') zero[f] = 0;
    const d = diff(zero, old);
    if (d) out.push({ ...zero, ...d });
  }
  return out;
}

async function publish(ctx: ReleaseContext, dimset: string, w: number, t: Table, shape: Shape, now: number): Promise<Published> {
  const { mark, rows: prev } = await ctx.store.releasedState(ctx.dest, dimset, w);
  // After a table was published, corrections wait for k new contributors (a withheld table showed nothing).
  if (mark && !mark.withheld && t.trueTotal - mark.trueTotal < ctx.config.k) return { rows: 0, held: true };
  // The release lock alone does not fence: its session can be lost while this runs, and another
  // instance then releases too. The claim is taken in the database, on the mark read above: one
  // instance per window and release. A failed send keeps it (this store's retry re-uses it).
  const basis = mark?.seen ?? -1;
  if (!(await ctx.store.claimRelease(ctx.dest, dimset, w, basis, now))) return { rows: 0, held: false, elsewhere: true };
  const previous = new Map(prev.map((p) => [p.row_key, JSON.parse(p.published) as JsonObject]));
  const out = mark ? deltas(t.fresh, previous, shape) : t.fresh;
  const failed = await writeAll(ctx.sinks, out);
  if (failed) return { rows: 0, held: false, failed };
  const withheld = t.fresh.every((r) => r.row === 'withheld');
  const saved = t.fresh.map((r) => ({ row_key: shape.key(r), true_count: shape.size(r), published: JSON.stringify(r) }));
  // False only when the claim was taken over (this send outlasted RELEASE_LEASE_MS): the other instance's record stands.
  const kept = await ctx.store.saveReleased(ctx.dest, dimset, w, saved, { trueTotal: t.trueTotal, seen: t.seen, withheld }, now, basis);
  return kept ? { rows: out.length, held: false } : { rows: 0, held: false, elsewhere: true };
}

function tally(summary: ReleaseSummary, r: Published): boolean {
  if (r.failed) { summary.failed = r.failed; return false; }
  if (r.elsewhere) summary.elsewhere = (summary.elsewhere ?? 0) + 1;
  else if (r.held) summary.held++;
  else { summary.windows++; summary.rows += r.rows; }
  return true;
}

export async function releaseRollups(ctx: ReleaseContext, now: number): Promise<ReleaseSummary> {
  const { store, dest, config } = ctx;
  const dimset = config.dimensions.join(',');
  // Late events older than 31 days no longer change a window's visitor counts; their lists go.
  await store.pruneMembers(dest, now - 31 * DAY_MS);
  const due = await store.windowsToRelease(dest, dimset, now - config.grace_minutes * 60_000, windowMs(config));
  const summary: ReleaseSummary = { windows: 0, rows: 0, held: 0 };
  for (const w of due) {
    const cells = await store.cells(dest, dimset, w, w + 1);
    const fresh = rollupRows(cells, config.dimensions, config.window, ctx.policy).map((r): JsonObject => ({ kind: 'aggregate', destination: dest, k: config.k, ...r }));
    const table = { fresh, trueTotal: cells.reduce((s, c) => s + c.contributors, 0), seen: cells.reduce((s, c) => s + c.changes, 0) };
    if (!tally(summary, await publish(ctx, dimset, w, table, ROLLUP, now))) return summary;
  }
  return summary;
}

/** Per finished day and configured model, the k-anonymous credits; later conversions become corrections. */
export async function releaseAttribution(ctx: ReleaseContext, now: number): Promise<ReleaseSummary> {
  const opts = ctx.config.attribution;
  const summary: ReleaseSummary = { windows: 0, rows: 0, held: 0 };
  if (!opts) return summary;
  const from = Math.floor((now - 31 * DAY_MS) / DAY_MS) * DAY_MS;
  const graceMs = ctx.config.grace_minutes * 60_000;
  const perDay = [...(await ctx.store.confirmedPerDay(ctx.dest, from, now, DAY_MS))].filter(([d]) => d + DAY_MS + graceMs <= now).sort((a, b) => a[0] - b[0]);
  for (const model of opts.models) {
    const dimset = `attr:${model}`;
    const marks = await ctx.store.releaseMarks(ctx.dest, dimset, from, now);
    for (const [day, confirmed] of perDay) {
      if ((marks.get(day) ?? -1) >= confirmed) continue;
      const q = { model, from: day, to: day + DAY_MS - 1, lookbackMs: lookbackMs(opts), halfLifeMs: opts.half_life_days * DAY_MS };
      const { journeys, conversions } = await loadAttribution(ctx.store, ctx.dest, q);
      const fresh = attributionRows(journeys, conversions, q, ctx.policy).map((r): JsonObject => ({ kind: 'attribution', destination: ctx.dest, k: ctx.config.k, ...r }));
      const table = { fresh, trueTotal: conversions.length, seen: conversions.length };
      if (!tally(summary, await publish(ctx, dimset, day, table, ATTRIBUTION, now))) return summary;
    }
  }
  return summary;
}
