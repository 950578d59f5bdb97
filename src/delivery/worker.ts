import type { DeliveryResult, Destination, ItemResult } from '../destinations/types.js';
import { errorCode } from '../errors.js';
import type { Logger } from '../observability/log.js';
import type { Metrics } from '../observability/metrics.js';
import type { DestinationPlan } from '../rules/plan.js';
import { isSkip } from '../pipeline/process.js';
import { withPayload, type LeasedItem, type Spool } from '../spool/port.js';
import { REFUSED_BEFORE_SENDING, unmappedEvent } from '../spool/unmapped.js';
import { backoffDelay, CircuitBreaker, RateLimiter } from './backoff.js';
import { reprojectClean } from './reproject.js';
import { PolicyScreen, type Verdict } from './screen.js';
import type { WorkerOptions } from './worker-options.js';
import { sleep, type Sleeper } from './sleeper.js';

export type { DeliveryHooks, WorkerOptions } from './worker-options.js';

export const DEFAULT_LINGER_MS = 25;
export const DEFAULT_MAX_LINGER_MS = 400;
/** At low rates a round waits for about this many rows (or a quarter batch, if less), up to maxLingerMs. */
const FEW_ROWS = 32;
const IDLE_MAX_MS = 30_000; // a quiet destination's other idle loops: the first one polls

/**
 * Longest pause between probes of a dead destination: how long a recovered vendor waits for us to notice (then
 * releaseBacklog sends what the outage held back): at 60 s, a 30 s outage against the shared fakes took ~60 s more
 * to drain. A probe is one event (loop): probing more often costs a dead vendor one request and one row one attempt per 15 s.
 */
const BREAKER_MAX_COOLDOWN_MS = 15_000;

/** One worker per destination: lease -> send -> ack / retry / dead-letter. Each destination has its own loops, breaker and rate limit: a dead one never slows the others. */
export class DestinationWorker {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly sleepers: Sleeper[] = [];
  private readonly breaker: CircuitBreaker;
  private readonly limiter: RateLimiter | undefined;
  private wakeTimer: NodeJS.Timeout | undefined;
  /** A loop is sending the one-item probe of a tripped breaker. */
  private probing = false;
  private readonly screen: PolicyScreen | undefined;
  /** The current linger (adapt()), lingerMs..maxLingerMs. */
  private linger: number;
  private readonly maxLinger: number;
  /** Rows leased by all loops since `since` (adapt()). */
  private readonly leased = { since: Date.now(), rows: 0 };
  /** The last round's record and ack, still committing (pipelined()). */
  private acking: Promise<void> | undefined;

  constructor(
    private readonly dest: DestinationPlan,
    private readonly spool: Spool,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly opts: WorkerOptions,
  ) {
    const { breaker_threshold: threshold, retry_base_ms: base, retry_max_ms: cap } = dest.config.delivery;
    this.breaker = new CircuitBreaker(threshold, Math.min(1000, base), Math.min(BREAKER_MAX_COOLDOWN_MS, cap));
    const rate = dest.config.delivery.rate_per_second;
    this.limiter = rate ? new RateLimiter(rate) : undefined;
    this.screen = opts.policy && new PolicyScreen(dest, opts.policy, spool);
    this.linger = opts.lingerMs ?? DEFAULT_LINGER_MS;
    this.maxLinger = dest.config.delivery.max_linger_ms ?? opts.maxLingerMs ?? DEFAULT_MAX_LINGER_MS;
  }

  start(): void {
    this.running = true;
    for (let i = 0; i < this.dest.config.delivery.concurrency; i++) {
      const signal: Sleeper = {};
      this.sleepers.push(signal);
      this.loops.push(this.loop(signal));
    }
  }

  /**
   * New rows were spooled: after the linger (coalesces the wakes of many requests) every loop, as
   * ever while busy (concurrency keeps up with a flood); when quiet one idle loop, none while a
   * loop lingers (its next lease takes the rows).
   */
  wake(): void {
    if (this.wakeTimer || !this.running) return;
    if (this.linger <= 0) { this.wakeNow(); return; }
    if (!this.quiet()) { this.wakeTimer = setTimeout(() => { this.wakeTimer = undefined; this.wakeNow(); }, this.linger); return; }
    if (this.lingering()) return;
    this.wakeTimer = setTimeout(() => { this.wakeTimer = undefined; if (!this.lingering()) this.wakeIdle(1); }, this.linger);
  }

