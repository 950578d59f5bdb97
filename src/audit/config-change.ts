import type Database from 'better-sqlite3';
import type { PoolClient } from 'pg';
import type { AuditEntry } from './audit-log.js';

// "One config.reload record per change of the config hash", decided by the chain itself: a
// record made with `ifConfigChanged` is written only when the hash the chain recorded last (a
// load or an applied reload, whoever wrote it) differs from its `configAfter`, under the chain's
// write lock, so of several cluster workers noticing the same change exactly one records it
// (src/admin/reload-audit.ts). Its `configBefore` defaults to that last recorded hash.

/** The entry to write, or undefined when the condition says the chain already shows this config. */
export function unlessConfigSame(entry: AuditEntry, lastConfig: string | undefined): AuditEntry | undefined {
  if (!entry.ifConfigChanged) return entry;
  // A chain with no config hash yet: the config.load that follows names the config.
  if (lastConfig === undefined || lastConfig === entry.configAfter) return undefined;
  return { ...entry, configBefore: entry.configBefore ?? lastConfig };
}

const LAST_CONFIG = (table: string) => `SELECT config_after AS h FROM ${table} WHERE config_after IS NOT NULL ORDER BY seq DESC LIMIT 1`;

/** The config hash the shared chain recorded last (call under the chain's lock). */
export async function lastConfigHashPg(client: PoolClient): Promise<string | undefined> {
  return (await client.query<{ h: string }>(LAST_CONFIG('phiwall_audit_log'))).rows[0]?.h;
}

/** The config hash the SQLite chain recorded last (call in the append transaction). */
export function lastConfigHashSqlite(db: Database.Database): string | undefined {
  return (db.prepare(LAST_CONFIG('audit_log')).get() as { h: string } | undefined)?.h;
}
