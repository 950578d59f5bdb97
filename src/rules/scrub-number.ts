import type { ScrubContext } from './scrub-tree.js';

// Normalized names of amounts and counts: a 7-8 digit number there is money or a tally, not a
// record number.
const MEASURES: ReadonlySet<string> = new Set([
  'value', 'price', 'revenue', 'amount', 'total', 'subtotal', 'tax', 'shipping', 'discount', 'cost', 'budget',
  'quantity', 'qty', 'count', 'score', 'duration', 'views', 'impressions', 'clicks', 'sessions', 'users', 'bytes', 'size',
]);

// An age in months stays (`age_months: 7`, pass 7), unless it is over 89 years (1,068 months: `age_months: 1155`).
// A string holding such an age goes too (named-values.ts).
export const AGE_MONTHS: ReadonlySet<string> = new Set(['agemonths', 'ageinmonths', 'agemos', 'ageinmos', 'monthsold', 'ageinmonth', 'agemonth',
  'patientagemonths', 'childagemonths', 'infantagemonths', 'babyagemonths', 'agemo', 'ageinmo', 'ageinmonthsold']);
export const MONTHS_89 = 89 * 12;

/** `norm`: the number's normalized key, when it has one (see MEASURES). */
export function scrubNumber(value: number, ctx: ScrubContext, norm?: string): number | undefined {
  if (value > MONTHS_89 && norm !== undefined && AGE_MONTHS.has(norm)) { ctx.hits.push('age'); return undefined; }
  // Long integers can be SSNs, account or phone numbers sent as numbers; 7-8 digits can be a
  // record number (the detectors read those as such in text), except as an amount or count.
  const abs = Math.abs(value);
  if (abs >= 1e6 && Number.isInteger(abs) && (abs >= 1e8 || norm === undefined || !MEASURES.has(norm))) {
    if (ctx.plan.scanner.hits(String(value))) { ctx.hits.push('number'); return undefined; }
  }
  return value;
}
