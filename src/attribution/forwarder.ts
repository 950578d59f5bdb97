import type { ForwardTarget } from '../aggregates/options.js';
import type { AggregateDestination } from '../destinations/aggregate.js';
import { PhiwallError } from '../errors.js';
import type { DestinationPlan } from '../rules/plan.js';
import type { Runtime } from '../runtime.js';
import type { EnqueueRow } from '../spool/port.js';
import { forwardMessageId, forwardPayload, type OfflineConversion } from './offline-forward.js';

// Per-conversion forwarding of confirmed offline conversions (attribution.forward_offline).
// Under the core issue's match-key rules, checked now, for each conversion and target: the
// target's BAA is in force, the subject (the posted `subject`, else the visitor token) is not
// suppressed and holds a valid authorization for the target's match_keys_scope. The payload
// goes into the durable spool like any event (retries, dead letters, disclosure ledger), never
// straight from the request; a claim per (conversion, target) makes duplicates a no-op.

export interface ForwardItem extends OfflineConversion {
  status: 'pending' | 'confirmed';
  subject?: string;
}

export interface ForwardSummary { forwarded: number; not_forwarded: Record<string, number> }

interface Claim { conversionId: string; target: string }

function subjectKeysOf(runtime: Runtime, item: ForwardItem): string[] {
  const subject = item.subject;
  return subject === undefined ? [] : runtime.governance.subjects.keysOf({ anonymousId: subject });
}

/** Why this item may not go to this target now, or undefined when it may. */
function refusal(runtime: Runtime, plan: DestinationPlan | undefined, keys: readonly string[], now: number): string | undefined {
  if (!plan) return 'disabled';
  if (!runtime.governance.gate.effective(plan, now).baa) return 'no_baa';
  if (keys.length === 0) return 'not_authorized';
  if (runtime.governance.store.isSuppressed(keys)) return 'suppressed';
  if (!runtime.governance.store.authorized(keys, plan.matchKeysScope, now)) {
    runtime.governance.metrics.matchKeysWithheld.inc({ destination: plan.name });
    return 'not_authorized';
  }
  return undefined;
}

/** Fail closed: a governance answer that cannot be had means no forwarding. */
function governed(check: () => string | undefined): string | undefined {
  try { return check(); } catch { return 'governance_unavailable'; }
}

function count(summary: ForwardSummary, reason: string): void {
  summary.not_forwarded[reason] = (summary.not_forwarded[reason] ?? 0) + 1;
}

async function planTarget(runtime: Runtime, dest: AggregateDestination, target: ForwardTarget, items: readonly ForwardItem[], now: number, out: { rows: EnqueueRow[]; claims: Claim[] }): Promise<ForwardSummary> {
  const summary: ForwardSummary = { forwarded: 0, not_forwarded: {} };
  const plan = runtime.plan.destinations.find((d) => d.name === target.destination);
  const secret = dest.secretKey();
  for (const item of items) {
    if (item.status !== 'confirmed') continue;
    const keys = subjectKeysOf(runtime, item);
    const refused = governed(() => refusal(runtime, plan, keys, now));
    if (refused || !plan) { count(summary, refused ?? 'disabled'); continue; }
    const conversionId = `offline:${item.id}`;
    const messageId = forwardMessageId(secret, conversionId);
    const payload = forwardPayload(plan, target, item, messageId, now);
    if (typeof payload === 'string') { count(summary, payload); continue; }
    if (!(await dest.store.claimForward(dest.name, conversionId, target.destination, now))) { count(summary, 'already_forwarded'); continue; }
    out.claims.push({ conversionId, target: target.destination });
    out.rows.push({ messageId, destination: target.destination, payload, policyVersion: runtime.plan.version, subjectKeys: keys, scrubbedAt: now });
    summary.forwarded++;
  }
  return summary;
}

/** Forwards the confirmed items to the aggregate destination's targets; resolves once spooled. */
export async function forwardOffline(runtime: Runtime, dest: AggregateDestination, items: readonly ForwardItem[], now: number): Promise<Record<string, ForwardSummary> | undefined> {
  const targets = dest.config.attribution?.forward_offline ?? [];
  if (targets.length === 0) return undefined;
  const out = { rows: [] as EnqueueRow[], claims: [] as Claim[] };
  const result: Record<string, ForwardSummary> = {};
  // A shared governance store answers per subject from what this request prepared.
  const store = runtime.governance.store;
  if (store.prepare) await store.prepare([...new Set(items.flatMap((i) => subjectKeysOf(runtime, i)))], now);
  for (const target of targets) result[target.destination] = await planTarget(runtime, dest, target, items, now, out);
  if (out.rows.length === 0) return result;
  try {
    await runtime.spool.enqueue(out.rows);
  } catch (err) {
    await dest.store.releaseForwards(dest.name, out.claims);
    throw err instanceof PhiwallError ? err : new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: String((err as { code?: unknown }).code ?? 'error') });
  }
  await dest.store.finishForwards(dest.name, out.claims);
  runtime.log.info({ destination: dest.name, forwarded: out.rows.length }, 'offline conversions forwarded to the spool');
  return result;
}
