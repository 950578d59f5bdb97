// Ids that analytics tools, shops and ad platforms mint for their own objects, kept when the field is named for
// such an object and the whole value has that object's shape (named-values.ts decides by field name first):
// - a W3C trace context (`trace_id: 4bf92f35…` 32 hex, `span_id` 16 hex, `traceparent: 00-…-…-01`): the
//   long-hex detector reads any 32 hex digits as an id (an MD5 of an email is one), a tracer's are not a person's;
// - a catalogue's product, item and content numbers (`sku: 8675309`, `product_id: prod_48213`, `SKU-88412-BLU`):
//   7-8 digits read as a record number, 5 as a ZIP code. An SSN- or phone-shaped value (9-11 digits, or digits
//   split by separators with no letter) is not taken for a catalogue code and is left to the detectors;
// - an ad click id (`fbclid`, `msclkid`, `ttclid`, under `click_ids.*`, which a destination receives only when its
//   allow list names it): the platform's opaque token, read by code_like or long-hex as an id. A token of URL-safe
//   characters with letters and digits; anything else (an email, a phone number, an SSN: no letter or an `@`) is scanned;
// - an ad platform's or testing tool's numeric object id (`campaign_id: 120208374918230045`, `adset_id`,
//   `ad_group_id`, `creative_id`, `variation_id: 7031245561`): digits only. Not `ad_id`/`adid`, which is also
//   a phone's advertising id (M).

import { countDigits } from './detectors/scan.js';
import { careWord } from './event-time.js';
import { ssnValid } from './detectors/checksums.js';

const ASCII_LETTER = /[A-Za-z]/;
const FIVE_TO_TWENTY_DIGITS = /^\d{5,20}$/;
const NINE_DIGITS = /\d{9}/;
const LEADING_19XX_YEAR = /^19\d\d(?!\d)/;
const FIVE_TO_TWELVE_DIGITS = /^\d{5,12}$/;

export const TRACE_FIELDS = ['traceid', 'spanid', 'parentid', 'parentspanid', 'rootspanid', 'traceparent', 'xb3traceid',
  'xb3spanid', 'xb3parentspanid', 'otteltraceid', 'otelspanid', 'oteltraceid'];
export const CATALOGUE_FIELDS = ['sku', 'skuid', 'productid', 'productsku', 'productcode', 'productnumber', 'itemid', 'itemsku',
  'itemnumber', 'itemcode', 'variantid', 'variantsku', 'contentid', 'articleid', 'postid', 'catalognumber', 'catalogueno',
  'catalogno', 'partnumber', 'partno', 'mpn', 'modelnumber', 'styleid', 'stylenumber', 'offerid', 'listingid', 'collectionid'];
// A job posting's own number (`job_id: REQ-2026-18342`, `requisition_number: 18877`): the site's listing, like a
// product's; an applicant's or a candidate's id is a person's (the field rules drop it first).
export const JOB_FIELDS = ['jobid', 'jobreqid', 'jobnumber', 'jobcode', 'jobpostingid', 'postingid', 'requisitionid', 'requisitionnumber',
  'requisitionno', 'reqid', 'jobrequisitionid', 'jobrequisition', 'vacancyid', 'openingid', 'requisition', 'jobreq'];
export const AD_OBJECT_FIELDS = ['campaignid', 'adsetid', 'adgroupid', 'creativeid', 'placementid', 'lineitemid', 'insertionorderid',
  'advertiserid', 'utmid', 'experimentid', 'variationid', 'audienceid', 'keywordid', 'adcampaignid'];

const TRACE = /^(?:[0-9a-f]{32}|[0-9a-f]{16}|[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2})$/i;

/** A W3C trace or span id, or a whole `traceparent`. */
export function traceShaped(value: string): boolean {
  return TRACE.test(value);
}

// One run of 3-8 or 12-14 digits (a GTIN's lengths; 9-11 is an SSN's or a phone number's); or a code with a letter: letters and digits in up to 4 parts joined by `-` or `_`
// (`prod_48213`, `SKU-88412-BLU`, `HX-2026-55510`, `GS-TEDDY-12`), 14 digits at most.
const DIGITS = /^(?:\d{3,8}|\d{12,14})$/;
const LETTERED = /^[0-9A-Za-z]{1,16}(?:[-_][0-9A-Za-z]{1,16}){0,3}$/;

/** A product, item or content number as a catalogue writes it. */
export function catalogueShaped(value: string): boolean {
  if (DIGITS.test(value)) return true;
  if (!LETTERED.test(value) || !ASCII_LETTER.test(value)) return false;
  return countDigits(value, 0, value.length) <= 14;
}

