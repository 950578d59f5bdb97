// A date a site publishes about its own content or offers (`published: 2026-12-31`, `sale_ends: 12/31/2026`,
// `promo_valid_until: December 24, 2026`) is no one's birth, visit or discharge date, but the date detector
// redacts every date: news and promotions lost theirs. Kept only when the field is named for such a date,
// the whole value is one date and its year is near today's (a birth date never is; older
// dates stay `[DATE]`, `published: 1961-03-05` might be anything).
import { MONTH_NAMES } from './detectors/month-names.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const CONTENT_DATE_FIELDS: ReadonlySet<string> = new Set([
  'published', 'publishdate', 'publishedat', 'publishedon', 'publisheddate', 'datepublished', 'publicationdate', 'pubdate',
  'updated', 'updatedat', 'updatedon', 'lastupdated', 'modified', 'modifiedat', 'datemodified', 'lastmodified',
  'posted', 'postedat', 'postedon', 'postdate', 'dateposted', 'validuntil', 'validthrough', 'validfrom', 'pricevaliduntil',
  'promovaliduntil', 'promoends', 'promoend', 'promostart', 'promostarts', 'promoexpires', 'saleends', 'saleend', 'salestarts',
  'salestart', 'offerends', 'offerexpires', 'offervaliduntil', 'couponexpires', 'releasedate', 'releasedat',
  // Offers, coupons and a public event's registration window under their longer names.
  'offervalidthrough', 'offervalidfrom', 'offerstarts', 'offerend', 'dealends', 'dealexpires', 'couponexpiry', 'couponexpiration',
  'couponvaliduntil', 'couponvalidthrough', 'promoexpiry', 'promoexpiration', 'saleexpires', 'registrationcloses',
  'registrationdeadline', 'registrationopens', 'earlybirdends', 'webinardate',
  // A public class's, course's, workshop's or webinar's scheduled date (a visit's or a session's is not here: a
  // telehealth session is a visit).
  'classdate', 'classstartdate', 'classstarts', 'coursedate', 'coursestartdate', 'coursestarts', 'workshopdate', 'seminardate',
  'webinarstart', 'webinarstartdate', 'webinarstarts', 'webinartime', 'lecturedate', 'tourdate',
  'posteddate', 'publisheddatetime', 'modifieddate', 'updateddate', 'lastmodifieddate', 'lastupdateddate', 'reviseddate', 'revised',
  'lastreviewed', 'reviewedon', 'datereviewed', 'medicallyreviewed', 'closingdate', 'applicationdeadline',
]);
// ISO date or date-time, US `12/31/2026`, `December 24, 2026`, `24 Dec 2026`: the year's place in each.
const WHOLE_DATE = new RegExp(
  '^(?:(\\d{4})-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,6})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?' +
  `|\\d{1,2}/\\d{1,2}/(\\d{4})|(?:${MONTH_NAMES})\\.? \\d{1,2},? (\\d{4})|\\d{1,2} (?:${MONTH_NAMES})\\.? (\\d{4}))$`, 'i');

/** Whether `value` is one whole date of a year near today's (under a content date's name: see above). */
export function wholeContentDate(value: string, nowYear: number): boolean {
  const m = WHOLE_DATE.exec(value);
  if (m === null) return false;
  const year = +(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return year >= nowYear - 1 && year <= nowYear + 2;
}

// A public event's or a listing's date under a key of its own (`gala_date`, `event_start_date`, `menu_date`,
// `race_starts_at`): the head word names a public gathering or a posted schedule, the last a date or a start/end.
// Kept only when the whole value is one date from today to two years ahead (a registration is for what is to
// come; an event's past date may be a person's, `event_date` of a life event) and no care word is in the key.
const PUBLIC_HEADS = ['event', 'class', 'course', 'webinar', 'workshop', 'seminar', 'lecture', 'tour', 'conference', 'symposium',
  'summit', 'gala', 'fundraiser', 'race', 'fair', 'festival', 'concert', 'ceremony', 'expo', 'menu', 'meetup', 'drive', 'walk',
  // A marketing campaign's or a sale's flight (blind pass 32: `campaign_start_date: 2026-12-01` was cut).
  'campaign', 'promo', 'promotion', 'sale'];
const DATE_TAILS = /(?:date|dates|day|start|starts|startdate|startsat|starttime|startson|end|ends|enddate|endsat|endson|datetime|time|at|on)$/;

// An offer's, a posting's or a listing's end or opening (`posting_expires`, `offer_ends_on`, `apply_by`, `available_until`,
// `early_bird_deadline`, a location's `next_available`): the head names what a site publishes, the tail its end. The care
// words are read in the head only: `expir` is one (a prescription's expiry), but here the tail says it. A bare `expires_on`
// or `expiry` stays `[DATE]`: it may be a card's or a coverage's, a person's date.
const OFFER_HEADS = ['offer', 'promo', 'promotion', 'coupon', 'deal', 'sale', 'discount', 'price', 'pricing', 'banner', 'campaign',
  'posting', 'jobposting', 'listing', 'vacancy', 'opening', 'apply', 'registration', 'signup', 'earlybird', 'ticket',
  'available', 'availability', 'nextavailable', 'firstavailable', 'nextopening', ...PUBLIC_HEADS];
const OFFER_TAILS = /(?:expires|expireson|expiresat|expiry|expiration|expirationdate|expirydate|ends|endson|endsat|enddate|until|deadline|closes|closeson|closesat|by|opens)$/;
const AVAILABLE = /^(?:next|first|earliest)(?:available|opening)(?:date|day|on|at)?$/;

function offerDateName(norm: string, careWord: (norm: string) => boolean): boolean {
  if (AVAILABLE.test(norm)) return true;
  const tail = OFFER_TAILS.exec(norm);
  if (tail === null || tail.index === 0) return false;
  const head = norm.slice(0, tail.index);
  // `available` holds `lab`, a care word, in its letters.
  return OFFER_HEADS.some((h) => head.endsWith(h)) && !careWord(head.replace('available', ''));
}

/** Whether a normalized key names a public event's or a posted schedule's date, or an offer's end (see above). */
export function publicDateName(norm: string, careWord: (norm: string) => boolean): boolean {
  if (offerDateName(norm, careWord)) return true;
  const tail = DATE_TAILS.exec(norm);
  if (tail === null) return false;
  let head = norm.slice(0, tail.index);
  if (head.endsWith('start') || head.endsWith('end')) head = head.slice(0, head.endsWith('end') ? -3 : -5);
  return PUBLIC_HEADS.some((h) => head.endsWith(h)) && !careWord(norm);
}

const DAY_MS = 86_400_000;

/** Whether `value` is one whole date (see WHOLE_DATE) from two days ago to two years ahead of `now`. */
export function comingDate(value: string, now: number): boolean {
  if (WHOLE_DATE.exec(value) === null) return false;
  const t = Date.parse(ISO_DATE.test(value) ? `${value}T12:00:00Z` : value);
  return t >= now - 2 * DAY_MS && t <= now + 731 * DAY_MS;
}
