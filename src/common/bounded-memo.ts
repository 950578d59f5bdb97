import type { Plan } from '../rules/plan.js';

// The hot path remembers answers that are a function of a string (and of the plan): page paths,
// URLs, titles, host and field names come again with every view. Each memo is bounded and starts
// over when full (no eviction order to keep per lookup); a new plan after a reload starts empty.

/** Answers remembered for at most `max` keys. */
export class BoundedMemo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
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
