import type Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import type { VisitorIds } from '../../pipeline/project.js';
import type { SqliteSpool } from './sqlite-spool.js';
import { VisitorKeyHasher } from '../visitor-key.js';
import { INSERT_TOKEN_SQL, moveTokens, newToken, SELECT_TOKEN_SQL, startPruning, TokenCache } from './token-table.js';

/**
 * Safe Harbor's re-identification code rule (164.514(c)): the id a destination sees is a random
 * token per (visitor, destination, period), not derived from the visitor's identifier. The
 * table keys visitors by an HMAC, so the raw anonymousId is not stored either. New tokens are
 * written in the spool's group commit, before the ingest request is acknowledged. This is the
 * one-process store; cluster workers share theirs (shared-visitor-ids.ts).
 */
export class RandomVisitorIds implements VisitorIds {
  private readonly cache = new TokenCache();
  private pending: [string, string, number, string][] = [];
  private readonly select: Database.Statement;
  private readonly hasher: VisitorKeyHasher;

  /** `clusterTokens`: the cluster's token file, whose tokens this process takes over (so ids survive `--workers 1`). */
  constructor(spool: SqliteSpool, secret: string, private readonly rotateMs: number, clusterTokens?: string, onError: (what: string, code: string) => void = () => undefined) {
    this.hasher = new VisitorKeyHasher(secret);
    if (clusterTokens !== undefined) moveTokens(spool.db, clusterTokens, true);
    this.select = spool.db.prepare(SELECT_TOKEN_SQL);
    const insert = spool.db.prepare(INSERT_TOKEN_SQL);
    spool.addCommitHook(() => {
      for (const row of this.pending) insert.run(...row);
      this.pending = [];
    });
    startPruning(spool.db, rotateMs, (code) => onError('pseudo-ids prune', code));
  }

  idFor(visitorKey: string, destination: string, now: number): string {
    const period = Math.floor(now / this.rotateMs);
    const key = this.hasher.keyOf(visitorKey);
    const cached = this.cache.get(key, destination, period);
    if (cached !== undefined) return cached;
    const stored = this.select.get(key, destination, period) as { token: string } | undefined;
    const token = stored?.token ?? newToken();
    if (!stored) this.pending.push([key, destination, period, token]);
    this.cache.set(key, destination, period, token);
    return token;
  }
}

/** Stateless alternative: HMAC(secret, destination:period:visitor). Documented trade-off: derived, not random. */
export class KeyedHashVisitorIds implements VisitorIds {
  constructor(private readonly secret: string, private readonly rotateMs: number) {}
  idFor(visitorKey: string, destination: string, now: number): string {
    const period = Math.floor(now / this.rotateMs);
    return 'pk_' + createHmac('sha256', this.secret).update(`${destination}:${period}:${visitorKey}`).digest('base64url').slice(0, 22);
  }
}

export const NO_VISITOR_IDS: VisitorIds = { idFor: () => undefined };
