import { doublingDelay } from '../common/backoff.js';

/** Exponential backoff with full jitter; a vendor's Retry-After is a floor, never shortened. */
export function backoffDelay(attempt: number, retryAfterMs: number | undefined, random = Math.random, baseMs = 1000, capMs = 10 * 60_000): number {
  const ceiling = doublingDelay(Math.min(attempt, 20), baseMs, capMs);
  const jitter = Math.floor(random() * ceiling);
  return Math.max(jitter, retryAfterMs ?? 0);
}

/**
 * A circuit breaker per destination: after `threshold` consecutive failures it opens for a
 * cool-down that doubles up to `maxCooldownMs`; then one probe decides (DestinationWorker sends
 * a single event as the probe).
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  /** The pause the breaker last opened for: no wait is longer, whatever the wall clock did since. */
  private openedFor = 0;
  private cooldown: number;

  constructor(private readonly threshold = 5, private readonly baseCooldownMs = 1000, private readonly maxCooldownMs = 60_000) {
    this.cooldown = baseCooldownMs;
  }

  /** Milliseconds to wait before the next attempt (0 when closed or half-open). */
  waitMs(now: number): number {
    // A wall clock set back by hours while open (NTP step, VM restore) made openUntil hours away,
    // and the destination's loop slept that long: the wait is bounded by the pause it opened for.
    return Math.min(this.openedFor, Math.max(0, this.openUntil - now));
  }

  /** Records a success; true when the breaker had opened since the last one (the vendor recovered). */
  success(): boolean {
    const recovered = this.failures >= this.threshold;
    this.failures = 0;
    this.cooldown = this.baseCooldownMs;
    return recovered;
  }

  failure(now: number): void {
    this.failures++;
    if (this.failures >= this.threshold) {
      this.openUntil = now + this.cooldown;
      this.openedFor = this.cooldown;
      this.cooldown = Math.min(this.maxCooldownMs, this.cooldown * 2);
    }
  }

  /** It opened and no success has come since: the next send is a probe. */
  get tripped(): boolean {
    return this.failures >= this.threshold;
  }

  get open(): boolean {
    return this.waitMs(Date.now()) > 0;
  }
}

/** Token bucket: at most `ratePerSecond` events per second on average, bursts up to one second's worth. */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();
  constructor(private readonly ratePerSecond: number) {
    this.tokens = ratePerSecond;
  }
  /** Milliseconds until `n` events may go (0 = now; the tokens are then taken). */
  take(n: number): number {
    const now = Date.now();
    // A clock set back counts as no time passed: a negative span drained the bucket by hours' worth.
    this.tokens = Math.min(this.ratePerSecond, this.tokens + (Math.max(0, now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens >= Math.min(n, this.ratePerSecond)) { this.tokens -= n; return 0; }
    return Math.ceil(((Math.min(n, this.ratePerSecond) - this.tokens) / this.ratePerSecond) * 1000);
  }
}
