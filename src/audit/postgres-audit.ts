import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { chainRow, GENESIS, type AuditEntry, type AuditRow } from './audit-log.js';
import { lastConfigHashPg, unlessConfigSame } from './config-change.js';
import type { AuditChain, AuditClosed, AuditQueueOptions } from './port.js';
import { errorCode, PhiwallError } from '../errors.js';
import type { PgHandle } from './postgres-schema.js';
import type { VerifyResult } from './verify.js';
import { COLUMNS, toRow, verifyPostgresChain, type DbRow } from './postgres-verify.js';
import { inTransaction } from '../spool/postgres/transaction.js';
import { STORAGE_RETRY } from '../spool/postgres/readiness.js';
import { doublingDelay } from '../common/backoff.js';
import { keepRecords, readKept, removeKept } from './spill.js';
import { AuditJournal, orphanJournals } from './journal.js';

export { verifyPostgresChain } from './postgres-verify.js';

/** Every instance appends under this transaction-level advisory lock: one sequence, no forks. */
export const AUDIT_LOCK = 0x70686175;
const BATCH = 100;
export const AUDIT_QUEUE_DEFAULTS = { retryBaseMs: STORAGE_RETRY.baseMs, retryMaxMs: STORAGE_RETRY.maxMs, maxQueued: 10_000, deadlineMs: 10_000 } as const;

/** A queued record; `id` is made once, so every attempt to write it carries the same one. `n`: its place in this process's queue. */
interface Pending { entry: AuditEntry; now: number; id: string; n: number; tried: boolean }
interface Waiter { n: number; done: (written: boolean) => void }
const actionOf = (entry: AuditEntry) => entry.action.split(' ')[0];

/**
 * `onError` gets an action and an error code, never values, and how many records were given up
 * on: 0 for a failed write that is retried; otherwise the code says why: 'queue_full' (a system
 * record at the bound), 'closed' (made after close), 'shutdown' (still queued at close, no data
 * directory to keep them in) or the file error that kept them from being kept, 'invalid_record'
 * (a kept line that could not be read back). `journal_<code>` (0 given up on): a record could
 * not be journaled (./journal.ts), so a kill before it is written would lose it.
 */
export type AuditErrorReport = (action: string, code: string, dropped: number) => void;

/**
 * The audit chain shared by every instance. Appends take the advisory lock, read the head,
 * insert and move the head in one transaction, so concurrent writers from several processes
 * produce one gapless sequence (the seq primary key would refuse a fork anyway).
 * `record()` stays synchronous for its many callers: records queue in call order and are
 * written in the background, several per transaction. Each record gets a UUID when made
 * (column `record_id`, UNIQUE), so a retry can tell which records an unseen commit already wrote.
 *
 * An outage loses no record: a failed write is retried (0.5 s doubling to 10 s) until the store
 * is back, for as long as the process runs, and later records wait behind it (order is kept);
 * with a data directory each record is journaled first, so a killed process loses none either.
 * What bounds memory is the queue (`maxQueued` records): at the bound, and whenever the last
 * write failed, new acknowledged actions are refused (`admit`, 503) rather than run unaudited;
 * system records that nobody can refuse are dropped at the bound and reported (count, code).
 */
