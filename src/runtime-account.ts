import type { JsonObject } from './common/json.js';
import type { Governance } from './governance/governance.js';
import type { Logger } from './observability/log.js';
import type { Metrics } from './observability/metrics.js';
import type { EventOutcome } from './pipeline/process.js';
import type { Plan } from './rules/plan.js';
import type { EnqueueRow } from './spool/port.js';

export interface IngestSummary { accepted: number; blocked: number; failed: number }

/** What a request's events are counted into (Runtime.ingest). */
/** A request's accounting; `now`: the wall-clock time its scrub decisions used (EnqueueRow.scrubbedAt). */
export interface Accounting { metrics: Metrics; log: Logger; governance: Governance; plan: Plan; now: number; rows: EnqueueRow[]; summary: IngestSummary; committed: Set<string> }

/** Counts one event's outcome and collects its spool rows; `dedupKey` rides on them (src/spool/ingest-dedup.ts). */
export function accountOutcome(a: Accounting, ev: JsonObject, outcome: EventOutcome, dedupKey: string | undefined): void {
  const { metrics, summary } = a;
  metrics.ingested.inc();
  if (outcome.kind === 'blocked') { summary.blocked++; metrics.blocked.inc({ reason: outcome.reason }); return; }
  if (outcome.kind === 'failed') {
    summary.failed++;
    metrics.failedClosed.inc({ reason: outcome.reason });
    a.log.warn({ messageId: outcome.messageId, reason: outcome.reason }, 'event failed closed');
    return;
  }
  summary.accepted++;
  // Governance metadata rides in the spool row (delivery re-checks suppressions, the ledger names the policy).
  const subjectKeys = outcome.rows.length ? a.governance.subjectKeysOf(ev) : undefined;
  if (dedupKey !== undefined && outcome.rows.length) a.committed.add(dedupKey);
  for (const r of outcome.rows) {
    r.policyVersion = a.plan.version;
    r.scrubbedAt = a.now;
    r.subjectKeys = subjectKeys;
    if (dedupKey !== undefined) r.dedupKey = dedupKey;
    // Serialized here, inside the request's time slice, not all at once when the rows are enqueued.
    r.payloadText = JSON.stringify(r.payload);
    a.rows.push(r);
    if (r.dead) metrics.deadLettered.inc({ destination: r.destination, code: r.dead.code });
    else metrics.routed.inc({ destination: r.destination });
  }
  for (const s of outcome.skipped) metrics.skipped.inc({ destination: s.destination, reason: s.reason });
  for (const h of outcome.hits) metrics.identifierHits.inc({ identifier: h });
}
