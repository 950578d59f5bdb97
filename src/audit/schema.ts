// Audit and disclosure tables, in the spool database.
export const AUDIT_SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY,
  time INTEGER NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  details TEXT NOT NULL,
  config_before TEXT,
  config_after TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_imported (
  record_id TEXT PRIMARY KEY,
  imported_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS disclosure_hourly (
  destination TEXT NOT NULL,
  hour INTEGER NOT NULL,
  policy_version TEXT NOT NULL,
  events INTEGER NOT NULL,
  PRIMARY KEY (destination, hour, policy_version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS disclosure_fields (
  destination TEXT NOT NULL,
  hour INTEGER NOT NULL,
  policy_version TEXT NOT NULL,
  field TEXT NOT NULL,
  PRIMARY KEY (destination, hour, policy_version, field)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS disclosure_first_seen (
  destination TEXT NOT NULL,
  field TEXT NOT NULL,
  first_at INTEGER NOT NULL,
  policy_version TEXT NOT NULL,
  PRIMARY KEY (destination, field)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS disclosure_events (
  id INTEGER PRIMARY KEY,
  destination TEXT NOT NULL,
  time INTEGER NOT NULL,
  policy_version TEXT NOT NULL,
  message_id TEXT NOT NULL,
  payload_sha256 TEXT NOT NULL
);
-- Owed batches (governance/owed-store.ts) recorded here, by their key: the owed row lives in the spool's
-- file, so a kill after this commit and before its delete finds the key at the next start and records nothing twice.
CREATE TABLE IF NOT EXISTS disclosure_owed_recorded (
  batch TEXT PRIMARY KEY,
  recorded_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS disclosure_events_by_dest ON disclosure_events(destination, time);
`;