export class PostgresAuditChain implements AuditChain {
  private readonly queue: Pending[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly opts: Required<AuditQueueOptions>;
  private draining: Promise<void> | undefined;
  /** `n` of the last record made, and of the last one written (the queue is written in order). */
  private issued = 0;
  private written = 0;
  /** The last write attempt failed (cleared by the next success). */
  private failing = false;
  private closed = false;
  private wake: (() => void) | undefined;
  /** Kept files (./spill.ts) whose records were queued at start, and the `n` of the last of them. */
  private adopted: { files: string[]; through: number } | undefined;
  /** Each record made here is journaled before it counts as accepted (./journal.ts); absent without a data directory. */
  private readonly journal: AuditJournal | undefined;

  /**
   * `keepDir` (the data directory): every record is journaled there until written (./journal.ts),
   * records still queued at close are kept there, and the records an earlier process kept or
   * journaled there (a process gone, even killed) are queued now, ahead of any new one (./spill.ts).
   */
  constructor(
    private readonly pg: PgHandle,
    private readonly onError: AuditErrorReport,
    opts: AuditQueueOptions = {},
    private readonly keepDir?: string,
  ) {
    this.opts = { ...AUDIT_QUEUE_DEFAULTS, ...opts };
    if (keepDir) {
      this.adoptKept(keepDir);
      this.journal = new AuditJournal(keepDir, (action, code) => this.onError(action, code, 0));
    }
  }

  get queued(): number {
    return this.queue.length;
  }

  record(entry: AuditEntry, now = Date.now()): void {
    const refused = this.closed ? 'closed' : this.queue.length >= this.opts.maxQueued ? 'queue_full' : undefined;
    if (refused) { this.onError(actionOf(entry), refused, 1); return; }
    this.enqueue(entry, now);
  }

  admit(): void {
    const why = this.closed ? 'closed' : this.queue.length >= this.opts.maxQueued ? 'queue_full' : this.failing ? 'unreachable' : undefined;
    if (why) throw new PhiwallError('PW_ERR_AUDIT_UNAVAILABLE', { detail: why });
  }

  async recordAdmitted(entry: AuditEntry, deadlineMs: number): Promise<void> {
    if (this.closed) throw new PhiwallError('PW_ERR_AUDIT_UNAVAILABLE', { detail: 'closed' });
    const n = this.enqueue(entry, Date.now());
    if (!await this.writtenBy(n, deadlineMs)) throw new PhiwallError('PW_ERR_AUDIT_PENDING');
  }

  flush(deadlineMs = 30_000): Promise<boolean> {
    return this.writtenBy(this.issued, deadlineMs);
  }

  async close(deadlineMs: number): Promise<AuditClosed> {
    await this.flush(deadlineMs);
    this.closed = true;
    this.wake?.();
    // An attempt still in flight may yet commit: these records are "not confirmed" (kept or
    // reported anyway); a kept record that did commit is skipped by id when it is replayed.
    const left = this.queue.splice(0);
    for (const w of this.waiters) w.done(false);
    if (left.length === 0) { this.journal?.close(); return { unwritten: 0 }; }
    const keptIn = this.keep(left);
    // Kept in a file of their own: the journal can go. Not kept: it stays, replayed by the next start.
    if (keptIn) this.journal?.close();
    return { unwritten: left.length, keptIn };
  }

  /** Keeps the records left at close in a file for the next start; reports them as dropped if that fails (or is off). */
  private keep(left: readonly Pending[]): string | undefined {
    let code = 'shutdown';
    if (this.keepDir) {
      try {
        const file = keepRecords(this.keepDir, left);
        // Every adopted record not yet written is in the new file: the older files can go.
        if (this.adopted) removeKept(this.keepDir, this.adopted.files);
        return file;
      } catch (err) {
        code = errorCode(err);
      }
    }
    this.onError(actionOf(left[0].entry), code, left.length);
    return undefined;
  }

  /** Queues the records an earlier process kept; their files are removed once they are written. */
  private adoptKept(dir: string): void {
    const { files, records, invalid } = readKept(dir, orphanJournals(dir));
    if (invalid) this.onError('audit.kept', 'invalid_record', invalid);
    // Marked as tried: each is checked by id under the lock, so a record also written by
    // another worker (or committed unseen before the shutdown) is not written twice.
    for (const r of records) this.queue.push({ ...r, n: ++this.issued, tried: true });
    if (files.length) this.adopted = { files, through: this.issued };
    this.kick();
  }

  /** All adopted records are written: their files go (a failure to remove one is harmless, ids dedupe). */
  private settleAdopted(): void {
    if (!this.adopted || !this.keepDir || this.written < this.adopted.through) return;
    const { files } = this.adopted;
    this.adopted = undefined;
    try {
      removeKept(this.keepDir, files);
    } catch (err) {
      this.onError('audit.kept', errorCode(err), 0);
    }
  }

  private enqueue(entry: AuditEntry, now: number): number {
    const n = ++this.issued;
    const pending: Pending = { entry, now, id: randomUUID(), n, tried: false };
    this.journal?.append(pending);
    this.queue.push(pending);
    this.kick();
    return n;
  }

  private kick(): void {
    if (this.draining || this.closed) return;
    // A record made between the drain's last check and this callback is picked up here.
    this.draining = this.drain().finally(() => { this.draining = undefined; if (this.queue.length) this.kick(); });
  }

  /** Resolves true once record `n` is written, false after `deadlineMs` (or at close). */
  private writtenBy(n: number, deadlineMs: number): Promise<boolean> {
    if (this.written >= n) return Promise.resolve(true);
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => w.done(false), deadlineMs);
      const w: Waiter = { n, done: (ok) => { clearTimeout(timer); this.waiters.delete(w); resolve(ok); } };
      this.waiters.add(w);
    });
  }

  private async drain(): Promise<void> {
    let failures = 0;
    while (this.queue.length > 0 && !this.closed) {
      const batch = this.queue.slice(0, BATCH);
      try {
        await this.append(batch);
        this.queue.splice(0, batch.length);
        this.written = batch[batch.length - 1].n;
        this.failing = false;
        failures = 0;
        for (const w of this.waiters) if (w.n <= this.written) w.done(true);
        if (this.queue.length === 0) this.journal?.clear();
        this.settleAdopted();
      } catch (err) {
        // Stopped meanwhile: `close()` already reported these records.
        if (this.closed) return;
        this.failing = true;
        // Order is kept: later records wait behind the failing batch until it is written.
        this.onError(actionOf(batch[0].entry), errorCode(err), 0);
        await this.pause(doublingDelay(failures++, this.opts.retryBaseMs, this.opts.retryMaxMs));
      }
    }
  }

  /** The backoff wait; `close()` cuts it short. Unref'd: a retry alone keeps no process alive. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.wake = undefined; resolve(); }, ms);
      timer.unref();
      this.wake = () => { clearTimeout(timer); this.wake = undefined; resolve(); };
    });
  }

  /** Appends these records (in order) at the chain's head; returns the rows written. */
  private async append(batch: readonly Pending[]): Promise<AuditRow[]> {
    await this.pg.ready.ensure();
    const retry = batch.some((b) => b.tried);
    for (const b of batch) b.tried = true;
    return inTransaction(this.pg.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
      return this.insert(client, retry ? await this.unwritten(client, batch) : batch);
    });
  }

  /**
   * A failed attempt may have committed anyway (COMMIT reached the server, its reply was lost):
   * those records are already in the chain and are skipped, not appended twice. Under the lock,
   * and read committed, this sees every earlier attempt's outcome: that transaction has ended.
   */
  private async unwritten(client: PoolClient, batch: readonly Pending[]): Promise<readonly Pending[]> {
    const { rows } = await client.query<{ record_id: string }>('SELECT record_id FROM phiwall_audit_log WHERE record_id = ANY($1::uuid[])', [batch.map((b) => b.id)]);
    const written = new Set(rows.map((r) => r.record_id));
    return batch.filter((b) => !written.has(b.id));
  }

  private async insert(client: PoolClient, batch: readonly Pending[]): Promise<AuditRow[]> {
    if (batch.length === 0) return [];
    const head = (await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM phiwall_audit_head WHERE id = 1')).rows[0];
    let seq = Number(head?.seq ?? 0);
    let prev = head?.hash ?? GENESIS;
    let lastConfig = batch.some((b) => b.entry.ifConfigChanged) ? await lastConfigHashPg(client) : undefined;
    const rows: AuditRow[] = [];
    const ids: string[] = [];
    for (const b of batch) {
      const entry = unlessConfigSame(b.entry, lastConfig);
      if (!entry) continue;
      const r = chainRow(entry, b.now, ++seq, prev);
      prev = r.hash;
      lastConfig = r.config_after ?? lastConfig;
      rows.push(r);
      ids.push(b.id);
    }
    if (rows.length === 0) return [];
    const col = <K extends keyof AuditRow>(k: K) => rows.map((r) => r[k]);
    await client.query(`INSERT INTO phiwall_audit_log (${COLUMNS}, record_id)
      SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::uuid[])`,
    [col('seq'), col('time'), col('actor'), col('role'), col('action'), col('details'), col('config_before'), col('config_after'), col('prev_hash'), col('hash'), ids]);
    await client.query(`INSERT INTO phiwall_audit_head (id, seq, hash) VALUES (1, $1, $2)
      ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`, [seq, prev]);
    return rows;
  }

  async list(limit = 100, afterSeq = 0): Promise<AuditRow[]> {
    await this.pg.ready.ensure();
    const { rows } = await this.pg.pool.query<DbRow>(`SELECT ${COLUMNS} FROM phiwall_audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [afterSeq, limit]);
    return rows.map(toRow);
  }

  async verify(): Promise<VerifyResult> {
    await this.pg.ready.ensure();
    return verifyPostgresChain(this.pg.pool);
  }
}
