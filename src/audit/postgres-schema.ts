// Governance, audit and disclosure tables on PostgreSQL (migration step 3 in
// src/spool/postgres/migrate.ts). Same columns as the SQLite tables (src/governance/schema.ts,
// ./schema.ts), times as epoch-ms BIGINT, so both adapters hash and report the same values.
export const GOVERNANCE_AUDIT_SQL = `
CREATE TABLE IF NOT EXISTS phiwall_authorizations (
  id TEXT PRIMARY KEY,
  subject_key TEXT NOT NULL,
  scope TEXT NOT NULL,
  source TEXT NOT NULL,
  site TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX IF NOT EXISTS phiwall_authorizations_subject ON phiwall_authorizations (subject_key, scope);
CREATE INDEX IF NOT EXISTS phiwall_authorizations_site ON phiwall_authorizations (site, created_at);
CREATE TABLE IF NOT EXISTS phiwall_suppressions (
  subject_key TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL,
  actor TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS phiwall_audit_log (
  seq BIGINT PRIMARY KEY,
  time BIGINT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  details TEXT NOT NULL,
  config_before TEXT,
  config_after TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS phiwall_audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS phiwall_disclosure_hourly (
  destination TEXT NOT NULL,
  hour BIGINT NOT NULL,
  policy_version TEXT NOT NULL,
  events BIGINT NOT NULL,
  PRIMARY KEY (destination, hour, policy_version)
);
CREATE TABLE IF NOT EXISTS phiwall_disclosure_fields (
  destination TEXT NOT NULL,
  hour BIGINT NOT NULL,
  policy_version TEXT NOT NULL,
  field TEXT NOT NULL,
  PRIMARY KEY (destination, hour, policy_version, field)
);
CREATE TABLE IF NOT EXISTS phiwall_disclosure_first_seen (
  destination TEXT NOT NULL,
  field TEXT NOT NULL,
  first_at BIGINT NOT NULL,
  policy_version TEXT NOT NULL,
  PRIMARY KEY (destination, field)
);
CREATE INDEX IF NOT EXISTS phiwall_disclosure_first_seen_at ON phiwall_disclosure_first_seen (destination, first_at);
CREATE TABLE IF NOT EXISTS phiwall_disclosure_events (
  id BIGSERIAL PRIMARY KEY,
  destination TEXT NOT NULL,
  time BIGINT NOT NULL,
  policy_version TEXT NOT NULL,
  message_id TEXT NOT NULL,
  payload_sha256 TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS phiwall_disclosure_events_by_dest ON phiwall_disclosure_events (destination, time);`;

/**
 * Migration step 5: a client-made id per audit record, so a retried append whose first COMMIT
 * succeeded unseen (reply lost) is recognised instead of written twice. Rows from before this
 * step keep NULL (UNIQUE allows many NULLs); the id is not part of the row hash, so they still verify.
 */
export const AUDIT_RECORD_ID_SQL = `
ALTER TABLE phiwall_audit_log ADD COLUMN IF NOT EXISTS record_id UUID;
CREATE UNIQUE INDEX IF NOT EXISTS phiwall_audit_log_record_id ON phiwall_audit_log (record_id);`;

/** What the governance/audit adapters share with the Postgres spool: its pool, and the gate "migrations ran" (retried until they do). */
export interface PgHandle {
  pool: import('pg').Pool;
  ready: import('../spool/postgres/readiness.js').Readiness;
}
