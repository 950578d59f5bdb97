import { isJsonObject, type JsonValue } from '../common/json.js';
import { PlanMemos } from '../common/bounded-memo.js';
import type { Plan } from '../rules/plan.js';
import { termInText } from '../rules/health-terms.js';
import type { TermTest } from '../rules/term-pattern.js';
import type { QueryGet } from './query.js';

// What an event's context says about the page beyond its location: the campaign in the page URL
// (a campaign naming a condition, `utm_campaign=depression-screening`, lands on that condition's
// audience: the page is sensitive, and its URL, which keeps `utm_*`, is not sent; a campaign
// value itself is dropped by the sensitive-terms scan) and Segment's `context.referrer` object.

const UTM_PARAMS = ['utm_campaign', 'utm_term', 'utm_content', 'utm_source', 'utm_medium'];
// A site runs a handful of campaigns, sent again with every event: the answer per value is
// remembered per plan (bounded).
const answers = new PlanMemos<boolean>(1024);

/** Whether a `utm_*` parameter of the page URL (`query`) names a sensitive term; only URLs with `utm_` are read. */
export function urlCampaignNamesTerm(url: string | undefined, query: QueryGet, plan: Plan): boolean {
  const terms = plan.sensitiveTerms;
  if (terms === undefined || url === undefined) return false;
  const q = url.indexOf('?');
  if (q < 0 || url.indexOf('utm_', q) < 0) return false;
  for (const p of UTM_PARAMS) { const v = query(p); if (v && termIn(v, terms, plan)) return true; }
  return false;
}

function termIn(v: string, terms: TermTest, plan: Plan): boolean {
  const memo = answers.of(plan);
  let hit = memo.get(v);
  if (hit === undefined) { hit = termInText(v, terms); memo.set(v, hit); }
  return hit;
}

/**
 * Segment's `context.referrer: {type, url}` is where the visitor came from, like a page referrer (an app's SDK puts
 * there the deep link that opened it, read as the app's screen: page-address.ts, app-links.ts openedScreen).
 */
export function withContextReferrer(cameFrom: string[] | undefined, ref: JsonValue | undefined): readonly string[] | undefined {
  if (!isJsonObject(ref) || typeof ref.url !== 'string' || ref.url.length === 0) return cameFrom;
  return cameFrom === undefined ? [ref.url] : [...cameFrom, ref.url];
}

// A patient's own notice sent as a campaign: an appointment or visit reminder, a refill or results alert, a bill or a
// message waiting (`utm_campaign=appointment-reminder`, `rx-refill-reminder`, `results-ready`, `new-message-notification`)
// goes only to patients about their own care, so its click is the patient following it, whatever public page it lands
// on: the event is blocked like the portal page such a notice links to. A seasonal or general campaign flows
// (`flu-shot-reminder`, `fall-checkup-reminder`, `newsletter`).
const PATIENT_NOTICE = /(?:^|[^a-z])(?:appointments?|appts?|visits?|refills?|rx|prescriptions?|results?|labs?|bills?|statements?|payments?|balances?|(?:secure-?)?messages?|portal|mychart|check-?in)[\s_-]+(?:reminders?|notifications?|notices?|alerts?|ready|due|available)(?:$|[^a-z])/i;

/** Whether a campaign value names a patient's own notice (an appointment reminder, a result or a message waiting). */
export function campaignNamesNotice(campaign: Readonly<Record<string, string>>): boolean {
  for (const k in campaign) if (PATIENT_NOTICE.test(campaign[k] as string)) return true;
  return false;
}
