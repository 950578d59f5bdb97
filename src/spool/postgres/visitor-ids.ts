import { randomBytes } from 'node:crypto';
import { VisitorKeyHasher } from '../visitor-key.js';
import type { VisitorIds } from '../../pipeline/project.js';
import type { PostgresSpool } from './postgres-spool.js';

const GENERATION_MAX = 100_000;

interface Row { k: string; d: string; p: string; t: string }
interface Wanted { key: string; destination: string; period: number; token: string; cacheKey: string }

/**
 * Random pseudonymous ids shared by every instance (see sqlite/visitor-ids.ts for the Safe
 * Harbor reasoning). The pipeline asks for ids synchronously, so the runtime first awaits
 * `prepare()` for a request's visitors: unknown ones get a fresh token inserted with ON
 * CONFLICT DO NOTHING, and when another instance won the race its token is read back, so
 * all instances hand a destination the same id for a visitor. Tokens never change once
 * written, which makes the per-instance cache safe.
 */
export class PostgresVisitorIds implements VisitorIds {
  // Two generations: entries prepared for a request in flight survive one rollover.
  private current = new Map<string, string>();
  private previous = new Map<string, string>();

  private readonly hasher: VisitorKeyHasher;

  constructor(private readonly spool: PostgresSpool, secret: string, private readonly rotateMs: number) {
    this.hasher = new VisitorKeyHasher(secret);
    spool.addMaintenance(async (client, now) => {
      await client.query('DELETE FROM phiwall_pseudo_ids WHERE period < $1', [Math.floor(now / this.rotateMs) - 1]);
    });
  }

  private cacheKeyOf(visitorKey: string, destination: string, period: number): { key: string; cacheKey: string } {
    const key = this.hasher.keyOf(visitorKey);
    return { key, cacheKey: `${key}|${destination}|${period}` };
  }

  private cached(cacheKey: string): string | undefined {
    return this.current.get(cacheKey) ?? this.previous.get(cacheKey);
  }

  private remember(cacheKey: string, token: string): void {
    if (this.current.size >= GENERATION_MAX) { this.previous = this.current; this.current = new Map(); }
    this.current.set(cacheKey, token);
  }

  /** Resolves (creating where needed) the ids of these visitors for these destinations. */
  async prepare(visitorKeys: readonly string[], destinations: readonly string[], now: number): Promise<void> {
    if (destinations.length === 0) return;
    const period = Math.floor(now / this.rotateMs);
    const wanted = new Map<string, Wanted>();
    for (const visitorKey of new Set(visitorKeys)) {
      for (const destination of destinations) {
        const { key, cacheKey } = this.cacheKeyOf(visitorKey, destination, period);
        if (this.cached(cacheKey) === undefined && !wanted.has(cacheKey)) {
          wanted.set(cacheKey, { key, destination, period, token: 'pw_' + randomBytes(12).toString('base64url'), cacheKey });
        }
      }
    }
    if (wanted.size === 0) return;
    await this.spool.ready.ensure();
    const list = [...wanted.values()];
    const cols = [list.map((w) => w.key), list.map((w) => w.destination), list.map((w) => w.period)];
    // One round trip: our inserts plus rows already committed (the CTE snapshot predates ours).
    const { rows } = await this.spool.pool.query<Row>(`WITH input AS (SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) AS t(k, d, p, tok)),
      ins AS (INSERT INTO phiwall_pseudo_ids (visitor_key, destination, period, token) SELECT k, d, p, tok FROM input
              ON CONFLICT DO NOTHING RETURNING visitor_key, destination, period, token)
      SELECT visitor_key AS k, destination AS d, period AS p, token AS t FROM ins
      UNION ALL
      SELECT x.visitor_key, x.destination, x.period, x.token FROM phiwall_pseudo_ids x JOIN input i ON x.visitor_key = i.k AND x.destination = i.d AND x.period = i.p`,
    [...cols, list.map((w) => w.token)]);
    for (const r of rows) this.remember(`${r.k}|${r.d}|${r.p}`, r.t);
    const missing = list.filter((w) => this.cached(w.cacheKey) === undefined);
    if (missing.length) await this.reread(missing);
  }

  /** Rows another instance committed while our insert waited on them: a new statement sees them. */
  private async reread(missing: Wanted[]): Promise<void> {
    const { rows } = await this.spool.pool.query<Row>(
      `SELECT visitor_key AS k, destination AS d, period AS p, token AS t FROM phiwall_pseudo_ids
       WHERE (visitor_key, destination, period) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]))`,
      [missing.map((w) => w.key), missing.map((w) => w.destination), missing.map((w) => w.period)]);
    for (const r of rows) this.remember(`${r.k}|${r.d}|${r.p}`, r.t);
  }

  idFor(visitorKey: string, destination: string, now: number): string {
    const { cacheKey } = this.cacheKeyOf(visitorKey, destination, Math.floor(now / this.rotateMs));
    const token = this.cached(cacheKey);
    // Fail closed: an id that was not prepared would be a second, divergent pseudonym.
    if (token === undefined) throw Object.assign(new Error('pseudonymous id not prepared'), { code: 'PW_ID_NOT_PREPARED' });
    return token;
  }
}
