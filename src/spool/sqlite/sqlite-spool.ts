import type Database from 'better-sqlite3';
import { openWalDatabase } from '../../common/sqlite.js';
import { PhiwallError } from '../../errors.js';
import type { JsonValue } from '../../common/json.js';
import type { DeadLetter, EnqueueRow, LeasedItem, Spool, SpoolStats } from '../port.js';
import { joinKeys, splitKeys } from '../row-meta.js';
import { addGovernanceColumns, SQLITE_SCHEMA } from './schema.js';

export interface SqliteSpoolOptions {
  path: string;
  maxRows: number;
  maxBytes: number;
  synchronous: 'full' | 'normal';
  groupCommitMs: number;
  /** SQLite page limit: lets tests simulate a full disk. */
  maxPageCount?: number;
}

type CommitHook = (db: Database.Database) => void;
interface Waiter { rows: readonly EnqueueRow[]; texts: readonly string[]; live: number; bytes: number; resolve: () => void; reject: (e: unknown) => void }

/**
 * The embedded spool. Group commit: enqueues arriving within `groupCommitMs` share one
 * transaction, and each caller's promise settles only after that transaction commits.
 */
export class SqliteSpool implements Spool {
  readonly db: Database.Database;
  private readonly waiting: Waiter[] = [];
  private readonly hooks: CommitHook[] = [];
  private timer: NodeJS.Timeout | undefined;
  private rows = 0;
  private bytes = 0;
  private readonly insert: Database.Statement;
  private readonly insertDead: Database.Statement;
  // Prepared once, on first use: the delivery loops call these continuously.
  private leaseStmt: Database.Statement | undefined;
  private deleteStmt: Database.Statement | undefined;

