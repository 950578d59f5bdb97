// Governance tables in the instance's governance database (SQLite adapter). Per-row metadata
// (policy version, subject keys) lives in the spool row itself; an older `spool_meta` table is
// only read for rows spooled before that (./legacy-meta.ts).
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
`;
