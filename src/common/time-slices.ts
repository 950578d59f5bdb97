// One large request (a 500 KB /v1/batch holds ~2,900 small events) ran the pipeline for 0.5-1 s
// without returning to the event loop, and every other client's request on that worker waited
// behind it. Its events now run in slices of about SLICE_MS, with a turn of the event loop
// (setImmediate: after pending I/O) between them. Requests of up to 16 items never ask the clock.

/** How long one slice runs before other requests get a turn: well under the 25 ms p99 target. */
export const SLICE_MS = 8;

/** The clock is read once every this many items (a power of two). */
const CHECK_EVERY = 16;

export class TimeSlices {
  private start = performance.now();
  constructor(private readonly budgetMs = SLICE_MS) {}

  /**
   * Called before item `i`: a promise that settles on the event loop's next check phase when the
   * current slice has used its budget, else undefined (the caller goes on without an await).
   */
  pause(i: number): Promise<void> | undefined {
    if ((i & (CHECK_EVERY - 1)) !== CHECK_EVERY - 1 || performance.now() - this.start < this.budgetMs) return undefined;
    return this.yieldTurn();
  }

  /** pause() for callers whose items are large chunks: the clock is read on every call. */
  pauseNow(): Promise<void> | undefined {
    return performance.now() - this.start < this.budgetMs ? undefined : this.yieldTurn();
  }

  private yieldTurn(): Promise<void> {
    return new Promise((resolve) => setImmediate(() => { this.start = performance.now(); resolve(); }));
  }
}
