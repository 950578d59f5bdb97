// Governance tables, created in the spool database next to the outbox.
export const GOVERNANCE_SCHEMA = `
CREATE TABLE IF NOT EXISTS authorizations (
  id TEXT PRIMARY KEY,
  subject_key TEXT NOT NULL,
  scope TEXT NOT NULL,
  source TEXT NOT NULL,
  site TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS authorizations_subject ON authorizations(subject_key, scope);
CREATE TABLE IF NOT EXISTS suppressions (
  subject_key TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  actor TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS spool_meta (
  message_id TEXT NOT NULL,
  destination TEXT NOT NULL,
  policy_version TEXT NOT NULL,
  subject_keys TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (message_id, destination)
) WITHOUT ROWID;
`;
