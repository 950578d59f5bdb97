import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { GOVERNANCE_SCHEMA } from './schema.js';
import type { AuthorizationRecord, GovernanceStore } from './store-port.js';

export type { AuthorizationRecord } from './store-port.js';

export const newAuthorizationId = (): string => 'auth_' + randomBytes(12).toString('base64url');

/**
 * Authorizations and suppressions in the instance's governance database. Lookups hit SQLite
 * every time (indexed, microseconds) so a revocation applies at once; suppressions are
 * answered from memory (see isSuppressed).
 */
const SUPPRESSION_RECHECK_MS = 1000;

export class SqliteGovernanceStore implements GovernanceStore {
  private readonly stmt: ReturnType<SqliteGovernanceStore['prepareStatements']>;

  constructor(private readonly db: Database.Database) {
    db.exec(GOVERNANCE_SCHEMA);
    this.stmt = this.prepareStatements();
  }

  private prepareStatements() {
    const db = this.db;
    return {
      authValid: db.prepare(`SELECT 1 FROM authorizations WHERE subject_key = ? AND scope = ? AND revoked_at IS NULL AND expires_at > ? LIMIT 1`),
      authInsert: db.prepare('INSERT INTO authorizations (id, subject_key, scope, source, site, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      authRevoke: db.prepare('UPDATE authorizations SET revoked_at = ? WHERE id = ? AND site = ? AND revoked_at IS NULL'),
      suppress: db.prepare('INSERT OR IGNORE INTO suppressions (subject_key, created_at, actor) VALUES (?, ?, ?)'),
    };
  }

  async addAuthorization(subjectKey: string, scope: string, source: string, site: string, expiresAt: number, now: number): Promise<string> {
    const id = newAuthorizationId();
    this.stmt.authInsert.run(id, subjectKey, scope, source, site, now, expiresAt);
    return id;
  }

  async revokeAuthorization(id: string, site: string, now: number): Promise<boolean> {
    return this.stmt.authRevoke.run(now, id, site).changes > 0;
  }

  authorized(subjectKeys: readonly string[], scope: string, now: number): boolean {
    return subjectKeys.some((k) => this.stmt.authValid.get(k, scope, now) !== undefined);
  }

  async suppress(subjectKey: string, actor: string, now: number): Promise<boolean> {
    const added = this.stmt.suppress.run(subjectKey, now, actor).changes > 0;
    this.suppressedKeys?.add(subjectKey);
    return added;
  }

  /**
   * Checked for every event: answered from memory. The set is reloaded when the table changed
   * (checked at most every `SUPPRESSION_RECHECK_MS`, so other processes' opt-outs apply within it).
   */
  isSuppressed(subjectKeys: readonly string[]): boolean {
    const now = Date.now();
    if (!this.suppressedKeys || now - this.suppressedCheckedAt > SUPPRESSION_RECHECK_MS) this.refreshSuppressions(now);
    return subjectKeys.some((k) => this.suppressedKeys!.has(k));
  }

  async suppressedAmong(subjectKeys: readonly string[]): Promise<Set<string>> {
    // One freshness check per delivered batch, not one clock read and array per key.
    this.isSuppressed([]);
    const suppressed = this.suppressedKeys;
    if (!suppressed?.size) return new Set();
    return new Set(subjectKeys.filter((k) => suppressed.has(k)));
  }

  private suppressedKeys: Set<string> | undefined;
  private suppressedCheckedAt = 0;
  private suppressedVersion = '';

  private refreshSuppressions(now: number): void {
    this.suppressedCheckedAt = now;
    const v = this.db.prepare('SELECT COUNT(*) AS n, COALESCE(MAX(created_at), 0) AS t FROM suppressions').get() as { n: number; t: number };
    const version = `${v.n}:${v.t}`;
    if (this.suppressedKeys && version === this.suppressedVersion) return;
    const rows = this.db.prepare('SELECT subject_key AS k FROM suppressions').all() as { k: string }[];
    this.suppressedKeys = new Set(rows.map((r) => r.k));
    this.suppressedVersion = version;
  }

  async listAuthorizations(site: string): Promise<AuthorizationRecord[]> {
    const rows = this.db.prepare('SELECT id, scope, source, site, created_at, expires_at, revoked_at FROM authorizations WHERE site = ? ORDER BY created_at, id').all(site) as
      { id: string; scope: string; source: string; site: string; created_at: number; expires_at: number; revoked_at: number | null }[];
    return rows.map(toRecord);
  }
}

export function toRecord(r: { id: string; scope: string; source: string; site: string; created_at: number | string; expires_at: number | string; revoked_at: number | string | null }): AuthorizationRecord {
  const rec: AuthorizationRecord = { id: r.id, scope: r.scope, source: r.source, site: r.site, createdAt: Number(r.created_at), expiresAt: Number(r.expires_at) };
  if (r.revoked_at !== null) rec.revokedAt = Number(r.revoked_at);
  return rec;
}
