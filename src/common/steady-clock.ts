import { performance } from 'node:perf_hooks';

/**
 * A spool's clock: epoch milliseconds that move with the monotonic clock, so a wall clock stepped
 * while running (NTP step, VM restore, an operator's `date -s`) neither ages rows nor pushes
 * their retries away. Before, a clock set forward past `max_age_hours` dead-lettered every retry
 * as MAX_AGE, and one set back by hours held scheduled retries back by those hours.
 *
 * It starts at the wall clock, or at `floor` if that is later (the newest time the spool file
 * already holds: a clock set back across a restart does not stall what was scheduled). Time the
 * process was down counts as the wall clock says: a restart cannot tell downtime from a jump.
 */
export class SteadyClock {
  private base: number;

  constructor(floor = 0) {
    const wall = Date.now();
    this.base = Math.max(wall, floor) - performance.now();
  }

  /** Moves the clock forward to `floor` if it is behind it (a floor read after start: Postgres answers asynchronously). */
  raise(floor: number): void {
    const behind = floor - this.now();
    if (behind > 0) this.base += behind;
  }

  now(): number {
    return Math.floor(this.base + performance.now());
  }
}
