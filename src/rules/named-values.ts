// Short strings whose field name decides them before the detectors read them (scrub-tree's scrubField):
// one map lookup of the normalized key per string of up to 32 characters.
// - content and offer dates (content-date.ts);
// - versions and build numbers: a calendar version of a recent year (`version: 2026.11.1`, `build: 20261110.1`)
//   read as a date, a browser's `120.0.6099.109` as a record number; kept when the whole value has that shape;
// - order and transaction ids with a shop's prefix (`TXN-98765432`, `ORD-2026-123456`): an order is not in
//   the Safe Harbor list (a medical record number is: `MRN-123456` has no shop prefix and is still redacted);
// - an age in months over 89 years held as a string (`age_months: "1155"`), dropped as the number is;
// - by the key's last word (memoized per key): an amount or count written as a string (`goal_amount: "2500000"`,
//   `reach_count: "1,450,211"`: read as a record number or, at 5 digits, a ZIP code), the event's own time
//   (event-time.ts), a site's or tool's object id (marketing-ids.ts), a version under any `*version` key
//   (`form_version: 2026.10.2`), a browser's language list, a bare host name under a host key (host-values.ts).
import { comingDate, CONTENT_DATE_FIELDS, publicDateName, wholeContentDate } from './content-date.js';
import { AGE_MONTHS, BUILD_NUMBERS, BUILD_STAMP, measureName, MONTHS_89 } from './scrub-number.js';
import { careWord, eventTimeName, nearNow } from './event-time.js';
import { AD_OBJECT_FIELDS, adObjectName, adObjectShaped, CATALOGUE_FIELDS, catalogueShaped, JOB_FIELDS, meetingDigits, objectDigits, objectIdShaped, objectName, TRACE_FIELDS,
  traceShaped } from './marketing-ids.js';
import { productCode } from './schema-org.js';
import { bareHost, HOST_KEY } from './host-values.js';
import { datedCampaign } from './campaign-values.js';
import { roleNameValue } from './role-values.js';
import { codeShaped, personCodeName } from './person-codes.js';
import type { JsonValue } from '../common/json.js';
import { BoundedMemo } from '../common/bounded-memo.js';

const COMMAS = /,/g;

export { keptHost } from './host-values.js';

export const KEEP = 1;
export const DROP = 2;
/** A bare host name under a host key: kept unless a blocked host or a sensitive term (host-values.ts). */
export const HOST_NAME = 3;
/** A person's full name under a key naming a role (role-values.ts): the field goes, counted as a name. */
export const PERSON = 4;
/** A person's own code under a key naming the person and an id word (person-codes.ts): the field goes, counted as unique_id. */
export const PERSON_CODE = 5;
export type NamedVerdict = typeof KEEP | typeof DROP | typeof HOST_NAME | typeof PERSON | typeof PERSON_CODE | 0;

const CONTENT = 1, VERSION = 2, ORDER = 3, AGE_IN_MONTHS = 4, TRACE = 5, CATALOGUE = 6, AD_OBJECT = 7, MEASURE = 8, EVENT_TIME = 9, OBJECT = 10,
  LANGUAGES = 11, HOSTS = 12, PUBLIC_DATE = 13, MEETING = 14, SHORT_CODE = 15, PERSONS_CODE = 16, NONE = 0;
// Not a bare `release`: in a hospital's events it can be a discharge (`release: 2026.11.28`).
const VERSION_FIELDS = ['version', 'ver', 'appversion', 'appver', 'build', 'buildnumber', 'buildno', 'buildid', 'buildversion', 'appbuild',
  'releaseversion', 'releasetag', 'sdkversion', 'libraryversion', 'libversion', 'clientversion', 'bundleversion', 'versionname',
  'softwareversion', 'firmwareversion', 'osversion', 'browserversion', 'pluginversion', 'themeversion', 'apiversion', 'schemaversion',
  'configversion', 'siteversion', 'webversion', 'codeversion', 'trackerversion', 'tagversion', 'uaversion', 'buildnum', 'buildcode',
  'versioncode', 'appversioncode', 'sdk', 'library', 'lib', 'firmware', 'fw',
  // An error tracker's release of the site's code (Sentry's `release: "web@2026.11.27-2"` under the tool's name).
  'sentryrelease', 'apprelease', 'clientrelease', 'webrelease', 'frontendrelease', 'coderelease'];
