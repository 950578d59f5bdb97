import { nonEmptyString, type JsonObject, type JsonValue } from '../common/json.js';
import type { CleanEvent } from '../destinations/types.js';
import type { ScrubContext } from '../rules/scrub-tree.js';
import type { AllowedFields } from './allowed-fields.js';
import type { EventInfo, EventType } from './analyze.js';
import type { VisitorIds } from './project.js';

// The ids a group or alias call carries besides its sender: `groupId` (an account, employer or
// practice) and `previousId` (the anonymousId or userId an alias replaces). They identify as
// much as userId does, so they get its treatment: a destination without a BAA gets the same
// pseudonymous token the visitor ids come from (random per destination, rotated), one with a
// BAA the raw id only where its allow list lets raw ids through; nothing when not allowed.
//
// A group's token rotates with `rotate_hours` like a visitor's, on purpose. A groupId is not
// always an organisation: a household, a family account, a caregiver circle or a three-person
// practice are groups too, and their traits describe them. A token that never changed would
// also undo the visitors' rotation: each period's visitor token joins the same group token
// through the membership call, so in a group of one or two the vendor could chain a person's
// daily tokens back together. Group analytics that need a lasting id use a BAA destination
// allowed `group_id` (it gets the raw groupId).

/** A call's id as text: a non-empty string, or a finite number's digits (Segment allows both). */
export function idText(v: JsonValue | undefined): string | undefined {
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

// Groups share the id store with visitors: their keys are set apart so a group is never
// mistaken for a visitor whose anonymousId happens to be the same text.
const groupKey = (groupId: string): string => `\u0000group\u0000${groupId}`;

/** The key a call's own pseudonymous id comes from: an alias speaks for the userId it names. */
export function senderKey(info: Pick<EventInfo, 'type' | 'userId' | 'visitorKey'>): string {
  return info.type === 'alias' && info.userId !== undefined ? info.userId : info.visitorKey;
}

/** The keys projection asks the id store for with this raw event besides its visitor key (stores that prepare ids up front). */
export function callIdKeys(raw: JsonObject): string[] {
  const keys: string[] = [];
  if (raw.type === 'alias') {
    const userId = idText(raw.userId);
    const previousId = idText(raw.previousId);
    if (userId !== undefined) keys.push(userId);
    if (previousId !== undefined) keys.push(previousId);
  } else if (raw.type === 'group') {
    const groupId = idText(raw.groupId);
    if (groupId !== undefined) keys.push(groupKey(groupId));
  }
  return keys;
}

/** groupId and previousId as this destination may have them (set on `clean` only when present). */
export function projectCallIds(clean: CleanEvent, info: EventInfo, allow: AllowedFields, ctx: ScrubContext, ids: VisitorIds): void {
  const { dest } = ctx;
  if (info.groupId !== undefined && allow.groupId) {
    const id = dest.baa ? info.groupId : ids.idFor(groupKey(info.groupId), dest.name, ctx.now);
    if (id !== undefined) clean.groupId = id;
  }
  if (info.previousId !== undefined) {
    // A previousId may be either raw id, so it goes raw only where both are allowed raw.
    const raw = dest.baa && allow.userId && allow.anonymousId;
    const id = raw ? info.previousId : allow.visitorId ? ids.idFor(info.previousId, dest.name, ctx.now) : undefined;
    if (id !== undefined) clean.previousId = id;
  }
}

/**
 * The ids a call names: its user's, and a group call's groupId or an alias's previousId. analyzeEvent
 * copies them by name: spread into its literal, they cost 16% of its own time (the object built key by key).
 */
export function callIds(raw: JsonObject, type: EventType): Pick<EventInfo, 'userId' | 'anonymousId' | 'groupId' | 'previousId'> {
  return {
    userId: idText(raw.userId),
    anonymousId: nonEmptyString(raw.anonymousId),
    groupId: type === 'group' ? idText(raw.groupId) : undefined,
    previousId: type === 'alias' ? idText(raw.previousId) : undefined,
  };
}