  private quiet(): boolean { return this.linger > (this.opts.lingerMs ?? DEFAULT_LINGER_MS); } // low traffic: the linger grew

  private lingering(): boolean { return this.sleepers.some((s) => s.state === 'linger'); }

  /** Wakes up to `n` loops idling after an empty lease. */
  private wakeIdle(n: number): void {
    for (const s of this.sleepers) if (n > 0 && s.state === 'idle') { n--; s.wake?.(); }
  }

  private wakeNow(): void { for (const s of this.sleepers) s.wake?.(); }

  /** Stops leasing and waits for in-flight sends (up to `timeoutMs`). */
  async stop(timeoutMs: number): Promise<void> {
    this.running = false;
    clearTimeout(this.wakeTimer); this.wakeTimer = undefined;
    this.wakeNow();
    const late = new Promise((r) => setTimeout(r, timeoutMs));
    await Promise.race([Promise.all(this.loops), late]);
    // The last round's ack (pipelined()): its failure has no round after it to throw in.
    await Promise.race([this.acking?.catch((err: unknown) => this.log.error({ destination: this.dest.name, code: errorCode(err) }, 'delivery ack failed')), late]);
  }

  private async loop(signal: Sleeper): Promise<void> {
    while (this.running) {
      try {
        const waited = await this.waitForCapacity(signal);
        if (waited) continue;
        // Half-open after an outage: one event, sent by one loop, tests the vendor, so each probe
        // of a vendor still down costs one row an attempt (not a batch of rows: max_attempts).
        const probe = this.breaker.tripped;
        if (probe && this.probing) { await sleep(this.opts.idlePollMs, signal); continue; }
        this.probing = probe;
        try { await this.round(signal, probe); } finally { if (probe) this.probing = false; }
      } catch (err) {
        this.log.error({ destination: this.dest.name, code: (err as { code?: string }).code ?? (err as Error).name }, 'delivery loop error');
        await sleep(1000, signal);
      }
    }
  }

  /** Lease -> deliver one batch (one item when probing); idles when nothing is due. */
  private async round(signal: Sleeper, probe: boolean): Promise<void> {
    if (await this.opts.hooks?.ready?.() === false) { await sleep(this.opts.idlePollMs, signal, 'idle'); return; }
    const batchSize = probe ? 1 : Math.min(this.dest.config.delivery.batch_size ?? this.dest.destination.maxBatch, this.dest.destination.maxBatch);
    const items = await this.spool.lease(this.dest.name, batchSize, this.dest.config.delivery.lease_ms);
    if (items.length === 0) { await sleep(this.idleWait(signal), signal, 'idle'); return; }
    // A full batch after a quiet spell: more is probably waiting, so the idle loops share it (concurrency).
    if (items.length >= batchSize && !probe && this.quiet()) this.wakeIdle(this.sleepers.length);
    if (!probe) this.adapt(items.length, batchSize);
    await this.deliver(items);
    // A partial batch means the queue is drained: let the next one fill up.
    if (items.length < batchSize && this.running) await sleep(this.linger, signal, 'linger');
  }

  /**
   * When quiet, one idle loop per destination polls (retries coming due) at multiples of idlePollMs
   * on the clock, so all destinations' idle loops wake together (one wake-up, not one per loop);
   * the others wait for wake() or a full batch.
   */
  private idleWait(signal: Sleeper): number {
    if (!this.quiet()) return this.opts.idlePollMs;
    if (signal !== this.sleepers[0]) return IDLE_MAX_MS;
    const poll = this.opts.idlePollMs, now = Date.now();
    return Math.max(1, Math.ceil((now + Math.max(poll, this.linger)) / poll) * poll - now);
  }