const ORDER_FIELDS = ['orderid', 'ordernumber', 'orderno', 'ordernum', 'orderref', 'orderreference', 'transactionid', 'transactionnumber',
  'transactionref', 'txnid', 'txn', 'trxid', 'checkoutid', 'invoiceid', 'invoicenumber', 'invoiceno', 'purchaseid', 'paymentid',
  'cartid', 'basketid', 'cartnumber', 'basketnumber',
  // The object named alone (`order: "ORD-2026-118833"`, `{transaction: "TXN-…"}`): the shape test is the same.
  'order', 'transaction', 'invoice', 'purchase', 'receipt', 'receiptnumber', 'receiptno'];
const KINDS: ReadonlyMap<string, number> = new Map([
  ...[...CONTENT_DATE_FIELDS].map((k): [string, number] => [k, CONTENT]),
  ...VERSION_FIELDS.map((k): [string, number] => [k, VERSION]),
  ...ORDER_FIELDS.map((k): [string, number] => [k, ORDER]),
  ...[...AGE_MONTHS].map((k): [string, number] => [k, AGE_IN_MONTHS]),
  ...TRACE_FIELDS.map((k): [string, number] => [k, TRACE]),
  ...[...CATALOGUE_FIELDS, ...JOB_FIELDS].map((k): [string, number] => [k, CATALOGUE]),
  ...AD_OBJECT_FIELDS.map((k): [string, number] => [k, AD_OBJECT]),
]);

/** KEEP: the string goes out as it is; DROP: the field goes; 0: the detectors decide. `now`: ms since 1970. */
export function namedValue(norm: string, value: string, nowYear: number, now: number): NamedVerdict {
  if (productCode(norm, value)) return KEEP;
  // A digest named by its algorithm may be longer (`sha256:` and 64 hex digits) under an object's key.
  if (value.length > 55) return value.length <= 136 && kindOf(norm) === OBJECT ? verdict(OBJECT, norm, value, nowYear, now) : 0;
  if (roleNameValue(norm, value)) return PERSON;
  if (datedCampaign(norm, value, nowYear)) return KEEP;
  const kind = kindOf(norm);
  // Only a traceparent (55 characters), a UUID (36) and a digest are longer than 32.
  if (kind === NONE || (value.length > 32 && kind !== TRACE && kind !== OBJECT && kind !== CATALOGUE && kind !== PERSONS_CODE)) return 0;
  return verdict(kind, norm, value, nowYear, now);
}

/**
 * Whether a list under a plural key keeps every entry as its singular key would (`content_ids:
 * ["48213"]`, `skus`, `item_ids`): each entry is a string that key's verdict keeps.
 */
export function keptList(norm: string, values: readonly JsonValue[], nowYear: number, now: number): boolean {
  if (values.length === 0 || norm.charCodeAt(norm.length - 1) !== 115) return false;
  const one = norm.slice(0, -1);
  if (!KINDS.has(one)) return false;
  return values.every((v) => typeof v === 'string' && namedValue(one, v, nowYear, now) === KEEP);
}

// Kinds read from a key's last word, remembered per normalized key (bounded: keys repeat across events).
const derived = new BoundedMemo<number>(10_000);

function kindOf(norm: string): number {
  const named = KINDS.get(norm);
  if (named !== undefined) return named;
  let kind = derived.get(norm);
  if (kind === undefined) {
    // A person's code first: `member_number` is no tally, `participant_ref` no object of the site's.
    kind = personCodeName(norm) ? PERSONS_CODE : measureName(norm) ? MEASURE : publicDateName(norm, careWord) ? PUBLIC_DATE : eventTimeName(norm) ? EVENT_TIME : adObjectName(norm) ? MEETING
      : objectName(norm) ? OBJECT
      : norm.endsWith('version') ? VERSION : LANGUAGE_NAME.test(norm) ? LANGUAGES : HOST_KEY.test(norm) ? HOSTS : SHORT_CODE_NAME.test(norm) ? SHORT_CODE : NONE;
    derived.set(norm, kind);
  }
  return kind;
}

function verdict(kind: number, norm: string, value: string, nowYear: number, now: number): NamedVerdict {
  switch (kind) {
    case CONTENT: return wholeContentDate(value, nowYear) ? KEEP : 0;
    case VERSION: return versionShaped(value, nowYear, norm === 'apiversion' ? API_VERSIONS_SINCE : nowYear - 5) || (BUILD_NUMBERS.has(norm) && BUILD_DIGITS.test(value)) ? KEEP : 0;
    case ORDER: return shopOrderId(value, nowYear) ? KEEP : 0;
    case TRACE: return traceShaped(value) ? KEEP : 0;
    case CATALOGUE: return catalogueShaped(value) || objectIdShaped(value) ? KEEP : 0;
    case AD_OBJECT: return adObjectShaped(value) || objectIdShaped(value) ? KEEP : 0;
    case MEASURE: return AMOUNT.test(value) ? KEEP : 0;
    case EVENT_TIME: return nearNow(value, now) ? KEEP : 0;
    case PUBLIC_DATE: return nearNow(value, now) || comingDate(value, now) ? KEEP : 0;
    case OBJECT: return objectIdShaped(value) || objectDigits(value) ? KEEP : 0;
    case MEETING: return meetingDigits(value) || objectIdShaped(value) ? KEEP : 0;
    case LANGUAGES: return ACCEPT_LANGUAGE.test(value) ? KEEP : 0;
    case HOSTS: return bareHost(value) ? HOST_NAME : 0;
    case SHORT_CODE: return SHORT_CODE_DIGITS.test(value) ? KEEP : 0;
    case PERSONS_CODE: return codeShaped(value) ? PERSON_CODE : 0;
    default: return monthsOver89(value) ? DROP : 0;
  }
}

