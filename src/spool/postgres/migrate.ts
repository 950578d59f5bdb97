import type { Pool, PoolClient } from 'pg';
import { AUDIT_RECORD_ID_SQL, GOVERNANCE_AUDIT_SQL } from '../../audit/postgres-schema.js';
import { AGGREGATES_SQL, RELEASE_CLAIMS_SQL } from '../../aggregates/postgres-schema.js';
import { transact, withSessionLock, type ClientLease } from './transaction.js';
import { SEEN_MESSAGES_SQL } from './enqueue-sql.js';

// Migrations are append-only: a released step is never edited, a change is a new step.
// Each step runs once, in its own transaction, recorded in phiwall_migrations.
const STEPS: readonly { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'spool',
    sql: `
CREATE TABLE IF NOT EXISTS phiwall_outbox (
  id BIGSERIAL PRIMARY KEY,
  message_id TEXT NOT NULL,
  destination TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  -- due_at = max(next attempt, lease expiry): one index serves leasing and nextDue.
  due_at BIGINT NOT NULL,
  lease_until BIGINT NOT NULL DEFAULT 0,
  enqueued_at BIGINT NOT NULL,
  last_error TEXT
) WITH (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.05);
CREATE INDEX IF NOT EXISTS phiwall_outbox_due ON phiwall_outbox (destination, due_at, id);
CREATE TABLE IF NOT EXISTS phiwall_dead_letters (
  id BIGSERIAL PRIMARY KEY,
  message_id TEXT NOT NULL,
  destination TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  enqueued_at BIGINT NOT NULL,
  failed_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS phiwall_dead_by_dest ON phiwall_dead_letters (destination, failed_at);
CREATE TABLE IF NOT EXISTS phiwall_pseudo_ids (
  visitor_key TEXT NOT NULL,
  destination TEXT NOT NULL,
  period BIGINT NOT NULL,
  token TEXT NOT NULL,
  PRIMARY KEY (visitor_key, destination, period)
);
CREATE INDEX IF NOT EXISTS phiwall_pseudo_ids_period ON phiwall_pseudo_ids (period);`,
  },
  {
    id: 2,
    name: 'spool row governance metadata',
    // Nullable: rows spooled before this step have none (treated as unknown policy, no subjects).
    sql: `
ALTER TABLE phiwall_outbox ADD COLUMN IF NOT EXISTS policy_version TEXT, ADD COLUMN IF NOT EXISTS subject_keys TEXT;
ALTER TABLE phiwall_dead_letters ADD COLUMN IF NOT EXISTS policy_version TEXT, ADD COLUMN IF NOT EXISTS subject_keys TEXT;`,
  },
  { id: 3, name: 'governance, audit chain, disclosure ledger', sql: GOVERNANCE_AUDIT_SQL },
  { id: 4, name: 'aggregates and attribution', sql: AGGREGATES_SQL },
  { id: 5, name: 'audit record ids', sql: AUDIT_RECORD_ID_SQL },
  { id: 6, name: 'aggregate release claims', sql: RELEASE_CLAIMS_SQL },
  {
    id: 7,
    name: 'policy history',
    // Per plan version, each destination's projection policy (src/delivery/policy.ts).
    sql: `
CREATE TABLE IF NOT EXISTS phiwall_policy_history (
  version TEXT NOT NULL,
  destination TEXT NOT NULL,
  policy TEXT NOT NULL,
  PRIMARY KEY (version, destination)
);`,
  },
  {
    id: 8,
    name: 'scrub time of replayed rows, policy history retention',
    // scrubbed_at NULL: scrubbed at enqueued_at. recorded_at 0: recorded before retention existed.
    sql: `
ALTER TABLE phiwall_outbox ADD COLUMN IF NOT EXISTS scrubbed_at BIGINT;
ALTER TABLE phiwall_dead_letters ADD COLUMN IF NOT EXISTS scrubbed_at BIGINT;
ALTER TABLE phiwall_policy_history ADD COLUMN IF NOT EXISTS recorded_at BIGINT NOT NULL DEFAULT 0;`,
  },
  { id: 9, name: 'ingest dedup keys', sql: SEEN_MESSAGES_SQL },
  {
    id: 10,
    name: 'spool clock',
    // The newest spool-clock reading any collector closed with (src/spool/postgres/clock.ts).
    sql: `CREATE TABLE IF NOT EXISTS phiwall_spool_clock (k INTEGER PRIMARY KEY CHECK (k = 0), t BIGINT NOT NULL);`,
  },
  {
    id: 11,
    name: 'disclosure ledger owed batches',
    // A sent batch the ledger could not record, written with its rows' ack (src/governance/postgres-owed.ts): a ledger summary, no payload values.
    sql: `CREATE TABLE IF NOT EXISTS phiwall_ledger_owed (id BIGSERIAL PRIMARY KEY, sent_at BIGINT NOT NULL, summary TEXT NOT NULL);`,
  },
  {
    id: 12,
    name: 'owed ledger batches: owner and lease',
    // The instance that holds an owed batch and until when (database clock, ms): a running instance takes over
    // those of one that stopped renewing (src/governance/postgres-owed.ts). Rows from before: no owner, lease 0.
    sql: `ALTER TABLE phiwall_ledger_owed ADD COLUMN IF NOT EXISTS owner TEXT, ADD COLUMN IF NOT EXISTS lease_until BIGINT NOT NULL DEFAULT 0;`,
  },
];

/** Arbitrary but fixed: every phiwall instance serialises migrations on this advisory lock. */
export const MIGRATION_LOCK = 0x70687761;
/** Only one instance runs periodic cleanup at a time. */
export const MAINTENANCE_LOCK = 0x70687762;

export interface MigrationResult { applied: number[]; current: number }

/**
 * Idempotent: safe to run from every instance at start and from `phiwall migrate`. `through`
 * stops after that step (a database as an older release left it; used by upgrade tests).
 */
export async function migrate(pool: Pool, through = STEPS[STEPS.length - 1].id): Promise<MigrationResult> {
  const lock = { sql: 'SELECT pg_advisory_lock($1)', unlockSql: 'SELECT pg_advisory_unlock($1)', params: [MIGRATION_LOCK] };
  const done = await withSessionLock(pool, lock, (client, lease) => applyPending(client, lease, through));
  // Unreachable: a blocking lock returns no `ok`, so `fn` always runs.
  if (!done.ran) throw new Error('migration lock not taken');
  return done.value;
}

async function applyPending(client: PoolClient, lease: ClientLease, through: number): Promise<MigrationResult> {
  await client.query(`CREATE TABLE IF NOT EXISTS phiwall_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
  const done = new Set((await client.query<{ id: number }>('SELECT id FROM phiwall_migrations')).rows.map((r) => r.id));
  const applied: number[] = [];
  for (const step of STEPS) {
    if (done.has(step.id) || step.id > through) continue;
    await transact(client, lease, async () => {
      await client.query(step.sql);
      await client.query('INSERT INTO phiwall_migrations (id, name) VALUES ($1, $2)', [step.id, step.name]);
    });
    applied.push(step.id);
  }
  return { applied, current: Math.min(through, STEPS[STEPS.length - 1].id) };
}
