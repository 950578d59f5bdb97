import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Readiness } from '../spool/postgres/readiness.js';
import type { AggregateWriter, CellDelta, ConversionOutcome, ConversionRow, TouchRow } from './store.js';

// The per-batch writes on PostgreSQL, on a pool (autocommit) or on one transaction's client.
// Every statement is safe under concurrent instances: members and cells are upserts (a
// visitor counts once per cell whichever instance saw it), sums merge inside the statement.

export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

interface TouchDb { journey: string; time: string; channel: string; campaign: string; lead: number }
export const toTouch = (r: TouchDb): TouchRow => ({ journey: r.journey, time: Number(r.time), channel: r.channel, campaign: r.campaign, lead: Number(r.lead) });

const ADD_CELL = `WITH m AS (
    INSERT INTO phiwall_agg_members (dest, dimset, window_start, dims, who)
    SELECT $1, $2, $3, $4, w FROM unnest($5::text[]) AS w
    ON CONFLICT DO NOTHING RETURNING 1)
  INSERT INTO phiwall_agg_cells AS c (dest, dimset, window_start, dims, count, contributors, sums, changes, updated_at)
  VALUES ($1, $2, $3, $4, $6, $7::bigint + (SELECT COUNT(*) FROM m), $8::jsonb, 1, $9)
  ON CONFLICT (dest, dimset, window_start, dims) DO UPDATE SET
    count = c.count + excluded.count,
    contributors = c.contributors + excluded.contributors,
    sums = (SELECT COALESCE(jsonb_object_agg(k, COALESCE((c.sums->>k)::float8, 0) + COALESCE((excluded.sums->>k)::float8, 0)), '{}'::jsonb)
            FROM jsonb_object_keys(c.sums || excluded.sums) AS k),
    changes = c.changes + 1,
    updated_at = GREATEST(c.updated_at, excluded.updated_at)`;

export class PgWriter implements AggregateWriter {
  /** `ready`: the gate "migrations ran", for a writer on a pool (one on a transaction's client is past it). */
  constructor(protected readonly q: Queryable, protected readonly ready?: Readiness) {}

  async addCells(dest: string, dimset: string, cells: readonly CellDelta[], now: number): Promise<void> {
    await this.ready?.ensure();
    for (const c of cells) {
      await this.q.query(ADD_CELL, [dest, dimset, c.windowStart, c.dims, [...c.who].sort(), c.events, c.anonymous, JSON.stringify(c.sums), now]);
    }
  }

  async journeyFor(dest: string, keyHmac: string, now: number): Promise<string> {
    await this.ready?.ensure();
    const { rows } = await this.q.query<{ journey: string }>(`INSERT INTO phiwall_agg_journeys AS j (dest, key_hmac, journey, last_seen) VALUES ($1, $2, $3, $4)
      ON CONFLICT (dest, key_hmac) DO UPDATE SET last_seen = GREATEST(j.last_seen, excluded.last_seen) RETURNING journey`,
    [dest, keyHmac, 'j_' + randomBytes(12).toString('base64url'), now]);
    return rows[0].journey;
  }

  async findJourney(dest: string, keyHmac: string): Promise<string | undefined> {
    await this.ready?.ensure();
    const { rows } = await this.q.query<{ journey: string }>('SELECT journey FROM phiwall_agg_journeys WHERE dest = $1 AND key_hmac = $2', [dest, keyHmac]);
    return rows[0]?.journey;
  }

  async linkEmail(dest: string, emailHmac: string, journey: string, now: number): Promise<void> {
    await this.ready?.ensure();
    await this.q.query(`INSERT INTO phiwall_agg_email_links (dest, email_hmac, journey, last_seen) VALUES ($1, $2, $3, $4)
      ON CONFLICT (dest, email_hmac) DO UPDATE SET journey = excluded.journey, last_seen = excluded.last_seen`, [dest, emailHmac, journey, now]);
  }

  async journeyByEmail(dest: string, emailHmac: string): Promise<string | undefined> {
    await this.ready?.ensure();
    const { rows } = await this.q.query<{ journey: string }>('SELECT journey FROM phiwall_agg_email_links WHERE dest = $1 AND email_hmac = $2', [dest, emailHmac]);
    return rows[0]?.journey;
  }

  async lastTouch(dest: string, journey: string): Promise<TouchRow | undefined> {
    await this.ready?.ensure();
    const { rows } = await this.q.query<TouchDb>('SELECT journey, time, channel, campaign, lead FROM phiwall_agg_touches WHERE dest = $1 AND journey = $2 ORDER BY time DESC, id DESC LIMIT 1', [dest, journey]);
    return rows[0] ? toTouch(rows[0]) : undefined;
  }

  async addTouch(dest: string, t: TouchRow): Promise<void> {
    await this.ready?.ensure();
    await this.q.query('INSERT INTO phiwall_agg_touches (dest, journey, time, channel, campaign, lead) VALUES ($1, $2, $3, $4, $5, $6)', [dest, t.journey, t.time, t.channel, t.campaign, t.lead]);
  }

  async markLead(dest: string, journey: string, time: number): Promise<void> {
    await this.ready?.ensure();
    await this.q.query(`UPDATE phiwall_agg_touches SET lead = 1 WHERE id = (SELECT id FROM phiwall_agg_touches WHERE dest = $1 AND journey = $2 AND time <= $3 ORDER BY time DESC, id DESC LIMIT 1)`, [dest, journey, time]);
  }

  async addConversion(dest: string, c: ConversionRow): Promise<ConversionOutcome> {
    await this.ready?.ensure();
    const inserted = await this.q.query(`INSERT INTO phiwall_agg_conversions (dest, conversion_id, journey, type, time, value, status, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT DO NOTHING RETURNING 1`, [dest, c.conversion_id, c.journey, c.type, c.time, c.value, c.status, c.source]);
    if (inserted.rowCount) return 'inserted';
    if (c.status !== 'confirmed') return 'duplicate';
    const confirmed = await this.q.query(`UPDATE phiwall_agg_conversions SET status = 'confirmed' WHERE dest = $1 AND conversion_id = $2 AND status = 'pending' RETURNING 1`, [dest, c.conversion_id]);
    return confirmed.rowCount ? 'confirmed' : 'duplicate';
  }
}
