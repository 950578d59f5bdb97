import type Database from 'better-sqlite3';
import { inTransaction, openWalDatabase } from '../../common/sqlite.js';
import { PhiwallError } from '../../errors.js';
import { DEDUP_WINDOW_MS, type SharedClaimStore, type SharedVerdict } from '../ingest-dedup.js';

// Ingest dedup across `serve --workers N` on SQLite, where each worker has its own spool: a
// retry on a new connection may land on another worker. Every worker claims its events' keys in
// one shared file first (INSERT ... ON CONFLICT DO UPDATE WHERE free: the write lock makes one
// worker win). The winner's key turns `done` only after ITS spool committed the rows, so a copy
// on another worker is answered 200 only once the original is durable ("ack means durable"), and
// fails (503, retry) if the original's commit failed. Claims and releases arriving in one
// event-loop turn share one write transaction.
export const SHARED_CLAIMS_FILE = 'ingest-claims.db';
const DDL = `CREATE TABLE IF NOT EXISTS ingest_claims (k TEXT PRIMARY KEY, state INTEGER NOT NULL, worker INTEGER NOT NULL, pid INTEGER NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ingest_claims_at ON ingest_claims (at)`;
const PENDING = 0, DONE = 1, RELEASED = 2, FAILED = 3;
/** A pending claim older than this is given up (its worker died before committing): the next copy takes the event. */
export const STALE_MS = 30_000;
/** How long a copy waits for another worker's original before answering 503 (the client retries). */
export const WAIT_MS = 10_000;
const PURGE_EVERY_MS = 60_000;

export interface SharedClaimsOptions {
  path: string;
  /** This worker's index: a restarted worker settles the claims its predecessor left pending. */
  worker: number;
  synchronous: 'NORMAL' | 'FULL';
  onError: (what: string, code: string) => void;
  busyTimeoutMs?: number;
  /** This process's id in the file: default its pid (tests run two "workers" in one process). */
  pid?: number;
  staleMs?: number;
  waitMs?: number;
}

interface Batch { claims: string[]; now: number; out: Promise<SharedVerdict[]>; resolve: (v: SharedVerdict[]) => void; reject: (e: unknown) => void }
interface Release { k: string; state: number }

export class SharedClaims implements SharedClaimStore {
  private readonly db: Database.Database;
  private readonly take: Database.Statement;
  private readonly stateOf: Database.Statement;
  private readonly settle: Database.Statement;
  private readonly purge: Database.Statement;
  private open: Batch | undefined;
  private releases: Release[] = [];
  private flushing = false;
  private lastPurge = 0;
  /** The owner (pid) of each key another worker had pending when we asked: a waiter fails if the key changes hands. */
  private readonly owners = new Map<string, number>();
  private readonly pid: number;

  constructor(private readonly opts: SharedClaimsOptions) {
    this.pid = opts.pid ?? process.pid;
    this.db = openWalDatabase(opts.path, { timeoutMs: opts.busyTimeoutMs ?? 1000, synchronous: opts.synchronous });
    this.db.exec(DDL);
    this.take = this.db.prepare(`INSERT INTO ingest_claims (k, state, worker, pid, at) VALUES (?, ${PENDING}, ?, ?, ?)
      ON CONFLICT (k) DO UPDATE SET state = ${PENDING}, worker = excluded.worker, pid = excluded.pid, at = excluded.at
      WHERE state >= ${RELEASED} OR (state = ${PENDING} AND at < ?) OR (state = ${DONE} AND at < ?)`);
    this.stateOf = this.db.prepare('SELECT state, pid FROM ingest_claims WHERE k = ?');
    // `at` stays the claim's time (the window runs from it): a changed `at` would move the row in the index too.
    this.settle = this.db.prepare(`UPDATE ingest_claims SET state = ? WHERE k = ? AND pid = ? AND state = ${PENDING}`);
    this.purge = this.db.prepare('DELETE FROM ingest_claims WHERE at < ?');
  }

  claim(keys: readonly string[], now: number): Promise<SharedVerdict[]> {
    const batch = this.open ?? this.start();
    batch.now = Math.max(batch.now, now);
    const from = batch.claims.length;
    batch.claims.push(...keys);
    return batch.out.then((all) => all.slice(from, from + keys.length));
  }