  /**
   * The linger: how long the destination takes to gather a few rows (FEW_ROWS, or a quarter batch)
   * at the rate all its loops leased over the last second, within lingerMs..maxLingerMs; a full
   * batch brings it back to lingerMs at once.
   */
  private adapt(n: number, batchSize: number): void {
    const base = this.opts.lingerMs ?? DEFAULT_LINGER_MS, now = Date.now(), w = this.leased;
    w.rows += n;
    if (n < batchSize && now - w.since < 1000) return;
    this.linger = n >= batchSize ? base : Math.min(this.maxLinger, Math.max(base, Math.round((Math.min(FEW_ROWS, batchSize / 4) * (now - w.since)) / w.rows)));
    w.since = now; w.rows = 0;
  }

  private async waitForCapacity(signal: Sleeper): Promise<boolean> {
    const breakerWait = this.breaker.waitMs(Date.now());
    if (breakerWait > 0) { await sleep(breakerWait, {}); return true; }
    const rateWait = this.limiter?.take(this.dest.destination.maxBatch) ?? 0;
    if (rateWait > 0) { await sleep(rateWait, signal); return true; }
    return false;
  }

  private async deliver(all: LeasedItem[]): Promise<void> {
    const leased = await this.releaseDamaged(all);
    const withheld = await this.opts.hooks?.withheld?.(this.dest.name, leased);
    if (withheld?.size) await this.spool.ack([...withheld]);
    const kept = withheld?.size ? leased.filter((i) => !withheld.has(i.id)) : leased;
    const verdicts = await this.screen?.screen(kept, Date.now());
    const items = await this.mapUnmapped(kept, verdicts);
    if (items.length === 0) return;
    const started = process.hrtime.bigint();
    let result: DeliveryResult;
    try {
      // The leased items themselves (an OutboundItem each, read only): a copy per item lived as long as the send.
      result = await this.dest.destination.send(items);
    } catch (err) {
      result = { kind: 'retry', reason: `send threw ${(err as Error).name}` };
    }
    this.metrics.sendSeconds.observe({ destination: this.dest.name }, Number(process.hrtime.bigint() - started) / 1e9);
    const perItem: ItemResult[] = result.kind === 'per_item' ? result.results : items.map(() => result as ItemResult);
    await this.settle(items, perItem);
  }

  /**
   * Rows holding an event refused at ingest (a replayed dead letter) go through the destination's
   * map with its current config, like a fresh event: refused again, they are dead-lettered with the
   * same code and reason (the stored row, still unmapped, stays replayable); otherwise the mapped
   * payload is sent, through the destination's own pre-flight (and recorded in the disclosure
   * ledger as sent). Vendor payloads pass unchanged. Settling goes by id: the spool keeps the
   * stored row as it was. `verdicts` (screen.ts): rows scrubbed under a policy of this destination
   * that no longer holds are dead-lettered, or, holding a scrubbed event, projected again first.
   */
  private async mapUnmapped(items: LeasedItem[], verdicts: Map<string, Verdict> | undefined): Promise<LeasedItem[]> {
    const out: LeasedItem[] = [];
    for (const item of items) {
      const verdict = verdicts?.get(item.id);
      if (verdict?.kind === 'dead') { await this.dead(item, verdict.code, verdict.reason); continue; }
      const clean = unmappedEvent(item.payload);
      if (clean === undefined) { out.push(item); continue; }
      if (clean === 'invalid') { await this.dead(item, 'UNMAPPED_INVALID', 'stored event is not a scrubbed event'); continue; }
      let mapped: ReturnType<Destination['map']>;
      try {
        // A row of a changed policy is projected again through the current one first (reproject.ts).
        const event = verdict && this.screen ? reprojectClean(clean, this.screen.plan, this.dest, Date.now(), verdict.scrubbedWithBaa) : clean;
        mapped = 'skip' in event ? { skip: event.skip } : this.dest.destination.map(event);
      } catch (err) {
        // Fail closed, by code only: a message could quote a value.
        await this.dead(item, 'MAP_FAILED', `map threw ${errorCode(err)}`);
        continue;
      }
      if (isSkip(mapped)) { await this.dead(item, mapped.skip, REFUSED_BEFORE_SENDING); continue; }
      // The ledger then names the policy the sent payload was projected under.
      out.push(withPayload(item, mapped, verdict && this.screen ? this.screen.version : item.policyVersion));
    }
    return out;
  }

