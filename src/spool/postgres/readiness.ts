import { doublingDelay } from '../../common/backoff.js';
import { errorCode, PhiwallError } from '../../errors.js';

/** The storage retry schedule: 0.5 s doubling to 10 s (the gate's default; the PostgreSQL audit queue's too). */
export const STORAGE_RETRY = { baseMs: 500, maxMs: 10_000 } as const;

export interface ReadinessOptions {
  /** Wait after the first failed attempt; doubles per failure up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Retry on a timer after a failure (a running collector); off for one-shot tools. */
  background?: boolean;
  /** A failed attempt, by error code only (a driver message can quote the connection URL). */
  onFailure?: (code: string, attempt: number, retryInMs: number) => void;
  /** Success after `failedAttempts` failures (not called when the first attempt succeeds). */
  onRecovered?: (failedAttempts: number) => void;
}

/**
 * "Migrations ran": the gate every PostgreSQL operation passes, shared by the spool and every
 * adapter on its pool. Success is remembered; failure is not. A database that is unreachable
 * when the collector starts therefore costs 503s until it is back, never a restart.
 *
 * Attempts follow one backoff schedule (0.5 s doubling to 10 s by default), whoever asks:
 * concurrent callers share the attempt in flight, and a caller inside the backoff window gets
 * the last failure at once instead of starting another attempt. Traffic (requests, delivery
 * polls, /readyz probes) thus never turns into a storm of connection attempts or log lines
 * against a database that is down or just coming back, and requests fail fast (503) meanwhile.
 * A timer makes the next attempt when the window ends, so recovery needs no traffic and takes
 * at most `maxDelayMs` after the database is reachable again.
 */
export class Readiness {
  private done = false;
  private inflight: Promise<void> | undefined;
  private failures = 0;
  private lastError: PhiwallError | undefined;
  private nextAttemptAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly attempt: () => Promise<void>, private readonly opts: ReadinessOptions = {}) {}

  /** A gate with nothing to wait for: a pool whose schema is known to be in place (read-only tools, `phiwall audit`). */
  static passed(): Readiness {
    const gate = new Readiness(async () => undefined);
    gate.done = true;
    return gate;
  }

  /** True once an attempt succeeded. */
  get ok(): boolean {
    return this.done;
  }

  /**
   * Resolves once the work succeeded (at once, ever after); otherwise joins the attempt in
   * flight or starts one, unless the backoff window is open. Rejects with a typed 503 error.
   */
  ensure(): Promise<void> {
    if (this.done) return Promise.resolve();
    if (this.inflight) return this.inflight;
    if (this.closed) return Promise.reject(new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: 'closed' }));
    if (this.lastError && Date.now() < this.nextAttemptAt) return Promise.reject(this.lastError);
    return this.start();
  }

  /** Starts the first attempt without a waiting caller (its failure is reported through `onFailure`). */
  begin(): void {
    this.ensure().catch(() => undefined);
  }

  private start(): Promise<void> {
    const run = this.run();
    this.inflight = run;
    // Settles `inflight` whatever the outcome; the callers handle the rejection itself.
    const clear = () => { if (this.inflight === run) this.inflight = undefined; };
    run.then(clear, clear);
    return run;
  }

  private async run(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      await this.attempt();
    } catch (err) {
      throw this.failed(err);
    }
    this.done = true;
    this.lastError = undefined;
    if (this.failures > 0) this.opts.onRecovered?.(this.failures);
  }

  private failed(err: unknown): PhiwallError {
    this.failures++;
    const code = errorCode(err);
    const delay = doublingDelay(this.failures - 1, this.opts.minDelayMs ?? STORAGE_RETRY.baseMs, this.opts.maxDelayMs ?? STORAGE_RETRY.maxMs);
    this.nextAttemptAt = Date.now() + delay;
    this.lastError = new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: code });
    this.lastError.cause = err;
    this.opts.onFailure?.(code, this.failures, delay);
    if (this.opts.background !== false && !this.closed) {
      // Straight to an attempt: timers and Date.now() may disagree by a millisecond at the window's end.
      this.timer = setTimeout(() => { this.timer = undefined; if (!this.done && !this.inflight && !this.closed) this.start().catch(() => undefined); }, delay);
      // The server (or the caller) keeps the process alive; a retry alone must not.
      this.timer.unref();
    }
    return this.lastError;
  }

  /** Stops retrying and waits for an attempt in flight (its pool may be ended next). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inflight?.catch(() => undefined);
  }
}
