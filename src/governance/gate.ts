import type { Logger } from '../observability/log.js';
import type { EventInfo } from '../pipeline/analyze.js';
import { withoutBaaActions } from '../rules/compile.js';
import type { DestinationPlan } from '../rules/plan.js';
import type { GovernanceMetrics } from './metrics.js';
import type { EventGovernance } from './port.js';
import type { GovernanceStore } from './store-port.js';
import type { SubjectKeys } from './subjects.js';

/**
 * The run-time governance checks: suppression, BAA expiry and marketing authorization.
 * Everything is decided per event against the store (SQLite: directly; Postgres: what it
 * loaded for this request in `prepare`), so revocations apply from the next request on.
 */
export class Gate implements EventGovernance {
  private readonly expired = new Map<DestinationPlan, DestinationPlan>();

  constructor(
    private readonly store: GovernanceStore,
    private readonly subjects: SubjectKeys,
    private readonly metrics: GovernanceMetrics,
    private readonly log: Logger,
    private readonly onBaaExpired: (destination: string) => void,
  ) {}

  suppressed(info: EventInfo): boolean {
    return this.store.isSuppressed(this.subjects.keysOf(info));
  }

  effective(dest: DestinationPlan, now: number): DestinationPlan {
    if (!dest.baa || dest.baaExpiresAt === undefined || now < dest.baaExpiresAt) return dest;
    return this.expiredVersion(dest);
  }

  matchKeysAllowed(info: EventInfo, dest: DestinationPlan, now: number): boolean {
    if (!dest.matchKeys || !dest.baa) return false;
    const ok = this.store.authorized(this.subjects.keysOf(info), dest.matchKeysScope, now);
    if (!ok) this.metrics.matchKeysWithheld.inc({ destination: dest.name });
    return ok;
  }

  /**
   * Called by a timer too, so the alert fires without traffic. A BAA that had already expired when
   * the plan compiled (a restart or reload after the date) compiles to baa: false and never passes
   * through effective(), but the alert must stay raised: a restart must not clear it.
   */
  checkExpiries(destinations: readonly DestinationPlan[], now: number): void {
    for (const d of destinations) {
      if (!d.baa && d.baaExpiresAt !== undefined && now >= d.baaExpiresAt) this.metrics.baaExpired.set({ destination: d.name }, 1);
      else this.effective(d, now);
    }
  }

  private expiredVersion(dest: DestinationPlan): DestinationPlan {
    let downgraded = this.expired.get(dest);
    if (downgraded) return downgraded;
    downgraded = Object.freeze({ ...dest, baa: false, actions: withoutBaaActions(Object.fromEntries(dest.actions)) });
    this.expired.set(dest, downgraded);
    this.metrics.baaExpired.set({ destination: dest.name }, 1);
    this.log.warn({ destination: dest.name, expiredAt: new Date(dest.baaExpiresAt ?? 0).toISOString() }, 'BAA expired: destination now treated as baa false');
    this.onBaaExpired(dest.name);
    return downgraded;
  }
}
