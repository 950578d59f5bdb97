import { join, resolve } from 'node:path';
import type { RulesFile } from '../config/schema.js';
import type { VisitorIds } from '../pipeline/project.js';
import type { Spool } from './port.js';
import { errorCode, StorageFileError } from '../errors.js';
import { PostgresSpool } from './postgres/postgres-spool.js';
import { PostgresVisitorIds } from './postgres/visitor-ids.js';
import { BACKGROUND_CHECKPOINT_MS } from './sqlite/checkpointer.js';
import { announceSpool, canAnnounceSpool } from './sqlite/primary-checkpoints.js';
import { SqliteSpool } from './sqlite/sqlite-spool.js';
import { otherConsumer } from './sqlite/consumer.js';
import { RandomVisitorIds } from './sqlite/visitor-ids.js';
import { SharedRandomVisitorIds } from './sqlite/shared-visitor-ids.js';
import { PSEUDO_IDS_FILE } from './sqlite/token-table.js';

export interface StorageOptions {
  dataDir: string;
  spoolPath?: string;
  maxPageCount?: number;
  onError?: (what: string, code: string) => void;
  /** Postgres: migrations ran after `failedAttempts` failed attempts (the database was unreachable at start). */
  onRecovered?: (failedAttempts: number) => void;
  /** A cluster worker: SQLite random ids live in `<data>/pseudo-ids.db`, shared by every worker. */
  clusterWorker?: boolean;
  /** SQLite: another live process consumes the spool file (a second collector on the same data directory). */
  onStandby?: (holder: { pid: number; host: string }) => void;
}

/** The shared state of a collector: its spool, and the table of random pseudonymous ids. */
export interface Storage {
  kind: 'sqlite' | 'postgres';
  spool: Spool;
  randomIds(secret: string, rotateMs: number): VisitorIds;
  /** SQLite only: the spool file's database, which also keeps disclosures owed to the ledger (governance/owed-store.ts). */
  db?: SqliteSpool['db'];
  /** Postgres only: the spool's pool and its gate `ready` (migrations ran), shared by the governance/audit/aggregate adapters. */
  postgres?: Pick<PostgresSpool, 'pool' | 'ready' | 'addMaintenance'>;
}

/** Picks the adapter named by `storage.kind` (SQLite, embedded, unless told otherwise). */
export function openStorage(rules: RulesFile, opts: StorageOptions): Storage {
  const spoolCfg = rules.spool;
  const limits = { maxRows: spoolCfg?.max_rows ?? 2_000_000, maxBytes: spoolCfg?.max_bytes ?? 2 * 1024 ** 3, groupCommitMs: spoolCfg?.group_commit_ms ?? 2 };
  const storage = rules.storage;
  if (storage?.kind === 'postgres' && storage.url !== undefined) {
    const spool = new PostgresSpool({ ...limits, url: storage.url, pool: storage.pool, deadLetterDays: spoolCfg?.dead_letter_days ?? 14, onError: opts.onError, onRecovered: opts.onRecovered });
    return { kind: 'postgres', spool, randomIds: (secret, rotateMs) => new PostgresVisitorIds(spool, secret, rotateMs), postgres: spool };
  }
  const path = opts.spoolPath ?? join(opts.dataDir, 'spool.db');
  const synchronous = spoolCfg?.synchronous ?? 'normal';
  const onCheckpointError = (code: string) => opts.onError?.('spool checkpoint', code);
  // WAL checkpoints off the event loop: by the cluster primary for a worker, else by a thread (checkpointer.ts).
  const byPrimary = opts.clusterWorker === true && canAnnounceSpool();
  let spool: SqliteSpool;
  try {
    spool = new SqliteSpool({ ...limits, path, synchronous, maxPageCount: opts.maxPageCount, ...(byPrimary ? {} : { backgroundCheckpointMs: BACKGROUND_CHECKPOINT_MS, onCheckpointError }) });
  } catch (err) {
    // A corrupt page found while opening (SQLITE_CORRUPT) is said like a file SQLite cannot open.
    throw err instanceof StorageFileError || !errorCode(err).startsWith('SQLITE_') ? err : new StorageFileError(path, err);
  }
  if (byPrimary) announceSpool(path);
  const holder = otherConsumer(spool.db, Date.now());
  if (holder) opts.onStandby?.(holder);
  return { kind: 'sqlite', spool, db: spool.db, randomIds: (secret, rotateMs) => sqliteRandomIds(spool, secret, rotateMs, path, synchronous, opts) };
}

/** One process keeps tokens in its spool's group commit; cluster workers share one token file. */
function sqliteRandomIds(spool: SqliteSpool, secret: string, rotateMs: number, spoolPath: string, synchronous: 'normal' | 'full', opts: StorageOptions): VisitorIds {
  const shared = join(opts.dataDir, PSEUDO_IDS_FILE);
  const onError = opts.onError ?? (() => undefined);
  if (!opts.clusterWorker) return new RandomVisitorIds(spool, secret, rotateMs, shared, onError);
  const legacySpool = join(opts.dataDir, 'spool.db');
  return new SharedRandomVisitorIds({ path: shared, legacySpool, ownsLegacy: resolve(spoolPath) === resolve(legacySpool), synchronous: synchronous === 'full' ? 'FULL' : 'NORMAL', onError }, secret, rotateMs);
}