// The same kind of object under a name of its own, read from the key's end (named-values.ts): a meeting's or a
// webinar's number (Zoom's 9-11 digits: `zoom_meeting_id: 84512367901`, `webinarId`), which everyone who joins
// shares, and a testing tool's experiment, variation or layer keyed by the tool (`optimizely: {experiment:
// "24567890123", variation: …}`). Not a meeting of someone's care (a telehealth or video visit's: careWord, `tele`).
// A campaign's or a chat tool's playbook's number under a longer name (`email_campaign_id: 38119274`, Drift's `playbook_id`)
// is the sender's object too.
const AD_OBJECT_ENDINGS = ['meetingid', 'meetingnumber', 'meetingno', 'webinarid', 'webinarnumber', 'webinarno', 'experimentid',
  'variationid', 'layerid', 'campaignid', 'playbookid'];
const AD_OBJECT_BARE: ReadonlySet<string> = new Set(['experiment', 'variation', 'layer', 'meeting', 'webinar']);

/** Whether a normalized key ends naming a meeting, a webinar or a testing tool's object (see above). */
export function adObjectName(norm: string): boolean {
  if (AD_OBJECT_BARE.has(norm)) return true;
  // `playbook` holds `book` (a booking), a care word, in its letters.
  for (const e of AD_OBJECT_ENDINGS) if (norm.endsWith(e)) return !careWord(norm.replace('playbook', '')) && !norm.includes('tele');
  return false;
}

/** An ad platform's or testing tool's object id: 5-20 digits. */
export function adObjectShaped(value: string): boolean {
  return FIVE_TO_TWENTY_DIGITS.test(value);
}

/**
 * A meeting's, webinar's or test's number (Zoom's 9-11 digits): 5-20 digits, except a valid NANP number written 1
 * then 10 digits, as a dial-in or a phone number is (`15035550142`). One rule for the text and the JSON number.
 */
export function meetingDigits(value: string): boolean {
  return adObjectShaped(value) && !(value.length === 11 && value.charCodeAt(0) === 49 && !objectDigits(value));
}

// 16-200 URL-safe characters (base64url and dots: `E.C.P.CrgB…`), 4+ letters and 4+ digits, no run of
// 9+ digits (a phone number or SSN glued into a token).
const CLICK = /^[A-Za-z0-9][A-Za-z0-9._-]{15,199}$/;

/** An ad platform's click id (gclid, fbclid, msclkid, ttclid...) as the platform writes it. */
export function clickIdShaped(value: string): boolean {
  if (!CLICK.test(value) || NINE_DIGITS.test(value)) return false;
  let digits = 0, letters = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i) | 32;
    if (c >= 48 && c <= 57) digits++;
    else if (c >= 97 && c <= 122) letters++;
  }
  return digits >= 4 && letters >= 4;
}

// A site's or a tool's own object, named as such at the end of the key (`hs_form_guid`, `asset_id`, `request_id`,
// `bundle_hash`, `release_sha`, `etag`, `survey_id`): not a person's. Its id is a UUID, a hex digest or a
// tool's prefixed token (`dpl_7Hk2mQ9xV4`, `SV_3kH8mQ1pZ2wX9rT`), which the uuid, long-hex and code_like
// detectors read as a device's or a person's id. Not a session, user, visitor, device or chat id (those keys
// end otherwise, and the field rules drop them first), nor an object of someone's care (`appointment_request_id`,
// `refill_request_id`: event-time.ts's care words).
// Not a bare `*request_id` (`contact_request_id`, `callback_request_id`: a lead's record) nor `entry_id` (a form
// entry is a submission): an HTTP request's id only by its own names (OBJECT_NAMES).
export const OBJECT_NAMES: ReadonlySet<string> = new Set(['requestid', 'xrequestid', 'httprequestid', 'apirequestid', 'awsrequestid',
  'serverrequestid', 'correlationid', 'xcorrelationid']);
