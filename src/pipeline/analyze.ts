import { nonEmptyString, objectOrEmpty, type JsonObject, type JsonValue } from '../common/json.js';
import { hostOf, type UrlCache } from '../rules/url-parts.js';
import { vendorScreenBlock } from './vendor-screens.js';
import type { Plan, SitePlan } from '../rules/plan.js';
import { campaignOf, clickIdsOf, queryOf } from './query.js';
import { extraLocations } from './page-readings.js';
import { withAppScreen } from './app-links.js';
import { openedLinkPaths } from './opened-links.js';
import { conversionFormPaths } from './conversion-forms.js';
import { pageProperties, takeCameFrom, takePageNames } from './page-properties.js';
import { cartItemPaths } from './form-and-item-readings.js';
import { urlCampaignNamesTerm, withContextReferrer } from './page-context.js';
import { campaignNamesPatients } from './patient-campaigns.js';
import { noticeTextBlock } from './notice-texts.js';
import { hostBlock, pathVerdict } from './path-verdicts.js';
import { pageAddress } from './address-memo.js';
import { pageRoutesOf } from './routes-of.js';
import { framedBy, sensitiveStep } from './frames-and-steps.js';
import { categoryNameBlock, nameBlock, pageCategory, pageTitleVerdict, storyArea, withDoneStep } from './title-verdicts.js';
import { consentOf, eventTime, isoTime } from './time-and-consent.js';
import { callIds } from './identity.js';
import { clientFacts, type ClientContext } from './session-id.js';
import { outOfCache } from './cached-page.js';
import { hashRouted } from './fragment-route.js';
import { shellReadings } from './app-shell.js';

export type EventType = 'track' | 'page' | 'identify' | 'screen' | 'group' | 'alias';

/** What the pipeline reads from a raw event once, before any per-destination work. */
export interface EventInfo {
  readonly type: EventType;
  readonly messageId: string;
  readonly timestamp: string;
  /** ISO time phiwall received the event. */
  readonly receivedAt: string;
  readonly event?: string;
  readonly name?: string;
  /** `route`: a hash-routed page's fragment route (fragment-route.ts), sent on with its path and URL. */
  readonly page: { path?: string; url?: string; referrer?: string; title?: string; route?: string };
  /** Canonical paths of the page and of same-site referrers, for blocking. */
  readonly checkPaths: readonly string[];
  readonly canonicalPagePath?: string;
  readonly referrerSameSite: boolean;
  /** Hosts of the page URLs (for blocked_hosts). */
  readonly pageHosts: readonly string[];
  /** The path-scoped blocked-host rule a page URL matches (a vendor's booking pages), if any. */
  readonly hostPathBlocked?: string;
  /** The referrer comes from a blocked host (a portal): it is never forwarded. */
  readonly referrerBlockedHost: boolean;
  /** What the page's addresses block on (page-address.ts), null for nothing: blockReason reads it instead of the three above. */
  readonly addressBlocked?: string | null;
  /** The host of the page's URL, when analysis read it. */
  readonly pageUrlHost?: string;
  readonly pageGroup?: string;
  readonly sensitivePage: boolean;
  /** The blocked-path rule the page title or a tracked event's name matches (see title-verdicts). */
  readonly namedBlocked?: string;
  readonly campaign: Record<string, string>;
  readonly clickIds: Record<string, string>;
  readonly ip?: string;
  readonly userAgent?: string;
  readonly locale?: string;
  readonly consent: { analytics?: boolean; ads?: boolean };
  /** The session's start (s since epoch) when the event has a session id of that shape (session-id.ts); the client software (client-context.ts). */
  readonly sessionId?: number;
  readonly client?: ClientContext;
  readonly userId?: string;
  readonly anonymousId?: string;
  /** A group call's groupId and an alias call's previousId (identity.ts), as text. */
  readonly groupId?: string;
  readonly previousId?: string;
  /** Stable per visitor (anonymousId, userId, or ip+ua when cookieless): never forwarded. */
  readonly visitorKey: string;
  readonly properties: JsonObject;
  readonly traits: JsonObject;
}

const str = nonEmptyString, obj = objectOrEmpty;
// A patient's notice followed, or a campaign sent to patients (patient-campaigns.ts), is blocked as the portal it comes from.
const PATIENT_NOTICE_RULE = 'patient_portal';