// An SMS short code or a shop's promo code held as five digits (`sms_short_code: "47132"`, `promo_code: "90210"`): under a
// key naming that code it is no ZIP code, which a bare five-digit value under a key naming nothing is read as (zip.ts).
const SHORT_CODE_NAME = /(?:short|sms|promo|promotion|coupon|discount|voucher|offer|referral|redemption|keyword)code$|^(?:sms|smsnumber|promo|coupon|voucher)$/;
const SHORT_CODE_DIGITS = /^\d{4,6}$/;

// A browser's language list as its Accept-Language header writes it (`es-MX,es;q=0.9,en;q=0.8`), read as a
// `q` (search query) field inside a text; under a key naming languages (`browser_language`, `accept_language`).
const LANGUAGE_NAME = /(?:language|languages|lang|langs|locale|locales)$/;
const ACCEPT_LANGUAGE = /^(?:[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}|\*)(?:;q=[01](?:\.\d{1,3})?)?(?:,\s?(?:[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}|\*)(?:;q=[01](?:\.\d{1,3})?)?){0,11}$/;

// An amount or a tally as text: up to 8 digits (`2500000`, `18230.55`) or grouped by commas (`$1,482,115`);
// 9 digits or more are an SSN's, a phone number's or an account's length and are left to the detectors.
const AMOUNT = /^(?:[$€£]\s?)?(?:\d{1,8}|\d{1,3}(?:,\d{3}){1,2})(?:\.\d{1,4})?$/;

// A calendar version: a recent year's `YYYY` or `YYYYMMDD`, then 1-3 short dotted parts (8 digits at most:
// no phone number or SSN after a year), then perhaps a pre-release word or a commit hash (no free words).
// A channel's word may come first (`web-2026.11.27-3`, `fs-2026-11-27.3`), and the parts may be dashed as a date's are.
const CALVER = new RegExp('^(?:[a-z]{1,10}[-_])?v?(20\\d\\d)(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))?(?:([.-])\\d{1,2})(?:\\2\\d{1,2})?(?:\\.\\d{1,4})?' +
  '(?:[-+](?:(?:alpha|beta|rc|dev|pre|preview|canary|nightly|hotfix|patch|snapshot|build|b)(?:\\.?\\d{1,4})?|[0-9a-f]{7,12}|\\d{1,4}))?$', 'i');
// A browser's four-part version (`120.0.6099.109`), its build part read as a record number. Shorter dotted
// versions (`4.1.0`) are left to the detectors, which keep them, and which still read a dotted date (`3.14.85`),
// phone number (`617.555.0134`) or IPv4 address as one.
const BROWSER = /^v?\d{1,3}\.\d{1,3}\.\d{4,5}\.\d{1,3}$/;
// Four dotted parts under a version key whose first two are a version's small numbers (`appVersion: 10.4.2.118`,
// `firmware_version: 2.0.14.7`; blind pass 52 read them as IP addresses). A three-digit part first or second is an address's
// (`192.168.10.27`) or a dotted phone number's (`1.617.555.0134`), and stays the detectors'.
// A platform's word may come first (`sdk: web 5.12.0.3`, `library: ios/4.1.0.2`; set B).
const FOUR_PART = /^(?:[A-Za-z][A-Za-z.-]{0,15}[ /])?v?\d{1,2}\.\d{1,2}\.\d{1,5}\.\d{1,5}$/;
// A build number as an app store counts builds (`build_number: "5301042"`): 8 digits at most, as an amount's.
const BUILD_DIGITS = /^\d{1,8}$/;
// A build date alone (`build: 20261110`), or stamped to the minute or second (`202611301245`, `20261130-124501`): 12 and 14
// digits can pass Luhn, but under a version key a real day and clock time of a recent year is the build's (BUILD_STAMP).
const BUILD_DATE = BUILD_STAMP;

