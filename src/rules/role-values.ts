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

/**
 * Whether `value`, under the key `key` (normalized already when `normalized`), is a person's full name under
 * a role key (see above).
 */
export function roleNameValue(key: string, value: string, normalized = true): boolean {
  // The value's shape first (a capital, a space, 5-48 characters): most values under any key fail it at once.
  const c = value.charCodeAt(0);
  if (value.length < 5 || value.length > 48 || c < 65 || c > 90 || value.indexOf(' ') < 0) return false;
  const norm = normalized ? key : normalizeFieldName(key);
  if (!ROLE_ENDS.some((e) => norm.endsWith(e))) return false;
  return !BUSINESS.test(value) && wholeFullName(value);
}