/** Whom the pseudonymous id belongs to; total (never throws) so it can run before analysis. */
export function visitorKeyOf(raw: JsonObject, site: SitePlan): string {
  const context = obj(raw.context);
  return str(raw.anonymousId) ?? str(raw.userId) ?? `cookieless:${site.name}:${str(context.ip) ?? ''}:${str(context.userAgent) ?? ''}`;
}

/** `messageId`: the id as it goes on (message-id.ts); `urls`: the event's parsed-URL cache, shared with projection. */
export function analyzeEvent(raw: JsonObject, site: SitePlan, plan: Plan, receivedAt: number, messageId: string, urls?: UrlCache): EventInfo {
  const context = obj(raw.context);
  const ctxPage = obj(context.page);
  const { page, props } = outOfCache(withAppScreen(pageOf(ctxPage, obj(raw.properties))), obj(raw.properties));
  const host = hostMemo(urls);
  const properties = pageProperties(props, plan, host);
  const others = framedBy(page, otherLocations(raw, context, ctxPage, props, page));
  const cameFrom = withContextReferrer(takeCameFrom(), context.referrer);
  const search = str(ctxPage.search) ?? str(props.search);
  // The page URL's query read once, for its routes (the address) and a form's done step (the title).
  const urlRoutes = pageRoutesOf(page.url, plan);
  const address = pageAddress({ page, propsPath: str(props.path), propsUrl: str(props.url), propsReferrer: str(props.referrer), others, cameFrom, search }, site, plan, host, urlRoutes?.routes);
  const { route, group } = hashRouted(page.url, address.group, plan);
  const titled = pageTitleVerdict(str(raw.name), page.title, raw.type === 'track', plan, pageCategory(raw, props), storyArea(address.canonicalPagePath));
  const title = raw.type === 'track' ? titled : withDoneStep(titled, page.title, urlRoutes?.unnamedDone ?? false, plan);
  const query = queryOf(page.url, urls);
  const campaign = campaignOf(obj(context.campaign), query);
  const sensitiveByTerm = plan.sensitiveTerms !== undefined && (address.pathSensitive || (title?.sensitive ?? false) || urlCampaignNamesTerm(page.url, query, plan));
  const type = raw.type as EventType;
  const event = type === 'track' ? str(raw.event) : undefined;
  const ids = callIds(raw, type);
  const facts = clientFacts(raw, props, context, eventTime(raw, receivedAt));
  return {
    type,
    messageId,
    // Named rather than spread: a spread inside a literal copies through the runtime, per event.
    timestamp: facts.timestamp, sessionId: facts.sessionId, client: facts.client,
    receivedAt: isoTime(receivedAt),
    event,
    name: str(raw.name) ?? (type === 'page' ? page.title : undefined),
    page: route === undefined ? page : { ...page, route },
    checkPaths: address.checkPaths,
    canonicalPagePath: address.canonicalPagePath,
    referrerSameSite: address.referrerSameSite,
    pageHosts: address.pageHosts,
    hostPathBlocked: address.hostPathBlocked,
    referrerBlockedHost: address.referrerBlockedHost,
    addressBlocked: address.blocked,
    pageUrlHost: address.urlHost,
    pageGroup: group?.name ?? (sensitiveByTerm ? 'health_topic' : undefined),
    sensitivePage: (group?.sensitive ?? false) || (address.group?.sensitive ?? false) || sensitiveByTerm,
    namedBlocked: namedBlockOf(title?.blocked ?? vendorScreenBlock(raw, context, props, plan), event, props, campaign, plan),
    campaign, clickIds: clickIdsOf(query),
    ip: str(context.ip), userAgent: str(context.userAgent), locale: str(context.locale), consent: consentOf(context),
    userId: ids.userId, anonymousId: ids.anonymousId, groupId: ids.groupId, previousId: ids.previousId,
    visitorKey: visitorKeyOf(raw, site),
    properties,
    // A group call's traits describe the group: the user's own (context.traits, RudderStack sends them on every call) are not its.
    traits: obj(raw.traits ?? (type === 'group' ? undefined : context.traits)),
  };
}

