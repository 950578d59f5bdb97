import type pg from 'pg';
import { errorCode, PhiwallError } from '../../errors.js';
import type { JsonValue } from '../../common/json.js';
import type { AfterCommit, BeforeCommit, DeadLetter, DeadScrub, EnqueueRow, LeasedItem, ReplayPermit, Spool, SpoolStats } from '../port.js';
import { checkReplayPermit } from '../replay-permit.js';
import { policyOf, prunePolicies, recordPolicies } from './policy-history.js';
import { LEGACY_PARAMS, replayPayloadSql } from '../unmapped.js';
import { joinKeys, toDeadScrub, withRowMeta } from '../row-meta.js';
import { parseStored } from '../stored-text.js';
import { MAINTENANCE_LOCK, migrate } from './migrate.js';
import { openPool } from './pool.js';
import { Readiness } from './readiness.js';
import { inTransaction, withSessionLock } from './transaction.js';
import { ENQUEUE, PURGE_SEEN, SEEN } from './enqueue-sql.js';
import { DEDUP_WINDOW_MS } from '../ingest-dedup.js';
import { newestSpoolTime, saveSpoolTime } from './clock.js';
import { SteadyClock } from '../../common/steady-clock.js';

export interface PostgresSpoolOptions {
  url: string;
  pool: number;
  maxRows: number;
  maxBytes: number;
  groupCommitMs: number;
  /** Dead letters older than this are purged by the periodic cleanup. */
  deadLetterDays: number;
  /** How often one instance (advisory lock) runs cleanup; 0 turns it off. */
  maintenanceMs?: number;
  /** Reports failures of background work by code only (no values). */
  onError?: (what: string, code: string) => void;
  /** Migrations ran after `failedAttempts` failed attempts (the database was unreachable at start). */
  onRecovered?: (failedAttempts: number) => void;
}

/** Work that runs inside the periodic cleanup (e.g. pruning rotated pseudonymous ids). */
export type MaintenanceTask = (client: pg.PoolClient, now: number) => Promise<void>;
interface Waiter { rows: readonly EnqueueRow[]; live: number; bytes: number; resolve: () => void; reject: (e: unknown) => void }
interface OutboxRow { id: string; message_id: string; destination: string; payload: string; attempts: number; enqueued_at: string; policy_version: string | null; subject_keys: string | null; scrubbed_at: string | null }
interface DeadRow { id: string; message_id: string; destination: string; attempts: number; code: string; reason: string; failed_at: string }

function toLeased(r: OutboxRow): LeasedItem {
  const payload = parseStored(r.payload);
  const item: LeasedItem = { id: String(r.id), messageId: r.message_id, destination: r.destination, payload: payload ?? null, payloadText: r.payload, attempts: r.attempts, enqueuedAt: Number(r.enqueued_at) };
  if (payload === undefined) item.damaged = true;
  return withRowMeta(item, r.policy_version, r.subject_keys, r.scrubbed_at === null ? null : Number(r.scrubbed_at));
}
const toDead = (r: DeadRow): DeadLetter => ({ id: String(r.id), messageId: r.message_id, destination: r.destination, attempts: r.attempts, code: r.code, reason: r.reason, failedAt: Number(r.failed_at) });

/**
 * The shared spool for several collectors. Group commit: enqueues arriving within
 * `groupCommitMs` become one multi-row INSERT (unnest of arrays), and each caller's promise
 * settles only after it commits. Leasing uses FOR UPDATE SKIP LOCKED, so instances never
 * hand out the same row twice while a lease holds, and a crashed instance's leases expire.
 */
