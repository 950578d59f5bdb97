import type { JsonObject } from '../common/json.js';
import type { DestinationPlan, Plan, SitePlan } from '../rules/plan.js';
import type { EnqueueRow } from '../spool/port.js';
import { REFUSED_BEFORE_SENDING, wrapUnmapped } from '../spool/unmapped.js';
import { analyzeEvent, blockReason } from './analyze.js';
import { routeSkipReason, type VisitorIds } from './project.js';
import { projectShared, type SharedProjections } from './shared-projection.js';
import { newEventMemo } from '../rules/event-memo.js';
import type { EventGovernance } from '../governance/port.js';
import { safeMessageId } from './message-id.js';
import { codeSiteOf } from '../rules/detectors/url.js';
import { registrableDomain } from '../rules/ops/referrer-origin.js';
import { personSlug } from '../rules/ops/person-slug.js';
import { hostOf } from '../rules/url-parts.js';
import { cleanMemoOf } from '../rules/clean-strings.js';

// Skip codes meaning "this destination does not take this kind of event": not a failure.
// `_NOT_ALLOWED`: the call needs a field the destination's allow list withholds (a group call's group_id).
// `_NO_TRAITS`: a profile update (identify, group) with no trait left to set has nothing to send.
// `_NO_AD_CLICK`: a conversion with nothing tying it to an ad click (no click id, no match key).
const NOT_APPLICABLE = /(_UNSUPPORTED_TYPE|_NOT_A_CONVERSION|_NOT_ALLOWED|_NO_TRAITS|_NO_AD_CLICK)$/;

export type EventOutcome =
  | { kind: 'routed'; messageId: string; rows: EnqueueRow[]; skipped: { destination: string; reason: string }[]; hits: string[] }
  | { kind: 'blocked'; messageId: string; reason: string }
  | { kind: 'failed'; messageId: string; reason: string };

/**
 * The pipeline for one event: analyze -> block -> per destination (filter, project + scrub,
 * map). Fail closed: any exception drops the event for every destination, reported by reason
 * code only (an error message could quote a value).
 */
export function processEvent(raw: JsonObject, site: SitePlan, plan: Plan, ids: VisitorIds, now: number, gov?: EventGovernance): EventOutcome {
  // Until the id is read, a failure is reported under no id (the raw one could spell an identifier).
  let messageId = '';
  try {
    messageId = safeMessageId(String(raw.messageId), plan);
    const memo = newEventMemo();
    const info = analyzeEvent(raw, site, plan, now, messageId, memo);
    const reason = blockReason(info, plan);
    if (reason !== undefined) return { kind: 'blocked', messageId, reason };
    if (gov?.suppressed(info)) return { kind: 'blocked', messageId, reason: 'suppressed' };
    const rows: EnqueueRow[] = [];
    const skipped: { destination: string; reason: string }[] = [];
    const hits: string[] = [];
    const nowYear = utcYear(now);
    // The page's host, whose scripts in a stack trace are the site's own code (detectors/url.ts): this event's projections only.
    const pageHost = info.pageUrlHost ?? hostOf(info.page.url, memo);
    const codeSite = codeSiteOf(pageHost);
    const clean = cleanMemoOf(plan, codeSite); // every string of every destination asks it (clean-strings.ts): found once per event
    const shared: SharedProjections = new Map();
    const foreignPage = foreignPageHost(pageHost, site);
    for (const planned of plan.destinations) {
      const dest = gov ? gov.effective(planned, now) : planned;
      const skip = routeSkipReason(info, dest, site);
      if (skip !== undefined) { skipped.push({ destination: dest.name, reason: skip }); continue; }
      const keysOk = dest.matchKeys && dest.baa && gov !== undefined && gov.matchKeysAllowed(info, dest, now);
      const projected = projectShared(info, { plan, dest, now, nowYear, hits, memo, codeSite, clean, foreignPage }, ids, keysOk, shared);
      const payload = dest.destination.map(projected);
      if (isSkip(payload)) {
        skipped.push({ destination: dest.name, reason: payload.skip });
        // The vendor would reject it (too old, no id...): keep it accounted for as a dead letter.
        // Kept unmapped (there is no vendor payload): a replay maps it again with the then current config.
        if (!NOT_APPLICABLE.test(payload.skip)) rows.push({ messageId, destination: dest.name, payload: wrapUnmapped(projected), dead: { code: payload.skip, reason: REFUSED_BEFORE_SENDING } });
        continue;
      }
      rows.push({ messageId, destination: dest.name, payload });
    }
    return { kind: 'routed', messageId, rows, skipped, hits };
  } catch (err) {
    return { kind: 'failed', messageId, reason: failureCode(err) };
  }
}

// Events of a request share `now`: compute its year once.
let lastNow = Number.NaN;
let lastYear = 0;
function utcYear(now: number): number {
  if (now !== lastNow) { lastYear = new Date(now).getUTCFullYear(); lastNow = now; }
  return lastYear;
}

/** `{ skip: reason }` and nothing else: the destination declined the event. */
export function isSkip(payload: ReturnType<DestinationPlan['destination']['map']>): payload is { skip: string } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || typeof payload.skip !== 'string') return false;
  for (const k in payload) if (k !== 'skip') return false;
  return true;
}

function failureCode(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? code : err.name || 'Error';
  }
  return 'non_error_thrown';
}

// A page on a host that is a person's (`kenji-okafor.github.io`, `jdoe88.substack.com`, `198.51.100.7`): a personal subdomain
// under a hosting site or an address, never one of the site's own hosts. Its path and URL leave only as the cut origin an
// external referrer's does (probe 50: a page saved by a personal site's proxy or mirror went out whole).
const DIGIT_RUN = /[0-9]{3,}/;
const LOCAL_ADDRESS = /^(?:127\.|10\.|192\.168\.|172\.(?:1[6-9]|2[0-9]|3[01])\.|169\.254\.|\[(?:::1|f[cd][0-9a-f]{0,2}:|fe80:))/;
function foreignPageHost(host: string | undefined, site: SitePlan): boolean {
  if (host === undefined || host === '' || site.hosts.has(host)) return false;
  const lower = host.toLowerCase();
  const domain = registrableDomain(lower);
  // An address is a person's unless it is the machine's own or a private network's (a site tested or run on an intranet).
  if (domain === undefined) return !LOCAL_ADDRESS.test(lower);
  if (domain === lower) return false;
  const labels = lower.slice(0, lower.length - domain.length - 1).split('.');
  return labels.some((l) => DIGIT_RUN.test(l) || personSlug(l));
}
