import type Database from 'better-sqlite3';

/**
 * Rows spooled before the spool stored governance metadata itself had it in `spool_meta` of
 * the governance database. Read-only fallback for those rows (so an upgrade never sends a
 * suppressed subject's queued or dead-lettered event); pruned by age, no longer written.
 */
export class LegacySpoolMeta {
  private readonly get: Database.Statement | undefined;

  constructor(private readonly db: Database.Database) {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'spool_meta'").get();
    this.get = exists ? db.prepare('SELECT policy_version AS v, subject_keys AS s FROM spool_meta WHERE message_id = ? AND destination = ?') : undefined;
  }

  meta(messageId: string, destination: string): { policyVersion: string; subjectKeys: string[] } | undefined {
    const r = this.get?.get(messageId, destination) as { v: string; s: string } | undefined;
    return r ? { policyVersion: r.v, subjectKeys: r.s ? r.s.split(',') : [] } : undefined;
  }

  prune(olderThan: number): void {
    if (this.get) this.db.prepare('DELETE FROM spool_meta WHERE created_at < ?').run(olderThan);
  }
}
