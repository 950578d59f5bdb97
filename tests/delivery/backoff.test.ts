import { describe, expect, it, vi } from 'vitest';
import { backoffDelay, CircuitBreaker, RateLimiter } from '../../src/delivery/backoff.js';

describe('circuit breaker', () => {
  it('opens after the threshold, doubles its pause up to the cap, and reports the recovery once', () => {
    const b = new CircuitBreaker(2, 1000, 15_000);
    const t = 1_000_000;
    b.failure(t);
    expect(b.waitMs(t)).toBe(0);
    const pauses: number[] = [];
    for (let i = 0; i < 6; i++) { b.failure(t); pauses.push(b.waitMs(t)); }
    expect(pauses).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000]);
    expect(b.tripped).toBe(true);
    expect(b.success()).toBe(true);
    expect(b.tripped).toBe(false);
    expect(b.success()).toBe(false);
  });

  it('a failure below the threshold is no outage to recover from', () => {
    const b = new CircuitBreaker(5);
    b.failure(Date.now());
    expect(b.success()).toBe(false);
  });
});

describe('retry delay', () => {
  it('is never sooner than Retry-After and stays under the doubling ceiling otherwise', () => {
    expect(backoffDelay(0, 30_000, () => 0.99)).toBe(30_000);
    expect(backoffDelay(3, undefined, () => 0.5, 1000, 600_000)).toBe(4000);
    expect(backoffDelay(30, undefined, () => 0.999, 1000, 600_000)).toBeLessThan(600_000);
  });
});

describe('a wall clock that jumps while delivering', () => {
  it('set back by hours while the breaker is open: the wait stays the pause it opened for (it was hours)', () => {
    const b = new CircuitBreaker(1, 1000, 60_000);
    const t = Date.UTC(2026, 10, 29, 12);
    b.failure(t);
    expect(b.waitMs(t)).toBe(1000);
    expect(b.waitMs(t - 3 * 3_600_000)).toBe(1000);
    expect(b.waitMs(t + 3 * 3_600_000)).toBe(0);
  });

  it('set back by hours under a rate limit: the next wait is at most a second (the bucket had drained by hours)', () => {
    const t = Date.UTC(2026, 10, 29, 12);
    vi.useFakeTimers({ now: t, toFake: ['Date'] });
    try {
      const limiter = new RateLimiter(10);
      expect(limiter.take(10)).toBe(0);
      vi.setSystemTime(t - 2 * 3_600_000);
      expect(limiter.take(10)).toBeLessThanOrEqual(1000);
      vi.setSystemTime(t - 2 * 3_600_000 + 1000);
      expect(limiter.take(10)).toBe(0);
    } finally { vi.useRealTimers(); }
  });
});
