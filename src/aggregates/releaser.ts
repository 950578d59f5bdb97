import type { JsonObject } from '../common/json.js';
import { lookbackMs } from '../attribution/recorder.js';
import { DAY_MS, windowMs, type AggregateConfig } from './options.js';
import { writeAll, type Sink } from './sinks.js';
import type { AggregateStore } from './store.js';
import { attributionRows, loadAttribution, rollupRows, type ViewPolicy } from './views.js';

// The release step: windows that ended more than grace_minutes ago are published once; a
// window that changed after its release is published again as corrections (deltas) only when
// at least k late events have accumulated, so a single late visitor is never visible as a +1.

const TRUE_TOTAL = '__true_total__';

export interface ReleaseContext {
  store: AggregateStore;
  dest: string;
  config: AggregateConfig;
  policy: ViewPolicy;
  sinks: readonly Sink[];
}

export interface ReleaseSummary { windows: number; rows: number; held: number; failed?: string }

function rowKey(r: JsonObject): string {
  return JSON.stringify([r.row, r.dimensions ?? null]);
}

function deltas(fresh: readonly JsonObject[], previous: ReadonlyMap<string, JsonObject>): JsonObject[] {
  const out: JsonObject[] = [];
  const seen = new Set<string>();
  for (const r of fresh) {
    const key = rowKey(r);
    seen.add(key);
    const old = previous.get(key);
    const before = typeof old?.count === 'number' ? old.count : 0;
    if (before !== r.count) out.push({ ...r, kind: 'correction', delta_count: (r.count as number) - before });
  }
  for (const [key, old] of previous) if (!seen.has(key)) out.push({ ...old, kind: 'correction', count: 0, delta_count: -(old.count as number) });
  return out;
}

async function releaseWindow(ctx: ReleaseContext, w: number): Promise<{ rows: number; held: boolean; failed?: string }> {
  const { store, dest, config } = ctx;
  const dimset = config.dimensions.join(',');
  const cells = store.cells(dest, dimset, w, w + 1);
  const trueTotal = cells.reduce((s, c) => s + c.contributors, 0);
  const prev = store.releasedRows(dest, dimset, w);
  const prevTotal = prev.find((p) => p.row_key === TRUE_TOTAL)?.true_count;
  if (prevTotal !== undefined && trueTotal - prevTotal < config.k) return { rows: 0, held: true };
  const fresh = rollupRows(cells, config.dimensions, config.window, ctx.policy).map((r): JsonObject => ({ kind: 'aggregate', destination: dest, k: config.k, ...r }));
  const previous = new Map(prev.filter((p) => p.row_key !== TRUE_TOTAL).map((p) => [p.row_key, JSON.parse(p.published) as JsonObject]));
  const out = prevTotal === undefined ? fresh : deltas(fresh, previous);
  const failed = await writeAll(ctx.sinks, out);
  if (failed) return { rows: 0, held: false, failed };
  const saved = fresh.map((r) => ({ key: rowKey(r), trueCount: typeof r.count === 'number' ? r.count : 0, published: JSON.stringify(r) }));
  store.saveReleased(dest, dimset, w, [...saved, { key: TRUE_TOTAL, trueCount: trueTotal, published: '{}' }], Math.max(...cells.map((c) => c.updated_at)));
  return { rows: out.length, held: false };
}

export async function releaseRollups(ctx: ReleaseContext, now: number): Promise<ReleaseSummary> {
  const graceMs = ctx.config.grace_minutes * 60_000;
  // Late events older than 31 days no longer change a window's visitor counts; their lists go.
  ctx.store.pruneMembers(ctx.dest, now - 31 * DAY_MS);
  const due = ctx.store.windowsToRelease(ctx.dest, ctx.config.dimensions.join(','), now - graceMs, windowMs(ctx.config));
  const summary: ReleaseSummary = { windows: 0, rows: 0, held: 0 };
  for (const w of due) {
    const r = await releaseWindow(ctx, w);
    if (r.failed) return { ...summary, failed: r.failed };
    if (r.held) summary.held++; else { summary.windows++; summary.rows += r.rows; }
  }
  return summary;
}

function attributionDaysDue(ctx: ReleaseContext, now: number): number[] {
  const graceMs = ctx.config.grace_minutes * 60_000;
  const rows = ctx.store.db.prepare(`SELECT DISTINCT (time / ${DAY_MS}) * ${DAY_MS} AS d FROM conversions WHERE dest = ? AND status = 'confirmed' AND time >= ? AND time < ?`)
    .all(ctx.dest, now - 31 * DAY_MS, now) as { d: number }[];
  return rows.map((r) => r.d).filter((d) => d + DAY_MS + graceMs <= now);
}

/** Per finished day and configured model, the k-anonymous credits (published once per day). */
export async function releaseAttribution(ctx: ReleaseContext, now: number): Promise<ReleaseSummary> {
  const opts = ctx.config.attribution;
  const summary: ReleaseSummary = { windows: 0, rows: 0, held: 0 };
  if (!opts) return summary;
  const seen = ctx.store.db.prepare('SELECT 1 FROM meta WHERE k = ?');
  const mark = ctx.store.db.prepare('INSERT OR IGNORE INTO meta (k, v) VALUES (?, ?)');
  for (const day of attributionDaysDue(ctx, now)) {
    for (const model of opts.models) {
      const key = `attr:${ctx.dest}:${model}:${day}`;
      if (seen.get(key)) continue;
      const q = { model, from: day, to: day + DAY_MS - 1, lookbackMs: lookbackMs(opts), halfLifeMs: opts.half_life_days * DAY_MS };
      const { journeys, conversions } = loadAttribution(ctx.store, ctx.dest, q);
      const rows = attributionRows(journeys, conversions, q, ctx.policy).map((r): JsonObject => ({ kind: 'attribution', destination: ctx.dest, k: ctx.config.k, ...r }));
      const failed = await writeAll(ctx.sinks, rows);
      if (failed) return { ...summary, failed };
      mark.run(key, String(now));
      summary.windows++;
      summary.rows += rows.length;
    }
  }
  return summary;
}
