import type { JsonObject, JsonValue } from '../common/json.js';
import type { CleanEvent } from './types.js';

const NOT_LOWER_ALNUM = /[^a-z0-9]/g;

// The ids vendors deduplicate on must be the ones the site's other copy of the event carries,
// not ours. Meta and TikTok join a server event to its pixel event on `event_id` (the pixel's
// `eventID` / `event_id`, destinations spec §3.3); Google Ads joins a click-conversion upload to
// the tag's conversion on `orderId` (the tag's `transaction_id`). A site that sends both copies
// puts that id in the event's properties; when it does (and the destination's allow list let it
// through the scrub), it is the dedupe key. Otherwise messageId, which is the same for every
// retry of the same call, as before.

/** Property names compared in the normalized form the rules use (lower case, letters and digits). */
const EVENT_ID_NAMES: ReadonlySet<string> = new Set(['eventid']);
const ORDER_ID_NAMES: ReadonlySet<string> = new Set(['orderid', 'transactionid']);
// Meta's and Google's id fields are strings; longer values are not ids a tag would have made.
const MAX_ID_CHARS = 100;

const normalized = (key: string): string => key.toLowerCase().replace(NOT_LOWER_ALNUM, '');

function idText(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text !== '' && text.length <= MAX_ID_CHARS ? text : undefined;
}

function firstId(properties: JsonObject, names: ReadonlySet<string>): string | undefined {
  for (const [key, value] of Object.entries(properties)) {
    if (!names.has(normalized(key))) continue;
    const id = idText(value);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** Meta's and TikTok's `event_id`: the site's own event id when it sends one, else messageId. */
export function pixelEventId(e: CleanEvent): string {
  return firstId(e.properties, EVENT_ID_NAMES) ?? e.messageId;
}

/** Google Ads `orderId`: the order or transaction id when the event names one, else messageId. */
export function conversionOrderId(e: CleanEvent): string {
  return firstId(e.properties, ORDER_ID_NAMES) ?? e.messageId;
}