  constructor(private readonly opts: SqliteSpoolOptions) {
    this.db = openWalDatabase(opts.path, { timeoutMs: 2000, synchronous: opts.synchronous === 'full' ? 'FULL' : 'NORMAL' });
    // Checkpoint every ~40 MB of WAL, not 4 MB: a spool page is rewritten by the insert, then by
    // each destination's lease and ack, and a rarer checkpoint copies it out once instead of
    // several times (10-14% less CPU per row through insert + lease + ack: `node bench/spool-ops.mjs 100 10000`).
    this.db.pragma('wal_autocheckpoint = 10000');
    if (opts.maxPageCount) this.db.pragma(`max_page_count = ${opts.maxPageCount}`);
    this.db.exec(SQLITE_SCHEMA);
    addGovernanceColumns(this.db);
    this.insert = this.db.prepare('INSERT INTO outbox (message_id, destination, payload, next_at, enqueued_at, policy_version, subject_keys) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.insertDead = this.db.prepare(`INSERT INTO dead_letters (message_id, destination, payload, attempts, code, reason, enqueued_at, failed_at, policy_version, subject_keys)
      VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`);
    const row = this.db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(payload)), 0) AS b FROM outbox').get() as { n: number; b: number };
    this.rows = row.n;
    this.bytes = row.b;
  }

  /** Runs inside every group-commit transaction (e.g. to persist new pseudonymous ids). */
  addCommitHook(hook: CommitHook): void {
    this.hooks.push(hook);
  }

  enqueue(rows: readonly EnqueueRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    let bytes = 0;
    let live = 0;
    // Serialized once here; the commit writes these strings.
    const texts = rows.map((r) => JSON.stringify(r.payload));
    rows.forEach((r, i) => { if (!r.dead) { bytes += texts[i].length; live++; } });
    if (this.rows + live > this.opts.maxRows || this.bytes + bytes > this.opts.maxBytes) {
      return Promise.reject(new PhiwallError('PW_ERR_SPOOL_FULL'));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, texts, live, bytes, resolve, reject });
      this.timer ??= setTimeout(() => this.flush(), this.opts.groupCommitMs);
    });
  }

  private flush(): void {
    this.timer = undefined;
    const batch = this.waiting.splice(0);
    if (batch.length === 0) return;
    const now = Date.now();
    try {
      this.db.transaction(() => {
        for (const w of batch) {
          w.rows.forEach((r, i) => {
            const pv = r.policyVersion ?? null, keys = joinKeys(r.subjectKeys);
            if (r.dead) this.insertDead.run(r.messageId, r.destination, w.texts[i], r.dead.code, r.dead.reason, now, now, pv, keys);
            else this.insert.run(r.messageId, r.destination, w.texts[i], now, now, pv, keys);
          });
        }
        for (const hook of this.hooks) hook(this.db);
      })();
    } catch (err) {
      const failure = new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: (err as { code?: string }).code ?? 'error' });
      for (const w of batch) w.reject(failure);
      return;
    }
    for (const w of batch) { this.rows += w.live; this.bytes += w.bytes; w.resolve(); }
  }

  async lease(destination: string, limit: number, leaseMs: number): Promise<LeasedItem[]> {
    const now = Date.now();
    this.leaseStmt ??= this.db.prepare(`UPDATE outbox SET lease_until = ? WHERE id IN (
        SELECT id FROM outbox WHERE destination = ? AND next_at <= ? AND lease_until <= ? ORDER BY next_at, id LIMIT ?)
      RETURNING id, message_id, destination, payload, attempts, enqueued_at, policy_version, subject_keys`);
    const rows = this.leaseStmt.all(now + leaseMs, destination, now, now, limit) as
      { id: number; message_id: string; destination: string; payload: string; attempts: number; enqueued_at: number; policy_version: string | null; subject_keys: string | null }[];
    return rows.sort((a, b) => a.id - b.id).map((r) => {
      const item: LeasedItem = { id: String(r.id), messageId: r.message_id, destination: r.destination, payload: JSON.parse(r.payload) as JsonValue, attempts: r.attempts, enqueuedAt: r.enqueued_at };
      if (r.policy_version !== null) item.policyVersion = r.policy_version;
      const keys = splitKeys(r.subject_keys);
      if (keys) item.subjectKeys = keys;
      return item;
    });
  }

  async ack(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    // One statement (one implicit transaction) for the whole batch: ~10-15% less per row than a
    // DELETE per id at batch 100 (node bench/spool-ops.mjs), and one native call instead of N.
    this.deleteStmt ??= this.db.prepare('DELETE FROM outbox WHERE id IN (SELECT value FROM json_each(?)) RETURNING LENGTH(payload) AS b');
    const gone = this.deleteStmt.all(JSON.stringify(ids.map(Number))) as { b: number }[];
    for (const r of gone) { this.rows--; this.bytes -= r.b; }
  }

  async retry(ids: readonly string[], nextAttemptAt: number, reason: string): Promise<void> {
    const upd = this.db.prepare('UPDATE outbox SET attempts = attempts + 1, next_at = ?, lease_until = 0, last_error = ? WHERE id = ?');
    this.db.transaction(() => { for (const id of ids) upd.run(nextAttemptAt, reason.slice(0, 300), Number(id)); })();
  }

  async deadLetter(ids: readonly string[], code: string, reason: string): Promise<void> {
    const move = this.db.prepare(`INSERT INTO dead_letters (message_id, destination, payload, attempts, code, reason, enqueued_at, failed_at, policy_version, subject_keys)
      SELECT message_id, destination, payload, attempts + 1, ?, ?, enqueued_at, ?, policy_version, subject_keys FROM outbox WHERE id = ?`);
    const del = this.db.prepare('DELETE FROM outbox WHERE id = ? RETURNING LENGTH(payload) AS b');
    const now = Date.now();
    this.db.transaction(() => {
      for (const id of ids) {
        move.run(code, reason.slice(0, 300), now, Number(id));
        const r = del.get(Number(id)) as { b: number } | undefined;
        if (r) { this.rows--; this.bytes -= r.b; }
      }
    })();
  }

  async stats(): Promise<SpoolStats> {
    const now = Date.now();
    const by: SpoolStats['byDestination'] = {};
    for (const r of this.db.prepare('SELECT destination AS d, COUNT(*) AS n, SUM(lease_until > ?) AS l FROM outbox GROUP BY destination').all(now) as { d: string; n: number; l: number }[]) {
      by[r.d] = { pending: r.n, dead: 0 };
    }
    let dead = 0;
    for (const r of this.db.prepare('SELECT destination AS d, COUNT(*) AS n FROM dead_letters GROUP BY destination').all() as { d: string; n: number }[]) {
      by[r.d] = { pending: by[r.d]?.pending ?? 0, dead: r.n };
      dead += r.n;
    }
    const leased = (this.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE lease_until > ?').get(now) as { n: number }).n;
    return { pending: this.rows, leased, dead, bytes: this.bytes, byDestination: by };
  }

  async listDead(destination: string, limit: number): Promise<DeadLetter[]> {
    const rows = this.db.prepare('SELECT id, message_id, destination, attempts, code, reason, failed_at FROM dead_letters WHERE destination = ? ORDER BY id LIMIT ?')
      .all(destination, limit) as { id: number; message_id: string; destination: string; attempts: number; code: string; reason: string; failed_at: number }[];
    return rows.map((r) => ({ id: String(r.id), messageId: r.message_id, destination: r.destination, attempts: r.attempts, code: r.code, reason: r.reason, failedAt: r.failed_at }));
  }

  async getDead(id: string): Promise<(DeadLetter & { payload: JsonValue }) | undefined> {
    const r = this.db.prepare('SELECT * FROM dead_letters WHERE id = ?').get(Number(id)) as
      { id: number; message_id: string; destination: string; attempts: number; code: string; reason: string; failed_at: number; payload: string } | undefined;
    if (!r) return undefined;
    return { id: String(r.id), messageId: r.message_id, destination: r.destination, attempts: r.attempts, code: r.code, reason: r.reason, failedAt: r.failed_at, payload: JSON.parse(r.payload) as JsonValue };
  }

  async replayDead(destination: string): Promise<number> {
    const now = Date.now();
    return this.db.transaction(() => {
      const moved = this.db.prepare(`INSERT INTO outbox (message_id, destination, payload, attempts, next_at, enqueued_at, policy_version, subject_keys)
        SELECT message_id, destination, payload, 0, ?, ?, policy_version, subject_keys FROM dead_letters WHERE destination = ?`).run(now, now, destination).changes;
      this.db.prepare('DELETE FROM dead_letters WHERE destination = ?').run(destination);
      const row = this.db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(payload)), 0) AS b FROM outbox').get() as { n: number; b: number };
      this.rows = row.n; this.bytes = row.b;
      return moved;
    })();
  }

  async purgeDead(destination: string, olderThanMs?: number): Promise<number> {
    const cutoff = olderThanMs === undefined ? Number.MAX_SAFE_INTEGER : Date.now() - olderThanMs;
    const where = destination === '*' ? '1 = 1' : 'destination = ?';
    const args: (string | number)[] = destination === '*' ? [cutoff] : [destination, cutoff];
    return this.db.prepare(`DELETE FROM dead_letters WHERE ${where} AND failed_at < ?`).run(...args).changes;
  }

  async nextDue(destination: string): Promise<number | undefined> {
    const r = this.db.prepare('SELECT MIN(MAX(next_at, lease_until)) AS t FROM outbox WHERE destination = ?').get(destination) as { t: number | null };
    return r.t ?? undefined;
  }

  async writable(): Promise<boolean> {
    try { this.db.prepare('SELECT 1').get(); return this.rows < this.opts.maxRows; } catch { return false; }
  }

  async close(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.flush(); }
    this.db.close();
  }
}
