import { createHmac } from 'node:crypto';
import { BoundedMemo } from '../common/bounded-memo.js';
import type { JsonObject } from '../common/json.js';

/**
 * Subjects (a visitor's anonymousId or userId) are stored only as keyed hashes, like the
 * pseudonymous-id table: the raw id never lands on disk.
 */
export class SubjectKeys {
  // An event's ids are hashed when its request is prepared, per destination and when its rows
  // are noted, and requests interleave between those steps (the prepare is awaited): the last two
  // answers, as kept before, missed for most of them (HMAC ~1% of a worker's CPU in the bench).
  // A few in-flight requests' worth of answers are kept; the memo starts over when full.
  private readonly recent = new BoundedMemo<string>(1024);

  constructor(private readonly secret: string) {}

  keyOf(id: string): string {
    let key = this.recent.get(id);
    if (key === undefined) {
      key = createHmac('sha256', this.secret).update(`subject:${id}`).digest('base64url');
      this.recent.set(id, key);
    }
    return key;
  }

  /** Keys of the ids an event carries (anonymousId, userId), deduplicated. */
  keysOf(ids: { anonymousId?: string; userId?: string }): string[] {
    const out: string[] = [];
    for (const id of [ids.anonymousId, ids.userId]) {
      if (typeof id !== 'string' || id.length === 0) continue;
      const k = this.keyOf(id);
      if (!out.includes(k)) out.push(k);
    }
    return out;
  }

  /** The same from a raw event (before analysis). */
  keysOfRaw(ev: JsonObject): string[] {
    const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
    return this.keysOf({ anonymousId: str(ev.anonymousId), userId: str(ev.userId) });
  }
}
