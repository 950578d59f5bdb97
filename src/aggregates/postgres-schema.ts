// Aggregates and attribution on PostgreSQL (a migration step in src/spool/postgres/migrate.ts).
// Same columns as the SQLite file (./sqlite-core.ts); times are epoch-ms BIGINT. Shared by every
// instance: members (distinct visitors per cell) live here, so k is decided on global counts.
export const AGGREGATES_SQL = `
CREATE TABLE IF NOT EXISTS phiwall_agg_cells (
  dest TEXT NOT NULL, dimset TEXT NOT NULL, window_start BIGINT NOT NULL, dims TEXT NOT NULL,
  count BIGINT NOT NULL, contributors BIGINT NOT NULL, sums JSONB NOT NULL, changes BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (dest, dimset, window_start, dims));
CREATE TABLE IF NOT EXISTS phiwall_agg_members (
  dest TEXT NOT NULL, dimset TEXT NOT NULL, window_start BIGINT NOT NULL, dims TEXT NOT NULL, who TEXT NOT NULL,
  PRIMARY KEY (dest, dimset, window_start, dims, who));
CREATE TABLE IF NOT EXISTS phiwall_agg_released (
  dest TEXT NOT NULL, dimset TEXT NOT NULL, window_start BIGINT NOT NULL, row_key TEXT NOT NULL,
  true_count BIGINT NOT NULL, published TEXT NOT NULL, released_at BIGINT NOT NULL,
  PRIMARY KEY (dest, dimset, window_start, row_key));
CREATE TABLE IF NOT EXISTS phiwall_agg_journeys (
  dest TEXT NOT NULL, key_hmac TEXT NOT NULL, journey TEXT NOT NULL, last_seen BIGINT NOT NULL,
  PRIMARY KEY (dest, key_hmac));
CREATE INDEX IF NOT EXISTS phiwall_agg_journeys_seen ON phiwall_agg_journeys (dest, last_seen);
CREATE TABLE IF NOT EXISTS phiwall_agg_email_links (
  dest TEXT NOT NULL, email_hmac TEXT NOT NULL, journey TEXT NOT NULL, last_seen BIGINT NOT NULL,
  PRIMARY KEY (dest, email_hmac));
CREATE TABLE IF NOT EXISTS phiwall_agg_touches (
  id BIGSERIAL PRIMARY KEY, dest TEXT NOT NULL, journey TEXT NOT NULL, time BIGINT NOT NULL,
  channel TEXT NOT NULL, campaign TEXT NOT NULL, lead SMALLINT NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS phiwall_agg_touches_journey ON phiwall_agg_touches (dest, journey, time);
CREATE INDEX IF NOT EXISTS phiwall_agg_touches_time ON phiwall_agg_touches (dest, time);
CREATE TABLE IF NOT EXISTS phiwall_agg_conversions (
  dest TEXT NOT NULL, conversion_id TEXT NOT NULL, journey TEXT NOT NULL, type TEXT NOT NULL,
  time BIGINT NOT NULL, value DOUBLE PRECISION NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL,
  PRIMARY KEY (dest, conversion_id));
CREATE INDEX IF NOT EXISTS phiwall_agg_conversions_time ON phiwall_agg_conversions (dest, time);
CREATE TABLE IF NOT EXISTS phiwall_agg_forwards (
  dest TEXT NOT NULL, conversion_id TEXT NOT NULL, target TEXT NOT NULL, claimed_at BIGINT NOT NULL,
  done BOOLEAN NOT NULL DEFAULT false,
  PRIMARY KEY (dest, conversion_id, target));`;

/**
 * Migration step 6: per window, who may publish its next release (./postgres-store.ts
 * claimRelease): `basis` is the release mark's `seen` the claim was made on, `owner` the claiming
 * store (NULL once that release is saved), so exactly one instance publishes each release of a
 * window even when the release lock is lost with its session.
 */
export const RELEASE_CLAIMS_SQL = `
CREATE TABLE IF NOT EXISTS phiwall_agg_release_claims (
  dest TEXT NOT NULL, dimset TEXT NOT NULL, window_start BIGINT NOT NULL,
  basis BIGINT NOT NULL, owner TEXT, claimed_at BIGINT NOT NULL,
  PRIMARY KEY (dest, dimset, window_start));`;
