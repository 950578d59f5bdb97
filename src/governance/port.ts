import type { EventInfo } from '../pipeline/analyze.js';
import type { DestinationPlan } from '../rules/plan.js';

/**
 * What the pipeline asks governance per event. Implemented in ./gate.ts; tools that run the
 * pipeline without a store (dry-run) pass none, and then no match key is ever sent.
 */
export interface EventGovernance {
  /** The subject opted out: the event goes nowhere. */
  suppressed(info: EventInfo): boolean;
  /** The plan to use for this destination now (an expired BAA turns into baa: false at once). */
  effective(dest: DestinationPlan, now: number): DestinationPlan;
  /** Match keys only for a subject with a valid marketing authorization covering the scope. */
  matchKeysAllowed(info: EventInfo, dest: DestinationPlan, now: number): boolean;
}
