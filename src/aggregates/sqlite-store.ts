import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { SqliteCore } from './sqlite-core.js';
import { RELEASE_LEASE_MS, type AggregateStore, type AggregateWriter, type CellDelta, type ConversionRow, type ForwardClaim, type ReleaseMark, type ReleasedRow, type TouchRow } from './store.js';

/**
 * The embedded adapter: one SQLite file per data directory. Calls run one at a time (a promise
 * queue), so a transaction that awaits its writer keeps the connection to itself: no other
 * call can run inside it, or read what it may still roll back.
 */
export class SqliteAggregateStore implements AggregateStore {
  readonly kind = 'sqlite';
  private readonly core: SqliteCore;
  // Shared by every instance on the same file in this process: SQLite's lock waits block the
  // thread, so a second connection here must wait its turn in the queue, not in the lock.
  private static readonly queues = new Map<string, { tail: Promise<unknown>; users: number }>();
  private readonly queue: { tail: Promise<unknown>; users: number };
  private readonly queueKey: string;
  /** Its name in leases and release claims: stable across restarts when given (src/common/instance-id.ts). */
  private readonly owner: string;
  private readonly writer: AggregateWriter;

  constructor(readonly path: string, owner?: string) {
    this.owner = owner ?? randomBytes(9).toString('base64url');
    this.core = new SqliteCore(path);
    this.queueKey = path === ':memory:' ? `memory:${this.owner}` : resolve(path);
    const shared = SqliteAggregateStore.queues.get(this.queueKey) ?? { tail: Promise.resolve(), users: 0 };
    shared.users++;
    SqliteAggregateStore.queues.set(this.queueKey, shared);
    this.queue = shared;
    const c = this.core;
    this.writer = {
      addCells: async (dest, dimset, cells, now) => c.addCells(dest, dimset, cells, now),
      journeyFor: async (dest, key, now) => c.journeyFor(dest, key, now),
      findJourney: async (dest, key) => c.findJourney(dest, key),
      linkEmail: async (dest, email, journey, now) => c.linkEmail(dest, email, journey, now),
      journeyByEmail: async (dest, email) => c.journeyByEmail(dest, email),
      lastTouch: async (dest, journey) => c.lastTouch(dest, journey),
      addTouch: async (dest, t) => c.addTouch(dest, t),
      markLead: async (dest, journey, time) => c.markLead(dest, journey, time),
      addConversion: async (dest, conv) => c.addConversion(dest, conv),
    };
  }

  private run<T>(fn: () => T | Promise<T>): Promise<T> {
    const next = this.queue.tail.then(fn);
    this.queue.tail = next.catch(() => undefined);
    return next;
  }

  private readonly secrets = new Map<string, string>();

  /**
   * Read once per destination and cached. Transactions only await this adapter's own
   * (synchronous) writer, so they finish within one macrotask and this never runs inside one.
   */
  secret(dest: string): string {
    let s = this.secrets.get(dest);
    if (s === undefined) this.secrets.set(dest, (s = this.core.secret(dest)));
    return s;
  }

  transaction<T>(fn: (w: AggregateWriter) => Promise<T>): Promise<T> {
    return this.run(async () => {
      this.core.db.exec('BEGIN IMMEDIATE');
      try {
        const value = await fn(this.writer);
        this.core.db.exec('COMMIT');
        return value;
      } catch (err) {
        if (this.core.db.inTransaction) this.core.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  addCells(dest: string, dimset: string, cells: readonly CellDelta[], now: number) { return this.run(() => this.core.db.transaction(() => this.core.addCells(dest, dimset, cells, now))()); }
  journeyFor(dest: string, keyHmac: string, now: number) { return this.run(() => this.core.journeyFor(dest, keyHmac, now)); }
  findJourney(dest: string, keyHmac: string) { return this.run(() => this.core.findJourney(dest, keyHmac)); }
  linkEmail(dest: string, emailHmac: string, journey: string, now: number) { return this.run(() => this.core.linkEmail(dest, emailHmac, journey, now)); }
  journeyByEmail(dest: string, emailHmac: string) { return this.run(() => this.core.journeyByEmail(dest, emailHmac)); }
  lastTouch(dest: string, journey: string) { return this.run(() => this.core.lastTouch(dest, journey)); }
  addTouch(dest: string, t: TouchRow) { return this.run(() => this.core.addTouch(dest, t)); }
  markLead(dest: string, journey: string, time: number) { return this.run(() => this.core.markLead(dest, journey, time)); }
  addConversion(dest: string, c: ConversionRow) { return this.run(() => this.core.addConversion(dest, c)); }
  cells(dest: string, dimset: string, from: number, to: number) { return this.run(() => this.core.cells(dest, dimset, from, to)); }
  windowsToRelease(dest: string, dimset: string, before: number, windowMs: number) { return this.run(() => this.core.windowsToRelease(dest, dimset, before, windowMs)); }
  releasedState(dest: string, dimset: string, windowStart: number) { return this.run(() => this.core.releasedState(dest, dimset, windowStart)); }
  claimRelease(dest: string, dimset: string, windowStart: number, basis: number, now: number) { return this.run(() => this.core.claimRelease(dest, dimset, windowStart, basis, this.owner, now)); }
  saveReleased(dest: string, dimset: string, windowStart: number, rows: readonly ReleasedRow[], mark: ReleaseMark, now: number, basis?: number) {
    return this.run(() => this.core.saveReleased(dest, dimset, windowStart, rows, mark, now, basis === undefined ? undefined : { basis, owner: this.owner }));
  }
  releaseMarks(dest: string, dimset: string, from: number, to: number) { return this.run(() => this.core.releaseMarks(dest, dimset, from, to)); }
  confirmedPerDay(dest: string, from: number, to: number, dayMs: number) { return this.run(() => this.core.confirmedPerDay(dest, from, to, dayMs)); }
  touches(dest: string, from: number, to: number) { return this.run(() => this.core.touches(dest, from, to)); }
  conversions(dest: string, from: number, to: number, status?: string) { return this.run(() => this.core.conversions(dest, from, to, status)); }
  claimForward(dest: string, conversionId: string, target: string, now: number) { return this.run(() => this.core.claimForward(dest, conversionId, target, now)); }
  finishForwards(dest: string, claims: readonly ForwardClaim[]) { return this.run(() => this.core.settleForwards(dest, claims, true)); }
  releaseForwards(dest: string, claims: readonly ForwardClaim[]) { return this.run(() => this.core.settleForwards(dest, claims, false)); }
  pruneMembers(dest: string, before: number) { return this.run(() => this.core.pruneMembers(dest, before)); }
  expire(dest: string, now: number, lookbackMs: number) { return this.run(() => this.core.expire(dest, now, lookbackMs)); }

  async withReleaseLock<T>(dest: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    const key = `lock:release:${dest}`;
    if (!(await this.run(() => this.core.lease(key, this.owner, Date.now(), RELEASE_LEASE_MS)))) return { ran: false };
    try {
      return { ran: true, value: await fn() };
    } finally {
      await this.run(() => this.core.unlease(key, this.owner));
    }
  }

  close(): Promise<void> {
    return this.run(() => {
      if (!this.core.db.open) return;
      this.core.db.close();
      if (--this.queue.users === 0) SqliteAggregateStore.queues.delete(this.queueKey);
    });
  }
}
