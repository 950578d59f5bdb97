import type Database from 'better-sqlite3';
import { openWalDatabase } from '../../common/sqlite.js';
import type { VisitorIds } from '../../pipeline/project.js';
import { VisitorKeyHasher } from '../visitor-key.js';
import { INSERT_TOKEN_SQL, moveTokens, newToken, PSEUDO_IDS_DDL, SELECT_TOKEN_SQL, startPruning, TokenCache } from './token-table.js';

export interface SharedIdsOptions {
  /** `<data>/pseudo-ids.db`, opened by every worker. */
  path: string;
  /** Worker 0's spool file, where a single process keeps its tokens (moved here on start). */
  legacySpool: string;
  /** True in the worker that owns `legacySpool`: it empties the old table once the tokens are copied. */
  ownsLegacy: boolean;
  synchronous: 'NORMAL' | 'FULL';
  onError: (what: string, code: string) => void;
}

interface Wanted { key: string; destination: string; period: number; cacheKey: string }

/**
 * Random pseudonymous ids when cluster workers each own a spool: the (visitor, destination,
 * period) -> token table lives in one SQLite file all workers share, so a visitor gets the same
 * id whichever worker takes the request. A new token is claimed with INSERT OR IGNORE and the
 * stored one read back in the same write transaction: concurrent workers converge on whichever
 * insert won. The claim commits before the pipeline uses the token, hence before the ack.
 */
export class SharedRandomVisitorIds implements VisitorIds {
  private readonly db: Database.Database;
  private readonly cache = new TokenCache();
  private readonly hasher: VisitorKeyHasher;
  private readonly select: Database.Statement;
  private readonly claim: Database.Transaction<(wanted: readonly Wanted[]) => void>;

  constructor(opts: SharedIdsOptions, secret: string, private readonly rotateMs: number) {
    this.hasher = new VisitorKeyHasher(secret);
    this.db = openWalDatabase(opts.path, { timeoutMs: 5000, synchronous: opts.synchronous });
    this.db.exec(PSEUDO_IDS_DDL);
    moveTokens(this.db, opts.legacySpool, opts.ownsLegacy);
    this.select = this.db.prepare(SELECT_TOKEN_SQL).pluck();
    const insert = this.db.prepare(INSERT_TOKEN_SQL);
    this.claim = this.db.transaction((wanted: readonly Wanted[]) => {
      for (const w of wanted) {
        insert.run(w.key, w.destination, w.period, newToken());
        this.cache.set(w.cacheKey, this.select.get(w.key, w.destination, w.period) as string);
      }
    });
    startPruning(this.db, rotateMs, (code) => opts.onError('pseudo-ids prune', code));
  }

  /** Resolves a request's ids in one write transaction at most (the runtime calls this before the pipeline). */
  async prepare(visitorKeys: readonly string[], destinations: readonly string[], now: number): Promise<void> {
    this.resolve(visitorKeys, destinations, now);
  }

  private resolve(visitorKeys: readonly string[], destinations: readonly string[], now: number): void {
    if (destinations.length === 0) return;
    const period = Math.floor(now / this.rotateMs);
    const missing: Wanted[] = [];
    for (const visitorKey of new Set(visitorKeys)) {
      const key = this.hasher.keyOf(visitorKey);
      for (const destination of destinations) {
        const cacheKey = TokenCache.keyOf(key, destination, period);
        if (this.cache.has(cacheKey)) continue;
        // Read first: a token another worker made needs no write lock.
        const stored = this.select.get(key, destination, period) as string | undefined;
        if (stored !== undefined) this.cache.set(cacheKey, stored);
        else missing.push({ key, destination, period, cacheKey });
      }
    }
    if (missing.length) this.claim.immediate(missing);
  }

  idFor(visitorKey: string, destination: string, now: number): string {
    const cacheKey = TokenCache.keyOf(this.hasher.keyOf(visitorKey), destination, Math.floor(now / this.rotateMs));
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined) return cached;
    // Not prepared (or dropped from the cache since): resolve it now, synchronously.
    this.resolve([visitorKey], [destination], now);
    return this.cache.get(cacheKey)!;
  }
}