  release(keys: readonly string[], committed: ReadonlySet<string>, failed: boolean, _now: number): void {
    for (const k of keys) this.releases.push({ k, state: failed ? FAILED : committed.has(k) ? DONE : RELEASED });
    this.schedule();
  }

  async waitFor(keys: readonly string[]): Promise<void> {
    const end = Date.now() + (this.opts.waitMs ?? WAIT_MS);
    let left = [...keys];
    for (let pause = 2; left.length; pause = Math.min(pause * 2, 50)) {
      left = left.filter((k) => !this.settled(k));
      if (left.length === 0) break;
      if (Date.now() >= end) throw new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: 'original on another worker not committed' });
      await new Promise((r) => setTimeout(r, pause));
    }
    for (const k of keys) this.owners.delete(k);
  }

  /** True once done (or released without rows); throws if the original failed or the claim changed hands. */
  private settled(k: string): boolean {
    if (!this.db.open) throw new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: 'shutting down' });
    const row = this.stateOf.get(k) as { state: number; pid: number } | undefined;
    if (row === undefined || row.pid !== this.owners.get(k) || row.state === FAILED) {
      this.owners.delete(k);
      throw new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: 'original on another worker not committed' });
    }
    return row.state === DONE || row.state === RELEASED;
  }

  /** Claims its predecessor (same worker index, another pid) left pending: done if this worker's spool has the key, else free. */
  async recover(seen: (keys: readonly string[], since: number) => Promise<ReadonlySet<string>>, now: number): Promise<number> {
    const left = this.db.prepare(`SELECT k, pid FROM ingest_claims WHERE worker = ? AND pid != ? AND state = ${PENDING}`).all(this.opts.worker, this.pid) as { k: string; pid: number }[];
    if (left.length === 0) return 0;
    const durable = await seen(left.map((r) => r.k), now - DEDUP_WINDOW_MS);
    inTransaction(this.db, () => { for (const r of left) this.settle.run(durable.has(r.k) ? DONE : RELEASED, r.k, r.pid); }, 'immediate');
    return left.length;
  }

  private start(): Batch {
    let resolve!: Batch['resolve'], reject!: Batch['reject'];
    const out = new Promise<SharedVerdict[]>((ok, no) => { resolve = ok; reject = no; });
    this.open = { claims: [], now: 0, out, resolve, reject };
    this.schedule();
    return this.open;
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushing = false;
    const batch = this.open, releases = this.releases;
    this.open = undefined;
    this.releases = [];
    // The requests' clock (the latest of them): a claim's age and window are judged on the time its request was taken.
    const now = Math.max(Date.now(), batch?.now ?? 0);
    try {
      const verdicts = inTransaction(this.db, () => this.write(batch?.claims ?? [], releases, now), 'immediate');
      batch?.resolve(verdicts);
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'error';
      this.opts.onError('ingest claims', code);
      // Releases are kept for the next turn (a copy elsewhere waits for them); claims fail closed (503).
      this.releases.unshift(...releases);
      if (this.releases.length) this.schedule();
      batch?.reject(new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: code }));
    }
  }

  /** Inside the write transaction: releases first (a copy in this batch may wait on one), then the claims. */
  private write(claims: readonly string[], releases: readonly Release[], now: number): SharedVerdict[] {
    for (const r of releases) this.settle.run(r.state, r.k, this.pid);
    const verdicts = claims.map((k): SharedVerdict => {
      if (this.take.run(k, this.opts.worker, this.pid, now, now - (this.opts.staleMs ?? STALE_MS), now - DEDUP_WINDOW_MS).changes === 1) return 'taken';
      const row = this.stateOf.get(k) as { state: number; pid: number };
      if (row.state === DONE) return 'done';
      this.owners.set(k, row.pid);
      return 'pending';
    });
    if (now - this.lastPurge >= PURGE_EVERY_MS) { this.purge.run(now - DEDUP_WINDOW_MS); this.lastPurge = now; }
    return verdicts;
  }

  close(): void {
    if (this.open || this.releases.length) this.flush();
    this.db.close();
  }
}
