// Short strings whose field name decides them before the detectors read them (scrub-tree's scrubField):
// one map lookup of the normalized key per string of up to 32 characters.
// - content and offer dates (content-date.ts);
// - versions and build numbers: a calendar version of a recent year (`version: 2026.11.1`, `build: 20261110.1`)
//   read as a date, a browser's `120.0.6099.109` as a record number; kept when the whole value has that shape;
// - order and transaction ids with a shop's prefix (`TXN-98765432`, `ORD-2026-123456`): an order is not in
//   the Safe Harbor list (a medical record number is: `MRN-123456` has no shop prefix and is still redacted);
// - an age in months over 89 years held as a string (`age_months: "1155"`), dropped as the number is.
import { CONTENT_DATE_FIELDS, wholeContentDate } from './content-date.js';
import { AGE_MONTHS, MONTHS_89 } from './scrub-number.js';
import { AD_OBJECT_FIELDS, adObjectShaped, CATALOGUE_FIELDS, catalogueShaped, TRACE_FIELDS, traceShaped } from './marketing-ids.js';
import { productCode } from './schema-org.js';

export const KEEP = 1;
export const DROP = 2;
export type NamedVerdict = typeof KEEP | typeof DROP | 0;

const CONTENT = 1, VERSION = 2, ORDER = 3, AGE_IN_MONTHS = 4, TRACE = 5, CATALOGUE = 6, AD_OBJECT = 7;
// Not a bare `release`: in a hospital's events it can be a discharge (`release: 2026.11.28`).
const VERSION_FIELDS = ['version', 'ver', 'appversion', 'appver', 'build', 'buildnumber', 'buildno', 'buildid', 'buildversion', 'appbuild',
  'releaseversion', 'releasetag', 'sdkversion', 'libraryversion', 'libversion', 'clientversion', 'bundleversion', 'versionname',
  'softwareversion', 'firmwareversion', 'osversion', 'browserversion', 'pluginversion', 'themeversion', 'apiversion', 'schemaversion',
  'configversion', 'siteversion', 'webversion', 'codeversion', 'trackerversion', 'tagversion', 'uaversion'];
const ORDER_FIELDS = ['orderid', 'ordernumber', 'orderno', 'ordernum', 'orderref', 'orderreference', 'transactionid', 'transactionnumber',
  'transactionref', 'txnid', 'txn', 'trxid', 'checkoutid', 'invoiceid', 'invoicenumber', 'invoiceno', 'purchaseid', 'paymentid'];
const KINDS: ReadonlyMap<string, number> = new Map([
  ...[...CONTENT_DATE_FIELDS].map((k): [string, number] => [k, CONTENT]),
  ...VERSION_FIELDS.map((k): [string, number] => [k, VERSION]),
  ...ORDER_FIELDS.map((k): [string, number] => [k, ORDER]),
  ...[...AGE_MONTHS].map((k): [string, number] => [k, AGE_IN_MONTHS]),
  ...TRACE_FIELDS.map((k): [string, number] => [k, TRACE]),
  ...CATALOGUE_FIELDS.map((k): [string, number] => [k, CATALOGUE]),
  ...AD_OBJECT_FIELDS.map((k): [string, number] => [k, AD_OBJECT]),
]);

/** KEEP: the string goes out as it is; DROP: the field goes; 0: the detectors decide. */
export function namedValue(norm: string, value: string, nowYear: number): NamedVerdict {
  if (productCode(norm, value)) return KEEP;
  if (value.length > 55) return 0;
  const kind = KINDS.get(norm);
  // Only a traceparent (55 characters) is longer than 32.
  if (kind === undefined || (value.length > 32 && kind !== TRACE)) return 0;
  return verdict(kind, value, nowYear);
}

