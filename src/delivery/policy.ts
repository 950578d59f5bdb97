import { sha256Hex } from '../common/hash.js';
import type { RulesFile } from '../config/schema.js';
import { baaExpiry } from '../rules/compile.js';
import type { Plan } from '../rules/plan.js';

// A spooled row records the plan version it was scrubbed under (a hash of the whole config).
// Most config changes (a site, a rate limit, another destination) leave a destination's own
// projection unchanged, so a row of an older version is re-checked only when the projection
// policy of ITS destination changed. That policy is fingerprinted here and recorded per plan
// version in the spool (Spool.recordPolicies), so a restarted collector (or `dlq replay`
// after a restart) still knows what an older version meant for each destination.

/** Sections of the config that never change what a destination receives. */
const NOT_POLICY = new Set(['version', 'include', 'server', 'spool', 'storage', 'secrets', 'sites', 'destinations', 'admin', 'audit']);

/**
 * Per destination of the plan: `b:` or `n:` (whether it scrubbed as a BAA destination, which a
 * re-projection needs to know) and a hash of everything that shapes its projection: the global
 * scrub rules (every section not listed in NOT_POLICY, so a new section counts by default) and
 * its own config without options (credentials, vendor ids), delivery tuning or the BAA record
 * (renewing a BAA is no policy change; its expiry is checked at delivery).
 */
export function destinationPolicies(rules: RulesFile, plan: Plan): Record<string, string> {
  const global = Object.entries(rules).filter(([k]) => !NOT_POLICY.has(k)).sort(([a], [b]) => (a < b ? -1 : 1));
  const out: Record<string, string> = {};
  for (const dest of plan.destinations) {
    const { options: _o, delivery: _d, baa: _b, enabled: _e, ...own } = dest.config;
    out[dest.name] = `${dest.baa ? 'b' : 'n'}:${sha256Hex(JSON.stringify([global, dest.type, own])).slice(0, 16)}`;
  }
  return out;
}

/** Whether a recorded policy (destinationPolicies) scrubbed as a BAA destination. */
export const scrubbedWithBaa = (policy: string): boolean => policy.startsWith('b:');

/** Why dead letters of `destination` must not be replayed under the current config, or undefined. */
export type ReplayRefusal = 'NO_CONFIG' | 'DESTINATION_REMOVED' | 'DESTINATION_DISABLED' | 'BAA_EXPIRED';

/**
 * Checked before any dead letter moves back to the outbox (CLI and admin replay): a destination
 * that is gone or disabled would leave them pending forever, and one whose dated BAA has expired
 * must not receive what was scrubbed for a BAA partner. The rows stay dead-lettered.
 */
export function replayRefusal(rules: RulesFile | undefined, destination: string, now: number): ReplayRefusal | undefined {
  if (rules === undefined) return 'NO_CONFIG';
  const cfg = Object.hasOwn(rules.destinations ?? {}, destination) ? rules.destinations![destination] : undefined;
  if (cfg === undefined) return 'DESTINATION_REMOVED';
  if (!cfg.enabled) return 'DESTINATION_DISABLED';
  const expires = baaExpiry(cfg.baa);
  if (expires !== undefined && now >= expires) return 'BAA_EXPIRED';
  return undefined;
}
