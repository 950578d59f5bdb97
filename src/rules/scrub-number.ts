import type { ScrubContext } from './scrub-tree.js';
import { eventTimeName, nearNow } from './event-time.js';
import { adObjectName, meetingDigits, objectDigits, objectName } from './marketing-ids.js';
import { personCodeName } from './person-codes.js';

// Normalized names of amounts and counts: a 7-8 digit number there is money or a tally, not a
// record number. Exact names, and longer names ending in a measure's word (`campaign_raised_amount`,
// `total_page_views`, `points_balance`, `reach_count`; not `account`, which ends in `count`). Not a name
// ending in `value` (`input_value`: a form's value can be anything), `id` or `number`.
const MEASURES: ReadonlySet<string> = new Set([
  'value', 'price', 'revenue', 'amount', 'total', 'subtotal', 'tax', 'shipping', 'discount', 'cost', 'budget',
  'quantity', 'qty', 'count', 'score', 'duration', 'views', 'impressions', 'clicks', 'sessions', 'users', 'bytes', 'size',
]);
const MEASURE_ENDINGS = ['amount', 'total', 'count', 'counts', 'price', 'revenue', 'cost', 'spend', 'budget', 'balance', 'points',
  'raised', 'goal', 'steps', 'cents', 'credits', 'views', 'pageviews', 'impressions', 'clicks', 'visitors', 'users', 'score', 'quantity', 'qty', 'bytes',
  // Durations (`idle_ms: "90000"` was cut to a ZIP-3).
  'duration', 'durationms', 'timems', 'idlems', 'elapsedms', 'latencyms', 'delayms', 'waitms', 'loadms', 'millis', 'msec', 'seconds',
  'secs', 'minutes',
  // Store amounts in millionths (Google Play's `price_amount_micros: 12990000`, `revenue_micros`) and sizes in kilobytes.
  'micros', 'kb', 'mb',
  // A posting's pay (`salary_min: "70000"` was read as a ZIP code).
  'salary', 'salarymin', 'salarymax', 'wage', 'wages', 'paymin', 'paymax',
  // A resource's or a file's size (a performance entry's `transfer_size: "18342"` was cut to a ZIP-3).
  'size'];

/** Whether a normalized key names an amount or a count (see MEASURES). */
export function measureName(norm: string): boolean {
  if (MEASURES.has(norm)) return true;
  if (norm.endsWith('account')) return false;
  for (const e of MEASURE_ENDINGS) if (norm.endsWith(e)) return true;
  return false;
}

// An age in months stays (`age_months: 7`, pass 7), unless it is over 89 years (1,068 months: `age_months: 1155`).
// A string holding such an age goes too (named-values.ts).
export const AGE_MONTHS: ReadonlySet<string> = new Set(['agemonths', 'ageinmonths', 'agemos', 'ageinmos', 'monthsold', 'ageinmonth', 'agemonth',
  'patientagemonths', 'childagemonths', 'infantagemonths', 'babyagemonths', 'agemo', 'ageinmo', 'ageinmonthsold']);
export const MONTHS_89 = 89 * 12;

// A build number as an app store counts builds (Android's `versionCode: 5301042`, iOS's `CFBundleVersion`): up to 8 digits.
export const BUILD_NUMBERS: ReadonlySet<string> = new Set(['build', 'buildnumber', 'buildno', 'buildnum', 'buildcode', 'appbuild', 'versioncode',
  'appversioncode', 'bundleversion', 'cfbundleversion']);

// A build's date, perhaps with its clock time (`20261130`, `202611301245`, `20261130.124501`): named-values.ts keeps it as a
// string under a version key, and as a number under a build number's key (a 12-digit stamp can pass Luhn: not a card).
export const BUILD_STAMP = /^(20\d\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[-._T]?(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?)?$/;

/** A build stamp as a number under a build number's key, of a year from five before `now`'s to the next. */
function buildStampNumber(value: number, norm: string, now: number): boolean {
  if (!BUILD_NUMBERS.has(norm) || !Number.isSafeInteger(value)) return false;
  const m = BUILD_STAMP.exec(String(value));
  const year = new Date(now).getUTCFullYear();
  return m !== null && +(m[1] as string) >= year - 5 && +(m[1] as string) <= year + 1;
}

/** `norm`: the number's normalized key, when it has one (see MEASURES). */
export function scrubNumber(value: number, ctx: ScrubContext, norm?: string): number | undefined {
  if (value > MONTHS_89 && norm !== undefined && AGE_MONTHS.has(norm)) { ctx.hits.push('age'); return undefined; }
  // Long integers can be SSNs, account or phone numbers sent as numbers; 7-8 digits can be a
  // record number (the detectors read those as such in text), except as an amount or count.
  const abs = Math.abs(value);
  // A person's code sent as a number (`volunteer_key: 881027`, person-codes.ts), as its string would go.
  if (abs >= 10 && norm !== undefined && Number.isInteger(abs) && personCodeName(norm)) { ctx.hits.push('unique_id'); return undefined; }
  // An epoch (10 or 13 digits) under the event's own time, near the moment the event came (event-time.ts).
  if (abs >= 1e9 && norm !== undefined && eventTimeName(norm) && nearNow(value, ctx.now)) return value;
  // A meeting's, a test's or a video's number sent as a number (marketing-ids.ts), kept as its string is (named-values.ts).
  if (abs >= 1e4 && norm !== undefined && toolNumber(norm, String(value))) return value;
  if (abs >= 1e11 && norm !== undefined && buildStampNumber(value, norm, ctx.now)) return value;
  if (abs >= 1e6 && Number.isInteger(abs) && (abs >= 1e8 || norm === undefined || !(measureName(norm) || BUILD_NUMBERS.has(norm)))) {
    if (ctx.plan.scanner.hits(String(value), ctx.codeSite)) { ctx.hits.push('number'); return undefined; }
  }
  return value;
}

/** A meeting's or a test's number (meetingDigits), or a site object's (objectDigits: no SSN or phone), as their text is. */
function toolNumber(norm: string, digits: string): boolean {
  if (adObjectName(norm)) return meetingDigits(digits);
  return objectName(norm) && objectDigits(digits);
}
