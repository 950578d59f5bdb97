/**
 * Normalizes a field name for matching: `EmailAddress`, `e-mail`, `E_Mail`, `eMail` all become
 * `emailaddress`/`email`. Letters and digits only, lower case.
 */
export function normalizeFieldName(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 97 && c <= 122) out += key[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c >= 48 && c <= 57) out += key[i];
  }
  return out;
}

/** Keys that could pollute prototypes if copied naively; events carrying them are rejected. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
