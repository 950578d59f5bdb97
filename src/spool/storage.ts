import { join } from 'node:path';
import type { RulesFile } from '../config/schema.js';
import type { VisitorIds } from '../pipeline/project.js';
import type { Spool } from './port.js';
import { PostgresSpool } from './postgres/postgres-spool.js';
import { PostgresVisitorIds } from './postgres/visitor-ids.js';
import { SqliteSpool } from './sqlite/sqlite-spool.js';
import { RandomVisitorIds } from './sqlite/visitor-ids.js';

export interface StorageOptions {
  dataDir: string;
  spoolPath?: string;
  maxPageCount?: number;
  onError?: (what: string, code: string) => void;
}

/** The shared state of a collector: its spool, and the table of random pseudonymous ids. */
export interface Storage {
  kind: 'sqlite' | 'postgres';
  spool: Spool;
  randomIds(secret: string, rotateMs: number): VisitorIds;
  /** Postgres only: the spool's pool (migrated once `ready`), shared by the governance/audit adapters. */
  postgres?: Pick<PostgresSpool, 'pool' | 'ready' | 'addMaintenance'>;
}

/** Picks the adapter named by `storage.kind` (SQLite, embedded, unless told otherwise). */
export function openStorage(rules: RulesFile, opts: StorageOptions): Storage {
  const spoolCfg = rules.spool;
  const limits = { maxRows: spoolCfg?.max_rows ?? 2_000_000, maxBytes: spoolCfg?.max_bytes ?? 2 * 1024 ** 3, groupCommitMs: spoolCfg?.group_commit_ms ?? 2 };
  const storage = rules.storage;
  if (storage?.kind === 'postgres' && storage.url !== undefined) {
    const spool = new PostgresSpool({ ...limits, url: storage.url, pool: storage.pool, deadLetterDays: spoolCfg?.dead_letter_days ?? 14, onError: opts.onError });
    return { kind: 'postgres', spool, randomIds: (secret, rotateMs) => new PostgresVisitorIds(spool, secret, rotateMs), postgres: spool };
  }
  const spool = new SqliteSpool({
    ...limits,
    path: opts.spoolPath ?? join(opts.dataDir, 'spool.db'),
    synchronous: spoolCfg?.synchronous ?? 'normal',
    maxPageCount: opts.maxPageCount,
  });
  return { kind: 'sqlite', spool, randomIds: (secret, rotateMs) => new RandomVisitorIds(spool, secret, rotateMs) };
}
