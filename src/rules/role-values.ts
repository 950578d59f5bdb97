import { wholeFullName } from './detectors/verb-name.js';
import { normalizeFieldName } from './field-name.js';

// A person's full name under a key naming the person's role, without saying `name` (`customer: "Cornelius
// Abernathy"`, `buyer`, `resident`, `caller`, `cust=Cornelius Abernathy|…` inside a text): Safe Harbor A.
// The field rules drop keys that only ever hold a person (`patient`, `guest`, `attendee`); these keys also
// hold a segment or a state (`customer: "returning"`, `user: "guest"`, `parent: "category-12"`), which stay:
// only a whole value of two or three capitalised words, none a title's, a department's or a desk's word
// (verb-name.ts wholeFullName), goes. `customer: "Blue Cross"`, `user: "Guest User"` stay.
const ROLE_ENDS = ['customer', 'cust', 'buyer', 'shopper', 'purchaser', 'resident', 'tenant', 'dependent', 'dependant', 'beneficiary',
  'child', 'kid', 'baby', 'infant', 'parent', 'caller', 'user', 'owner', 'homeowner', 'client', 'consumer', 'donor', 'volunteer', 'enrollee',
  'subscriber', 'referredby', 'contactperson', 'payer', 'payor'];

// A business is a customer too (`customer: "Acme Corp"`): its words say so.
const BUSINESS = /(?:^| )(?:corp|corporation|inc|llc|ltd|limited|co|company|group|partners|associates|foundation|university|college|bank|trust|holdings|industries|enterprises|solutions|systems|labs|studio|studios|agency|media|digital|global|international|consulting|capital)\.?(?: |$)/i;

// A tracker's opaque slots carry whatever the site put there (Universal Analytics' `cd3`, Matomo's and Piwik PRO's
// `dimension3`, Adobe's `prop7`/`eVar9` and their short `c7`/`v9`, a custom dimension's own name), and so do its event
// labels (UA `el`, Matomo `e_n`, Snowplow `se_la`): no key says what a value is, so a whole full name goes as it
// would under a role key. `Find a Doctor`, `West Campus`, `Spanish` stay.
const OPAQUE_SLOT = /^(?:cd|dimension|customdimension|prop|evar|c|v)\d{1,3}$|^(?:el|en|eventlabel|sela)$/;
// Inside a query string a value comes percent- or form-encoded (`cd3=Jane%20Whitlock`, `e_n=Jane+Whitlock`).
const ENCODED_SPACE = /%20|\+/g;

/**
 * Whether `value`, under the key `key` (normalized already when `normalized`), is a person's full name under
 * a role key or a tracker's opaque slot (see above).
 */
export function roleNameValue(key: string, value: string, normalized = true): boolean {
  // The value's shape first (a capital, 5-64 characters as sent, a space once decoded): most values under any key fail it at once.
  const c = value.charCodeAt(0);
  if (value.length < 5 || value.length > 64 || c < 65 || c > 90) return false;
  const text = value.indexOf(' ') >= 0 ? value : value.indexOf('%20') >= 0 || value.indexOf('+') >= 0 ? value.replace(ENCODED_SPACE, ' ') : '';
  if (text.length > 48 || text.indexOf(' ') < 0) return false;
  const norm = normalized ? key : normalizeFieldName(key);
  if (!ROLE_ENDS.some((e) => norm.endsWith(e)) && !OPAQUE_SLOT.test(norm)) return false;
  return !BUSINESS.test(text) && wholeFullName(text);
}