  private async settle(items: LeasedItem[], results: ItemResult[]): Promise<void> {
    const okItems: LeasedItem[] = [];
    const now = Date.now(), spoolNow = this.spool.now?.() ?? now; // ages and retry times on the spool's clock (a stepped wall clock ages nothing)
    const { max_attempts: maxAttempts, max_age_hours: maxAgeHours, retry_base_ms: base, retry_max_ms: cap } = this.dest.config.delivery;
    let anyRetry = false;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const r = results[i] ?? { kind: 'retry', reason: 'no result for item' };
      if (r.kind === 'ok') { okItems.push(item); continue; }
      if (r.kind === 'drop') { await this.dead(item, r.code, r.reason); continue; }
      anyRetry = true;
      if (item.attempts + 1 >= maxAttempts) { await this.dead(item, 'MAX_ATTEMPTS', r.reason); continue; }
      if (spoolNow - item.enqueuedAt > maxAgeHours * 3_600_000) { await this.dead(item, 'MAX_AGE', r.reason); continue; }
      await this.spool.retry([item.id], spoolNow + backoffDelay(item.attempts, r.delayMs, Math.random, base, cap), r.reason);
      this.metrics.retried.inc({ destination: this.dest.name });
    }
    if (okItems.length) await this.pipelined(this.recordThenAck(okItems));
    if (anyRetry && okItems.length === 0) this.breaker.failure(now);
    else if (this.breaker.success()) await this.releaseBacklog(spoolNow);
  }

  /**
   * Recorded before the ack (an ack that fails has the rows sent again, but this send happened); the
   * record waits for the ledger's group commit (src/audit/ledger.ts LEDGER_GROUP_MS), off the loop
   * (pipelined()). An owed batch is kept in its ack's transaction and owed once that commits: then
   * ready() stops every loop (owed-disclosures.ts); a round already sent meanwhile is owed too.
   */
  private async recordThenAck(ok: LeasedItem[]): Promise<void> {
    const work = await this.opts.hooks?.delivered?.(this.dest.name, ok);
    await this.spool.ack(ok.map((i) => i.id), work);
    this.metrics.delivered.inc({ destination: this.dest.name }, ok.length);
  }

  /**
   * Waits for the previous round's record and ack, not this one's: a pack's delete rides on the
   * spool's next group commit (SQLite: up to ACK_RIDE_MS), the next batch is leased and sent meanwhile.
   * Acks in flight stay bounded; a failed one throws here (the loop logs it and pauses), or in stop().
   */
  private async pipelined(ack: Promise<void>): Promise<void> {
    const previous = this.acking;
    this.acking = ack;
    ack.catch(() => undefined); // handled where it is awaited: the next round, or stop()
    await previous;
  }

  /**
   * The vendor answered again after the breaker had opened: the rows the outage pushed back
   * (full-jitter backoff, up to retry_max_ms) go now rather than trickling out over the next
   * minute or more. Rows scheduled beyond retry_max_ms (a long Retry-After, Google Ads' "try again
   * in 6 hours") keep their time. The breaker still paces: a relapse opens it again.
   */
  private async releaseBacklog(now: number): Promise<void> {
    const released = await this.spool.releaseRetries(this.dest.name, now + this.dest.config.delivery.retry_max_ms);
    if (released === 0) return;
    this.log.info({ destination: this.dest.name, released }, 'destination recovered: retries released');
    this.wakeNow();
  }

  /** Items whose stored text does not parse (LeasedItem.damaged) are dead-lettered, never sent: they must not hold the destination. */
  private async releaseDamaged(items: LeasedItem[]): Promise<LeasedItem[]> {
    if (!items.some((i) => i.damaged)) return items;
    for (const item of items) if (item.damaged) await this.dead(item, 'STORED_TEXT_DAMAGED', 'stored payload text does not parse');
    return items.filter((i) => !i.damaged);
  }

  private async dead(item: LeasedItem, code: string, reason: string): Promise<void> {
    await this.spool.deadLetter([item.id], code, reason);
    this.metrics.deadLettered.inc({ destination: this.dest.name, code });
    this.log.warn({ destination: this.dest.name, messageId: item.messageId, code }, 'dead-lettered');
  }
}
