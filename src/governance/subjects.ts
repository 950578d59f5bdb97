import { createHmac } from 'node:crypto';
import type { JsonObject } from '../common/json.js';

/**
 * Subjects (a visitor's anonymousId or userId) are stored only as keyed hashes, like the
 * pseudonymous-id table: the raw id never lands on disk.
 */
export class SubjectKeys {
  // The same event's ids are hashed at ingest, per destination and when its rows are noted:
  // the last two answers (anonymousId, userId) are remembered, nothing more.
  private readonly recent: [string, string][] = [];

  constructor(private readonly secret: string) {}

  keyOf(id: string): string {
    for (const [raw, key] of this.recent) if (raw === id) return key;
    const key = createHmac('sha256', this.secret).update(`subject:${id}`).digest('base64url');
    this.recent.unshift([id, key]);
    if (this.recent.length > 2) this.recent.pop();
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
