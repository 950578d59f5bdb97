import type { Plan } from '../rules/plan.js';

// The hot path remembers answers that are a function of a string (and of the plan): page paths,
// URLs, titles, host and field names come again with every view. Each memo is bounded and starts
// over when full (no eviction order to keep per lookup); a new plan after a reload starts empty.

/** Answers remembered for at most `max` keys. A Map itself, so a lookup is Map's own `get` (no call through a wrapper). */
export class BoundedMemo<V> extends Map<string, V> {
  constructor(private readonly max: number) {
    super();
  }

  override set(key: string, value: V): this {
    if (this.size >= this.max) this.clear();
    return super.set(key, value);
  }
}

/** One BoundedMemo per plan; the last plan asked about is kept at hand (every event asks with it until a reload). */
export class PlanMemos<V> {
  private readonly memos = new WeakMap<Plan, BoundedMemo<V>>();
  private lastPlan: Plan | undefined;
  private lastMemo: BoundedMemo<V> | undefined;
  constructor(private readonly max: number) {}

  of(plan: Plan): BoundedMemo<V> {
    if (plan === this.lastPlan && this.lastMemo !== undefined) return this.lastMemo;
    let memo = this.memos.get(plan);
    if (memo === undefined) { memo = new BoundedMemo<V>(this.max); this.memos.set(plan, memo); }
    this.lastPlan = plan;
    this.lastMemo = memo;
    return memo;
  }
}

/**
 * Answers remembered for the `max` keys last stored and up to `max` before them: when the young
 * map fills it becomes the old one (the one before is dropped) and a key found only in the old
 * map moves to the young one. The keys in use stay through a turnover, unlike BoundedMemo's clear.
 */
export class GenerationMemo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const kept = this.old.get(key);
    if (kept !== undefined) this.set(key, kept);
    return kept;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.max) { this.old = this.young; this.young = new Map(); }
    this.young.set(key, value);
  }

  /** Entries held (a key in both maps counted twice). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}

/**
 * One BoundedMemo per plan and site, for answers that also depend on the event's site (the detectors keep a site's
 * own code URLs and its own host: detectors/url.ts, personal-site.ts). The site comes from the page's host, which
 * the sender writes, so the sites held are bounded too (`sites`, cleared when full like a BoundedMemo).
 */
export class SiteMemos<V> {
  private readonly plans: PlanMemos<BoundedMemo<V>>;
  constructor(sites: number, private readonly max: number) {
    this.plans = new PlanMemos<BoundedMemo<V>>(sites);
  }

  /** The memo of `site` under `plan`, or undefined when none was made yet (a lookup that creates nothing). */
  peek(plan: Plan, site: string): BoundedMemo<V> | undefined {
    return this.plans.of(plan).get(site);
  }

  of(plan: Plan, site: string): BoundedMemo<V> {
    const bySite = this.plans.of(plan);
    let memo = bySite.get(site);
    if (memo === undefined) { memo = new BoundedMemo<V>(this.max); bySite.set(site, memo); }
    return memo;
  }
}
