// An event's times and consent flags, read from the raw event (analyze.ts).
import { nonEmptyString, objectOrEmpty, type JsonObject, type JsonValue } from '../common/json.js';

const str = nonEmptyString;
const obj = objectOrEmpty;

// Consecutive events of a request share the arrival time: format it once.
let lastIsoMs = Number.NaN;
let lastIso = '';
export function isoTime(ms: number): string {
  if (ms !== lastIsoMs) { lastIso = new Date(ms).toISOString(); lastIsoMs = ms; }
  return lastIso;
}

/** The first boolean of two (consent flags come under several names). */
function pick(a: JsonValue | undefined, b: JsonValue | undefined): boolean | undefined {
  return typeof a === 'boolean' ? a : typeof b === 'boolean' ? b : undefined;
}

export function consentOf(context: JsonObject): { analytics?: boolean; ads?: boolean } {
  const c = obj(context.consent);
  const prefs = obj(c.categoryPreferences);
  const analytics = pick(pick(c.analytics, prefs.analytics), prefs.Analytics);
  let ads = pick(pick(pick(c.ads, c.advertising), pick(prefs.ads, prefs.Advertising)), prefs.advertising);
  if (context.gpc === true || c.gpc === true) ads = false;
  const out: { analytics?: boolean; ads?: boolean } = {};
  if (analytics !== undefined) out.analytics = analytics;
  if (ads !== undefined) out.ads = ads;
  return out;
}

// An ISO date and time without a zone (`2026-11-29T09:00:00`, also with a space): Date.parse
// reads it in the server's local time zone, so the same event would move with where phiwall
// runs. Read as UTC instead, as a date alone already is.
const ZONELESS = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/;

/** A client timestamp in ms since the epoch (NaN when unreadable); zoneless date-times are UTC. */
export function clientTimeMs(text: string): number {
  const zoneless = ZONELESS.exec(text.trim());
  return Date.parse(zoneless ? `${zoneless[1]}T${zoneless[2]}Z` : text);
}

// A client time more than a year before arrival is no event's time: an app's queue holds events for days, not years, and a
// birth date sent in its place (`timestamp: "1961-03-14"`, probe 50) would go out as the event's time. Arrival time stands in.
const MAX_EVENT_AGE_MS = 366 * 86_400_000;

export function eventTime(raw: JsonObject, receivedAt: number): string {
  const t = str(raw.timestamp) ?? str(raw.originalTimestamp);
  const ms = t ? clientTimeMs(t) : NaN;
  // A client clock in the future is clamped to arrival time.
  return Number.isFinite(ms) && ms <= receivedAt && ms >= receivedAt - MAX_EVENT_AGE_MS ? new Date(ms).toISOString() : isoTime(receivedAt);
}
