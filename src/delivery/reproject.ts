import type { CleanEvent } from '../destinations/types.js';
import { projectClientContext } from '../pipeline/client-context.js';
import { allowedFields } from '../pipeline/allowed-fields.js';
import { generalizeUa, truncateIp } from '../rules/ops/generalize.js';
import type { KeyedHasher } from '../rules/ops/hash.js';
import type { DestinationPlan, Plan } from '../rules/plan.js';
import { canonicalPath } from '../rules/canonical-path.js';
import { hostBlock, hostPathBlock, pathVerdict } from '../pipeline/path-verdicts.js';
import { hostOf } from '../rules/url-parts.js';
import { sectionOfHost, underSection } from '../pipeline/section-hosts.js';
import { identifierValue, scrubCampaign, scrubFlat } from '../pipeline/project.js';
import { fragmentRoute, withRoute } from '../pipeline/fragment-route.js';
import { clickIdShaped } from '../rules/marketing-ids.js';
import { withheldEventName } from '../rules/booking-names.js';
import { namesHealth, sanitizeUrlMemo, scrubAnyObject, scrubString, type ScrubContext } from '../rules/scrub-tree.js';
import { cleanMemoOf } from '../rules/clean-strings.js';

// A stored scrubbed event (an ingest-time dead letter, see src/spool/unmapped.ts) whose
// destination's policy changed since it was scrubbed goes through the CURRENT policy before it
// is mapped again: allow list, BAA treatment, identifier actions, then the scan. The input is
// already a projection, so this can only take away: nothing absent from it can come back, and
// running it twice gives the same event. Two things make re-scrubbing safe:
// - a keyed hash (`h_` + 32 hex) is never hashed again: the destination would get a hash of a
//   hash, which joins with nothing (the hasher below returns such a value unchanged);
// - match keys (normalized SHA-256, Meta/TikTok/Google Ads `user_data`) are kept as they are or
//   removed as a whole, never re-hashed: they stay only for a BAA destination allowed match keys;
// - a generalized user agent is not parsed again (it would lose its browser); truncated IPs and
//   sanitized URLs come out of a second pass as they went in.
// Whether the page was a sensitive one is not stored; a destination scrubbed with a BAA (or
// under an unknown policy) that is now without one loses the page and its name (fail closed).

const KEYED_HASH = /^h_[0-9a-f]{32}$/;

/** The plan's hasher, leaving values it produced as they are (idempotent re-scrub). */
function idempotentHasher(inner: KeyedHasher): KeyedHasher {
  return { hash: (destination, value, now) => (KEYED_HASH.test(value) ? value : inner.hash(destination, value, now)) } as KeyedHasher;
}

const planCache = new WeakMap<Plan, Plan>();
function rescrubPlan(plan: Plan): Plan {
  let p = planCache.get(plan);
  if (p === undefined) { p = { ...plan, hasher: idempotentHasher(plan.hasher) }; planCache.set(plan, p); }
  return p;
}

/**
 * `scrubbedWithBaa`: the row's destination scrubbed it with a BAA; undefined when unknown.
 * `{ skip: 'BLOCKED_PATH' }` when the stored page is on a path or host the current rules block.
 */
export function reprojectClean(clean: CleanEvent, plan: Plan, dest: DestinationPlan, now: number, scrubbedWithBaa: boolean | undefined): CleanEvent | { skip: string } {
  if (blockedNow(clean.page, plan)) return { skip: 'BLOCKED_PATH' };
  const rescrub = rescrubPlan(plan);
  const ctx: ScrubContext = { plan: rescrub, dest, now, nowYear: new Date(now).getUTCFullYear(), hits: [], clean: cleanMemoOf(rescrub, '') };
  const allow = allowedFields(dest.allow);
  const out: CleanEvent = {
    messageId: clean.messageId, type: clean.type, timestamp: clean.timestamp, receivedAt: clean.receivedAt,
    properties: scrubAnyObject(clean.properties, allow.properties, ctx),
    traits: scrubAnyObject(clean.traits, allow.traits, ctx),
  };
  const hidePage = !dest.baa && scrubbedWithBaa !== false;
  if (clean.event !== undefined && allow.event) {
    const event = namesHealth(clean.event, ctx) ? withheldEventName(clean.event, plan) : scrubString(clean.event, ctx);
    if (event !== undefined) out.event = event;
  }
  const name = clean.name !== undefined && allow.name && !hidePage ? scrubString(clean.name, ctx) : undefined;
  if (name !== undefined) out.name = name;
  if (clean.visitorId !== undefined && allow.visitorId) out.visitorId = clean.visitorId;
  if (clean.userId !== undefined && dest.baa && allow.userId) out.userId = clean.userId;
  if (clean.anonymousId !== undefined && dest.baa && allow.anonymousId) out.anonymousId = clean.anonymousId;
  // A stored groupId/previousId may be raw (scrubbed with a BAA) or a token: kept only when it was a token.
  if (clean.groupId !== undefined && allow.groupId && scrubbedWithBaa === false) out.groupId = clean.groupId;
  if (clean.previousId !== undefined && allow.visitorId && scrubbedWithBaa === false) out.previousId = clean.previousId;
  if (clean.pageGroup !== undefined && allow.pageGroup) out.pageGroup = clean.pageGroup;
  const page = clean.page !== undefined && !hidePage ? reprojectPage(clean.page, allow, ctx) : undefined;
  if (page !== undefined) out.page = page;
  reprojectContext(out, clean, ctx);
  return out;
}

