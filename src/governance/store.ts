import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { GOVERNANCE_SCHEMA } from './schema.js';

export interface AuthorizationRecord {
  id: string;
  scope: string;
  source: string;
  site: string;
  createdAt: number;
  expiresAt: number;
  revokedAt?: number;
}

/** Per spooled row: the policy version it was scrubbed under and its subjects' keys. */
export interface SpoolMeta {
  messageId: string;
  destination: string;
  policyVersion: string;
  subjectKeys: string[];
}

/**
 * Authorizations, suppressions and per-row spool metadata in the spool database. Lookups hit
 * SQLite every time (indexed, microseconds) so a revocation or suppression applies at once.
 */
const SUPPRESSION_RECHECK_MS = 1000;

export class GovernanceStore {
  private readonly stmt: ReturnType<GovernanceStore['prepare']>;

  constructor(private readonly db: Database.Database) {
    db.exec(GOVERNANCE_SCHEMA);
    this.stmt = this.prepare();
  }

  private prepare() {
    const db = this.db;
    return {
      authValid: db.prepare(`SELECT 1 FROM authorizations WHERE subject_key = ? AND scope = ? AND revoked_at IS NULL AND expires_at > ? LIMIT 1`),
      authInsert: db.prepare('INSERT INTO authorizations (id, subject_key, scope, source, site, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      authRevoke: db.prepare('UPDATE authorizations SET revoked_at = ? WHERE id = ? AND site = ? AND revoked_at IS NULL'),
      suppressed: db.prepare('SELECT 1 FROM suppressions WHERE subject_key = ?'),
      suppress: db.prepare('INSERT OR IGNORE INTO suppressions (subject_key, created_at, actor) VALUES (?, ?, ?)'),
      metaInsert: db.prepare('INSERT OR REPLACE INTO spool_meta (message_id, destination, policy_version, subject_keys, created_at) VALUES (?, ?, ?, ?, ?)'),
      metaGet: db.prepare('SELECT policy_version AS v, subject_keys AS s FROM spool_meta WHERE message_id = ? AND destination = ?'),
      metaDelete: db.prepare('DELETE FROM spool_meta WHERE message_id = ? AND destination = ?'),
    };
  }

  addAuthorization(subjectKey: string, scope: string, source: string, site: string, expiresAt: number, now: number): string {
    const id = 'auth_' + randomBytes(12).toString('base64url');
    this.stmt.authInsert.run(id, subjectKey, scope, source, site, now, expiresAt);
    return id;
  }

  /** Only the site that recorded an authorization may revoke it. */
  revokeAuthorization(id: string, site: string, now: number): boolean {
    return this.stmt.authRevoke.run(now, id, site).changes > 0;
  }

  authorized(subjectKeys: readonly string[], scope: string, now: number): boolean {
    return subjectKeys.some((k) => this.stmt.authValid.get(k, scope, now) !== undefined);
  }

  suppress(subjectKey: string, actor: string, now: number): boolean {
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

  /**
   * Written before the rows are spooled: a row never exists without its metadata (an enqueue
   * that fails afterwards leaves only an orphan, pruned by age).
   */
  writeMeta(rows: readonly SpoolMeta[], now: number): void {
    this.db.transaction(() => {
      for (const r of rows) this.stmt.metaInsert.run(r.messageId, r.destination, r.policyVersion, r.subjectKeys.join(','), now);
    })();
  }

  /** Metadata of rows long gone (delivered, dead-letter retention, failed enqueues). */
  pruneMeta(olderThan: number): number {
    return this.db.prepare('DELETE FROM spool_meta WHERE created_at < ?').run(olderThan).changes;
  }

  meta(messageId: string, destination: string): SpoolMeta | undefined {
    const r = this.stmt.metaGet.get(messageId, destination) as { v: string; s: string } | undefined;
    if (!r) return undefined;
    return { messageId, destination, policyVersion: r.v, subjectKeys: r.s ? r.s.split(',') : [] };
  }

  forgetMeta(messageId: string, destination: string): void {
    this.stmt.metaDelete.run(messageId, destination);
  }

  listAuthorizations(site: string): AuthorizationRecord[] {
    const rows = this.db.prepare('SELECT id, scope, source, site, created_at, expires_at, revoked_at FROM authorizations WHERE site = ? ORDER BY created_at').all(site) as
      { id: string; scope: string; source: string; site: string; created_at: number; expires_at: number; revoked_at: number | null }[];
    return rows.map((r) => ({ id: r.id, scope: r.scope, source: r.source, site: r.site, createdAt: r.created_at, expiresAt: r.expires_at, ...(r.revoked_at !== null ? { revokedAt: r.revoked_at } : {}) }));
  }
}
