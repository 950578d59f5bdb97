import type { PoolClient } from 'pg';
import type { AuditRow } from './chain.js';
import type { PgHandle } from './postgres-schema.js';
import { ChainCheck, type ChainHead, type VerifyResult } from './verify.js';
import { withClient } from '../spool/postgres/transaction.js';
import { GENESIS } from './chain.js';

// Verification of the shared (Postgres) chain: `phiwall audit verify --config`, GET /admin/audit/verify.

/** The chain's columns: `record_id` (./postgres-schema.ts) stays out of rows, hashes and reports. */
export const COLUMNS = 'seq, time, actor, role, action, details, config_before, config_after, prev_hash, hash';
export type DbRow = Omit<AuditRow, 'seq' | 'time'> & { seq: string; time: string };
export const toRow = (r: DbRow): AuditRow => ({ ...r, seq: Number(r.seq), time: Number(r.time) });

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
