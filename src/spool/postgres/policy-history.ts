import type pg from 'pg';

// The PostgreSQL spool's policy history (migration steps 7 and 8): per plan version, each
// destination's projection policy record (src/delivery/policy.ts). Callers passed readiness.

/** A version's first record stays; recording it again refreshes `recorded_at` (still in use: see prunePolicies). */
export async function recordPolicies(pool: pg.Pool, version: string, policies: Readonly<Record<string, string>>): Promise<void> {
  const entries = Object.entries(policies);
  await pool.query(`INSERT INTO phiwall_policy_history (version, destination, policy, recorded_at) SELECT $1, d, p, $4 FROM unnest($2::text[], $3::text[]) AS t(d, p)
    ON CONFLICT (version, destination) DO UPDATE SET recorded_at = GREATEST(phiwall_policy_history.recorded_at, excluded.recorded_at)`,
  [version, entries.map(([d]) => d), entries.map(([, p]) => p), Date.now()]);
}

export async function policyOf(pool: pg.Pool, version: string, destination: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ policy: string }>('SELECT policy FROM phiwall_policy_history WHERE version = $1 AND destination = $2', [version, destination]);
  return rows[0]?.policy;
}

/**
 * Versions other instances run are kept by `recordedSince` (each re-records its own version
 * periodically); the rest go once no pending or dead row names them. Nothing is scanned when
 * there is no candidate (the usual case); else one scan of each table.
 */
export async function prunePolicies(pool: pg.Pool, keep: string, recordedSince: number): Promise<number> {
  const { rows } = await pool.query<{ version: string }>(`SELECT DISTINCT version FROM phiwall_policy_history WHERE version <> $1
    AND version NOT IN (SELECT version FROM phiwall_policy_history WHERE recorded_at >= $2)`, [keep, recordedSince]);
  if (rows.length === 0) return 0;
  const res = await pool.query(`DELETE FROM phiwall_policy_history WHERE version = ANY($1::text[]) AND version NOT IN (
      SELECT policy_version FROM phiwall_outbox WHERE policy_version IS NOT NULL
      UNION SELECT policy_version FROM phiwall_dead_letters WHERE policy_version IS NOT NULL)`, [rows.map((r) => r.version)]);
  return res.rowCount ?? 0;
}
