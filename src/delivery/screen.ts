import type { DestinationPlan, Plan } from '../rules/plan.js';
import type { LeasedItem, Spool } from '../spool/port.js';
import { unmappedEvent } from '../spool/unmapped.js';
import { compareProjection, parsePolicy, scrubbedUnderBaa, type PolicyRecord } from './policy.js';

// Default deny holds at delivery time, not only at ingest: a row scrubbed under a policy of its
// destination that no longer holds (allow list tightened, BAA switched off, identifier rules
// changed, a dated BAA expired) is never sent as it was stored. Replayed dead letters keep their
// policy version, so this covers `dlq replay` as well as rows still pending across a reload.

/** The plan the workers run, its version, and each destination's projection policy (policy.ts). */
export interface PolicyView {
  readonly plan: Plan;
  readonly version: string;
  readonly policies: Readonly<Record<string, string>>;
}

/** What happens to a row instead of being sent as stored. */
export type Verdict =
  | { kind: 'dead'; code: 'POLICY_CHANGED' | 'BAA_EXPIRED'; reason: string }
  /** A stored scrubbed event: projected again through the current policy, then mapped. */
  | { kind: 'reproject'; scrubbedWithBaa: boolean | undefined };

const CHANGED = 'scrubbed under an earlier policy of this destination; a vendor payload cannot be re-projected';
const EXPIRED = 'scrubbed for a BAA that has since expired';

export class PolicyScreen {
  /** Parsed records of older versions for this destination (a version's record never changes). */
  private readonly known = new Map<string, PolicyRecord>();
  private readonly current: PolicyRecord | undefined;

  constructor(private readonly dest: DestinationPlan, private readonly view: PolicyView, private readonly spool: Pick<Spool, 'policyOf' | 'now'>) {
    const own = view.policies[dest.name];
    this.current = own === undefined ? undefined : parsePolicy(own);
  }

  /**
   * Undefined (the common case, one string comparison per row) when every row was scrubbed
   * under the current plan and no dated BAA has expired; else a verdict per row that may not be
   * sent as stored. A row of a version recorded before policies were recorded counts as changed.
   */
  async screen(items: readonly LeasedItem[], now: number): Promise<Map<string, Verdict> | undefined> {
    const expiry = this.dest.baaExpiresAt;
    const expired = expiry !== undefined && now >= expiry;
    if (!expired && items.every((i) => i.policyVersion === this.view.version)) return undefined;
    const out = new Map<string, Verdict>();
    for (const item of items) {
      const verdict = await this.verdict(item, expired, now);
      if (verdict) out.set(item.id, verdict);
    }
    return out;
  }

  private async verdict(item: LeasedItem, expired: boolean, now: number): Promise<Verdict | undefined> {
    const current = item.policyVersion === this.view.version;
    if (current && !expired) return undefined;
    const then = current ? this.current : item.policyVersion === undefined ? undefined : await this.recordOf(item.policyVersion);
    // Undefined: unknown, treated as scrubbed for a BAA (fail closed).
    const withBaa = then === undefined ? undefined : scrubbedUnderBaa(then, item, (this.spool.now?.() ?? now) - now);
    const baaNow = this.dest.baa && !expired;
    if (withBaa !== false && !baaNow && expired) return { kind: 'dead', code: 'BAA_EXPIRED', reason: EXPIRED };
    const fits = then !== undefined && this.current !== undefined && compareProjection(then, this.current) !== 'changed';
    if (fits && (withBaa === false || baaNow)) return undefined;
    if (unmappedEvent(item.payload) !== undefined) return { kind: 'reproject', scrubbedWithBaa: withBaa };
    return { kind: 'dead', code: 'POLICY_CHANGED', reason: CHANGED };
  }

  private async recordOf(version: string): Promise<PolicyRecord | undefined> {
    let r = this.known.get(version);
    if (r === undefined) {
      const p = await this.spool.policyOf(version, this.dest.name);
      r = p === undefined ? undefined : parsePolicy(p);
      if (r !== undefined) this.known.set(version, r);
    }
    return r;
  }

  get plan(): Plan { return this.view.plan; }
  get version(): string { return this.view.version; }
}
