import { adObjectShaped, objectDigits } from './marketing-ids.js';

// Query parameters that email and SMS platforms add to the links they send (HIPAA Safe Harbor R, "any other unique
// identifying number"), read by name in any URL sanitize_url keeps a query of (`page.url`, `page.referrer`, `link_url`,
// `page_location`…):
// - a recipient's own id or address: Mailchimp's `mc_eid`, HubSpot's `_hsenc`, Marketo's `mkt_tok`, Klaviyo's `_kx`/`_ke`,
//   Salesforce Marketing Cloud's `sfmc_sub`/`sfmc_id`/`subscriberkey`, ConvertKit's `ck_subscriber_id`, MailerLite's
//   `ml_subscriber`, ActiveCampaign's `vgo_ee`, Omnisend's `omnisendContactID`, and the plain `email`, `uid`, `user_id`,
//   `contact_id`, `external_id`, `recipient`, `phone`, `msisdn` a template fills in. The same person in every link they
//   click, so the user-id policy applies (README "Allow lists": `user_id` leaves raw only for a BAA destination): never
//   kept, even when `url_query_allow` names one (`phiwall check` warns), as a vendor's user-id field is dropped by name;
// - the send's own id, the same for every recipient: Mailchimp's `mc_cid`, HubSpot's `_hsmi`, SFMC's job `j` and batch
//   `jb`, `utm_id`. Where `url_query_allow` names one, a value of an object id's shape (5-20 digits, not a phone
//   number's ten, or 6-32 hex digits with a letter) is kept as the ad platforms' `campaign_id` is (marketing-ids.ts);
//   the detectors read it as a record number or a hex id otherwise. Anything else there is still scanned.
const RECIPIENT_PARAMS: ReadonlySet<string> = new Set(['mc_eid', '_hsenc', 'mkt_tok', '_kx', '_ke', 'sfmc_sub', 'sfmc_id',
  'sfmc_subscriber_id', 'subscriberkey', 'subscriber_key', 'subscriber_id', 'subscriberid', 'ck_subscriber_id', 'ml_subscriber',
  'ml_subscriber_hash', 'vgo_ee', 'omnisendcontactid', 'email', 'email_address', 'emailaddress', 'uid', 'user_id', 'userid',
  'contact_id', 'contactid', 'external_id', 'externalid', 'recipient', 'recipient_id', 'phone', 'msisdn']);
const CAMPAIGN_PARAMS: ReadonlySet<string> = new Set(['mc_cid', '_hsmi', 'j', 'jb', 'utm_id']);
const CAMPAIGN_HEX = /^(?=[0-9]*[a-f])[0-9a-f]{6,32}$/i;

/** Whether a query parameter's name (lower case) names a recipient (see above). */
export function recipientParam(name: string): boolean {
  return RECIPIENT_PARAMS.has(name);
}

/** Whether a listed parameter's value is a send's own id (see above): kept without the detectors' reading. */
export function campaignParamValue(name: string, value: string): boolean {
  if (!CAMPAIGN_PARAMS.has(name)) return false;
  if (CAMPAIGN_HEX.test(value)) return true;
  return adObjectShaped(value) && (value.length === 9 || value.length > 12 || objectDigits(value));
}

/** `url_query_allow.3: …` for each listed parameter that names a recipient, which is never kept. */
export function recipientQueryWarnings(allow: readonly string[] | undefined): string[] {
  const out: string[] = [];
  (allow ?? []).forEach((name, i) => {
    if (recipientParam(name.toLowerCase())) out.push(`url_query_allow.${i}: "${name}" names an email or SMS recipient (a person's id); it is never kept`);
  });
  return out;
}
