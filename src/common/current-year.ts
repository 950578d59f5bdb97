// The detectors compare the years they find with this one (a public event's date, a code's year, a lifespan's end), once
// for every match: a text of thousands of dates built thousands of Date objects. The year is read at most once a minute.
let year = 0;
let readAt = Number.NEGATIVE_INFINITY;

/** The wall clock's UTC year, read again when a minute has passed or the clock went back (a new year is seen within a minute). */
export function currentUtcYear(): number {
  const now = Date.now();
  if (now - readAt >= 60_000 || now < readAt) { year = new Date(now).getUTCFullYear(); readAt = now; }
  return year;
}
