import * as crypto from 'node:crypto';

// One-shot hashing (no Hash object per call; this runs per event for Meta and TikTok ids) where
// the runtime has it (Node >= 20.12); `engines` allows older 20.x, which get createHash.
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;

/** Lowercase hex SHA-256, the form every ad API expects for hashed identifiers. */
export function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}
