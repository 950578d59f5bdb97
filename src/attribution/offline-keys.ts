import { sha256Hex } from '../common/hash.js';
import { normalizeMatchKey } from '../rules/ops/hash.js';

const DOTS = /\./g;

// Match keys of a forwarded offline conversion, normalized and SHA-256 hashed the way each API
// requires (destinations spec §3.4, §4.2). The raw email/phone of the request goes no further.

export interface RawMatchKeys { email?: string; phone?: string }
export interface HashedKeys { em?: string; ph?: string }

const GMAIL = /^(gmail\.com|googlemail\.com)$/;

/** Meta: email trimmed and lower-cased; phone digits with country code, no `+`. */
export function metaMatchKeys(raw: RawMatchKeys): HashedKeys {
  const out: HashedKeys = {};
  const em = raw.email === undefined ? undefined : normalizeMatchKey('em', raw.email);
  const ph = raw.phone === undefined ? undefined : normalizeMatchKey('ph', raw.phone);
  if (em !== undefined) out.em = sha256Hex(em);
  if (ph !== undefined) out.ph = sha256Hex(ph);
  return out;
}

/** Google: gmail.com/googlemail.com local parts without dots; phone in E.164 with `+`. */
export function googleMatchKeys(raw: RawMatchKeys): HashedKeys {
  const out: HashedKeys = {};
  const em = raw.email === undefined ? undefined : normalizeMatchKey('em', raw.email);
  if (em !== undefined) {
    const at = em.lastIndexOf('@');
    const domain = em.slice(at + 1);
    out.em = sha256Hex(GMAIL.test(domain) ? `${em.slice(0, at).replace(DOTS, '')}@${domain}` : em);
  }
  const ph = raw.phone === undefined ? undefined : normalizeMatchKey('ph', raw.phone);
  if (ph !== undefined) out.ph = sha256Hex(`+${ph}`);
  return out;
}
