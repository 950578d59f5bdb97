import { sha256Hex } from '../common/hash.js';
import type { DestinationConfig, RulesFile } from '../config/schema.js';
import { baaExpiry } from '../rules/compile.js';
import type { Plan } from '../rules/plan.js';

const LEGACY_POLICY_KEY = /^([bn]):([0-9a-f]+)$/;
const BAA_DATE_RANGE = /^d(-?\d+)-(-?\d+)$/;

// A spooled row records the plan version it was scrubbed under (a hash of the whole config).
// Most config changes (a site, a rate limit, another destination) leave a destination's own
// projection unchanged, so a row of an older version is re-checked only when the projection
// policy of ITS destination changed. That policy is recorded per plan version in the spool
// (Spool.recordPolicies), so a restarted collector (or `dlq replay` after a restart) still knows
// what an older version meant for each destination.
//
// A record: `2|<baa>|<projection>|<rest>|<allow JSON>`.
// - <baa>: `b` (baa: true), `n` (no BAA), or `d<signed ms>-<expires ms>` (a dated BAA). Taken
//   from the config, not from the moment the plan compiled, so one version always means one
//   thing, and whether a row was scrubbed for a BAA follows from its scrub time (baaAt).
// - <projection>: a hash of everything else that shapes what the destination receives (global
//   scrub rules and its own config without credentials, delivery tuning, enabled, the BAA record);
// - <rest>: the same without the allow list, and <allow JSON> the allow list itself: an allow
//   list that only grew lets payloads scrubbed under the older one pass (nothing in them is
//   disallowed now; allow lists only add).
// Records of the first release (`b:<hash>` / `n:<hash>`) are read as such (no widening test).

/** Sections of the config that never change what a destination receives. */
const NOT_POLICY = new Set(['version', 'include', 'server', 'spool', 'storage', 'secrets', 'sites', 'destinations', 'admin', 'audit']);

const hash16 = (v: unknown): string => sha256Hex(JSON.stringify(v)).slice(0, 16);

function baaField(baa: DestinationConfig['baa']): string {
  if (typeof baa === 'boolean') return baa ? 'b' : 'n';
  return `d${Date.parse(baa.signed)}-${baaExpiry(baa)}`;
}

/** Each destination of the plan: its projection policy record (see the format above). */
export function destinationPolicies(rules: RulesFile, plan: Plan): Record<string, string> {
  const global = Object.entries(rules).filter(([k]) => !NOT_POLICY.has(k)).sort(([a], [b]) => (a < b ? -1 : 1));
  const out: Record<string, string> = {};
  for (const dest of plan.destinations) {
    const { options: _o, delivery: _d, baa, enabled: _e, ...own } = dest.config;
    const { allow, ...rest } = own;
    out[dest.name] = ['2', baaField(baa), hash16([global, dest.type, own]), hash16([global, dest.type, rest]), JSON.stringify(allow)].join('|');
  }
  return out;
}

/** A parsed record; `rest` and `allow` are absent in first-release records. */
export interface PolicyRecord { baa: string; projection: string; rest?: string; allow?: readonly string[] }

export function parsePolicy(policy: string): PolicyRecord | undefined {
  if (policy.startsWith('2|')) {
    const parts = policy.split('|');
    if (parts.length < 5) return undefined;
    let allow: unknown;
    try { allow = JSON.parse(parts.slice(4).join('|')); } catch { return undefined; }
    if (!Array.isArray(allow) || !allow.every((a) => typeof a === 'string')) return undefined;
    return { baa: parts[1], projection: parts[2], rest: parts[3], allow };
  }
  const legacy = LEGACY_POLICY_KEY.exec(policy);
  return legacy ? { baa: legacy[1], projection: legacy[2] } : undefined;
}

/**
 * Whether a row of this record was scrubbed as for a BAA partner: by its scrub time on the calendar
 * (the wall clock its scrub decisions used). A row stored before that time was kept has only its
 * enqueue time on the spool's steady clock, which a stepped wall clock leaves apart from the
 * calendar: `gap` (spool clock minus wall clock, now) is allowed for on both sides (fail closed).
 */
export function scrubbedUnderBaa(record: PolicyRecord, row: { scrubbedAt?: number; enqueuedAt: number }, gap: number): boolean {
  return row.scrubbedAt !== undefined ? baaAt(record, row.scrubbedAt) : baaAt(record, row.enqueuedAt, Math.abs(gap));
}

/** Whether a row of this record scrubbed at `at` (epoch ms) was scrubbed as for a BAA partner. */
export function baaAt(record: PolicyRecord, at: number, slack = 0): boolean {
  if (record.baa === 'b') return true;
  if (record.baa === 'n') return false;
  const m = BAA_DATE_RANGE.exec(record.baa);
  // Unreadable: assume it was (fail closed: such a row is not sent to a destination without a BAA).
  // `slack`: how far the stamp's clock may be from the calendar the BAA's dates are on (a spool clock
  // that did not follow a wall-clock step): a row scrubbed that near the window counts as inside it.
  return m === null || (Number(m[1]) - slack <= at && at < Number(m[2]) + slack);
}

/**
 * What a row scrubbed under `then` is to the destination's `now` policy, BAA treatment aside
 * (the caller checks that): `same` projection, `widened` (only the allow list changed, and only
 * by additions: the row holds nothing disallowed now), or `changed`.
 */
export function compareProjection(then: PolicyRecord, now: PolicyRecord): 'same' | 'widened' | 'changed' {
  if (then.projection === now.projection) return 'same';
  if (then.rest === undefined || then.rest !== now.rest || then.allow === undefined || now.allow === undefined) return 'changed';
  const allowed = new Set(now.allow);
  return then.allow.every((a) => allowed.has(a)) ? 'widened' : 'changed';
}
