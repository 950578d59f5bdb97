import { isJsonObject, type JsonObject, type JsonValue } from '../common/json.js';
import { clientContextOf, type ClientContext } from './client-context.js';

const UNIX_SECONDS = /^\d{10}$/;
const UNIX_MILLISECONDS = /^\d{13}$/;

export type { ClientContext };

// Session ids as the analytics tools make them: the session's start time since the epoch
// (gtag's `sid` and GA4's `ga_session_id` in seconds, Amplitude's `session_id` and RudderStack's
// `context.sessionId` in milliseconds). Such an id says when the visitor's current session began,
// no earlier than a day before the event and not after it: nothing the event's own time (which
// every destination gets) does not already say, and it changes with every session, so it links
// no visits together (Safe Harbor (R) is about numbers that identify the person, and (C) about
// dates of care, neither of which this is). A session id of any other shape (a UUID, a random or
// site-made number, a time outside that span) is not read: phiwall cannot tell what it was
// derived from, and it stays dropped with the pack's `session_id` rule as before.
const MAX_SESSION_MS = 24 * 3600_000;
const CLOCK_SKEW_MS = 5 * 60_000;
const PROPERTY_KEYS = ['session_id', 'sessionId', 'ga_session_id', '$session_id'];

function epochMs(v: JsonValue | undefined): number | undefined {
  if (v === undefined || v === null) return undefined;
  const text = typeof v === 'number' && Number.isInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (UNIX_SECONDS.test(text)) return Number(text) * 1000;
  if (UNIX_MILLISECONDS.test(text)) return Number(text);
  return undefined;
}

/** The candidates in the order an event states them: context, an integration's options, properties. */
function candidates(raw: JsonObject, props: JsonObject): (JsonValue | undefined)[] {
  const context = isJsonObject(raw.context) ? raw.context : {};
  const out: (JsonValue | undefined)[] = [context.sessionId, context.session_id];
  if (isJsonObject(raw.integrations)) for (const v of Object.values(raw.integrations)) if (isJsonObject(v)) out.push(v.session_id);
  for (const k of PROPERTY_KEYS) out.push(props[k]);
  return out;
}

/** The session's start in whole seconds since the epoch, when the event carries one of that shape. */
export function sessionStartOf(raw: JsonObject, props: JsonObject, eventTimeIso: string): number | undefined {
  // Most events carry no session id of that shape: the event's time is parsed only when one does.
  let eventMs: number | undefined;
  for (const v of candidates(raw, props)) {
    const ms = epochMs(v);
    if (ms === undefined) continue;
    eventMs ??= Date.parse(eventTimeIso);
    if (!Number.isFinite(eventMs)) return undefined;
    if (ms <= eventMs + CLOCK_SKEW_MS && ms >= eventMs - MAX_SESSION_MS) return Math.floor(ms / 1000);
  }
  return undefined;
}

/** The event's time with what it says of the session and the client software (analyze.ts). */
export function clientFacts(raw: JsonObject, props: JsonObject, context: JsonObject, timestamp: string): { timestamp: string; sessionId?: number; client?: ClientContext } {
  return { timestamp, sessionId: sessionStartOf(raw, props, timestamp), client: clientContextOf(context) };
}