// A package's name before its version, as Sentry writes a release (`web@2026.11.27-2`, `my-app@2026.3.1`): lower-case
// letters, digits and dashes, no dot (no mail domain).
const PACKAGE_AT = /^[a-z][a-z0-9-]{0,40}@/;

// A web API's version is the day it was frozen, kept for years: every Twilio callback still says `ApiVersion=2010-04-01`.
// Under an API version key a calendar version from 2000 on is a version; under other version keys the last five years.
const API_VERSIONS_SINCE = 2000;

function versionShaped(raw: string, nowYear: number, sinceYear: number): boolean {
  const value = raw.indexOf('@') > 0 ? raw.replace(PACKAGE_AT, '') : raw;
  const cal = CALVER.exec(value) ?? BUILD_DATE.exec(value);
  if (cal === null) return BROWSER.test(value) || FOUR_PART.test(value);
  const y = +(cal[1] as string);
  return y >= sinceYear && y <= nowYear + 1;
}

// A shop's prefix, an optional year and 4-8 digits: not 9 (an SSN) or 10-11 (a phone number).
const PREFIX = '(?:ORD|ORDER|TXN|TRX|TX|TRANS|INV|PO|SO|PUR|PAY|CHK|CART|BSK|BASKET|SHOP|WEB|CO|CS)';
const SHOP_ORDER = new RegExp(`^${PREFIX}[-_#]?(?:20\\d\\d[-_])?\\d{4,8}$`, 'i');
// The order's own day before its number (`ORD-2026-11-23-00042`, `ORDER-20261127-0042`): the day of a purchase,
// which the event's timestamp already carries; a year far from today's is not an order's (`ORD-1961-03-14-…`).
const DATED_ORDER = new RegExp(`^${PREFIX}[-_]?(20\\d\\d)[-_]?(?:0[1-9]|1[0-2])[-_]?(?:0[1-9]|[12]\\d|3[01])[-_]\\d{3,8}$`, 'i');
// A shop's prefix and a random hex token (`chk_7e1f2c9a`, `cart-5f0c2d9e41ab`): with a letter, and no run of 5
// digits (`TXN-6175550134` is a phone number).
const TOKEN_ORDER = new RegExp(`^${PREFIX}[-_](?=[0-9a-f]*[a-f])(?![0-9a-f]*[0-9]{5})[0-9a-f]{8,32}$`, 'i');

// Any shop's own prefix of 1-5 letters (`GS-2026-004187` at a gift shop, `WS-2026-58213`, `T-88213-2026`), unless it
// names a record, a person, a claim or a visit (`MRN-2026-123456`, `FIN-…`, `CSN-…`), which stays a record number.
const ANY_PREFIX_ORDER = /^([A-Za-z]{1,5})[-_#]?(?:20\d\d[-_])?\d{4,8}(?:[-_]20\d\d)?$/;
const RECORD_PREFIXES: ReadonlySet<string> = new Set(('MRN MR MRUN MED MEDS PT PAT PATNT PID ENC EN VN ADM ACC ACCN ACCT AC LAB LABS RAD ' +
  'RX RXN CLM CLAIM MBR MEM MID SSN SS SSA DL NPI DEA EMP HAR FIN CSN HN HCN PHN NHS ID UID CASE CHART VISIT APPT REF AUTH PA ELIG ' +
  'GRP POL SUB INS CARD DOB ER ED OR HSP HOSP BED ROOM RM UNIT').split(' '));

// A marketplace's order number in its own 3-7-7 layout (`112-7734019-2284711`, Amazon's): no SSN's, phone number's or
// card's layout, and only under an order key.
const MARKETPLACE_ORDER = /^\d{3}-\d{7}-\d{7}$/;

function shopOrderId(value: string, nowYear: number): boolean {
  if (SHOP_ORDER.test(value) || TOKEN_ORDER.test(value) || MARKETPLACE_ORDER.test(value)) return true;
  const any = ANY_PREFIX_ORDER.exec(value);
  if (any !== null && !RECORD_PREFIXES.has((any[1] as string).toUpperCase())) return true;
  const dated = DATED_ORDER.exec(value);
  return dated !== null && Math.abs(+(dated[1] as string) - nowYear) <= 1;
}

// `1155`, `1,155`, `1155 months`, `1155mo`: the number's digits, when nothing else is there.
const MONTHS = /^\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:mo|mos|months?)?\.?\s*$/i;

function monthsOver89(value: string): boolean {
  const m = MONTHS.exec(value);
  return m !== null && +(m[1] as string).replace(COMMAS, '') > MONTHS_89;
}
