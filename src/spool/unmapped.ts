import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import type { CleanEvent } from '../destinations/types.js';

// An event a destination's own rules refused at ingest (Meta without a source URL, GA4 past 72 h)
// is kept as a dead letter holding its scrubbed CleanEvent, not a vendor payload: there is none.
// The envelope says so, so that a replayed row is mapped again by the delivery worker with the
// destination's current config (same map and pre-flight as a fresh event) instead of being sent
// as if it were a vendor payload. The CleanEvent is already the destination's default-deny
// projection: mapping only reshapes it, so nothing outside the allow list can reach the vendor.

const KEY = 'phiwall_unmapped';

/** The reason stored with every refusal by a destination's own rules (at ingest or on replay). */
export const REFUSED_BEFORE_SENDING = 'rejected before sending by the destination rules';

/**
 * Replay's SQL (both adapters, payloads are TEXT): a dead letter written at ingest by a version
 * that stored the bare CleanEvent (reason REFUSED_BEFORE_SENDING, no attempt made) gets the
 * envelope as it moves back to the outbox, so it is mapped too. `reason` and `prefix` are the
 * adapter's placeholders for LEGACY_PARAMS, in order; JSON.stringify of an envelope always starts
 * with UNMAPPED_PREFIX (its only key). Delivery-time dead letters (attempts > 0) move unchanged.
 */
const UNMAPPED_PREFIX = `{"${KEY}":`;
export const LEGACY_PARAMS: readonly string[] = [REFUSED_BEFORE_SENDING, `${UNMAPPED_PREFIX}%`];
export const replayPayloadSql = (reason: string, prefix: string): string =>
  `CASE WHEN attempts = 0 AND reason = ${reason} AND payload NOT LIKE ${prefix} THEN '${UNMAPPED_PREFIX}' || payload || '}' ELSE payload END`;

export function wrapUnmapped(clean: CleanEvent): JsonObject {
  return { [KEY]: clean as unknown as JsonObject };
}

/**
 * The CleanEvent of a stored row written by `wrapUnmapped`; undefined for a vendor payload;
 * 'invalid' for an envelope that does not hold one (never sent: fail closed).
 */
export function unmappedEvent(payload: JsonValue): CleanEvent | 'invalid' | undefined {
  if (!isJsonObject(payload) || !(KEY in payload)) return undefined;
  const inner = payload[KEY];
  // Written by us from a CleanEvent; checked for the fields every map relies on.
  if (!isJsonObject(inner) || Object.keys(payload).length !== 1 || typeof inner.messageId !== 'string' || typeof inner.type !== 'string'
    || typeof inner.timestamp !== 'string' || !isJsonObject(inner.properties) || !isJsonObject(inner.traits)) return 'invalid';
  return inner as unknown as CleanEvent;
}