function verdict(kind: number, value: string, nowYear: number): NamedVerdict {
  switch (kind) {
    case CONTENT: return wholeContentDate(value, nowYear) ? KEEP : 0;
    case VERSION: return versionShaped(value, nowYear) ? KEEP : 0;
    case ORDER: return shopOrderId(value, nowYear) ? KEEP : 0;
    case TRACE: return traceShaped(value) ? KEEP : 0;
    case CATALOGUE: return catalogueShaped(value) ? KEEP : 0;
    case AD_OBJECT: return adObjectShaped(value) ? KEEP : 0;
    default: return monthsOver89(value) ? DROP : 0;
  }
}

// A calendar version: a recent year's `YYYY` or `YYYYMMDD`, then 1-3 short dotted parts (8 digits at most:
// no phone number or SSN after a year), then perhaps a pre-release word or a commit hash (no free words).
const CALVER = new RegExp('^v?(20\\d\\d)(?:(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))?(?:\\.\\d{1,2}){1,2}(?:\\.\\d{1,4})?' +
  '(?:[-+](?:(?:alpha|beta|rc|dev|pre|preview|canary|nightly|hotfix|patch|snapshot|build|b)(?:\\.?\\d{1,4})?|[0-9a-f]{7,12}))?$');
// A browser's four-part version (`120.0.6099.109`), its build part read as a record number. Shorter dotted
// versions (`4.1.0`) are left to the detectors, which keep them, and which still read a dotted date (`3.14.85`),
// phone number (`617.555.0134`) or IPv4 address as one.
const BROWSER = /^v?\d{1,3}\.\d{1,3}\.\d{4,5}\.\d{1,3}$/;
// A build date alone (`build: 20261110`).
const BUILD_DATE = /^(20\d\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

function versionShaped(value: string, nowYear: number): boolean {
  const cal = CALVER.exec(value) ?? BUILD_DATE.exec(value);
  if (cal === null) return BROWSER.test(value);
  const y = +(cal[1] as string);
  return y >= nowYear - 5 && y <= nowYear + 1;
}

// A shop's prefix, an optional year and 4-8 digits: not 9 (an SSN) or 10-11 (a phone number).
const PREFIX = '(?:ORD|ORDER|TXN|TRX|TX|TRANS|INV|PO|SO|PUR|PAY|CHK|CART|SHOP|WEB|CO|CS)';
const SHOP_ORDER = new RegExp(`^${PREFIX}[-_#]?(?:20\\d\\d[-_])?\\d{4,8}$`, 'i');
// The order's own day before its number (`ORD-2026-11-23-00042`, `ORDER-20261127-0042`): the day of a purchase,
// which the event's timestamp already carries; a year far from today's is not an order's (`ORD-1961-03-14-…`).
const DATED_ORDER = new RegExp(`^${PREFIX}[-_]?(20\\d\\d)[-_]?(?:0[1-9]|1[0-2])[-_]?(?:0[1-9]|[12]\\d|3[01])[-_]\\d{3,8}$`, 'i');
// A shop's prefix and a random hex token (`chk_7e1f2c9a`, `cart-5f0c2d9e41ab`): with a letter, and no run of 5
// digits (`TXN-6175550134` is a phone number).
const TOKEN_ORDER = new RegExp(`^${PREFIX}[-_](?=[0-9a-f]*[a-f])(?![0-9a-f]*[0-9]{5})[0-9a-f]{8,32}$`, 'i');

function shopOrderId(value: string, nowYear: number): boolean {
  if (SHOP_ORDER.test(value) || TOKEN_ORDER.test(value)) return true;
  const dated = DATED_ORDER.exec(value);
  return dated !== null && Math.abs(+(dated[1] as string) - nowYear) <= 1;
}

// `1155`, `1,155`, `1155 months`, `1155mo`: the number's digits, when nothing else is there.
const MONTHS = /^\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:mo|mos|months?)?\.?\s*$/i;

function monthsOver89(value: string): boolean {
  const m = MONTHS.exec(value);
  return m !== null && +(m[1] as string).replace(/,/g, '') > MONTHS_89;
}