/** The rule a page's title, the event's name or category, or a campaign naming a patient's own notice or sent to patients blocks by. */
function namedBlockOf(titleBlock: string | undefined, event: string | undefined, props: JsonObject, campaign: EventInfo['campaign'], plan: Plan): string | undefined {
  return titleBlock ?? (event === undefined ? undefined : nameBlock(event, plan) ?? categoryNameBlock(props.category, event, plan) ?? noticeTextBlock(event, props, plan))
    ?? (campaignNamesPatients(campaign, props) ? PATIENT_NOTICE_RULE : undefined);
}

/** The page as the event states it: Segment's `context.page`, else the page fields among the properties. */
function pageOf(ctxPage: JsonObject, props: JsonObject): EventInfo['page'] {
  return {
    path: str(ctxPage.path) ?? str(props.path),
    url: str(ctxPage.url) ?? str(props.url),
    referrer: str(ctxPage.referrer) ?? str(props.referrer),
    title: str(ctxPage.title) ?? str(props.title),
  };
}

/** Where else the event says the page is: page names among its properties, extraLocations, a separate fragment. */
function otherLocations(raw: JsonObject, context: JsonObject, ctxPage: JsonObject, props: JsonObject, page: EventInfo['page']): readonly string[] {
  const event = raw.type === 'track' ? str(raw.event) : undefined;
  // A conversion's form (conversion-forms.ts) is read like the page names found among the properties.
  const found = conversionFormPaths(event, props, page.path ?? page.url, openedLinkPaths(event, props, withCartItems(takePageNames(), event, props, page.path)));
  // An app shell's title and page names say which of the member's pages it shows (app-shell.ts).
  const shell = shellReadings(page, raw.type === 'track' ? undefined : str(raw.name), props, found, raw.type === 'screen');
  const names = shell === undefined ? found : [...(found ?? []), ...shell];
  const located = extraLocations(raw, context, ctxPage, props, (page.path ?? page.url ?? str(props.path) ?? str(props.url)) !== undefined);
  // A fragment sent apart from the URL (`hash: "#/billing/pay"`) routes like one in it.
  const hash = str(ctxPage.hash);
  return names === undefined && hash === undefined ? located : [...located, ...(names ?? []), ...(hash === undefined ? [] : [`/${hash}`])];
}

/** The page names found among the properties, and a cart event's items read under a cart (cartItemPaths). */
function withCartItems(names: string[] | undefined, event: string | undefined, props: JsonObject, pagePath: string | undefined): string[] | undefined {
  const items = cartItemPaths(event, props, pagePath);
  return items === undefined ? names : names === undefined ? items : [...names, ...items];
}

/**
 * hostOf, remembering the last two answers: page and property URLs are usually the same
 * string, and analysis asks for the page URL's and the referrer's hosts in turn.
 */
function hostMemo(urls: UrlCache | undefined): (u: string | undefined) => string | undefined {
  let a: string | undefined;
  let aHost: string | undefined;
  let b: string | undefined;
  let bHost: string | undefined;
  return (u) => {
    if (!u) return undefined;
    if (u === a) return aHost;
    if (u !== b) { bHost = hostOf(u, urls); b = u; }
    // The latest answer moves to the front.
    const host = bHost;
    b = a; bHost = aHost; a = u; aHost = host;
    return host;
  };
}

/** The name of the first blocked-path rule matching any of the event's paths, if any. */
export function blockReason(info: EventInfo, plan: Plan): string | undefined {
  if (info.addressBlocked !== undefined) {
    if (info.addressBlocked !== null) return info.addressBlocked;
  } else {
    const rule = addressRule(info, plan);
    if (rule !== undefined) return rule;
  }
  // A page titled as the portal (`Messages | MyChart`), or a tracked event named after it
  // (`MyChart Login`), is the portal whatever its URL says.
  return info.namedBlocked ?? (info.sensitivePage ? sensitiveStep(info, plan) : undefined);
}

/** The first blocked-host, path-scoped host or blocked-path rule of an EventInfo that does not carry it. */
function addressRule(info: EventInfo, plan: Plan): string | undefined {
  for (const h of info.pageHosts) {
    const rule = hostBlock(h, plan);
    if (rule !== null) return rule;
  }
  if (info.hostPathBlocked !== undefined) return info.hostPathBlocked;
  for (const p of info.checkPaths) {
    const rule = pathVerdict(p, plan).blocked;
    if (rule !== null) return rule;
  }
  return undefined;
}
