import { mkdirSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from '../audit/audit-log.js';
import { AuditLog } from '../audit/audit-log.js';
import type { AuditChain, AuditClosed } from '../audit/port.js';
import { AUDIT_QUEUE_DEFAULTS, PostgresAuditChain } from '../audit/postgres-audit.js';
import type { PgHandle } from '../audit/postgres-schema.js';
import { errorCode } from '../errors.js';
import { openGovernanceDb } from '../governance/governance.js';

// `phiwall dlq replay|purge` changes what a destination will receive (or what can still be
// replayed), like POST /admin/dlq/replay, so it is written to the same audit chain: the
// deployment's (PostgreSQL with storage kind postgres, else <data>/governance.db, the file the
// collector's workers share). The store is opened before anything moves: if it cannot take the
// record, nothing is done (exit 1). A PostgreSQL write that fails after the action ran (the
// database went away meanwhile) is not lost: the record is journaled in the data directory and kept
// there at close, and the next collector start (or CLI audit) on that directory writes it.

export interface CliAudit {
  /** Who: `--actor` if given, else `cli:<OS user>`; the OS user and host go in the details either way. */
  readonly actor: string;
  readonly details: Record<string, string>;
  /** Resolves once written; rejects (with a code) otherwise. */
  record(action: string, details: NonNullable<AuditEntry['details']>): Promise<void>;
  /** Records still unconfirmed are kept in the data directory (`keptIn`) for the next start. */
  close(): Promise<AuditClosed>;
}

function osUser(): string {
  // userInfo throws where the uid has no passwd entry (some containers).
  try { return userInfo().username; } catch { return `uid:${process.getuid?.() ?? 'unknown'}`; }
}

/** Opens the chain, and with PostgreSQL waits until it is reachable and migrated (throws otherwise). */
export async function openCliAudit(dataDir: string, pg: PgHandle | undefined, actorFlag: string | undefined): Promise<CliAudit> {
  const user = osUser();
  const actor = (actorFlag && actorFlag.trim() !== '' ? actorFlag.trim() : `cli:${user}`).slice(0, 100);
  const details = { via: 'cli', osUser: user.slice(0, 100), host: hostname().slice(0, 100) };
  let chain: AuditChain;
  let closeDb = (): void => undefined;
  if (pg) {
    await pg.ready.ensure();
    mkdirSync(dataDir, { recursive: true });
    chain = new PostgresAuditChain(pg, (action, code) => process.stderr.write(`phiwall: audit write failed (${action}: ${code})\n`), {}, dataDir);
  } else {
    const db = openGovernanceDb(join(dataDir, 'governance.db'));
    closeDb = () => db.close();
    chain = new AuditLog(db);
  }
  return {
    actor, details,
    record: (action, extra) => chain.recordAdmitted({ actor, role: 'cli', action, details: { ...details, ...extra } }, AUDIT_QUEUE_DEFAULTS.deadlineMs),
    // A record that already missed its deadline gets one more second, not another full wait.
    close: async () => {
      try { return await chain.close(chain.queued > 0 ? 1_000 : AUDIT_QUEUE_DEFAULTS.deadlineMs); } finally { closeDb(); }
    },
  };
}

/** Records, or reports on stderr that the action happened unaudited; returns whether it was written. */
export async function recordOrReport(audit: CliAudit, action: string, details: NonNullable<AuditEntry['details']>): Promise<boolean> {
  try {
    await audit.record(action, details);
    return true;
  } catch (err) {
    process.stderr.write(`phiwall: ${action} done, but its audit record was not written yet (${errorCode(err)})\n`);
    return false;
  }
}
