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
/**
 * Keys committed by this process kept in memory: only to close the race of a copy whose durable
 * lookup ran before its original committed (the lookup missed it, the original has released it).
 * A lookup that overlapped an eviction is run again (see `durable`), so the bound is a memory
 * bound, not a correctness one. It was 50,000: about 7 MB per worker (two worker-sized spikes of
 * the batch bench's footprint) for a race a few microtasks wide on SQLite. Then 8,192: 1.64 MB of a
 * warm batch worker's 40 MB live heap (H194, heap snapshot: ~180 bytes a key, its 43-character hash
 * kept whole by the 22-character slice, a boxed time, the table and its holes), held for nothing
 * the bench or a retry needs: every bench event is new (no hit), a browser retries after seconds
 * (8,192 keys are about a second of a busy worker's events), and a cluster worker's copies are
 * found by the shared claims anyway. A lookup re-runs only when more keys than this commit while
 * it awaits: 2,048 is twice what the bench's 50 connections of 20-event batches hold in flight.
 */
export const RECENT_MAX = 2048;
/**
 * `recent` is trimmed back to RECENT_MAX only once it is this much over. A Map's deleted entries
 * stay in its table as holes until it is rebuilt, and iteration steps over them: trimming the
 * oldest key at every commit walked up to ~8,000 holes each time (3.5-7 us per key committed,
 * about 1% of a single-event request's CPU, 20x that for a 20-event batch). Trimmed in steps of
 * this size, the walk is paid once per RECENT_SLACK keys.
 */
export const RECENT_SLACK = 256;

/** The durable half: keys committed with their rows (src/spool/sqlite/seen-keys.ts). */
export interface SeenStore { seen(keys: readonly string[], since: number): Promise<ReadonlySet<string>> }

/** Another process's verdict on a key (src/spool/sqlite/shared-claims.ts): ours to take, durable there, or on its way there. */
export type SharedVerdict = 'taken' | 'done' | 'pending';

/** Claims shared by processes that each have their own spool (`serve --workers N` on SQLite). */
export interface SharedClaimStore {
  claim(keys: readonly string[], now: number): Promise<SharedVerdict[]>;
  /** After this process's commit (or its failure): kept keys are done, the others free again. */
  release(keys: readonly string[], committed: ReadonlySet<string>, failed: boolean, now: number): void;
  /** Resolves once another process's pending keys are durable; rejects if that original failed or was given up. */
  waitFor(keys: readonly string[]): Promise<void>;
}

interface Deferred { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void }

function deferred(): Deferred {
  let resolve!: () => void, reject!: (e: unknown) => void;
  const promise = new Promise<void>((ok, no) => { resolve = ok; reject = no; });
  promise.catch(() => undefined); // awaited only by duplicates
  return { promise, resolve, reject };
}

/** A key this process is taking: its copies' wait is made only when a copy arrives (most never do). */
interface Hold { waiters?: Deferred }

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

interface Local { keys: (string | undefined)[]; held: Map<string, Hold>; waits: Promise<void>[]; copies: number }

const NOTHING: ReadonlySet<string> = new Set();

export class IngestDedup {
  private readonly pending = new Map<string, Hold>();
  /** Keys this process committed lately (commit time), oldest first. */
  private readonly recent = new Map<string, number>();
  /** Entries ever put in `recent`, and ever evicted from it (oldest first): a lookup started at `added` = n missed nothing if `evicted` <= n. */
  private added = 0;
  private evicted = 0;

  constructor(private readonly store: SeenStore, private readonly secret: string, private readonly shared?: SharedClaimStore) {}

  /** Keyed by the secret prefixed (one-shot hash: a third of an HMAC object's cost per event; only equality is asked of it). */
  key(site: string, sender: string, messageId: string): string {
    return hash('sha256', `${this.secret}\0${site}\0${sender}\0${messageId}`, 'base64url').slice(0, 22);
  }

