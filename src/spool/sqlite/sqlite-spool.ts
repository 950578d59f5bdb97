import type Database from 'better-sqlite3';
import { inTransaction, openWalDatabase } from '../../common/sqlite.js';
import { SteadyClock } from '../../common/steady-clock.js';
import { PhiwallError } from '../../errors.js';
import type { JsonValue } from '../../common/json.js';
import type { BeforeCommit, DeadLetter, DeadScrub, EnqueueRow, LeasedItem, ReplayPermit, Spool, SpoolStats } from '../port.js'; import { ackInTransaction } from './ack-with.js';
import { joinKeys } from '../row-meta.js';
import { checkpointerFor, type BackgroundCheckpointer } from './checkpointer.js';
import { ConsumerClaim } from './consumer.js';
import { countByDestination, deadScrubs, fromOutbox, getDead, listDead, newestTime, nextDueOnDisk, policyOf, saveClock, releaseRetriesOnDisk, prunePolicies, purgeDead, recordPolicies, replayDead, type OutboxRow } from './queries.js';
import { isPackId, PackLedger, type NewPack, type PackItem } from './packs.js';
import { measure, PackPrep, writePrepared, type PreparedRows } from './pack-prep.js';
import { addGovernanceColumns, SQLITE_SCHEMA } from './schema.js';
import { countLive, prepareSpoolStatements, probeWrite, type SpoolStatements } from './spool-statements.js';
import { SeenKeys } from './seen-keys.js'; import { DEDUP_WINDOW_MS } from '../ingest-dedup.js';

export interface SqliteSpoolOptions {
  path: string;
  maxRows: number;
  maxBytes: number;
  synchronous: 'full' | 'normal';
  groupCommitMs: number;
  /** SQLite page limit: lets tests simulate a full disk. */
  maxPageCount?: number;
  /** WAL checkpoints on a thread every this many ms from the first write (checkpointer.ts), failures by code; absent: only SQLite's own, in the committing call. */
  backgroundCheckpointMs?: number; onCheckpointError?: (code: string) => void;
}

type CommitHook = (db: Database.Database) => void;
/**
 * A delivered pack's DELETE waits up to this long for the next group commit to ride on, rather
 * than committing a write transaction of its own; it commits alone only when no event arrives
 * meanwhile. Its ack resolves once that commit is done (on disk, as before). Under load a group
 * commit comes every few ms: bench/micro/commits-per-request.mts (README, Performance) counts the
 * write transactions this saves. A kill -9 in between sends the pack's events again after the
 * restart (at least once, as for events being sent at the moment of a crash).
 */
export const ACK_RIDE_MS = 10;
interface Waiter { prepared: PreparedRows; live: number; bytes: number; resolve: () => void; reject: (e: unknown) => void }

/**
 * The embedded spool. Group commit: enqueues arriving within `groupCommitMs` share one
 * transaction, and each caller's promise settles only after that transaction commits.
 * A group commit's events for a destination are stored as pack rows (outbox_packs; one unless
 * their texts pass PACK_CHARS, pack-prep.ts), leased
 * in memory by the file's one consumer (packs.ts, consumer.ts): no lease write per row. Retried
 * items and replayed dead letters are single outbox rows with on-disk leases (any instance).
 */
