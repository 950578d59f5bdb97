import { hash } from 'node:crypto';
import type { JsonObject } from '../common/json.js';

// A browser retries a POST whose answer it did not get (analytics.js, RudderStack: same
// messageId, up to 10 attempts over minutes; a queue kept in storage retries on the next page).
// Each copy would be delivered and counted again by GA4, Mixpanel and Amplitude. A message is
// known by a keyed hash of (site, sender, messageId): no id is stored as sent, and two visitors
// whose SDKs reuse a messageId are not merged. The key is written in the same commit as the
// event's rows, so "seen" always means "durable"; a copy arriving while its original is still
// on its way waits for that commit and is answered like it (a failed commit fails it too).
// Segment deduplicates on messageId over about a day: the same window here.
export const DEDUP_WINDOW_MS = 24 * 3600_000;
const RECENT_MAX = 50_000;

/** The durable half: keys committed with their rows (src/spool/sqlite/seen-keys.ts). */
export interface SeenStore { seen(keys: readonly string[], since: number): Promise<ReadonlySet<string>> }

interface Deferred { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void }

function deferred(): Deferred {
  let resolve!: () => void, reject!: (e: unknown) => void;
  const promise = new Promise<void>((ok, no) => { resolve = ok; reject = no; });
  promise.catch(() => undefined); // awaited only by duplicates, if any
  return { promise, resolve, reject };
}

/** One request's claim on its events' keys. */
export interface DedupClaim {
  /** Per event: its key, or undefined for a copy of an event already taken (`copy[i]`). */
  readonly keys: readonly (string | undefined)[];
  readonly copies: number;
  /**
   * Once the request's rows committed (`failure` undefined) or did not: originals' copies learn it.
   * `committed`: the keys that had rows (an event that went nowhere is not remembered: a copy of it goes the same way).
   */
  release(failure: unknown, committed: ReadonlySet<string>, now: number): void;
  /** Resolves when every original this request's copies wait for is durable. */
  settled(): Promise<void>;
}

export class IngestDedup {
  private readonly pending = new Map<string, Deferred>();
  /** Keys this process committed lately (commit time), oldest first: a copy racing its original's commit is still seen. */
  private readonly recent = new Map<string, number>();

  constructor(private readonly store: SeenStore, private readonly secret: string) {}

  /** Keyed by the secret prefixed (one-shot hash: a third of an HMAC object's cost per event; only equality is asked of it). */
  key(site: string, sender: string, messageId: string): string {
    return hash('sha256', `${this.secret}\0${site}\0${sender}\0${messageId}`, 'base64url').slice(0, 22);
  }

  /** Which of `events` are copies; the others' keys are held until `release`. */
  async claim(site: string, events: readonly JsonObject[], senderOf: (ev: JsonObject) => string, now: number): Promise<DedupClaim> {
    const wanted = events.map((ev) => (typeof ev.messageId === 'string' ? this.key(site, senderOf(ev), ev.messageId) : undefined));
    const durable = await this.store.seen(wanted.filter((k): k is string => k !== undefined), now - DEDUP_WINDOW_MS);
    // From here to the end, no await: the checks and the holds are one step.
    const keys: (string | undefined)[] = [];
    const held = new Map<string, Deferred>();
    const waits: Promise<void>[] = [];
    let copies = 0;
    for (const k of wanted) {
      if (k === undefined) { keys.push(undefined); continue; }
      const original = this.pending.get(k);
      if (durable.has(k) || (this.recent.get(k) ?? -Infinity) >= now - DEDUP_WINDOW_MS || held.has(k) || original !== undefined) {
        if (original !== undefined && !held.has(k)) waits.push(original.promise);
        keys.push(undefined);
        copies++;
        continue;
      }
      const d = deferred();
      held.set(k, d);
      this.pending.set(k, d);
      keys.push(k);
    }
    return { keys, copies, release: (failure, committed, at) => this.release(held, failure, committed, at), settled: () => Promise.all(waits).then(() => undefined) };
  }

  private release(held: ReadonlyMap<string, Deferred>, failure: unknown, committed: ReadonlySet<string>, now: number): void {
    for (const [k, d] of held) {
      this.pending.delete(k);
      if (failure !== undefined) { d.reject(failure); continue; }
      d.resolve();
      if (committed.has(k)) this.recent.set(k, now);
    }
    if (this.recent.size > RECENT_MAX) {
      let drop = this.recent.size - RECENT_MAX;
      for (const k of this.recent.keys()) { if (drop-- <= 0) break; this.recent.delete(k); }
    }
  }
}
