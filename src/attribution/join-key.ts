import { createHmac } from 'node:crypto';
import { sha256Hex } from '../common/hash.js';
import { normalizeMatchKey } from '../rules/ops/hash.js';

// Visitors and emails are only ever stored as HMACs under a destination's own random secret,
// so the attribution store cannot be joined with anything outside phiwall.

export function visitorHmac(secret: string, visitorKey: string): string {
  return createHmac('sha256', secret).update(`v:${visitorKey}`).digest('base64url');
}

/** From the plan's normalized SHA-256 email match key (what a CleanEvent carries). */
export function emailHmacFromMatchKey(secret: string, sha256: string): string {
  return createHmac('sha256', secret).update(`e:${sha256}`).digest('base64url');
}

/** From a raw email posted with an offline conversion; the raw value goes no further. */
export function emailHmac(secret: string, email: string): string | undefined {
  const normalized = normalizeMatchKey('em', email);
  return normalized === undefined ? undefined : emailHmacFromMatchKey(secret, sha256Hex(normalized));
}