/**
 * Block rules added since the row was scrubbed, checked on what the row kept of its page (its
 * path and URL): the raw event's other locations are gone, so this is a floor, not the ingest test.
 */
function blockedNow(page: CleanEvent['page'], plan: Plan): boolean {
  // A public section's own host (`news.`, `findadoctor.`) is read under the section, as at ingest (section-hosts.ts).
  const section = sectionOfHost(page?.url === undefined ? undefined : hostOf(page.url));
  for (const at of [page?.path, page?.url]) {
    if (at === undefined) continue;
    const read = section === undefined ? at : underSection(section, at) ?? at;
    if (pathVerdict(canonicalPath(read, plan.localePrefixes), plan).blocked !== null) return true;
    // The hash route it kept (`/#/portal/inbox`), under rules added since.
    const route = fragmentRoute(at);
    if (route !== undefined && pathVerdict(canonicalPath(route, plan.localePrefixes), plan).blocked !== null) return true;
    const host = hostOf(at);
    if (host !== undefined && (hostBlock(host, plan) !== null || hostPathBlock(host, at, plan) !== null)) return true;
  }
  return false;
}

function reprojectPage(page: NonNullable<CleanEvent['page']>, allow: ReturnType<typeof allowedFields>, ctx: ScrubContext): CleanEvent['page'] {
  const out: NonNullable<CleanEvent['page']> = {};
  // URLs through sanitize_url again (a sanitized URL comes out as it went in), the title through the scan.
  const keep = (value: string | undefined, allowed: boolean, scrub: (v: string, c: ScrubContext) => string | undefined): string | undefined =>
    (value !== undefined && allowed ? scrub(value, ctx) : undefined);
  // A hash-routed page's route stays after its path and URL, sanitized again like them (as projectPage sends it).
  const routed = (v: string, c: ScrubContext): string | undefined => withRoute(v, (part) => sanitizeUrlMemo(part, c));
  const path = keep(page.path, allow.pagePath, routed);
  if (path !== undefined) out.path = path;
  const url = keep(page.url, allow.pageUrl, routed);
  if (url !== undefined) out.url = url;
  const title = keep(page.title, allow.pageTitle, scrubString);
  if (title !== undefined) out.title = title;
  const referrer = keep(page.referrer, allow.pageReferrer, sanitizeUrlMemo);
  if (referrer !== undefined) out.referrer = referrer;
  return allow.pagePath || allow.pageUrl || allow.pageTitle || allow.pageReferrer ? out : undefined;
}

function reprojectContext(out: CleanEvent, clean: CleanEvent, ctx: ScrubContext): void {
  const { dest } = ctx;
  const allow = allowedFields(dest.allow);
  if (clean.campaign !== undefined && allow.campaign) out.campaign = scrubCampaign(clean.campaign, allow.campaign, ctx);
  if (clean.clickIds !== undefined && allow.clickIds) out.clickIds = scrubFlat(clean.clickIds, allow.clickIds, ctx, clickIdShaped);
  const ip = clean.ip !== undefined && allow.ip ? identifierValue('ip', clean.ip, ctx, truncateIp) : undefined;
  if (ip !== undefined) out.ip = ip;
  const ua = clean.userAgent !== undefined && allow.userAgent ? identifierValue('useragent', clean.userAgent, ctx, generalizeOnce) : undefined;
  if (ua !== undefined) out.userAgent = ua;
  if (clean.locale !== undefined && allow.locale) out.locale = clean.locale;
  if (clean.consent !== undefined && allow.consent) out.consent = { ...clean.consent };
  if (typeof clean.sessionId === 'number' && allow.sessionId) out.sessionId = clean.sessionId;
  const client = clean.client !== undefined && allow.context ? projectClientContext(clean.client, allow.context, ctx) : undefined;
  if (client !== undefined) out.client = client;
  if (clean.matchKeys !== undefined && dest.matchKeys && dest.baa) out.matchKeys = { ...clean.matchKeys };
}

// generalizeUa's output (`Chrome 126 / Linux / desktop`): parsed again it would lose the browser.
const GENERALIZED_UA = /^[^/]{1,80} \/ [^/]{1,80} \/ [a-z]{1,20}$/;
const generalizeOnce = (ua: string): string => (GENERALIZED_UA.test(ua) ? ua : generalizeUa(ua));

