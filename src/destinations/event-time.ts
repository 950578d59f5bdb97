// Each ad destination maps the same event in turn (GA4, Meta, TikTok...), and each reads its
// timestamp and arrival time: Date.parse was a twentieth of mapping an event to four of them.
// The last two answers are remembered (the strings are usually the very same objects).
let lastText: string | undefined;
let lastMs = Number.NaN;
let prevText: string | undefined;
let prevMs = Number.NaN;

/** `Date.parse(text)`, remembering the last two texts. */
export function parseEventTime(text: string): number {
  if (text === lastText) return lastMs;
  if (text === prevText) return prevMs;
  const ms = Date.parse(text);
  prevText = lastText; prevMs = lastMs;
  lastText = text; lastMs = ms;
  return ms;
}
