// The governance store port: authorizations and suppressions, keyed by subject keys (keyed
// hashes, never raw ids). Adapters: ./store.ts (SQLite, per instance) and ./postgres-store.ts
// (shared by every instance). Conformance suite: tests/governance/governance-store.case.ts.

export interface AuthorizationRecord {
  id: string;
  scope: string;
  source: string;
  site: string;
  createdAt: number;
  expiresAt: number;
  revokedAt?: number;
}

export interface GovernanceStore {
  addAuthorization(subjectKey: string, scope: string, source: string, site: string, expiresAt: number, now: number): Promise<string>;
  /** Only the site that recorded an authorization may revoke it. */
  revokeAuthorization(id: string, site: string, now: number): Promise<boolean>;
  listAuthorizations(site: string): Promise<AuthorizationRecord[]>;
  /** True when the subject was not suppressed before. */
  suppress(subjectKey: string, actor: string, now: number): Promise<boolean>;
  /**
   * Shared stores answer asynchronously: the runtime awaits this for a request's subject keys
   * before the pipeline runs, and the synchronous checks below answer from what it loaded.
   * A rejection fails the request closed (503).
   */
  prepare?(subjectKeys: readonly string[], now: number): Promise<void>;
  /** Per event, synchronous. Throws (the event fails closed) for a key that was not prepared. */
  isSuppressed(subjectKeys: readonly string[]): boolean;
  /** Per event, synchronous: a valid (unrevoked, unexpired) authorization covering the scope. False when not prepared. */
  authorized(subjectKeys: readonly string[], scope: string, now: number): boolean;
  /** Delivery time: which of these keys are suppressed now. */
  suppressedAmong(subjectKeys: readonly string[]): Promise<Set<string>>;
}
