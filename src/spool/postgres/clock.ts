import type pg from 'pg';

/**
 * The newest time the shared spool holds (a row's receipt, a dead letter's failure, the clock a
 * collector closed with): where each collector's spool clock starts at the earliest
 * (src/common/steady-clock.ts), so a host whose clock was set back while it was stopped does not
 * hold back retries scheduled before.
 */
export async function newestSpoolTime(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ t: string }>(`SELECT GREATEST(COALESCE((SELECT MAX(enqueued_at) FROM phiwall_outbox), 0),
    COALESCE((SELECT MAX(failed_at) FROM phiwall_dead_letters), 0), COALESCE((SELECT t FROM phiwall_spool_clock), 0)) AS t`);
  return Number(rows[0]?.t ?? 0);
}

/** At a clean close: the clock's reading, unless another collector already closed with a later one. */
export async function saveSpoolTime(pool: pg.Pool, now: number): Promise<void> {
  await pool.query('INSERT INTO phiwall_spool_clock (k, t) VALUES (0, $1) ON CONFLICT (k) DO UPDATE SET t = GREATEST(phiwall_spool_clock.t, EXCLUDED.t)', [now]);
}
