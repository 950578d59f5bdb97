import { BoundedMemo } from '../common/bounded-memo.js';
import { sha256Hex } from '../common/hash.js';

// Meta and TikTok receive the pseudonymous visitor id SHA-256 hashed, on every event mapped for
// them. A visitor's events carry the same id (one per destination and rotation period), so its
// hash is remembered rather than computed again per event. The keys are phiwall's own
// pseudonymous tokens (src/pipeline/project.ts), never values from the page; bounded like the
// plan memos.
const hashes = new BoundedMemo<string>(4096);

/** sha256Hex(id), remembered. */
export function visitorIdHash(id: string): string {
  let hashed = hashes.get(id);
  if (hashed === undefined) {
    hashed = sha256Hex(id);
    hashes.set(id, hashed);
  }
  return hashed;
}
