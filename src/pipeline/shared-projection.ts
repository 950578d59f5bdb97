import type { CleanEvent } from '../destinations/types.js';
import type { DestinationPlan, Plan } from '../rules/plan.js';
import type { ScrubContext } from '../rules/scrub-tree.js';
import type { EventInfo } from './analyze.js';
import { allowedFields } from './allowed-fields.js';
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
  // Group and alias calls carry ids of their own, tokenised per destination: projected afresh (they are rare).
  if (policy === null || info.groupId !== undefined || info.previousId !== undefined) return projectEvent(info, ctx, ids, matchKeysAllowed);
  const key = matchKeysAllowed ? `k${policy}` : policy;
  const prior = shared.get(key);
  if (prior === undefined) {
    const mark = ctx.hits.length;
    const clean = projectEvent(info, ctx, ids, matchKeysAllowed);
    shared.set(key, { clean, hits: ctx.hits.slice(mark) });
    return clean;
  }
  const had = 'visitorId' in prior.clean;
  const visitorId = allowedFields(ctx.dest.allow).visitorId ? ids.idFor(info.visitorKey, ctx.dest.name, ctx.now) : undefined;
  // An id store answering for one destination and not for another changes the event's shape:
  // project afresh then (with the id already asked for, so the store is asked once).
  if ((visitorId !== undefined) !== had) return projectEvent(info, ctx, { idFor: () => visitorId }, matchKeysAllowed);
  for (const h of prior.hits) ctx.hits.push(h);
  return copyWith(prior.clean, visitorId);
}

/**
 * A shallow copy of a projection with this destination's visitor id: the same keys in the same
 * order as `{ ...clean, visitorId }` (projectEvent sets them in this order and never to
 * undefined). Written out because an object spread of a projection was the largest cost of
 * sharing it.
 */
export function copyWith(c: CleanEvent, visitorId: string | undefined): CleanEvent {
  const out: CleanEvent = { messageId: c.messageId, type: c.type, timestamp: c.timestamp, receivedAt: c.receivedAt, properties: c.properties, traits: c.traits };
  if (c.event !== undefined) out.event = c.event;
  if (c.name !== undefined) out.name = c.name;
  if (visitorId !== undefined) out.visitorId = visitorId;
  if (c.userId !== undefined) out.userId = c.userId;
  if (c.anonymousId !== undefined) out.anonymousId = c.anonymousId;
  if (c.groupId !== undefined) out.groupId = c.groupId;
  if (c.previousId !== undefined) out.previousId = c.previousId;
  if (c.pageGroup !== undefined) out.pageGroup = c.pageGroup;
  if (c.page !== undefined) out.page = c.page;
  if (c.campaign !== undefined) out.campaign = c.campaign;
  if (c.clickIds !== undefined) out.clickIds = c.clickIds;
  if (c.ip !== undefined) out.ip = c.ip;
  if (c.userAgent !== undefined) out.userAgent = c.userAgent;
  if (c.locale !== undefined) out.locale = c.locale;
  if (c.consent !== undefined) out.consent = c.consent;
  if (c.sessionId !== undefined) out.sessionId = c.sessionId;
  if (c.client !== undefined) out.client = c.client;
  if (c.matchKeys !== undefined) out.matchKeys = c.matchKeys;
  return out;
}
