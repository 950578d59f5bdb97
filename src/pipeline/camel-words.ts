// Words an app or a CMS runs together in camel or Pascal case (`RefillConfirm`, `PayBillSheet`, `generateLead`) turn at a
// lower-case letter or digit before a capital.
const LOWER_BEFORE_UPPER = /([a-z0-9])(?=[A-Z])/g;

/** `value` with `separator` at each such turn (`RefillConfirm` → `Refill-Confirm`); acronyms and case are left as they are. */
export const camelApart = (value: string, separator: string): string => value.replace(LOWER_BEFORE_UPPER, `$1${separator}`);