export class SqliteSpool implements Spool {
  readonly db: Database.Database;
  private readonly waiting: Waiter[] = [];
  private readonly hooks: CommitHook[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Set while acked packs' deletes wait for a group commit (ACK_RIDE_MS). */
  private ride: NodeJS.Timeout | undefined;
  private rows = 0; private bytes = 0;
  private readonly claim: ConsumerClaim;
  private readonly packs: PackLedger;
  private consuming = false;
  private dataVersion: number;
  private checkpointer: BackgroundCheckpointer | undefined;
  /** Acked packs the pending group commit deletes (ack resolves after it; with none pending, ack deletes at once). */
  private closedPacks: number[] = [];
  private readonly st: SpoolStatements;
  private readonly prep = new PackPrep();
  /** The last group commit failed (a full disk): /readyz says not ready until a write goes through. */
  private commitFailing = false;
  /** Receipt, retry, lease and failure times (steady-clock.ts); the consumer claim, shared with other processes, keeps the wall clock. */
  private readonly clock: SteadyClock;
  private readonly seenKeys: SeenKeys;

  constructor(private readonly opts: SqliteSpoolOptions) {
    this.db = openWalDatabase(opts.path, { timeoutMs: 2000, synchronous: opts.synchronous === 'full' ? 'FULL' : 'NORMAL' });
    // Checkpoint every ~40 MB of WAL, not 4 MB: a spool page is rewritten by the insert and the
    // delete, and a rarer checkpoint copies it out once instead of several times.
    this.db.pragma('wal_autocheckpoint = 10000');
    if (opts.maxPageCount) this.db.pragma(`max_page_count = ${opts.maxPageCount}`);
    this.db.exec(SQLITE_SCHEMA);
    addGovernanceColumns(this.db);
    this.st = prepareSpoolStatements(this.db);
    this.dataVersion = this.st.version.get() as number;
    this.claim = new ConsumerClaim(this.db);
    this.packs = new PackLedger(this.db);
    ({ n: this.rows, b: this.bytes } = countLive(this.db));
    this.clock = new SteadyClock(newestTime(this.db)); this.seenKeys = new SeenKeys(this.db, DEDUP_WINDOW_MS);
  }

  now(): number { return this.clock.now(); }
  /** Runs inside every group-commit transaction (e.g. to persist new pseudonymous ids). */
  addCommitHook(hook: CommitHook): void { this.hooks.push(hook); }

  enqueue(rows: readonly EnqueueRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    const { texts, live, bytes } = measure(rows);
    if (this.rows + live > this.opts.maxRows || this.bytes + bytes > this.opts.maxBytes) {
      return Promise.reject(new PhiwallError('PW_ERR_SPOOL_FULL'));
    }
    const prepared = this.prep.prepare(rows, texts); // a large request's pack texts are built in slices first (pack-prep.ts)
    return prepared instanceof Promise ? prepared.then((p) => this.wait(p, live, bytes)) : this.wait(prepared, live, bytes);
  }

  private wait(prepared: PreparedRows, live: number, bytes: number): Promise<void> {
    return new Promise((resolve, reject) => { this.waiting.push({ prepared, live, bytes, resolve, reject }); this.timer ??= setTimeout(() => this.flush(), this.opts.groupCommitMs); });
  }

  private flush(): void {
    clearTimeout(this.timer); clearTimeout(this.ride);
    this.timer = this.ride = undefined;
    const batch = this.waiting.splice(0), closed = this.closedPacks.splice(0);
    if (batch.length === 0 && closed.length === 0) return;
    this.checkpointer ??= checkpointerFor(this.opts);
    const now = this.clock.now();
    let written: NewPack[];
    try {
      written = inTransaction(this.db, () => {
        if (closed.length) this.st.deletePacks.run(JSON.stringify(closed));
        const packs = writePrepared(this.st, batch.map((w) => w.prepared), now);
        this.seenKeys.write(batch.map((w) => w.prepared.seen), now);
        for (const hook of this.hooks) hook(this.db);
        // Holding the write lock now: a pack another connection committed before ours makes memory incomplete.
        this.noticeOtherWriters();
        return packs;
      });
    } catch (err) {
      const failure = new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: (err as { code?: string }).code ?? 'error' });
      this.commitFailing = true;
      // Delivered packs stay to be deleted by the next commit (memory has settled them): else the next consumer sends them again.
      this.closedPacks.unshift(...closed);
      for (const w of batch) w.reject(failure);
      return;
    }
    this.commitFailing = false;
    if (this.consuming) for (const p of written) this.packs.pushOwn(p, now);
    for (const w of batch) { this.rows += w.live; this.bytes += w.bytes; w.resolve(); }
  }

  /** Before counting from disk: acked packs must be gone (an ack in flight waits for a pending commit). */
  private deleteClosedNow(): void { if (this.closedPacks.length) this.flush(); }
  private noticeOtherWriters(): void { const v = this.st.version.get() as number; if (v !== this.dataVersion) { this.dataVersion = v; this.packs.spillAll(); } }

  /** Packs are consumed by the claim holder only; a change of hands resets what memory knows. */
  private consumes(): boolean {
    const holds = this.claim.holds(Date.now());
    if (holds !== this.consuming) { this.packs.reset(); this.consuming = holds; }
    return holds;
  }

  async lease(destination: string, limit: number, leaseMs: number): Promise<LeasedItem[]> {
    const now = this.clock.now();
    const due = this.st.due.get(destination, now, now) !== undefined;
    const rows = due ? this.st.lease.all(now + leaseMs, destination, now, now, limit) as OutboxRow[] : [];
    const out = rows.sort((a, b) => a.id - b.id).map(fromOutbox);
    if (out.length < limit && this.consumes()) {
      this.noticeOtherWriters();
      out.push(...this.packs.take(destination, limit - out.length, leaseMs, now));
    }
    return out;
  }

  async ack(ids: readonly string[], beforeCommit?: BeforeCommit): Promise<void> {
    if (!ids.length) return;
    if (beforeCommit) { // memory follows once the transaction committed (ack-with.ts); a failed one settles nothing (the leases run out)
      const { items, gone, after } = ackInTransaction(this.db, this.st, this.packs, ids, beforeCommit);
      for (const item of items) { this.packs.settle(item); this.rows--; this.bytes -= PackLedger.bytes(item.pack, item.index); }
      for (const r of gone) { this.rows--; this.bytes -= r.b; }
      return after?.(); // what the work's owner counts, now that it is on disk
    }
    const rowIds: number[] = [];
    const closed: number[] = [];
    for (const id of ids) {
      if (!isPackId(id)) { rowIds.push(Number(id)); continue; }
      const item = this.packs.get(id);
      if (!item) continue;
      const done = this.packs.settle(item);
      if (done !== undefined) closed.push(done);
      this.rows--; this.bytes -= PackLedger.bytes(item.pack, item.index);
    }
    // Closed packs' deletes ride on the pending group commit, or on the next one within ACK_RIDE_MS.
    let deleted: Promise<void> | undefined;
    if (closed.length) {
      this.closedPacks.push(...closed);
      deleted = new Promise((resolve, reject) => { this.waiting.push({ prepared: { parts: new Map(), dead: [], seen: [] }, live: 0, bytes: 0, resolve, reject }); });
      if (!this.timer) this.ride ??= setTimeout(() => this.flush(), ACK_RIDE_MS);
    }
    if (rowIds.length) {
      const gone = this.st.delete.all(JSON.stringify(rowIds)) as { b: number }[];
      for (const r of gone) { this.rows--; this.bytes -= r.b; }
    }
    await deleted;
  }

  async retry(ids: readonly string[], nextAttemptAt: number, reason: string): Promise<void> {
    const upd = this.db.prepare('UPDATE outbox SET attempts = attempts + 1, next_at = ?, lease_until = 0, last_error = ? WHERE id = ?');
    const why = reason.slice(0, 300);
    this.settlePacks(ids, (item, text) => {
      this.st.insertRetry.run(item.leased.messageId, item.leased.destination, text, 1, nextAttemptAt, item.leased.enqueuedAt, why, item.leased.policyVersion ?? null, joinKeys(item.leased.subjectKeys), item.leased.scrubbedAt ?? null);
      return false;
    }, (id) => { upd.run(nextAttemptAt, why, id); });
  }

  async deadLetter(ids: readonly string[], code: string, reason: string): Promise<void> {
    const move = this.db.prepare(`INSERT INTO dead_letters (message_id, destination, payload, attempts, code, reason, enqueued_at, failed_at, policy_version, subject_keys, scrubbed_at)
      SELECT message_id, destination, payload, attempts + 1, ?, ?, enqueued_at, ?, policy_version, subject_keys, scrubbed_at FROM outbox WHERE id = ?`);
    const del = this.db.prepare('DELETE FROM outbox WHERE id = ? RETURNING LENGTH(payload) AS b');
    const now = this.clock.now(), why = reason.slice(0, 300);
    this.settlePacks(ids, (item, text) => {
      this.st.insertDead.run(item.leased.messageId, item.leased.destination, text, 1, code, why, item.leased.enqueuedAt, now, item.leased.policyVersion ?? null, joinKeys(item.leased.subjectKeys), item.leased.scrubbedAt ?? null);
      return true;
    }, (id) => {
      move.run(code, why, now, id);
      const r = del.get(id) as { b: number } | undefined;
      if (r) { this.rows--; this.bytes -= r.b; }
    });
  }

  /**
   * One transaction: moves pack items out (`onItem` writes the item's own row from its stored
   * text; returns whether it leaves the spool) and applies `onRow` to single outbox rows. Memory
   * follows only once it commits: a transaction that fails (a full disk) leaves the items leased,
   * to be handed out again when the lease runs out. Settled first, a rolled-back retry's items were
   * never handed out again, and their pack row was deleted with its other items' acks (lost).
   */
  private settlePacks(ids: readonly string[], onItem: (item: PackItem, text: string) => boolean, onRow: (id: number) => void): void {
    const items = [...new Set(ids.filter(isPackId).map((id) => this.packs.get(id)).filter((i): i is PackItem => i !== undefined))];
    const leaving = inTransaction(this.db, () => {
      for (const id of ids) if (!isPackId(id)) onRow(Number(id));
      // The stored text, not the leased object: a destination may have changed that while sending.
      const out = items.map((item) => onItem(item, PackLedger.text(item.pack, item.index)));
      const closed = PackLedger.closedBy(items);
      if (closed.length) this.st.deletePacks.run(JSON.stringify(closed));
      return out;
    });
    items.forEach((item, i) => {
      if (leaving[i]) { this.rows--; this.bytes -= PackLedger.bytes(item.pack, item.index); }
      this.packs.settle(item);
    });
  }

  async stats(): Promise<SpoolStats> {
    this.deleteClosedNow();
    const now = this.clock.now(), { by, dead, leasedOnDisk } = countByDestination(this.db, now);
    return { pending: this.rows, leased: leasedOnDisk + this.packs.leased(now), dead, bytes: this.bytes, byDestination: by };
  }
  async listDead(destination: string, limit: number): Promise<DeadLetter[]> { return listDead(this.db, destination, limit); }
  async getDead(id: string): Promise<(DeadLetter & { payload: JsonValue }) | undefined> { return getDead(this.db, id); }
  async deadScrubs(destination: string, code?: string): Promise<DeadScrub[]> { return deadScrubs(this.db, destination, code); }

  async replayDead(permit: ReplayPermit): Promise<number> {
    this.deleteClosedNow();
    const moved = replayDead(this.db, permit, this.clock.now());
    ({ n: this.rows, b: this.bytes } = countLive(this.db));
    return moved;
  }

  async purgeDead(destination: string, olderThanMs?: number): Promise<number> { return purgeDead(this.db, destination, olderThanMs, this.clock.now()); }
  async recordPolicies(version: string, policies: Readonly<Record<string, string>>): Promise<void> { recordPolicies(this.db, version, policies); }
  async policyOf(version: string, destination: string): Promise<string | undefined> { return policyOf(this.db, version, destination); }
  async prunePolicies(keep: string, recordedSince: number): Promise<number> { return prunePolicies(this.db, keep, recordedSince); }
  async seen(keys: readonly string[], since: number): Promise<ReadonlySet<string>> { return this.seenKeys.recent(keys, since); }
  seenKeysLogged(logged: boolean): void { this.seenKeys.useLog(logged, this.clock.now()); }
  async releaseRetries(destination: string, before: number): Promise<number> { return releaseRetriesOnDisk(this.db, destination, before, this.clock.now()); }

  async nextDue(destination: string): Promise<number | undefined> {
    const onDisk = nextDueOnDisk(this.db, destination, !this.consuming);
    const inMemory = this.consuming ? this.packs.nextDue(destination, this.clock.now()) : undefined;
    return onDisk === undefined || inMemory === undefined ? onDisk ?? inMemory : Math.min(onDisk, inMemory);
  }

  async writable(): Promise<boolean> {
    try {
      this.db.prepare('SELECT 1').get();
      if (this.commitFailing) { probeWrite(this.db, this.st); this.commitFailing = false; }
      return this.rows < this.opts.maxRows;
    } catch { return false; }
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    await this.prep.settled();
    if (this.timer || this.ride || this.closedPacks.length) this.flush();
    try {
      // Packs with some items settled would be delivered whole by the next consumer: keep only
      // their unsettled items, as outbox rows, so a clean restart sends nothing twice. If this
      // fails the packs stay whole: sent again (at least once), and close reports the error. Due at 0,
      // not at our clock's now: the next consumer's steady clock may read a millisecond behind ours.
      if (this.consuming) {
        this.settlePacks(this.packs.unsettledOfPartialPacks().map((i) => i.leased.id), (item, text) => {
          this.st.insertRetry.run(item.leased.messageId, item.leased.destination, text, 0, 0, item.leased.enqueuedAt, null, item.leased.policyVersion ?? null, joinKeys(item.leased.subjectKeys), item.leased.scrubbedAt ?? null);
          return false;
        }, () => undefined);
      }
      saveClock(this.db, this.clock.now()); this.claim.release();
    } finally {
      await this.checkpointer?.close();
      this.db.close();
    }
  }
}
