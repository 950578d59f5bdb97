import { z } from 'zod';
import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { EPOCH_WINDOW, epochMs, isEpochText, TIME_FIELDS } from './epoch-time.js';

const TYPES = ['track', 'page', 'identify', 'screen', 'group', 'alias'] as const;
const MESSAGE_ID = /^[\w.:+-]+$/;
// Rules both checks below apply (the schema names the problem; the hand check is the fast path).
const namesTrackEvent = (e: { type?: unknown; event?: unknown }): boolean => e.type !== 'track' || (typeof e.event === 'string' && e.event.length > 0);
const hasSender = (e: { type?: unknown; userId?: unknown; anonymousId?: unknown }): boolean =>
  e.userId != null || e.anonymousId != null || e.type === 'page' || e.type === 'track' || e.type === 'screen';

// The page address fields the blocked-path check reads. A value there of another JSON type (a
// page given as a string, a path in an array) would be read as no page at all, and the event of
// a blocked page would go on without it: refused instead, naming the field (null reads as absent).
const PAGE_TEXT = ['path', 'url', 'referrer', 'title', 'search'] as const;
const PROPERTY_TEXT = ['path', 'url'] as const;
const notText = (v: unknown): boolean => v !== undefined && v !== null && typeof v !== 'string';
/** The path of the first page address field that is not text, or undefined. */
export function pageValueNotText(e: { context?: unknown; properties?: unknown }): string[] | undefined {
  const page = isJsonObject(e.context) ? e.context.page : undefined;
  if (page !== undefined && page !== null) {
    if (!isJsonObject(page)) return ['context', 'page'];
    const key = PAGE_TEXT.find((k) => notText(page[k]));
    if (key) return ['context', 'page', key];
  }
  const props = e.properties;
  const key = isJsonObject(props) ? PROPERTY_TEXT.find((k) => notText(props[k])) : undefined;
  return key ? ['properties', key] : undefined;
}

// A time is ISO 8601 text, or a number (or digits) since the epoch within EPOCH_WINDOW.
const epochOutOfRange = (v: unknown): boolean => (typeof v === 'number' || (typeof v === 'string' && isEpochText(v))) && epochMs(v) === undefined;
const TimeField = z.union([z.string().max(64), z.number()], { error: `must be ${EPOCH_WINDOW}` })
  .refine((v) => !epochOutOfRange(v), { message: `out of range: give ${EPOCH_WINDOW}` }).optional().nullable();

/** The Segment event envelope phiwall accepts; its issues name the field that is wrong. */
export const EventShape = z.object({
  type: z.enum(TYPES),
  messageId: z.string().min(1).max(128).regex(MESSAGE_ID, 'messageId has characters outside [A-Za-z0-9_.:+-]').optional(),
  event: z.string().max(512).optional(),
  userId: z.union([z.string().max(512), z.number()]).optional().nullable(),
  anonymousId: z.union([z.string().max(512), z.number()]).optional().nullable(),
  timestamp: TimeField,
  originalTimestamp: TimeField,
  properties: z.record(z.string(), z.unknown()).optional(),
  traits: z.record(z.string(), z.unknown()).optional(),
  context: z.record(z.string(), z.unknown()).optional(),
}).refine(namesTrackEvent, { message: 'track needs a non-empty event name', path: ['event'] })
  .refine(hasSender, { message: 'userId or anonymousId is required', path: ['userId'] })
  .superRefine((e, ctx) => {
    const path = pageValueNotText(e);
    if (path) ctx.addIssue({ code: 'custom', message: path.length === 2 && path[1] === 'page' ? 'must be an object' : 'must be a string', path });
  });

const TYPE_SET: ReadonlySet<unknown> = new Set(TYPES);
const optionalText = (v: JsonValue | undefined, max: number): boolean => v === undefined || (typeof v === 'string' && v.length <= max);
const optionalId = (v: JsonValue | undefined): boolean => v === undefined || v === null || (typeof v === 'string' && v.length <= 512) || (typeof v === 'number' && Number.isFinite(v));
// ISO text, certainly valid: numbers and digit strings go through the schema's range check.
const plainTime = (v: JsonValue | undefined): boolean => v === undefined || v === null || (typeof v === 'string' && v.length <= 64 && !isEpochText(v));
const optionalRecord = (v: JsonValue | undefined): boolean => v === undefined || (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype);

/**
 * True only for events EventShape certainly accepts, checked by hand (zod costs ~1.4 us an
 * event on the corpus). Anything else, valid or not, goes through EventShape, which names the
 * problem; tests/ingest/event-shape.test.ts checks this never accepts what EventShape refuses.
 */
export function isPlainValidEvent(e: JsonObject): boolean {
  if (!TYPE_SET.has(e.type)) return false;
  const id = e.messageId;
  if (id !== undefined && !(typeof id === 'string' && id.length >= 1 && id.length <= 128 && MESSAGE_ID.test(id))) return false;
  if (!optionalText(e.event, 512) || !TIME_FIELDS.every((k) => plainTime(e[k]))) return false;
  if (!optionalId(e.userId) || !optionalId(e.anonymousId)) return false;
  if (!optionalRecord(e.properties) || !optionalRecord(e.traits) || !optionalRecord(e.context)) return false;
  return namesTrackEvent(e) && hasSender(e) && pageValueNotText(e) === undefined;
}
