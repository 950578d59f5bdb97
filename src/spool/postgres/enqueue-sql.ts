import { DEDUP_WINDOW_MS } from '../ingest-dedup.js';

// The shared spool's group-commit INSERT (postgres-spool.ts): one statement, so live rows, rows
// rejected by the destination rules and the events' ingest dedup keys (src/spool/ingest-dedup.ts)
// commit together. A key another instance holds in a transaction not yet committed makes this
// insert wait for it (unique index): a copy's rows are then left out and its 200 follows the
// original's commit. A key older than the window is taken afresh.
const INPUT = 'unnest($1::text[], $2::text[], $3::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[]) AS t(m, d, p, v, k, c, r, q, s)';

export const ENQUEUE = `WITH input AS (SELECT * FROM ${INPUT}),
  fresh AS (INSERT INTO phiwall_seen_messages (key_hash, at) SELECT DISTINCT q, $4::bigint FROM input WHERE q IS NOT NULL
    ON CONFLICT (key_hash) DO UPDATE SET at = EXCLUDED.at WHERE phiwall_seen_messages.at < $4::bigint - ${DEDUP_WINDOW_MS} RETURNING key_hash),
  kept AS (SELECT * FROM input WHERE q IS NULL OR q IN (SELECT key_hash FROM fresh)),
  dead AS (INSERT INTO phiwall_dead_letters (message_id, destination, payload, attempts, code, reason, enqueued_at, failed_at, policy_version, subject_keys, scrubbed_at)
    SELECT m, d, p, 0, c, r, $4, $4, v, k, s FROM kept WHERE c IS NOT NULL)
  INSERT INTO phiwall_outbox (message_id, destination, payload, due_at, enqueued_at, policy_version, subject_keys, scrubbed_at)
  SELECT m, d, p, $4, $4, v, k, s FROM kept WHERE c IS NULL`;

export const SEEN = 'SELECT key_hash FROM phiwall_seen_messages WHERE key_hash = ANY($1::text[]) AND at >= $2';
export const PURGE_SEEN = `DELETE FROM phiwall_seen_messages WHERE at < $1`;

/** Migration step: the keys' table. */
export const SEEN_MESSAGES_SQL = `
CREATE TABLE IF NOT EXISTS phiwall_seen_messages (key_hash TEXT PRIMARY KEY, at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS phiwall_seen_messages_at ON phiwall_seen_messages (at);`;
