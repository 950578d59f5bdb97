/** Fixed one-minute windows per caller (key name, or client address before authentication). */
export class MinuteLimiter {
  private window = 0;
  private readonly counts = new Map<string, number>();

  constructor(private readonly perMinute: () => number) {}

  /** True when the caller is still within its budget (and counts this call). */
  take(caller: string, now = Date.now()): boolean {
    const w = Math.floor(now / 60_000);
    if (w !== this.window) { this.window = w; this.counts.clear(); }
    const n = (this.counts.get(caller) ?? 0) + 1;
    this.counts.set(caller, n);
    return n <= this.perMinute();
  }
}
