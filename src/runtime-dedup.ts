import { join } from 'node:path';
import type { RulesFile } from './config/schema.js';
import { hashKeyOf } from './config/secrets.js';
import { errorCode } from './errors.js';
import { IngestDedup } from './spool/ingest-dedup.js';
import type { Spool } from './spool/port.js';
import { SHARED_CLAIMS_FILE, SharedClaims } from './spool/sqlite/shared-claims.js';

/** What the runtime's ingest dedup is built from (runtime.ts). */
export interface DedupParts {
  spool: Spool;
  rules: RulesFile;
  storageKind: string;
  dataDir: string;
  clusterWorker?: boolean;
  workerIndex?: number;
  onError: (what: string, code: string) => void;
}

/**
 * Retried POSTs' dedup (src/spool/ingest-dedup.ts), absent when the spool keeps no keys or the
 * config turns it off. Cluster workers on SQLite each have a spool: their claims meet in one
 * shared file (shared-claims.ts), whose claims a restarted worker settles first; their spools log
 * their keys for that alone (seen-keys.ts).
 */
export function buildIngestDedup(p: DedupParts): { dedup?: IngestDedup; sharedClaims?: SharedClaims } {
  const seen = p.spool.seen?.bind(p.spool);
  if (!seen || p.rules.spool?.dedup_retries === false) return {};
  let sharedClaims: SharedClaims | undefined;
  const clustered = p.clusterWorker === true && p.storageKind === 'sqlite';
  p.spool.seenKeysLogged?.(clustered);
  if (clustered) {
    sharedClaims = new SharedClaims({ path: join(p.dataDir, SHARED_CLAIMS_FILE), worker: p.workerIndex ?? 0, synchronous: p.rules.spool?.synchronous === 'full' ? 'FULL' : 'NORMAL', onError: p.onError });
    sharedClaims.recover(seen, Date.now()).catch((err: unknown) => p.onError('ingest claims recovery', errorCode(err)));
  }
  return { dedup: new IngestDedup({ seen }, hashKeyOf(p.rules), sharedClaims), sharedClaims };
}
