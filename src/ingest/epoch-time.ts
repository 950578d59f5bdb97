// Event times given as a number since the epoch (server SDKs, RudderStack's and mParticle's
// exports, hand-written integrations send `timestamp: 1732874400` or `"1732874400123"`), read
// into the ISO text the rest of phiwall carries. The unit is told by the magnitude: the ranges
// below do not overlap, so a value is seconds, milliseconds or microseconds, never a guess
// between two. Anything outside them is refused with the accepted window named, since a time
// read in the wrong unit (1970, or the year 56000) would reach vendors as a wrong date.

const FROM_S = Date.UTC(2000, 0, 1) / 1000;
const TO_S = Date.UTC(2100, 0, 1) / 1000;
const UNITS: readonly { readonly perMs: number }[] = [{ perMs: 1 / 1000 }, { perMs: 1 }, { perMs: 1000 }];

/** The window and units an epoch time must fall in, as the refusal states it. */
export const EPOCH_WINDOW = 'a number (or digits) of seconds, milliseconds or microseconds since 1970-01-01 for a time from 2000-01-01 to 2100-01-01 UTC, or ISO 8601 text';

// Plain decimal digits, an optional fraction; no sign, exponent or spaces inside.
const DIGITS = /^\s*\d{1,20}(?:\.\d{1,9})?\s*$/;

/** True for text that is an epoch number written as digits (not an ISO date, which has '-' or ':'). */
export const isEpochText = (text: string): boolean => DIGITS.test(text);

/** ms since the epoch for a number or digit text in one of the accepted ranges, else undefined. */
export function epochMs(value: number | string): number | undefined {
  const n = typeof value === 'number' ? value : isEpochText(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) return undefined;
  for (const { perMs } of UNITS) {
    const seconds = n / (perMs * 1000);
    if (seconds >= FROM_S && seconds < TO_S) return Math.round(n / perMs);
  }
  return undefined;
}

/** A timestamp field's value as ISO text when it is an epoch number; the value itself otherwise. */
export function epochAsIso(value: number | string): number | string {
  if (typeof value !== 'number' && !(typeof value === 'string' && isEpochText(value))) return value;
  const ms = epochMs(value);
  return ms === undefined ? value : new Date(ms).toISOString();
}

/** The event's time fields phiwall reads (time-and-consent.ts): both take the same forms. */
export const TIME_FIELDS = ['timestamp', 'originalTimestamp'] as const;
