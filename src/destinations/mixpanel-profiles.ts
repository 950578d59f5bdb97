import type { JsonObject, JsonValue } from '../common/json.js';
import { isJsonObject } from '../common/json.js';
import { truncateUnits } from '../common/well-formed.js';
import { parseJsonBody } from './http.js';
import type { CleanEvent } from './types.js';

// Mixpanel's profile APIs (Ingestion API: /engage for user profiles, /groups for group
// profiles): an identify's traits `$set` on the profile of its distinct_id, a group call's traits
// `$set` on the group profile (group key + group id). /import takes events only. Both answer 200
// even when they refuse an update: with `verbose=1` the body says `{"status":0,"error":...}`.
// At most 2,000 updates and 1 MB each per request (user-profile and group-profile limits pages).

export const PROFILE_MAX_BATCH = 2000;
const MAX_PROPERTIES = 250;
const MAX_STRING = 255;
const MAX_DEPTH = 3;
export const PLACEHOLDERS: ReadonlySet<string> = new Set(['anon', 'anonymous', 'nil', 'none', 'null', 'n/a', 'na', 'undefined', 'unknown', '<nil>', '0', '-1', 'true', 'false', '[]', '{}', '00000000-0000-0000-0000-000000000000']);

/**
 * A property value within Mixpanel's limits: nested objects at most 3 deep with < 255 keys,
 * arrays < 255 elements (spec §6.1; strict mode fails the record otherwise). What sits deeper
 * is kept as its JSON text, cut like any string; strings over 255 chars are cut as Mixpanel would.
 */
function fitValue(value: JsonValue, depth: number): JsonValue {
  if (typeof value === 'string') return truncateUnits(value, MAX_STRING);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return truncateUnits(JSON.stringify(value), MAX_STRING);
  if (Array.isArray(value)) return value.slice(0, MAX_PROPERTIES).map((v) => fitValue(v, depth + 1));
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value).slice(0, MAX_PROPERTIES)) out[k] = fitValue(v, depth + 1);
  return out;
}

/** Properties (or traits) fitted to Mixpanel's limits, at most `max` (250) of them. */
export function customProps(properties: JsonObject, max = MAX_PROPERTIES): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(properties).slice(0, Math.min(max, MAX_PROPERTIES))) out[k] = fitValue(v, 0);
  return out;
}

export type ProfileTarget = 'engage' | 'groups';

/** Which profile API a stored payload is for, or undefined for an /import record. */
export function profileTarget(payload: JsonValue): ProfileTarget | undefined {
  if (!isJsonObject(payload) || !isJsonObject(payload.$set)) return undefined;
  if (typeof payload.$distinct_id === 'string') return 'engage';
  return typeof payload.$group_key === 'string' && typeof payload.$group_id === 'string' ? 'groups' : undefined;
}

/**
 * An identify's or group call's traits as a profile update (the project token is added at send
 * time, never stored). `$ip`: the visitor's (truncated) address where allowed, else "0": without
 * it Mixpanel would place every profile where phiwall runs.
 */
export function toMixpanelProfile(e: CleanEvent, groupKey: string): JsonObject | { skip: string } {
  if (Object.keys(e.traits).length === 0) return { skip: 'MIXPANEL_NO_TRAITS' };
  const $set = customProps(e.traits);
  if (e.type === 'group') {
    if (e.groupId === undefined) return { skip: 'MIXPANEL_GROUP_ID_NOT_ALLOWED' };
    return { $group_key: groupKey, $group_id: e.groupId, $set };
  }
  const distinctId = e.userId ?? e.visitorId;
  if (distinctId === undefined || distinctId === '' || PLACEHOLDERS.has(distinctId.toLowerCase())) return { skip: 'MIXPANEL_PLACEHOLDER_ID' };
  return { $distinct_id: distinctId, $set, $ip: e.ip ?? '0' };
}

/** True when a profile API's 200 body accepted the updates (`1`, or verbose `{"status":1}`). */
export function profileAccepted(bodyText: string): { ok: true } | { ok: false; error: string } {
  const parsed = parseJsonBody(bodyText);
  if (parsed === 1) return { ok: true };
  if (isJsonObject(parsed) && parsed.status === 1) return { ok: true };
  const error = isJsonObject(parsed) && typeof parsed.error === 'string' ? parsed.error : 'update refused';
  return { ok: false, error };
}
