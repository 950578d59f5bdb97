import type { LedgerSummary } from '../audit/ledger.js';
import type { PostgresDisclosureLedger } from '../audit/postgres-ledger.js';
import type { PgHandle } from '../audit/postgres-schema.js';
import type { SpoolTransaction } from '../spool/port.js';
import { inTransaction } from '../spool/postgres/transaction.js';
import type { OwedBatch, OwedStore } from './owed-store.js';

/**
 * Owed batches on PostgreSQL (phiwall_ledger_owed, migration 11), beside the shared spool and ledger.
 * Kept in the transaction that acks the batch's rows; recorded in one transaction that deletes the row
 * and writes the ledger, so a kill at any point records a batch exactly once, and of several instances
 * (each loads every batch left at its start) only the one whose DELETE finds the row records it.
 * Not a local journal: an instance's disk may not outlive it (a pod without a volume), and another
 * instance could not record what it holds.
 */
export class PostgresOwedStore implements OwedStore {
  constructor(private readonly pg: PgHandle, private readonly ledger: PostgresDisclosureLedger) {}

  async save(tx: SpoolTransaction, summary: LedgerSummary, at: number): Promise<number> {
    if (tx.kind !== 'postgres') throw new Error('the PostgreSQL owed store keeps batches in a PostgreSQL spool transaction');
    const { rows } = await tx.client.query<{ id: string }>('INSERT INTO phiwall_ledger_owed (sent_at, summary) VALUES ($1, $2) RETURNING id', [at, JSON.stringify(summary)]);
    return Number(rows[0].id);
  }

  async load(): Promise<OwedBatch[]> {
    await this.pg.ready.ensure();
    const { rows } = await this.pg.pool.query<{ id: string; sent_at: string; summary: string }>('SELECT id, sent_at, summary FROM phiwall_ledger_owed ORDER BY id');
    return rows.map((r) => ({ id: Number(r.id), at: Number(r.sent_at), summary: JSON.parse(r.summary) as LedgerSummary }));
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
