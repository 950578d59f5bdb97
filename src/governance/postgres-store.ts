import type { PgHandle } from '../audit/postgres-schema.js';
import { newAuthorizationId, toRecord } from './store.js';
import type { AuthorizationRecord, GovernanceStore } from './store-port.js';

const GENERATION_MAX = 100_000;

/** What one subject key looked like at its last prepare: suppressed?, and valid authorizations (scope -> latest expiry). */
interface Snapshot { suppressed: boolean; auths: Map<string, number> }

/**
 * Authorizations and suppressions shared by every instance. The pipeline asks synchronously,
 * per event; the runtime first awaits `prepare()` for the request's subject keys, which reads
 * their current state in one round trip, so another instance's opt-out or revocation applies
 * to the next request. A key that was not prepared fails the event closed.
 */
export class PostgresGovernanceStore implements GovernanceStore {
  // Two generations (like the pseudonymous ids): a request's snapshot survives one rollover.
  private current = new Map<string, Snapshot>();
  private previous = new Map<string, Snapshot>();

  constructor(private readonly pg: PgHandle) {}

  async addAuthorization(subjectKey: string, scope: string, source: string, site: string, expiresAt: number, now: number): Promise<string> {
    const id = newAuthorizationId();
    await this.pg.ready.ensure();
    await this.pg.pool.query('INSERT INTO phiwall_authorizations (id, subject_key, scope, source, site, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [id, subjectKey, scope, source, site, now, expiresAt]);
    return id;
  }

  async revokeAuthorization(id: string, site: string, now: number): Promise<boolean> {
    await this.pg.ready.ensure();
    const res = await this.pg.pool.query('UPDATE phiwall_authorizations SET revoked_at = $1 WHERE id = $2 AND site = $3 AND revoked_at IS NULL RETURNING subject_key', [now, id, site]);
    // This instance stops using it at once (others on their next prepare of the subject).
    for (const r of res.rows as { subject_key: string }[]) this.forget(r.subject_key);
    return (res.rowCount ?? 0) > 0;
  }

  async listAuthorizations(site: string): Promise<AuthorizationRecord[]> {
    await this.pg.ready.ensure();
    const { rows } = await this.pg.pool.query<{ id: string; scope: string; source: string; site: string; created_at: string; expires_at: string; revoked_at: string | null }>(
      'SELECT id, scope, source, site, created_at, expires_at, revoked_at FROM phiwall_authorizations WHERE site = $1 ORDER BY created_at, id', [site]);
    return rows.map(toRecord);
  }

  async suppress(subjectKey: string, actor: string, now: number): Promise<boolean> {
    await this.pg.ready.ensure();
    const res = await this.pg.pool.query('INSERT INTO phiwall_suppressions (subject_key, created_at, actor) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [subjectKey, now, actor]);
    const snap = this.snapshot(subjectKey);
    if (snap) snap.suppressed = true;
    return (res.rowCount ?? 0) > 0;
  }

  async prepare(subjectKeys: readonly string[], now: number): Promise<void> {
    const keys = [...new Set(subjectKeys)];
    if (keys.length === 0) return;
    await this.pg.ready.ensure();
    const { rows } = await this.pg.pool.query<{ k: string; scope: string | null; e: string | null }>(
      `SELECT subject_key AS k, NULL::text AS scope, NULL::bigint AS e FROM phiwall_suppressions WHERE subject_key = ANY($1::text[])
       UNION ALL
       SELECT subject_key, scope, MAX(expires_at) FROM phiwall_authorizations
       WHERE subject_key = ANY($1::text[]) AND revoked_at IS NULL AND expires_at > $2 GROUP BY subject_key, scope`, [keys, now]);
    const fresh = new Map<string, Snapshot>(keys.map((k) => [k, { suppressed: false, auths: new Map() }]));
    for (const r of rows) {
      const snap = fresh.get(r.k);
      if (!snap) continue;
      if (r.scope === null) snap.suppressed = true;
      else snap.auths.set(r.scope, Number(r.e));
    }
    for (const [k, snap] of fresh) this.remember(k, snap);
  }

  isSuppressed(subjectKeys: readonly string[]): boolean {
    for (const k of subjectKeys) {
      const snap = this.snapshot(k);
      // Fail closed: without a prepared answer the event must not be forwarded.
      if (!snap) throw Object.assign(new Error('subject not prepared'), { code: 'PW_SUBJECT_NOT_PREPARED' });
      if (snap.suppressed) return true;
    }
    return false;
  }

  authorized(subjectKeys: readonly string[], scope: string, now: number): boolean {
    return subjectKeys.some((k) => (this.snapshot(k)?.auths.get(scope) ?? 0) > now);
  }

  async suppressedAmong(subjectKeys: readonly string[]): Promise<Set<string>> {
    const keys = [...new Set(subjectKeys)];
    if (keys.length === 0) return new Set();
    await this.pg.ready.ensure();
    const { rows } = await this.pg.pool.query<{ k: string }>('SELECT subject_key AS k FROM phiwall_suppressions WHERE subject_key = ANY($1::text[])', [keys]);
    return new Set(rows.map((r) => r.k));
  }

  private snapshot(key: string): Snapshot | undefined {
    return this.current.get(key) ?? this.previous.get(key);
  }

  private remember(key: string, snap: Snapshot): void {
    if (this.current.size >= GENERATION_MAX) { this.previous = this.current; this.current = new Map(); }
    this.current.set(key, snap);
    this.previous.delete(key);
  }

  private forget(key: string): void {
    const snap = this.snapshot(key);
    if (snap) snap.auths.clear();
  }
}
