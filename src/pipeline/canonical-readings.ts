import type { Plan } from '../rules/plan.js';

// The readings of a page (its path, its URL) are the same strings with every view: their
// canonical paths are remembered per plan (bounded, like the path verdicts). Only readings
// without a query or fragment, whose parameters are the visitor's own: the others are
// canonicalized each time.
const canonicals = new WeakMap<Plan, Map<string, string>>();
const MEMO = 4096;

/** The plan's memo of canonical paths by reading, or undefined for a reading not kept there. */
export function canonicalMemo(reading: string, plan: Plan): Map<string, string> | undefined {
  if (reading.indexOf('?') >= 0 || reading.indexOf('#') >= 0) return undefined;
  let memo = canonicals.get(plan);
  if (memo === undefined) { memo = new Map(); canonicals.set(plan, memo); }
  else if (memo.size >= MEMO) memo.clear();
  return memo;
}
