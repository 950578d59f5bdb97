import type { Plan } from '../rules/plan.js';

// Ids that generators make and no identifier fits: a UUID or a hex digest, after up to three short
// words and a Unix time in seconds or milliseconds (Segment's analytics.js `ajs-next-<ms>-<uuid>`,
// a keyed hash made here, `h_<hex>`); a ULID; the snippet's four random decimal words
// (sdk/src/ids.ts). They are kept without scanning. (A 10-digit time starts with 1, which no
// North American phone number does.)
const GENERATED: readonly RegExp[] = [
  /^(?:[a-z]{1,16}[-_:.]){0,3}(?:1\d{9}(?:\d{3})?[-_:.])?(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{16,64})$/i,
  /^[0-9A-HJKMNP-TV-Z]{26}$/i,
  /^\d{5,10}(?:-\d{5,10}){3}$/,
];
// The shortest id GENERATED takes: a bare 16-digit hex digest (a ULID has 26 characters, the snippet's words 23):
// a shorter id (a site's `order-1042`) is scanned without testing them.
const SHORTEST_GENERATED = 16;

/**
 * The event's messageId as it goes on: into the spool and logs, and to every destination as its
 * event id (Meta's and TikTok's `event_id`, Amplitude's `insert_id`, a webhook's `message_id`).
 * A site's own id is kept (`order-1042`, `tour-1`), but one that spells an identifier the plan's
 * detectors find (`123-45-6789`, a phone number, `MRN-00123456`) is replaced by a keyed hash of it
 * (`h_<hex>`): the same for every retry, so vendors and the spool still deduplicate.
 */
export function safeMessageId(raw: string, plan: Plan): string {
  if (raw.length >= SHORTEST_GENERATED) for (const re of GENERATED) if (re.test(raw)) return raw;
  return plan.scanner.hits(raw) ? plan.hasher.hash('message_id', raw, 0) : raw;
}
