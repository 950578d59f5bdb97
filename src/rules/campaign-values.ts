// A campaign or promotion named with its day (`spring_sale_2026-03-14`, `eofy_2026-06-30_email`,
// `flu-shots-20261001`), judged by its field name (named-values.ts): a date of the site's calendar, not
// a person's. Kept when the value is a slug of words with one date of a recent year (from five years back
// to next year) and no other run of 5+ digits; an old date (`promo_1961-03-14`) or a long number in it is
// still the detectors'. (A count or balance sent as digits is scrub-number.ts's measureName.)
const CAMPAIGN_FIELDS: ReadonlySet<string> = new Set(['campaign', 'campaignid', 'campaignname', 'campaignkey', 'campaigncode',
  'campaignlabel', 'campaignslug', 'utmcampaign', 'utmcontent', 'promo', 'promoid', 'promoname', 'promotion', 'promotionid',
  'promotionname', 'creativename', 'adname', 'adsetname', 'adgroupname', 'flightname', 'cmpid']);
const SLUG = /^[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*$/;
const DATE = /(?<![0-9])(20\d\d)(-?)(?:0[1-9]|1[0-2])\2(?:0[1-9]|[12]\d|3[01])(?![0-9])/;
const LONG_RUN = /[0-9]{5}/;

/** Whether `value`, under campaign field `norm`, is a campaign slug with a recent date in it. */
export function datedCampaign(norm: string, value: string, nowYear: number): boolean {
  if (!CAMPAIGN_FIELDS.has(norm) || !SLUG.test(value)) return false;
  const m = DATE.exec(value);
  if (m === null) return false;
  const year = +(m[1] as string);
  if (year < nowYear - 5 || year > nowYear + 1) return false;
  return !LONG_RUN.test(value.slice(0, m.index) + ' ' + value.slice(m.index + m[0].length));
}
