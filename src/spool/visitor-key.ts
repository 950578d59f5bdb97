import { createHmac } from 'node:crypto';
import { BoundedMemo } from '../common/bounded-memo.js';

/**
 * The key pseudonymous-id tables store a visitor under: HMAC(secret, visitor), so the raw
 * anonymousId is never written.
 *
 * A request's visitor is hashed when its ids are prepared and again when each destination's id is
 * read in projection, and other requests' prepares run between the two (the prepare is awaited):
 * remembering only the last answer missed for nearly every request under concurrency, so each
 * single event paid two HMACs (the largest part of the ~1.6% of a worker's CPU profiled in the
 * visitor keys, `bench/profile-stages.mjs`). As SubjectKeys (governance/subjects.ts) does, a few
 * in-flight requests' worth of answers are kept, in memory only; the memo starts over when full.
 */
export class VisitorKeyHasher {
  private readonly recent = new BoundedMemo<string>(1024);

  constructor(private readonly secret: string) {}

  keyOf(visitorKey: string): string {
    let key = this.recent.get(visitorKey);
    if (key === undefined) {
      key = createHmac('sha256', this.secret).update(visitorKey).digest('base64url');
      this.recent.set(visitorKey, key);
    }
    return key;
  }
}
