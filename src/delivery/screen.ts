import type { DestinationPlan, Plan } from '../rules/plan.js';
import type { LeasedItem, Spool } from '../spool/port.js';
import { unmappedEvent } from '../spool/unmapped.js';
import { scrubbedWithBaa } from './policy.js';

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
  /** Recorded policies of older versions for this destination (a version's record never changes). */
  private readonly known = new Map<string, string>();

  constructor(private readonly dest: DestinationPlan, private readonly view: PolicyView, private readonly spool: Pick<Spool, 'policyOf'>) {}

  /**
   * Undefined (the common case, one string comparison per row) when every row was scrubbed
   * under the current plan and no dated BAA has expired; else a verdict per row that may not be
   * sent as stored. A row of an older version whose destination policy is recorded unchanged
   * passes; an unknown one (spooled before policies were recorded) counts as changed.
   */
  async screen(items: readonly LeasedItem[], now: number): Promise<Map<string, Verdict> | undefined> {
    const expiry = this.dest.baaExpiresAt;
    const expired = expiry !== undefined && now >= expiry;
    if (!expired && items.every((i) => i.policyVersion === this.view.version)) return undefined;
    const current = this.view.policies[this.dest.name];
    const out = new Map<string, Verdict>();
    for (const item of items) {
      if (expired && item.enqueuedAt < expiry) { out.set(item.id, { kind: 'dead', code: 'BAA_EXPIRED', reason: EXPIRED }); continue; }
      if (item.policyVersion === this.view.version) continue;
      const then = item.policyVersion === undefined ? undefined : await this.policyOf(item.policyVersion);
      if (then !== undefined && then === current) continue;
      if (expired) out.set(item.id, { kind: 'dead', code: 'BAA_EXPIRED', reason: EXPIRED });
      else if (unmappedEvent(item.payload) !== undefined) out.set(item.id, { kind: 'reproject', scrubbedWithBaa: then === undefined ? undefined : scrubbedWithBaa(then) });
      else out.set(item.id, { kind: 'dead', code: 'POLICY_CHANGED', reason: CHANGED });
    }
    return out;
  }

  private async policyOf(version: string): Promise<string | undefined> {
    let p = this.known.get(version);
    if (p === undefined) {
      p = await this.spool.policyOf(version, this.dest.name);
      if (p !== undefined) this.known.set(version, p);
    }
    return p;
  }

  get plan(): Plan { return this.view.plan; }
  get version(): string { return this.view.version; }
}
