import { SiteMemos, type BoundedMemo } from '../common/bounded-memo.js';
import type { Plan } from './plan.js';

// Most strings scrubString sees come again in event after event: campaign values (`google`,
// `cpc`, `newsletter`), event names, page titles, labels. The event memo (event-memo.ts) shares
// a string's scans between one event's destinations only; this one remembers, per plan and
// across events, the strings that scrubbed to themselves with nothing found and no step that
// depends on the destination (see scrubString), so later copies skip the scans. Only such
// strings: each one left for its destinations as it came, so the memo keeps no value that was
// redacted. Bounded like the other plan memos; short strings only (long free text rarely repeats).
// Per site too: the detectors keep a site's own host (`see my blog janedoe.net` on janedoe.net's pages,
// personal-site.ts), which another site's events must still redact; one memo for every site answered them
// with the first site's reading (H230).
const MAX_LENGTH = 256;
const SITES = 16;

/**
 * CLEAN_EVERYWHERE: clean for every destination. CLEAN_PAST_TERMS: the string names a condition or treatment
 * (the sensitive-terms test, which drops it for a destination without a BAA before any scan) and is
 * clean past that test: a BAA destination, which skips the test, sends it as it came. Page titles
 * and event names of a condition's pages (`hiv testing | Northbay Health`) come with every view.
 */
export const CLEAN_EVERYWHERE = 1;
export const CLEAN_PAST_TERMS = 2;
export type Clean = typeof CLEAN_EVERYWHERE | typeof CLEAN_PAST_TERMS;
const clean = new SiteMemos<Clean>(SITES, 4096);

/** Whether `value` scrubbed to itself for every destination in an earlier event of `site` under this plan. */
export function knownClean(value: string, plan: Plan, site: string): boolean {
  return clean.peek(plan, site)?.get(value) === CLEAN_EVERYWHERE;
}

/** One site's clean strings under one plan (cleanMemoOf). */
export type CleanMemo = BoundedMemo<Clean>;

/**
 * The memo of `site` under `plan`, resolved once per event (process.ts keeps it in the scrub context): scrubString asks
 * it about every string of every destination, and finding it again each time cost a plan check and a Map lookup by site.
 */
export function cleanMemoOf(plan: Plan, site: string): CleanMemo {
  return clean.of(plan, site);
}

export function rememberClean(memo: CleanMemo, value: string, answer: Clean): void {
  // A code URL kept in it may be kept for this event's site only (detectors/url.ts); the memo is per site now, and
  // such strings are still left out (as before: a stack trace's text rarely repeats whole).
  if (value.length <= MAX_LENGTH && value.indexOf('://') < 0) memo.set(value, answer);
}
