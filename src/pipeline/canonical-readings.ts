import { BoundedMemo, PlanMemos } from '../common/bounded-memo.js';
import type { Plan } from '../rules/plan.js';

// The readings of a page (its path, its URL) are the same strings with every view: their
// canonical paths are remembered per plan (bounded, like the path verdicts). Only readings
// without a query or fragment, whose parameters are the visitor's own: the others are
// canonicalized each time.
const canonicals = new PlanMemos<string>(4096);

/** The plan's memo of canonical paths by reading, or undefined for a reading not kept there. */
export function canonicalMemo(reading: string, plan: Plan): BoundedMemo<string> | undefined {
  if (reading.indexOf('?') >= 0 || reading.indexOf('#') >= 0) return undefined;
  return canonicals.of(plan);
}