  /** Which of `events` are copies; the others' keys are held until `release`. */
  async claim(site: string, events: readonly JsonObject[], senderOf: (ev: JsonObject) => string, now: number): Promise<DedupClaim> {
    const wanted: (string | undefined)[] = new Array<string | undefined>(events.length);
    const lookup: string[] = [];
    for (let i = 0; i < events.length; i++) {
      const id = events[i].messageId;
      if (typeof id === 'string') lookup.push(wanted[i] = this.key(site, senderOf(events[i]), id));
    }
    // With shared claims their file answers for the window: this process's spool is read only at recovery (seen-keys.ts).
    const durable = lookup.length && !this.shared ? await this.durable(lookup, now) : NOTHING;
    const local = this.hold(wanted, durable, now);
    if (this.shared && local.held.size) await this.claimShared(this.shared, local, now);
    const { keys, held, waits, copies } = local;
    return {
      keys, copies,
      release: (failure, committed, at) => this.release(held, failure, committed, at),
      settled: () => (waits.length === 0 ? Promise.resolve() : waits.length === 1 ? waits[0] : Promise.all(waits).then(() => undefined)),
    };
  }

  /** The durable lookup, again if an eviction may have dropped a key committed while it ran. */
  private async durable(keys: readonly string[], now: number): Promise<ReadonlySet<string>> {
    for (;;) {
      const mark = this.added;
      const found = await this.store.seen(keys, now - DEDUP_WINDOW_MS);
      if (this.evicted <= mark) return found;
    }
  }

  /** No await: the checks and the holds are one step. */
  private hold(wanted: readonly (string | undefined)[], durable: ReadonlySet<string>, now: number): Local {
    const local: Local = { keys: new Array<string | undefined>(wanted.length), held: new Map(), waits: [], copies: 0 };
    for (let i = 0; i < wanted.length; i++) {
      const k = wanted[i];
      if (k === undefined) continue;
      const original = this.pending.get(k);
      if (durable.has(k) || (this.recent.get(k) ?? -Infinity) >= now - DEDUP_WINDOW_MS || local.held.has(k) || original !== undefined) {
        if (original !== undefined && !local.held.has(k)) local.waits.push((original.waiters ??= deferred()).promise);
        local.copies++;
        continue;
      }
      const h: Hold = {};
      local.held.set(k, h);
      this.pending.set(k, h);
      local.keys[i] = k;
    }
    return local;
  }

  /** Keys held here that another worker took first become copies: done there, or waited for. */
  private async claimShared(shared: SharedClaimStore, local: Local, now: number): Promise<void> {
    const mine = [...local.held.keys()];
    let verdicts: SharedVerdict[];
    try { verdicts = await shared.claim(mine, now); } catch (err) { this.settle(local.held, err, NOTHING, now); throw err; }
    const elsewhere = new Map<string, Hold>(), waitFor = new Set<string>();
    mine.forEach((k, i) => {
      if (verdicts[i] === 'taken') return;
      elsewhere.set(k, local.held.get(k)!);
      local.held.delete(k);
      if (verdicts[i] === 'pending') waitFor.add(k);
    });
    if (elsewhere.size === 0) return;
    for (let i = 0; i < local.keys.length; i++) { const k = local.keys[i]; if (k !== undefined && elsewhere.has(k)) { local.keys[i] = undefined; local.copies++; } }
    const done = new Map([...elsewhere].filter(([k]) => !waitFor.has(k)));
    this.settle(done, undefined, NOTHING, now);
    if (waitFor.size === 0) return;
    // Local copies of these wait on the local hold, which settles with the other worker's original.
    const wait = shared.waitFor([...waitFor]);
    const holds = new Map([...waitFor].map((k) => [k, elsewhere.get(k)!]));
    wait.then(() => this.settle(holds, undefined, NOTHING, now), (err: unknown) => this.settle(holds, err, NOTHING, now));
    local.waits.push(wait);
  }

  private release(held: ReadonlyMap<string, Hold>, failure: unknown, committed: ReadonlySet<string>, now: number): void {
    this.settle(held, failure, committed, now);
    if (this.shared && held.size) this.shared.release([...held.keys()], committed, failure !== undefined, now);
  }

  private settle(held: ReadonlyMap<string, Hold>, failure: unknown, committed: ReadonlySet<string>, now: number): void {
    for (const [k, h] of held) {
      if (this.pending.get(k) === h) this.pending.delete(k);
      if (failure !== undefined) { h.waiters?.reject(failure); continue; }
      h.waiters?.resolve();
      if (committed.has(k)) { this.recent.set(k, now); this.added++; }
    }
    if (this.recent.size > RECENT_MAX + RECENT_SLACK) this.trimRecent();
  }

  /** Drops the oldest keys down to RECENT_MAX (one walk over the table's holes for RECENT_SLACK keys). */
  private trimRecent(): void {
    for (const k of this.recent.keys()) {
      if (this.recent.size <= RECENT_MAX) break;
      this.recent.delete(k);
      this.evicted++;
    }
  }
}
