import type { CleanEvent } from '../destinations/types.js';
import type { DestinationPlan, Plan } from '../rules/plan.js';
import type { ScrubContext } from '../rules/scrub-tree.js';
import type { EventInfo } from './analyze.js';
import { projectEvent, type VisitorIds } from './project.js';

// Destinations with the same projection policy (allow tree, BAA, action overrides, event map,
// match keys) get the same scrubbed event but for their own pseudonymous visitor id: the event
// is projected once and the result reused, instead of scrubbing it again per destination (ad
// platforms typically share one allow list). Per event only: nothing is kept across events.

interface Projection {
  readonly clean: CleanEvent;
  /** Identifier hits the projection counted, counted again for each destination reusing it. */
  readonly hits: readonly string[];
}

/** Per event: policy key -> the projection made for the first destination with that policy. */
export type SharedProjections = Map<string, Projection>;

const keys = new WeakMap<DestinationPlan, string | null>();

/**
 * The projection policy of a destination, or null when its projection cannot be shared: a
 * `hash` action keys its output by destination name.
 */
function policyKey(dest: DestinationPlan, plan: Plan): string | null {
  let key = keys.get(dest);
  if (key !== undefined) return key;
  const hashes = plan.identifiers.some((r) => (dest.actions.get(r.id) ?? (dest.baa ? r.baa_action ?? r.action : r.action)) === 'hash');
  key = hashes ? null : JSON.stringify([
    dest.baa,
    dest.matchKeys,
    dest.allow.signature(),
    [...dest.actions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    [...dest.eventMap],
  ]);
  keys.set(dest, key);
  return key;
}

/** projectEvent, reusing the event's projection for an earlier destination with the same policy. */
export function projectShared(info: EventInfo, ctx: ScrubContext, ids: VisitorIds, matchKeysAllowed: boolean, shared: SharedProjections): CleanEvent {
  const policy = policyKey(ctx.dest, ctx.plan);
  if (policy === null) return projectEvent(info, ctx, ids, matchKeysAllowed);
  const key = matchKeysAllowed ? `k${policy}` : policy;
  const prior = shared.get(key);
  if (prior === undefined) {
    const mark = ctx.hits.length;
    const clean = projectEvent(info, ctx, ids, matchKeysAllowed);
    shared.set(key, { clean, hits: ctx.hits.slice(mark) });
    return clean;
  }
  const had = 'visitorId' in prior.clean;
  const visitorId = ctx.dest.allow.allows('visitor_id') ? ids.idFor(info.visitorKey, ctx.dest.name, ctx.now) : undefined;
  // An id store answering for one destination and not for another changes the event's shape:
  // project afresh then (with the id already asked for, so the store is asked once).
  if ((visitorId !== undefined) !== had) return projectEvent(info, ctx, { idFor: () => visitorId }, matchKeysAllowed);
  for (const h of prior.hits) ctx.hits.push(h);
  return had ? { ...prior.clean, visitorId } : { ...prior.clean };
}
