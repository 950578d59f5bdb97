import type Database from 'better-sqlite3';
import { PSEUDO_IDS_DDL } from './token-table.js';
import { SEEN_KEYS_DDL } from './seen-keys.js';

export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL,
  destination TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at INTEGER NOT NULL,
  lease_until INTEGER NOT NULL DEFAULT 0,
  enqueued_at INTEGER NOT NULL,
  last_error TEXT,
  policy_version TEXT,
  subject_keys TEXT,
  scrubbed_at INTEGER
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(destination, next_at);
CREATE TABLE IF NOT EXISTS dead_letters (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL,
  destination TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  enqueued_at INTEGER NOT NULL,
  failed_at INTEGER NOT NULL,
  policy_version TEXT,
  subject_keys TEXT,
  scrubbed_at INTEGER
);
CREATE INDEX IF NOT EXISTS dead_by_dest ON dead_letters(destination, failed_at);
-- Fresh rows: one row per (enqueue call, destination) holding that call's events, consumed by
-- the spool file's one consumer process without on-disk leases (packs.ts). Never updated: an
-- item that needs a retry or a dead letter moves to outbox / dead_letters. AUTOINCREMENT keeps
-- ids rising after the table empties (the consumer reads new packs by id cursor). A separate
-- table so an older phiwall never reads a pack as one event: it leaves packs alone.
CREATE TABLE IF NOT EXISTS outbox_packs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  destination TEXT NOT NULL,
  n INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  meta TEXT NOT NULL,
  payload TEXT NOT NULL,
  enqueued_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS packs_by_dest ON outbox_packs(destination);
-- Items of packs still on disk acknowledged in a transaction that wrote something with the ack (the
-- ledger's owed batch: sqlite/ack-with.ts); a restarted consumer skips them (packs.ts). Other acks
-- of a pack's items live in memory until the pack closes (at-least-once after a crash).
CREATE TABLE IF NOT EXISTS pack_acks (pack_id INTEGER NOT NULL, idx INTEGER NOT NULL, PRIMARY KEY (pack_id, idx)) WITHOUT ROWID;
-- Per plan version, each destination's projection policy (src/delivery/policy.ts): delivery
-- re-checks a row of an older version only when its destination's policy changed.
CREATE TABLE IF NOT EXISTS policy_history (
  version TEXT NOT NULL,
  destination TEXT NOT NULL,
  policy TEXT NOT NULL,
  recorded_at INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (version, destination)
);
-- The process consuming the packs (one row): consumer.ts.
CREATE TABLE IF NOT EXISTS spool_consumer (
  k INTEGER PRIMARY KEY CHECK (k = 0),
  token TEXT NOT NULL,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  beat INTEGER NOT NULL
);
-- The spool clock's last reading at a clean close (steady-clock.ts): a clock set back while stopped does not hold back what was scheduled.
CREATE TABLE IF NOT EXISTS spool_clock (k INTEGER PRIMARY KEY CHECK (k = 0), t INTEGER NOT NULL);
${PSEUDO_IDS_DDL};
${SEEN_KEYS_DDL};
`;

/**
 * Spool files made before a column existed get it (idempotent): the governance columns, the scrub
 * time of replayed rows (NULL: scrubbed at enqueued_at), the policy history's record time.
 */
export function addGovernanceColumns(db: Database.Database): void {
  const columns: [string, string, string][] = [
    ['outbox', 'policy_version', 'TEXT'], ['outbox', 'subject_keys', 'TEXT'], ['outbox', 'scrubbed_at', 'INTEGER'],
    ['dead_letters', 'policy_version', 'TEXT'], ['dead_letters', 'subject_keys', 'TEXT'], ['dead_letters', 'scrubbed_at', 'INTEGER'],
    ['policy_history', 'recorded_at', 'INTEGER NOT NULL DEFAULT 0'],
  ];
  for (const [table, col, type] of columns) {
    const have = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === col);
    if (!have) db.exec(`ALTER TABLE ${table} ADD COLUMN ${col} ${type}`);
  }
}
