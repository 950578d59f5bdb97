import { randomUUID } from 'node:crypto';
import type { LedgerSummary } from '../audit/ledger.js';
import type { PostgresDisclosureLedger } from '../audit/postgres-ledger.js';
import type { PgHandle } from '../audit/postgres-schema.js';
import type { SpoolTransaction } from '../spool/port.js';
import { inTransaction } from '../spool/postgres/transaction.js';
import type { OwedBatch, OwedStore } from './owed-store.js';

/** How long an instance holds the owed batches it keeps before another may take them over (renewed at each sweep). */
export const OWED_LEASE_MS = 60_000;
/** The database's clock in ms: leases are compared on one clock, whatever the instances' clocks say. */
const DB_NOW = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

/**
 * Owed batches on PostgreSQL (phiwall_ledger_owed, migrations 11 and 12), beside the shared spool and ledger.
 * Kept in the transaction that acks the batch's rows, owned by the instance that sent it for a lease it renews
 * at each sweep; recorded in one transaction that deletes the row and writes the ledger, so a kill at any point
 * records a batch exactly once, and of several instances only the one whose DELETE finds the row records it.
 * An instance takes over at its start every batch left (unlocked: the one a live owner is recording is not), and
 * while it runs, every `sweepMs`, those whose lease ran out (FOR UPDATE SKIP LOCKED): a batch of an instance that
 * never comes back is recorded by one still running. Not a local journal: an instance's disk may not outlive it
 * (a pod without a volume), and another instance could not record what it holds.
 */
export class PostgresOwedStore implements OwedStore {
  readonly sweepMs: number;
  /** This process (not the host: a restarted instance is another owner, and takes its predecessor's batches at start). */
  private readonly owner = randomUUID();

  constructor(private readonly pg: PgHandle, private readonly ledger: PostgresDisclosureLedger, private readonly leaseMs = OWED_LEASE_MS) {
    this.sweepMs = Math.max(100, Math.floor(leaseMs / 3));
  }

  async save(tx: SpoolTransaction, summary: LedgerSummary, at: number): Promise<number> {
    if (tx.kind !== 'postgres') throw new Error('the PostgreSQL owed store keeps batches in a PostgreSQL spool transaction');
    const { rows } = await tx.client.query<{ id: string }>(`INSERT INTO phiwall_ledger_owed (sent_at, summary, owner, lease_until)
      VALUES ($1, $2, $3, ${DB_NOW} + $4) RETURNING id`, [at, JSON.stringify(summary), this.owner, this.leaseMs]);
    return Number(rows[0].id);
  }

  /** At start (`sweep` false) every batch not being recorded; later, this instance's (renewed) and those whose lease ran out. */
  async load(_summarize: unknown, sweep = false): Promise<OwedBatch[]> {
    await this.pg.ready.ensure();
    const which = sweep ? `WHERE owner = $1 OR owner IS NULL OR lease_until < ${DB_NOW}` : '';
    const { rows } = await this.pg.pool.query<{ id: string; sent_at: string; summary: string }>(`UPDATE phiwall_ledger_owed o SET owner = $1, lease_until = ${DB_NOW} + $2
      FROM (SELECT id FROM phiwall_ledger_owed ${which} ORDER BY id FOR UPDATE SKIP LOCKED) c WHERE o.id = c.id
      RETURNING o.id, o.sent_at, o.summary`, [this.owner, this.leaseMs]);
    return rows.map((r) => ({ id: Number(r.id), at: Number(r.sent_at), summary: JSON.parse(r.summary) as LedgerSummary })).sort((a, b) => a.id - b.id);
  }

  async record(batch: OwedBatch & { id: number }): Promise<unknown> {
    await this.pg.ready.ensure();
    await inTransaction(this.pg.pool, async (client) => {
      const { rowCount } = await client.query('DELETE FROM phiwall_ledger_owed WHERE id = $1', [batch.id]);
      if (rowCount) await this.ledger.statements(client, batch.summary, batch.at);
    });
    return undefined;
  }
}
