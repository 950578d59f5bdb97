import { createHmac } from 'node:crypto';
import { BoundedMemo } from '../../common/bounded-memo.js';

const EMAIL_ADDRESS = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/;
const NON_DIGITS = /\D/g;
const NON_LETTERS = /[^\p{L}]/gu;
const TWO_LOWER_LETTERS = /^[a-z]{2}$/;
const LEADING_FIVE_DIGITS = /^(\d{5})/;
const ISO_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;
const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/**
 * Keyed hashing per destination with scheduled rotation: the key for (destination, period) is
 * HMAC(secret, destination:period), so two destinations can never join on hashed values and a
 * leaked period key exposes one period only. Never a plain hash of the value.
 */
export class KeyedHasher {
  private readonly keys = new BoundedMemo<Buffer>(257);

  constructor(private readonly secret: string, private readonly rotationMs: number) {}

  hash(destination: string, value: string, now: number): string {
    const period = Math.floor(now / this.rotationMs);
    const id = `${destination}:${period}`;
    let key = this.keys.get(id);
    if (!key) {
      key = createHmac('sha256', this.secret).update(id).digest();
      this.keys.set(id, key);
    }
    return 'h_' + createHmac('sha256', key).update(value).digest('hex').slice(0, 32);
  }
}

/** Normalization before SHA-256 as Meta, Google and TikTok require for match keys. */
export function normalizeMatchKey(kind: string, raw: string): string | undefined {
  const v = raw.trim().toLowerCase();
  switch (kind) {
    case 'em': return EMAIL_ADDRESS.test(v) ? v : undefined;
    case 'ph': {
      const d = v.replace(NON_DIGITS, '');
      if (d.length === 10) return '1' + d;
      return d.length >= 8 && d.length <= 15 ? d : undefined;
    }
    case 'fn': case 'ln': case 'ct': return v.replace(NON_LETTERS, '') || undefined;
    case 'st': case 'country': return TWO_LOWER_LETTERS.test(v) ? v : undefined;
    case 'zp': { const m = v.match(LEADING_FIVE_DIGITS); return m ? m[1] : undefined; }
    case 'ge': return v.startsWith('f') ? 'f' : v.startsWith('m') ? 'm' : undefined;
    case 'db': {
      const m = v.match(ISO_DATE_PREFIX) ?? v.match(US_DATE);
      if (!m) return undefined;
      return m[1].length === 4 ? `${m[1]}${m[2]}${m[3]}` : `${m[3]}${m[1]}${m[2]}`;
    }
    default: return v || undefined;
  }
}
