import { createHmac } from 'node:crypto';

/**
 * The key pseudonymous-id tables store a visitor under: HMAC(secret, visitor), so the raw
 * anonymousId is never written. One event asks once per destination, so the last answer is
 * remembered; only that one id is held, nothing accumulates in memory.
 */
export class VisitorKeyHasher {
  private lastVisitor: string | undefined;
  private lastKey = '';

  constructor(private readonly secret: string) {}

  keyOf(visitorKey: string): string {
    if (visitorKey !== this.lastVisitor) {
      this.lastKey = createHmac('sha256', this.secret).update(visitorKey).digest('base64url');
      this.lastVisitor = visitorKey;
    }
    return this.lastKey;
  }
}
