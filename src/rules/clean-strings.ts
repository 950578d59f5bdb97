import { PlanMemos } from '../common/bounded-memo.js';
import type { Plan } from './plan.js';

// Most strings scrubString sees come again in event after event: campaign values (`google`,
// `cpc`, `newsletter`), event names, page titles, labels. The event memo (event-memo.ts) shares
// a string's scans between one event's destinations only; this one remembers, per plan and
// across events, the strings that scrubbed to themselves with nothing found and no step that
// depends on the destination (see scrubString), so later copies skip the scans. Only such
// strings: each one left for its destinations as it came, so the memo keeps no value that was
// redacted or dropped. Bounded like the other plan memos; short strings only (long free text
// rarely repeats).
const MAX_LENGTH = 256;
const clean = new PlanMemos<true>(4096);

/** Whether `value` scrubbed to itself, untouched, in an earlier event under this plan. */
export function knownClean(value: string, plan: Plan): boolean {
  return clean.of(plan).get(value) === true;
}

export function rememberClean(value: string, plan: Plan): void {
  // A code URL kept in it may be kept for this event's site only (detectors/url.ts): not remembered for every site.
  if (value.length <= MAX_LENGTH && value.indexOf('://') < 0) clean.of(plan).set(value, true);
}
