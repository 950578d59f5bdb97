// Group commit for new pseudonymous-id tokens in the cluster workers' shared file.

/**
 * Claims per write transaction. A transaction holds the write lock every worker shares; an
 * uncapped one (a burst of batch requests full of new visitors) made the other workers' claims
 * wait for all of it. 500 inserts commit in a few milliseconds.
 */
export const MAX_CLAIMS_PER_TRANSACTION = 500;

interface Batch<W> {
  readonly wants: Map<string, W>;
  readonly done: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Collects the claims of the requests that reach `add` in one event-loop turn (typically every
 * request whose body was read in the same poll phase) and runs them in ONE write transaction, on
 * setImmediate: a WAL commit and one turn of the cross-worker write lock per batch instead of
 * per request, for a wait of the rest of the current turn (no timer).
 *
 * The claim may wait (asynchronously) for another worker's write lock (busy-retry.ts): the batch
 * is closed first, so later callers start the next batch, which may commit before it. A want in
 * both is claimed twice; the second insert is ignored and reads back the first one's token, as
 * across workers. A want already in the open batch is claimed once, whichever requests ask for it.
 * A failed claim rejects every caller of that batch (they fail closed: nothing is pipelined with
 * no token); the next batch starts afresh, so one SQLITE_BUSY does not poison later ones.
 */
export class ClaimBatcher<W> {
  private open: Batch<W> | undefined;

  /**
   * `claim` runs the wants it is given in one transaction; it throws when they were not
   * committed. A batch larger than `maxPerTransaction` is claimed in several transactions of at
   * most that many wants, so a burst (a batch request of many new visitors) holds the write
   * lock the workers share for one bounded transaction at a time.
   */
  constructor(private readonly claim: (wants: readonly W[]) => void | Promise<void>, private readonly maxPerTransaction = MAX_CLAIMS_PER_TRANSACTION) {
    if (!Number.isInteger(maxPerTransaction) || maxPerTransaction < 1) throw new RangeError('maxPerTransaction must be a positive integer');
  }

  /** True when `key` waits in the open batch: its caller need only wait for that batch. */
  has(key: string): boolean {
    return this.open?.wants.has(key) ?? false;
  }

  /** Adds `wants` (by key) to the open batch; settles once that batch's transaction committed or failed. */
  add(wants: Iterable<readonly [string, W]>): Promise<void> {
    const batch = this.open ?? this.start();
    for (const [key, want] of wants) if (!batch.wants.has(key)) batch.wants.set(key, want);
    return batch.done;
  }

  private start(): Batch<W> {
    let resolve!: () => void;
    let reject!: (err: unknown) => void;
    const done = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
    const batch: Batch<W> = { wants: new Map(), done, resolve, reject };
    this.open = batch;
    setImmediate(() => void this.flush(batch));
    return batch;
  }

  private async flush(batch: Batch<W>): Promise<void> {
    // Closed before the claim: whatever arrives next (after it) starts the next batch.
    this.open = undefined;
    try {
      // Chunks commit in order; a failed one rejects every caller of the batch (fail closed),
      // the chunks before it stay committed (their tokens are valid and found by the next request).
      const wants = [...batch.wants.values()];
      for (let i = 0; i < wants.length; i += this.maxPerTransaction) await this.claim(wants.slice(i, i + this.maxPerTransaction));
    } catch (err) {
      batch.reject(err);
      return;
    }
    batch.resolve();
  }
}