export const OBJECT_ENDINGS = ['correlationid', 'assetid', 'articleid', 'formid', 'formguid', 'templateid',
  'componentid', 'widgetid', 'deployid', 'deploymentid', 'commit', 'commitsha', 'commithash', 'gitsha', 'releasesha', 'buildsha',
  'etag', 'bundlehash', 'contenthash', 'assethash', 'cachekey', 'listid', 'surveyid', 'pollid', 'videoid', 'playlistid',
  // A player's own names for its video (`vimeo_id`, `wistia_media_id`, `clip_id`), as `video_id` is.
  'vimeoid', 'mediaid', 'clipid',
  // A public event's, a course's or a press release's listing, an app's crash or error report, a feature flag's rule
  // (`event_id: evt_2026_cpr_1205`, `crash_id: 5f1c9e0a…`, `rule_id: rule_7f3a`): the site's or the tool's own objects.
  'eventid', 'courseid', 'webinarid', 'episodeid', 'crashid', 'errorid', 'exceptionid', 'issueid', 'ruleid', 'flagid', 'linkid',
  // A CMS's content, asset, article, page or post keyed by its UUID or GUID (`content_uuid`, `asset_guid`).
  'contentuuid', 'contentguid', 'assetuuid', 'assetguid', 'articleuuid', 'articleguid', 'pageuuid', 'pageguid', 'postuuid', 'postguid',
  'mediauuid', 'mediaguid'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^(?=[0-9]*[a-f])[0-9a-f]{7,64}$/i;
// A tool's prefix, then letters and digits: no run of 7 digits (a record number), no `@`.
const PREFIXED = /^[A-Za-z]{1,10}[_-](?![0-9A-Za-z]*\d{7})[0-9A-Za-z]{6,40}$/;
// A tool's slug in parts (`gr_2026_11_18`, `evt_2026_cpr_1205`): a word first, then 2-7 parts of lower-case letters or
// up to 4 digits, one separator throughout. Digit parts in a row hold 6 digits at most (`ev_617_555_0134` is a phone
// number, `x_123_45_6789` an SSN), or are a date of this century (`2026_11_18`; `vid_1961_03_14` may be a birth date).
// A part may also be a short version (`v2`, `q4`) or a day of this century written without separators (`exp_20261129_checkout_v2`:
// a test's launch day; RECENT_DATE below still refuses other 8-digit parts).
const SLUG = /^(?=.{8,48}$)[a-z]{2,12}(?:([_-])(?:[a-z]{1,16}|\d{1,4}|[a-z]\d{1,2}|20\d{6}))(?:\1(?:[a-z]{1,16}|\d{1,4}|[a-z]\d{1,2}|20\d{6})){1,6}$/;
const DIGIT_RUN = /\d+(?:[_-]\d+)*/g;
const RECENT_DATE = /^20\d\d(?:[_-](?:(?:0?[1-9]|1[0-2])(?:[_-](?:0?[1-9]|[12]\d|3[01]))?|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))$/;

function slugId(value: string): boolean {
  if (!SLUG.test(value)) return false;
  for (const run of value.match(DIGIT_RUN) ?? []) {
    if (LEADING_19XX_YEAR.test(run) || (run.length - countSeparators(run) > 6 && !RECENT_DATE.test(run))) return false;
  }
  return true;
}

function countSeparators(run: string): number {
  let n = 0;
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) === 95 || run.charCodeAt(i) === 45) n++;
  return n;
}
// An HTTP entity tag, weak or strong (`W/"5e1f-18c2a7b9d4e"`): hex parts with a letter.
const ETAG = /^(?:W\/)?"(?=[^"]*[a-f])[0-9a-f]{1,32}(?:-[0-9a-f]{1,32}){0,2}"$/i;
// A digest named by its algorithm, as subresource integrity and image registries write it (`sha256-…` base64, `sha256:…` hex).
const NAMED_DIGEST = /^(?:sha(?:1|256|384|512)|md5)(?:-[A-Za-z0-9+/]{22,88}={0,2}|:[0-9a-f]{32,128})$/;

/** Whether a normalized key ends naming a site's or tool's object (see OBJECT_ENDINGS). */
export function objectName(norm: string): boolean {
  if (OBJECT_NAMES.has(norm)) return true;
  // The care word is looked for before the object's own name (`release_sha` is a build's, `refill_video_id` is not).
  for (const e of OBJECT_ENDINGS) if (norm.endsWith(e)) return !careWord(norm.slice(0, norm.length - e.length));
  return false;
}

/**
 * A tool's numeric object id (`video_id: 917245633`, a Zoom `webinar_id: 84512093311`): 5-12 digits, but not a
 * valid SSN's nine nor a North American phone number's ten (or eleven after a 1), which the detectors still read.
 */
export function objectDigits(value: string): boolean {
  if (!FIVE_TO_TWELVE_DIGITS.test(value)) return false;
  if (value.length === 9) return !ssnValid(value);
  const phone = value.length === 11 && value.charCodeAt(0) === 49 ? value.slice(1) : value.length === 10 ? value : '';
  return phone === '' || phone.charCodeAt(0) < 50 || phone.charCodeAt(3) < 50;
}

/** A UUID, a hex digest with a letter, a prefixed token or slug or an entity tag, as a tool writes an object's id. */
export function objectIdShaped(value: string): boolean {
  return UUID.test(value) || HEX.test(value) || PREFIXED.test(value) || ETAG.test(value) || NAMED_DIGEST.test(value) || slugId(value);
}
