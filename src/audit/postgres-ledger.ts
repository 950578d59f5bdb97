import type { PoolClient } from 'pg';
import { HOUR, summarize, type Disclosure, type LedgerSummary, type NewField } from './ledger.js';
import type { DisclosureStore } from './port.js';
import type { PgHandle } from './postgres-schema.js';
import { assembleReport, type DisclosureReport } from './report.js';
import { inTransaction } from '../spool/postgres/transaction.js';

const DEADLOCK = '40P01';

/**
 * The disclosure ledger shared by every instance: hourly counts add up across instances
 * (upserts), and a field's first disclosure to a destination is decided by the primary key of
 * phiwall_disclosure_first_seen, so exactly one instance reports it. Rows are written in key
 * order, which keeps concurrent batches from deadlocking; a deadlock is retried once anyway.
 */
export class PostgresDisclosureLedger implements DisclosureStore {
  constructor(private readonly pg: PgHandle, private readonly perEvent: boolean) {}

  async add(items: readonly Disclosure[], now = Date.now()): Promise<NewField[]> {
    return items.length ? this.record(this.summarize(items, now), now) : [];
  }

  summarize(items: readonly Disclosure[], now: number): LedgerSummary {
    const summary = summarize(items, now, this.perEvent);
    summary.counts.sort((a, b) => cmp(a.destination, b.destination) || cmp(a.policyVersion, b.policyVersion));
    return summary;
  }

  async record(summary: LedgerSummary, now: number): Promise<NewField[]> {
    await this.pg.ready.ensure();
    try {
      return await this.write(summary, now);
    } catch (err) {
      if ((err as { code?: string }).code !== DEADLOCK) throw err;
      return this.write(summary, now);
    }
  }

  private async write(s: LedgerSummary, now: number): Promise<NewField[]> {
    return inTransaction(this.pg.pool, (client) => this.statements(client, s, now));
  }

  /** The batch's writes on a client in a caller's transaction (an owed batch claimed in the same one: governance/postgres-owed.ts). */
  async statements(client: PoolClient, s: LedgerSummary, now: number): Promise<NewField[]> {
    const c = s.counts;
    await client.query(`INSERT INTO phiwall_disclosure_hourly AS h (destination, hour, policy_version, events)
      SELECT d, $4, v, n FROM unnest($1::text[], $2::text[], $3::bigint[]) AS t(d, v, n)
      ON CONFLICT (destination, hour, policy_version) DO UPDATE SET events = h.events + excluded.events`,
    [c.map((x) => x.destination), c.map((x) => x.policyVersion), c.map((x) => x.events), s.hour]);
    const fields = c.flatMap((x) => x.fields.map((f) => ({ d: x.destination, v: x.policyVersion, f })));
    await client.query(`INSERT INTO phiwall_disclosure_fields (destination, hour, policy_version, field)
      SELECT d, $4, v, f FROM unnest($1::text[], $2::text[], $3::text[]) AS t(d, v, f) ON CONFLICT DO NOTHING`,
    [fields.map((x) => x.d), fields.map((x) => x.v), fields.map((x) => x.f), s.hour]);
    // One candidate per (destination, field): the first policy version in the batch, as SQLite does.
    const firsts = new Map<string, { d: string; f: string; v: string }>();
    for (const x of fields) if (!firsts.has(`${x.d}\u0000${x.f}`)) firsts.set(`${x.d}\u0000${x.f}`, x);
    const cand = [...firsts.values()].sort((a, b) => cmp(a.d, b.d) || cmp(a.f, b.f));
    const { rows } = await client.query<{ destination: string; field: string; policy_version: string }>(`INSERT INTO phiwall_disclosure_first_seen (destination, field, first_at, policy_version)
      SELECT d, f, $4, v FROM unnest($1::text[], $2::text[], $3::text[]) AS t(d, f, v) ON CONFLICT DO NOTHING
      RETURNING destination, field, policy_version`, [cand.map((x) => x.d), cand.map((x) => x.f), cand.map((x) => x.v), now]);
    if (s.events.length) {
      const e = s.events;
      await client.query(`INSERT INTO phiwall_disclosure_events (destination, time, policy_version, message_id, payload_sha256)
        SELECT d, $5, v, m, h FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(d, v, m, h)`,
      [e.map((x) => x.destination), e.map((x) => x.policyVersion), e.map((x) => x.messageId), e.map((x) => x.sha256), now]);
    }
    return rows.map((r) => ({ destination: r.destination, field: r.field, policyVersion: r.policy_version }));
  }

  async report(destination: string, from: number, to: number): Promise<DisclosureReport> {
    await this.pg.ready.ensure();
    const q = <T extends object>(sql: string, args: unknown[]) => this.pg.pool.query<T>(sql, args).then((r) => r.rows);
    const start = Math.floor(from / HOUR) * HOUR;
    const [hourly, fields, firsts, perEvent] = await Promise.all([
      q<{ hour: string; v: string; events: string }>('SELECT hour, policy_version AS v, events FROM phiwall_disclosure_hourly WHERE destination = $1 AND hour >= $2 AND hour < $3 ORDER BY hour, v', [destination, start, to]),
      q<{ hour: string; v: string; field: string }>('SELECT hour, policy_version AS v, field FROM phiwall_disclosure_fields WHERE destination = $1 AND hour >= $2 AND hour < $3 ORDER BY field', [destination, start, to]),
      q<{ field: string; first_at: string; policy_version: string }>(`SELECT field, first_at, policy_version FROM phiwall_disclosure_first_seen
        WHERE destination = $1 AND first_at >= $2 AND first_at < $3 ORDER BY first_at, field`, [destination, from, to]),
      q<{ n: string }>('SELECT COUNT(*) AS n FROM phiwall_disclosure_events WHERE destination = $1 AND time >= $2 AND time < $3', [destination, from, to]),
    ]);
    const fieldsOf = new Map<string, string[]>();
    for (const f of fields) { const k = `${f.hour}\u0000${f.v}`; fieldsOf.set(k, [...(fieldsOf.get(k) ?? []), f.field]); }
    return assembleReport(destination, from, to, {
      hourly: hourly.map((h) => ({ hour: Number(h.hour), policyVersion: h.v, events: Number(h.events), fields: (fieldsOf.get(`${h.hour}\u0000${h.v}`) ?? []).sort(cmp) })),
      newFields: firsts.map((r) => ({ field: r.field, firstAt: Number(r.first_at), policyVersion: r.policy_version })),
      perEventRows: Number(perEvent[0]?.n ?? 0),
    });
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
