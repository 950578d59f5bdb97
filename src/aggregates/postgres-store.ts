import { createHmac, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { markRow, parseMark, TRUE_TOTAL } from './sqlite-core.js';
import { PgWriter, toTouch } from './postgres-writer.js';
import type { Readiness } from '../spool/postgres/readiness.js';
import { FORWARD_CLAIM_MS, RELEASE_LEASE_MS, type AggregateStore, type AggregateWriter, type CellRow, type ConversionRow, type ForwardClaim, type ReleaseMark, type ReleasedRow, type TouchRow } from './store.js';
import { inTransaction, withSessionLock } from '../spool/postgres/transaction.js';

// The shared adapter: every instance reads and writes the same cells, members, touches and
// conversions, so k is decided on global counts; one instance at a time releases a
// destination (advisory lock), and each release of a window is claimed in the database before
// it is sent (claimRelease), so a window is never published twice, even by an instance whose
// lock session was lost while it released.

/** Advisory lock class for releases (the second key is hashtext(destination)). */
export const RELEASE_LOCK_CLASS = 0x70686167;

interface CellDb { window_start: string; dims: string; count: string; contributors: string; sums: string; updated_at: string; changes: string }
interface ConversionDb { conversion_id: string; journey: string; type: string; time: string; value: number; status: string; source: string }

export class PostgresAggregateStore extends PgWriter implements AggregateStore {
  readonly kind = 'postgres';
  /** This store's name in release claims (a retry of its own claim re-uses it): stable across restarts when given (src/common/instance-id.ts). */
  private readonly owner: string;

  constructor(private readonly pool: pg.Pool, ready: Readiness, private readonly hashKey: string, owner?: string) {
    super(pool, ready);
    this.owner = owner ?? randomUUID();
  }

  /**
   * Derived from `secrets.hash_key`, so every instance has it without a round trip (events are
   * mapped synchronously) and it is not stored next to the HMACs it keys.
   */
  secret(dest: string): string {
    return createHmac('sha256', this.hashKey).update(`aggregate-destination:${dest}`).digest('base64url');
  }

  async transaction<T>(fn: (w: AggregateWriter) => Promise<T>): Promise<T> {
    await this.ready?.ensure();
    return inTransaction(this.pool, (client) => fn(new PgWriter(client)));
  }

  private async rows<R extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<R[]> {
    await this.ready?.ensure();
    return (await this.pool.query<R>(sql, values)).rows;
  }

  async cells(dest: string, dimset: string, from: number, to: number): Promise<CellRow[]> {
    const rows = await this.rows<CellDb>(`SELECT window_start, dims, count, contributors, sums::text AS sums, updated_at, changes FROM phiwall_agg_cells
      WHERE dest = $1 AND dimset = $2 AND window_start >= $3 AND window_start < $4 ORDER BY window_start, dims`, [dest, dimset, from, to]);
    return rows.map((r) => ({ window_start: Number(r.window_start), dims: r.dims, count: Number(r.count), contributors: Number(r.contributors), sums: r.sums, updated_at: Number(r.updated_at), changes: Number(r.changes) }));
  }

  async windowsToRelease(dest: string, dimset: string, before: number, windowMs: number): Promise<number[]> {
    const rows = await this.rows<{ w: string }>(`SELECT c.window_start AS w FROM phiwall_agg_cells c WHERE c.dest = $1 AND c.dimset = $2 AND c.window_start + $3 <= $4
      GROUP BY c.window_start HAVING SUM(c.changes) > COALESCE((SELECT (r.published::jsonb->>'seen')::bigint FROM phiwall_agg_released r
        WHERE r.dest = $1 AND r.dimset = $2 AND r.window_start = c.window_start AND r.row_key = $5), -1) ORDER BY 1`, [dest, dimset, windowMs, before, TRUE_TOTAL]);
    return rows.map((r) => Number(r.w));
  }

  async releasedState(dest: string, dimset: string, windowStart: number): Promise<{ rows: ReleasedRow[]; mark?: ReleaseMark }> {
    const all = (await this.rows<ReleasedRow>('SELECT row_key, true_count, published FROM phiwall_agg_released WHERE dest = $1 AND dimset = $2 AND window_start = $3', [dest, dimset, windowStart]))
      .map((r) => ({ ...r, true_count: Number(r.true_count) }));
    const mark = all.find((r) => r.row_key === TRUE_TOTAL);
    return { rows: all.filter((r) => r !== mark), mark: mark ? parseMark(mark) : undefined };
  }

  async claimRelease(dest: string, dimset: string, windowStart: number, basis: number, now: number): Promise<boolean> {
    // One statement: a concurrent claim of the same row waits for this one and then re-checks
    // its WHERE on the row as this one left it (read committed), so one of them wins.
    const rows = await this.rows(`INSERT INTO phiwall_agg_release_claims AS c (dest, dimset, window_start, basis, owner, claimed_at)
      SELECT $1, $2, $3, $4, $5, $6 WHERE COALESCE((SELECT (r.published::jsonb->>'seen')::bigint FROM phiwall_agg_released r
        WHERE r.dest = $1 AND r.dimset = $2 AND r.window_start = $3 AND r.row_key = $7), -1) = $4
      ON CONFLICT (dest, dimset, window_start) DO UPDATE SET basis = excluded.basis, owner = excluded.owner, claimed_at = excluded.claimed_at
        WHERE c.basis < excluded.basis OR (c.basis = excluded.basis AND (c.owner IS NULL OR c.owner = excluded.owner OR c.claimed_at < $8))
      RETURNING 1`, [dest, dimset, windowStart, basis, this.owner, now, TRUE_TOTAL, now - RELEASE_LEASE_MS]);
    return rows.length > 0;
  }

  async saveReleased(dest: string, dimset: string, windowStart: number, rows: readonly ReleasedRow[], mark: ReleaseMark, now: number, basis?: number): Promise<boolean> {
    const all = [...rows, markRow(mark)];
    await this.ready?.ensure();
    return inTransaction(this.pool, async (client) => {
      if (basis !== undefined) {
        // Completes this store's claim; gone (taken over after RELEASE_LEASE_MS): nothing is saved.
        const done = await client.query(`UPDATE phiwall_agg_release_claims SET basis = $5, owner = NULL, claimed_at = $6
          WHERE dest = $1 AND dimset = $2 AND window_start = $3 AND owner = $4 AND basis = $7`, [dest, dimset, windowStart, this.owner, mark.seen, now, basis]);
        if (done.rowCount === 0) return false;
      }
      await client.query('DELETE FROM phiwall_agg_released WHERE dest = $1 AND dimset = $2 AND window_start = $3', [dest, dimset, windowStart]);
      await client.query(`INSERT INTO phiwall_agg_released (dest, dimset, window_start, row_key, true_count, published, released_at)
        SELECT $1, $2, $3, k, c, p, $7 FROM unnest($4::text[], $5::bigint[], $6::text[]) AS t(k, c, p)`,
      [dest, dimset, windowStart, all.map((r) => r.row_key), all.map((r) => r.true_count), all.map((r) => r.published), now]);
      return true;
    });
  }

  async releaseMarks(dest: string, dimset: string, from: number, to: number): Promise<Map<number, number>> {
    const rows = await this.rows<{ w: string; seen: string | null }>(`SELECT window_start AS w, (published::jsonb->>'seen') AS seen FROM phiwall_agg_released
      WHERE dest = $1 AND dimset = $2 AND row_key = $3 AND window_start >= $4 AND window_start < $5`, [dest, dimset, TRUE_TOTAL, from, to]);
    return new Map(rows.map((r) => [Number(r.w), r.seen === null ? -1 : Number(r.seen)]));
  }

  async confirmedPerDay(dest: string, from: number, to: number, dayMs: number): Promise<Map<number, number>> {
    const rows = await this.rows<{ d: string; n: string }>(`SELECT (time / $4) * $4 AS d, COUNT(*) AS n FROM phiwall_agg_conversions
      WHERE dest = $1 AND status = 'confirmed' AND time >= $2 AND time < $3 GROUP BY 1`, [dest, from, to, dayMs]);
    return new Map(rows.map((r) => [Number(r.d), Number(r.n)]));
  }

  async touches(dest: string, from: number, to: number): Promise<TouchRow[]> {
    const rows = await this.rows<Parameters<typeof toTouch>[0]>('SELECT journey, time, channel, campaign, lead FROM phiwall_agg_touches WHERE dest = $1 AND time >= $2 AND time <= $3 ORDER BY journey, time, id', [dest, from, to]);
    return rows.map(toTouch);
  }

  async conversions(dest: string, from: number, to: number, status?: string): Promise<ConversionRow[]> {
    const rows = await this.rows<ConversionDb>(`SELECT conversion_id, journey, type, time, value, status, source FROM phiwall_agg_conversions
      WHERE dest = $1 AND time >= $2 AND time <= $3 AND ($4::text IS NULL OR status = $4) ORDER BY time, conversion_id`, [dest, from, to, status ?? null]);
    return rows.map((r) => ({ ...r, time: Number(r.time), value: Number(r.value) }));
  }

  async claimForward(dest: string, conversionId: string, target: string, now: number): Promise<boolean> {
    const rows = await this.rows(`INSERT INTO phiwall_agg_forwards AS f (dest, conversion_id, target, claimed_at, done) VALUES ($1, $2, $3, $4, false)
      ON CONFLICT (dest, conversion_id, target) DO UPDATE SET claimed_at = excluded.claimed_at WHERE f.done = false AND f.claimed_at < $5 RETURNING 1`,
    [dest, conversionId, target, now, now - FORWARD_CLAIM_MS]);
    return rows.length > 0;
  }

  async finishForwards(dest: string, claims: readonly ForwardClaim[]): Promise<void> {
    await this.rows(`UPDATE phiwall_agg_forwards f SET done = true FROM unnest($2::text[], $3::text[]) AS t(c, g) WHERE f.dest = $1 AND f.conversion_id = t.c AND f.target = t.g`,
      [dest, claims.map((c) => c.conversionId), claims.map((c) => c.target)]);
  }

  async releaseForwards(dest: string, claims: readonly ForwardClaim[]): Promise<void> {
    await this.rows(`DELETE FROM phiwall_agg_forwards f USING unnest($2::text[], $3::text[]) AS t(c, g) WHERE f.dest = $1 AND f.conversion_id = t.c AND f.target = t.g AND NOT f.done`,
      [dest, claims.map((c) => c.conversionId), claims.map((c) => c.target)]);
  }

  async pruneMembers(dest: string, before: number): Promise<number> {
    await this.ready?.ensure();
    return (await this.pool.query('DELETE FROM phiwall_agg_members WHERE dest = $1 AND window_start < $2', [dest, before])).rowCount ?? 0;
  }

  async expire(dest: string, now: number, lookbackMs: number): Promise<number> {
    await this.ready?.ensure();
    const cutoff = now - lookbackMs;
    let n = 0;
    for (const table of ['phiwall_agg_touches WHERE dest = $1 AND time < $2', 'phiwall_agg_journeys WHERE dest = $1 AND last_seen < $2', 'phiwall_agg_email_links WHERE dest = $1 AND last_seen < $2']) {
      n += (await this.pool.query(`DELETE FROM ${table}`, [dest, cutoff])).rowCount ?? 0;
    }
    return n;
  }

  /** A lost lock session (connection cut while `fn` ran) rejects with PW_ERR_STORAGE_LOST. */
  async withReleaseLock<T>(dest: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    await this.ready?.ensure();
    const lock = { sql: 'SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', unlockSql: 'SELECT pg_advisory_unlock($1, hashtext($2))', params: [RELEASE_LOCK_CLASS, dest] };
    return withSessionLock(this.pool, lock, () => fn());
  }

  /** The pool belongs to the spool (or the caller): nothing to close here. */
  async close(): Promise<void> {}
}
