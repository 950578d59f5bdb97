import type Database from 'better-sqlite3';
import { retryBusy, SHARED_BUSY_SPIN_MS } from '../../common/busy-retry.js';
import { isBusy, openWalDatabase } from '../../common/sqlite.js';
import type { VisitorIds } from '../../pipeline/project.js';
import { VisitorKeyHasher } from '../visitor-key.js';
import { ClaimBatcher } from './claim-batch.js';
import { INSERT_TOKEN_SQL, moveTokens, newTokens, PSEUDO_IDS_DDL, SELECT_TOKEN_SQL, startPruning, TokenCache } from './token-table.js';

export interface SharedIdsOptions {
  /** `<data>/pseudo-ids.db`, opened by every worker. */
  path: string;
  /** Worker 0's spool file, where a single process keeps its tokens (moved here on start). */
  legacySpool: string;
  /** True in the worker that owns `legacySpool`: it empties the old table once the tokens are copied. */
  ownsLegacy: boolean;
  synchronous: 'NORMAL' | 'FULL';
  onError: (what: string, code: string) => void;
  /** How long a claim waits for another worker's write lock before failing (SQLITE_BUSY); default 5000 ms, waited on timers (busy-retry.ts). */
  busyTimeoutMs?: number;
}

interface Wanted { key: string; destination: string; period: number; cacheKey: string }

/**
 * Random pseudonymous ids when cluster workers each own a spool: the (visitor, destination,
 * period) -> token table lives in one SQLite file all workers share, so a visitor gets the same
 * id whichever worker takes the request. A new token is claimed with INSERT OR IGNORE and, when
 * the insert was ignored, the stored one read back in the same write transaction: concurrent
 * workers converge on whichever insert won. The claim commits before the pipeline uses the token, hence before the ack.
 * Requests arriving together share one claim transaction (claim-batch.ts).
 */
export class SharedRandomVisitorIds implements VisitorIds {
  private readonly db: Database.Database;
  private readonly cache = new TokenCache();
  private readonly hasher: VisitorKeyHasher;
  private readonly select: Database.Statement;
  private readonly claim: Database.Transaction<(wanted: readonly Wanted[]) => void>;
  private readonly busyMs: number;
  private readonly batcher = new ClaimBatcher<Wanted>((wanted) => retryBusy(() => this.claim.immediate(wanted), this.busyMs));

  constructor(opts: SharedIdsOptions, secret: string, private readonly rotateMs: number) {
    this.hasher = new VisitorKeyHasher(secret);
    this.busyMs = opts.busyTimeoutMs ?? 5000;
    // Start-up (schema, moving a single process's tokens) may wait as before; after it, another
    // worker's write lock is waited for on timers, never on this event loop (busy-retry.ts).
    this.db = openWalDatabase(opts.path, { timeoutMs: this.busyMs, synchronous: opts.synchronous });
    this.db.exec(PSEUDO_IDS_DDL);
    moveTokens(this.db, opts.legacySpool, opts.ownsLegacy);
    this.db.pragma(`busy_timeout = ${Math.min(this.busyMs, SHARED_BUSY_SPIN_MS)}`);
    this.select = this.db.prepare(SELECT_TOKEN_SQL).pluck();
    const insert = this.db.prepare(INSERT_TOKEN_SQL);
    this.claim = this.db.transaction((wanted: readonly Wanted[]) => {
      const tokens = newTokens(wanted.length);
      wanted.forEach((w, i) => {
        // Inserted: ours is the stored token (this transaction holds the write lock). Ignored: another worker's won.
        const ours = insert.run(w.key, w.destination, w.period, tokens[i]).changes === 1;
        this.cache.set(w.key, w.destination, w.period, ours ? tokens[i] : this.select.get(w.key, w.destination, w.period) as string);
      });
    });
    startPruning(this.db, rotateMs, (code) => opts.onError('pseudo-ids prune', code), this.busyMs);
  }

  /** Resolves a request's ids; new tokens wait for the batch of requests arriving alongside (the runtime calls this before the pipeline). */
  async prepare(visitorKeys: readonly string[], destinations: readonly string[], now: number): Promise<void> {
    let waits = false;
    const missing: [string, Wanted][] = [];
    for (const w of this.unresolved(visitorKeys, destinations, now)) {
      if (this.batcher.has(w.cacheKey)) waits = true;
      else if (!this.fromFile(w)) missing.push([w.cacheKey, w]);
    }
    if (missing.length || waits) await this.batcher.add(missing);
  }

  /** The (visitor, destination, period) ids not in the cache. */
  private unresolved(visitorKeys: readonly string[], destinations: readonly string[], now: number): Wanted[] {
    const period = Math.floor(now / this.rotateMs);
    const out: Wanted[] = [];
    for (const visitorKey of new Set(visitorKeys)) {
      const key = this.hasher.keyOf(visitorKey);
      for (const destination of destinations) {
        if (!this.cache.has(key, destination, period)) out.push({ key, destination, period, cacheKey: TokenCache.keyOf(key, destination, period) });
      }
    }
    return out;
  }

  /** Read first: a token another worker made needs no write lock. A busy read leaves it to the claim, which waits on timers. */
  private fromFile(w: Wanted): boolean {
    let stored: string | undefined;
    try { stored = this.select.get(w.key, w.destination, w.period) as string | undefined; } catch (err) { if (isBusy(err)) return false; throw err; }
    if (stored !== undefined) this.cache.set(w.key, w.destination, w.period, stored);
    return stored !== undefined;
  }

  idFor(visitorKey: string, destination: string, now: number): string {
    const key = this.hasher.keyOf(visitorKey), period = Math.floor(now / this.rotateMs);
    const cached = this.cache.get(key, destination, period);
    if (cached !== undefined) return cached;
    // Not prepared (or dropped from the cache since): resolve it now, synchronously, waiting for
    // the lock on this thread as before (rare: prepare() resolved it moments ago).
    this.db.pragma(`busy_timeout = ${this.busyMs}`);
    try {
      const missing = this.unresolved([visitorKey], [destination], now).filter((w) => !this.fromFile(w));
      if (missing.length) this.claim.immediate(missing);
    } finally {
      this.db.pragma(`busy_timeout = ${Math.min(this.busyMs, SHARED_BUSY_SPIN_MS)}`);
    }
    return this.cache.get(key, destination, period)!;
  }
}