export class PostgresSpool implements Spool {
  readonly pool: pg.Pool;
  /** Migrations ran (retried until they do); every operation, and every adapter on this pool, passes it first. */
  readonly ready: Readiness;
  private readonly waiting: Waiter[] = [];
  private readonly tasks: MaintenanceTask[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly intervals: NodeJS.Timeout[] = [];
  private readonly inflight = new Set<Promise<void>>();
  // Global row/byte counts are refreshed periodically; local enqueues add to them in between.
  private rows = 0;
  private bytes = 0;
  /** Receipt, lease, retry and failure times: steady (a stepped wall clock ages and stalls nothing), never behind the spool's newest. */
  private readonly clock = new SteadyClock();

  constructor(private readonly opts: PostgresSpoolOptions) {
    this.pool = openPool({ connectionString: opts.url, max: opts.pool, connectionTimeoutMillis: 5000, statement_timeout: 15_000 }, (code) => opts.onError?.('idle client', code));
    this.ready = new Readiness(() => migrate(this.pool).then(() => this.refreshCounts()).then(() => newestSpoolTime(this.pool)).then((t) => this.clock.raise(t)), {
      onFailure: (code) => opts.onError?.('migrate', code),
      onRecovered: opts.onRecovered,
    });
    // Not awaited: a database that is down at start means 503s until it is back, not a crash.
    this.ready.begin();
    // Before migrations ran there is nothing to count (and the failure is already reported).
    this.intervals.push(setInterval(() => { if (this.ready.ok) this.refreshCounts().catch((e) => opts.onError?.('count', errorCode(e))); }, 5000));
    if ((opts.maintenanceMs ?? 60_000) > 0) {
      this.intervals.push(setInterval(() => { this.maintain().catch((e) => opts.onError?.('maintenance', errorCode(e))); }, opts.maintenanceMs ?? 60_000));
    }
    for (const t of this.intervals) t.unref();
  }

  now(): number { return this.clock.now(); }

  addMaintenance(task: MaintenanceTask): void { this.tasks.push(task); }

  enqueue(rows: readonly EnqueueRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    let bytes = 0;
    let live = 0;
    // Rows rejected by the destination rules (`dead`) go straight to the dead letters, outside the limits.
    for (const r of rows) if (!r.dead) { bytes += (r.payloadText ?? JSON.stringify(r.payload)).length; live++; }
    if (this.rows + live > this.opts.maxRows || this.bytes + bytes > this.opts.maxBytes) {
      return Promise.reject(new PhiwallError('PW_ERR_SPOOL_FULL'));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, live, bytes, resolve, reject });
      this.timer ??= setTimeout(() => this.startFlush(), this.opts.groupCommitMs);
    });
  }

  private startFlush(): void {
    this.timer = undefined;
    const batch = this.waiting.splice(0);
    if (batch.length === 0) return;
    const p = this.flush(batch).finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  private async flush(batch: Waiter[]): Promise<void> {
    const ids: string[] = [], dests: string[] = [], payloads: string[] = [], versions: (string | null)[] = [], keys: (string | null)[] = [];
    const codes: (string | null)[] = [], reasons: (string | null)[] = [], dedup: (string | null)[] = [], scrubbed: (string | null)[] = [];
    for (const w of batch) {
      for (const r of w.rows) {
        ids.push(r.messageId); dests.push(r.destination); payloads.push(r.payloadText ?? JSON.stringify(r.payload));
        versions.push(r.policyVersion ?? null); keys.push(joinKeys(r.subjectKeys));
        codes.push(r.dead?.code ?? null); reasons.push(r.dead?.reason ?? null); dedup.push(r.dedupKey ?? null);
        scrubbed.push(r.scrubbedAt === undefined ? null : String(r.scrubbedAt));
      }
    }
    const now = this.clock.now();
    try {
      await this.ready.ensure();
      await this.pool.query(ENQUEUE, [ids, dests, payloads, now, versions, keys, codes, reasons, dedup, scrubbed]);
    } catch (err) {
      const failure = err instanceof PhiwallError ? err : new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: errorCode(err) });
      for (const w of batch) w.reject(failure);
      return;
    }
    for (const w of batch) { this.rows += w.live; this.bytes += w.bytes; w.resolve(); }
  }

  async lease(destination: string, limit: number, leaseMs: number): Promise<LeasedItem[]> {
    await this.ready.ensure();
    const now = this.clock.now();
    const { rows } = await this.pool.query<OutboxRow>(`WITH due AS (
        SELECT id FROM phiwall_outbox WHERE destination = $1 AND due_at <= $2 ORDER BY due_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
      UPDATE phiwall_outbox o SET lease_until = $4, due_at = $4 FROM due WHERE o.id = due.id
      RETURNING o.id, o.message_id, o.destination, o.payload, o.attempts, o.enqueued_at, o.policy_version, o.subject_keys, o.scrubbed_at`, [destination, now, limit, now + leaseMs]);
    return rows.sort((a, b) => Number(a.id) - Number(b.id)).map(toLeased);
  }

  /** With `beforeCommit`, its work (the ledger's owed batch) and the DELETE in one transaction. */
  async ack(ids: readonly string[], beforeCommit?: BeforeCommit): Promise<void> {
    if (!ids.length) return;
    await this.ready.ensure();
    const del = (q: pg.Pool | pg.PoolClient) => q.query<{ b: number }>('DELETE FROM phiwall_outbox WHERE id = ANY($1::bigint[]) RETURNING octet_length(payload) AS b', [ids]);
    let after: AfterCommit | void = undefined;
    const { rows } = beforeCommit ? await inTransaction(this.pool, async (client) => { after = await beforeCommit({ kind: 'postgres', client }); return del(client); }) : await del(this.pool);
    for (const r of rows) { this.rows--; this.bytes -= r.b; }
    (after as AfterCommit | void)?.();
  }

  async retry(ids: readonly string[], nextAttemptAt: number, reason: string): Promise<void> {
    if (!ids.length) return;
    await this.ready.ensure();
    await this.pool.query('UPDATE phiwall_outbox SET attempts = attempts + 1, due_at = $2, lease_until = 0, last_error = $3 WHERE id = ANY($1::bigint[])',
      [ids, nextAttemptAt, reason.slice(0, 300)]);
  }

  async deadLetter(ids: readonly string[], code: string, reason: string): Promise<void> {
    if (!ids.length) return;
    await this.ready.ensure();
    const { rows } = await this.pool.query<{ b: number }>(`WITH moved AS (DELETE FROM phiwall_outbox WHERE id = ANY($1::bigint[]) RETURNING *)
      INSERT INTO phiwall_dead_letters (message_id, destination, payload, attempts, code, reason, enqueued_at, failed_at, policy_version, subject_keys, scrubbed_at)
      SELECT message_id, destination, payload, attempts + 1, $2, $3, enqueued_at, $4, policy_version, subject_keys, scrubbed_at FROM moved RETURNING octet_length(payload) AS b`,
    [ids, code, reason.slice(0, 300), this.clock.now()]);
    for (const r of rows) { this.rows--; this.bytes -= r.b; }
  }

  async stats(): Promise<SpoolStats> {
    await this.ready.ensure();
    const now = this.clock.now();
    const by: SpoolStats['byDestination'] = {};
    let pending = 0, leased = 0, dead = 0;
    const out = await this.pool.query<{ d: string; n: string; l: string }>(
      'SELECT destination AS d, COUNT(*) AS n, COUNT(*) FILTER (WHERE lease_until > $1) AS l FROM phiwall_outbox GROUP BY destination', [now]);
    for (const r of out.rows) { by[r.d] = { pending: Number(r.n), dead: 0 }; pending += Number(r.n); leased += Number(r.l); }
    const dl = await this.pool.query<{ d: string; n: string }>('SELECT destination AS d, COUNT(*) AS n FROM phiwall_dead_letters GROUP BY destination');
    for (const r of dl.rows) { by[r.d] = { pending: by[r.d]?.pending ?? 0, dead: Number(r.n) }; dead += Number(r.n); }
    this.rows = pending;
    return { pending, leased, dead, bytes: this.bytes, byDestination: by };
  }

  async listDead(destination: string, limit: number): Promise<DeadLetter[]> {
    await this.ready.ensure();
    const { rows } = await this.pool.query<DeadRow>(
      'SELECT id, message_id, destination, attempts, code, reason, failed_at FROM phiwall_dead_letters WHERE destination = $1 ORDER BY id LIMIT $2', [destination, limit]);
    return rows.map(toDead);
  }

  async getDead(id: string): Promise<(DeadLetter & { payload: JsonValue }) | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    await this.ready.ensure();
    const { rows } = await this.pool.query<DeadRow & { payload: string }>('SELECT * FROM phiwall_dead_letters WHERE id = $1', [id]);
    const r = rows[0];
    return r ? { ...toDead(r), payload: parseStored(r.payload) ?? null } : undefined;
  }

  /** Moves the permit's dead letters back to the outbox, due at 0 as SQLite's replayDead; scrub time travels along. */
  async replayDead(permit: ReplayPermit): Promise<number> {
    checkReplayPermit(permit);
    await this.ready.ensure();
    const now = this.clock.now();
    // Legacy ingest-time dead letters get the unmapped envelope on the way (see unmapped.ts).
    const res = await this.pool.query(`WITH moved AS (DELETE FROM phiwall_dead_letters
        WHERE destination = $1 AND ($5::text IS NULL OR code = $5) AND ($6::bigint[] IS NULL OR id = ANY($6::bigint[]))
        RETURNING message_id, destination, payload, policy_version, subject_keys, attempts, reason, enqueued_at, scrubbed_at)
      INSERT INTO phiwall_outbox (message_id, destination, payload, attempts, due_at, enqueued_at, policy_version, subject_keys, scrubbed_at)
      SELECT message_id, destination, ${replayPayloadSql('$3', '$4')}, 0, 0, $2, policy_version, subject_keys, COALESCE(scrubbed_at, enqueued_at) FROM moved`,
    [permit.destination, now, ...LEGACY_PARAMS, permit.code ?? null, permit.ids ?? null]);
    await this.refreshCounts();
    return res.rowCount ?? 0;
  }

  async deadScrubs(destination: string, code?: string): Promise<DeadScrub[]> {
    await this.ready.ensure();
    const { rows } = await this.pool.query<{ id: string; v: string | null; s: string | null; e: string }>(`SELECT id, policy_version AS v, scrubbed_at AS s, enqueued_at AS e
      FROM phiwall_dead_letters WHERE destination = $1 AND ($2::text IS NULL OR code = $2) ORDER BY id`, [destination, code ?? null]);
    return rows.map((r) => toDeadScrub(String(r.id), r.v, r.s === null ? null : Number(r.s), Number(r.e)));
  }

  async purgeDead(destination: string, olderThanMs?: number): Promise<number> {
    await this.ready.ensure();
    const cutoff = olderThanMs === undefined ? Number.MAX_SAFE_INTEGER : this.clock.now() - olderThanMs;
    const res = destination === '*'
      ? await this.pool.query('DELETE FROM phiwall_dead_letters WHERE failed_at < $1', [cutoff])
      : await this.pool.query('DELETE FROM phiwall_dead_letters WHERE destination = $1 AND failed_at < $2', [destination, cutoff]);
    return res.rowCount ?? 0;
  }

  // The policy history (src/delivery/policy.ts): ./policy-history.ts.
  async recordPolicies(version: string, policies: Readonly<Record<string, string>>): Promise<void> { await this.ready.ensure(); await recordPolicies(this.pool, version, policies); }
  async policyOf(version: string, destination: string): Promise<string | undefined> { await this.ready.ensure(); return policyOf(this.pool, version, destination); }
  async prunePolicies(keep: string, recordedSince: number): Promise<number> { await this.ready.ensure(); return prunePolicies(this.pool, keep, recordedSince); }

  async releaseRetries(destination: string, before: number): Promise<number> {
    await this.ready.ensure();
    // A leased row's due_at is its lease expiry (lease_until > now): left alone.
    const { rowCount } = await this.pool.query('UPDATE phiwall_outbox SET due_at = $2 WHERE destination = $1 AND due_at > $2 AND due_at <= $3 AND lease_until <= $2',
      [destination, this.clock.now(), before]);
    return rowCount ?? 0;
  }

  async nextDue(destination: string): Promise<number | undefined> {
    await this.ready.ensure();
    const { rows } = await this.pool.query<{ t: string | null }>('SELECT MIN(due_at) AS t FROM phiwall_outbox WHERE destination = $1', [destination]);
    return rows[0]?.t == null ? undefined : Number(rows[0].t);
  }

  /** Readiness: migrated, reachable, a primary (a read replica refuses writes), not full. */
  async writable(): Promise<boolean> {
    try {
      await this.ready.ensure();
      const { rows } = await this.pool.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
      return rows[0]?.r === false && this.rows < this.opts.maxRows;
    } catch {
      return false;
    }
  }

  async seen(keys: readonly string[], since: number): Promise<ReadonlySet<string>> {
    if (keys.length === 0) return new Set();
    await this.ready.ensure();
    return new Set((await this.pool.query<{ key_hash: string }>(SEEN, [keys, since])).rows.map((r) => r.key_hash));
  }

  /** Periodic cleanup, by one instance at a time: expired dead letters, then registered tasks. */
  async maintain(now = Date.now()): Promise<boolean> {
    await this.ready.ensure();
    const lock = { sql: 'SELECT pg_try_advisory_lock($1) AS ok', unlockSql: 'SELECT pg_advisory_unlock($1)', params: [MAINTENANCE_LOCK] };
    const done = await withSessionLock(this.pool, lock, async (client) => {
      // Failure times are on the spool clock (a `now` given ahead moves it alike); the tasks (pseudonymous id periods) keep the wall clock their rows were written with.
      await client.query('DELETE FROM phiwall_dead_letters WHERE failed_at < $1', [this.clock.now() + (now - Date.now()) - this.opts.deadLetterDays * 86_400_000]);
      await client.query(PURGE_SEEN, [now - DEDUP_WINDOW_MS]);
      for (const task of this.tasks) await task(client, now);
    });
    return done.ran;
  }

  private async refreshCounts(): Promise<void> {
    const { rows } = await this.pool.query<{ n: string; b: string }>('SELECT COUNT(*) AS n, COALESCE(SUM(octet_length(payload)), 0) AS b FROM phiwall_outbox');
    this.rows = Number(rows[0]?.n ?? 0);
    this.bytes = Number(rows[0]?.b ?? 0);
  }

  async close(): Promise<void> {
    for (const t of this.intervals) clearInterval(t);
    if (this.timer) { clearTimeout(this.timer); this.startFlush(); }
    await Promise.allSettled([...this.inflight]);
    if (this.ready.ok) await saveSpoolTime(this.pool, this.clock.now()).catch((e) => this.opts.onError?.('clock', errorCode(e)));
    await this.ready.close();
    await this.pool.end();
  }
}
