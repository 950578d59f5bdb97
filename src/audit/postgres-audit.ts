import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { chainRow, GENESIS, type AuditEntry, type AuditRow } from './audit-log.js';
import type { AuditChain } from './port.js';
import { pgErrCode, type PgHandle } from './postgres-schema.js';
import { ChainCheck, type ChainHead, type VerifyResult } from './verify.js';
import { inTransaction, withClient } from '../spool/postgres/transaction.js';

/** Every instance appends under this transaction-level advisory lock: one sequence, no forks. */
export const AUDIT_LOCK = 0x70686175;
const BATCH = 100;
const ATTEMPTS = 5;

/** The chain's columns: `record_id` (./postgres-schema.ts) stays out of rows, hashes and reports. */
const COLUMNS = 'seq, time, actor, role, action, details, config_before, config_after, prev_hash, hash';
type DbRow = Omit<AuditRow, 'seq' | 'time'> & { seq: string; time: string };
/** A queued record; `id` is made once, so every attempt to write it carries the same one. */
interface Pending { entry: AuditEntry; now: number; id: string; tried: boolean }
const toRow = (r: DbRow): AuditRow => ({ ...r, seq: Number(r.seq), time: Number(r.time) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The audit chain shared by every instance. Appends take the advisory lock, read the head,
 * insert and move the head in one transaction, so concurrent writers from several processes
 * produce one gapless sequence (the seq primary key would refuse a fork anyway).
 * `record()` stays synchronous for its many callers: records queue in call order and are
 * written in the background, several per transaction. Each record gets a UUID when made
 * (column `record_id`, UNIQUE), so a retry can tell which records an unseen commit already wrote.
 */
export class PostgresAuditChain implements AuditChain {
  private readonly queue: Pending[] = [];
  private draining: Promise<void> | undefined;

  /** `onError` gets the action and an error code, never values; `dropped` says the record was given up on. */
  constructor(
    private readonly pg: PgHandle,
    private readonly onError: (action: string, code: string, dropped: boolean) => void,
    private readonly retryBaseMs = 100,
  ) {}

  record(entry: AuditEntry, now = Date.now()): void {
    this.queue.push({ entry, now, id: randomUUID(), tried: false });
    this.kick();
  }

  private kick(): void {
    if (this.draining) return;
    // A record made between the drain's last check and this callback is picked up here.
    this.draining = this.drain().finally(() => { this.draining = undefined; if (this.queue.length) this.kick(); });
  }

  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    let failures = 0;
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, BATCH);
      try {
        await this.append(batch);
        this.queue.splice(0, batch.length);
        failures = 0;
      } catch (err) {
        failures++;
        const dropped = failures >= ATTEMPTS;
        for (const b of batch) this.onError(b.entry.action.split(' ')[0], pgErrCode(err), dropped);
        // Order is kept: later records wait behind the failing batch until it is written or given up.
        if (dropped) { this.queue.splice(0, batch.length); failures = 0; } else await sleep(this.retryBaseMs * 2 ** failures);
      }
    }
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
    const rows = batch.map((b) => { const r = chainRow(b.entry, b.now, ++seq, prev); prev = r.hash; return r; });
    const col = <K extends keyof AuditRow>(k: K) => rows.map((r) => r[k]);
    await client.query(`INSERT INTO phiwall_audit_log (${COLUMNS}, record_id)
      SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::uuid[])`,
    [col('seq'), col('time'), col('actor'), col('role'), col('action'), col('details'), col('config_before'), col('config_after'), col('prev_hash'), col('hash'), batch.map((b) => b.id)]);
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

/** Walks the shared chain in one read-only snapshot (appends by running instances do not disturb it). */
export function verifyPostgresChain(pool: PgHandle['pool'], pageSize = 2000): Promise<VerifyResult> {
  return withClient(pool, async (client, lease) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      return await walkChain(client, pageSize);
    } finally {
      // Read-only: a failed COMMIT loses nothing (the client is then not pooled), and the walk's
      // own error (if any) is already on its way; a lost connection has no transaction left.
      if (!lease.lost) await client.query('COMMIT').catch(() => lease.discard());
    }
  });
}

async function walkChain(client: PoolClient, pageSize: number): Promise<VerifyResult> {
  const exists = (await client.query<{ t: string | null }>("SELECT to_regclass('phiwall_audit_log')::text AS t")).rows[0]?.t;
  if (!exists) return { ok: true, rows: 0, headSeq: 0, headHash: GENESIS };
  const head = (await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM phiwall_audit_head WHERE id = 1')).rows[0];
  const check = new ChainCheck(head ? { seq: Number(head.seq), hash: head.hash } satisfies ChainHead : undefined);
  for (let after = 0; ;) {
    const { rows } = await client.query<DbRow>(`SELECT ${COLUMNS} FROM phiwall_audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, pageSize]);
    if (rows.length === 0) break;
    let going = true;
    for (const r of rows) if (!(going = check.add(toRow(r)))) break;
    if (!going) break;
    after = Number(rows[rows.length - 1].seq);
  }
  return check.result();
}
