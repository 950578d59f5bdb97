import { z } from 'zod';
import { answerClusterCalls, clusterCall, inCluster } from '../common/cluster-ipc.js';
import type { Logger } from '../observability/log.js';
import type { AuditEntry } from '../audit/audit-log.js';

// One `config.reload` audit record per config change in a `serve --workers N` cluster. Every
// worker reloads a changed config (its own file watch, SIGHUP from the primary), and an auditor
// wants one record per change, with the admin who made it:
// - a change applied through POST /admin/config is recorded by the worker that took the request,
//   with the admin as actor. Before that worker replaces the file it tells every worker the new
//   config's hash (a claim, awaited), so the file-watch reload of that config is not recorded again;
// - any other applied reload (an operator's edit, SIGHUP) is recorded by worker 0 only (a worker
//   that dies is restarted with its index, so there is always one);
// - a refused reload is recorded by every worker that refused it, with its index: refusals are
//   rare, and a worker whose plan diverges from the others must show in the audit.
// - a change no running worker 0 saw (an edit while worker 0 was restarting: the others reload
//   it unrecorded, and the restarted worker 0 just loads it) is recorded by the first worker that
//   starts with it: every starting worker records a `config.reload` (`details.at: 'start'`) made
//   conditional on the chain's last recorded config hash differing from its own, decided under
//   the chain's write lock (src/audit/config-change.ts), so it is written once across workers.
//   Worker 0's own file-watch records carry the same condition, so a restarted worker that
//   recorded the change first is not followed by a second record of it.
// If a claim does not reach worker 0 in time, the change is recorded twice (never zero times).
// A single process (`--workers 1`) is worker 0 with local claims: its admin change is recorded
// once, not again by its own file watch. Logs and
// `phiwall_config_reloads_total` stay per worker: summed over the cluster the counter counts
// worker reloads (several per change), which is what shows how many workers refused one.

const CONFIG_CLAIM_OP = 'config.claim';
/** Long enough for every worker's debounced file-watch reload; short enough that a later identical edit is recorded. */
const CLAIM_TTL_MS = 60_000;
const ClaimArg = z.string().regex(/^[0-9a-f]{16}$/);

/** What a cluster worker's Runtime asks before writing the record of an applied reload nobody named. */
export interface ReloadAuditPolicy {
  /** The cluster worker's index; undefined in a single process. */
  readonly worker: number | undefined;
  /** An admin call is about to apply the config with this hash and records it itself. */
  claim(configHash: string): void;
  /** Consulted for applied reloads without an actor (file watch, SIGHUP). */
  recordsApplied(configAfter: string): boolean;
  /** At start: the record of a change this process starts with that the chain does not show yet (written only if so), or none. */
  missedChange(configAfter: string, policyVersion: string): AuditEntry | undefined;
}

export class ClusterReloadAudit implements ReloadAuditPolicy {
  private readonly claims = new Map<string, number>();

  constructor(readonly worker: number | undefined) {}

  /** An admin call (on any worker) is about to apply the config with this hash and records it itself. */
  claim(configHash: string, now = Date.now()): void {
    for (const [hash, expires] of this.claims) if (expires <= now) this.claims.delete(hash);
    this.claims.set(configHash, now + CLAIM_TTL_MS);
  }

  recordsApplied(configAfter: string, now = Date.now()): boolean {
    const expires = this.claims.get(configAfter);
    const claimed = expires !== undefined && expires > now;
    // Claims answer the next reload only: a later one (a SIGHUP, an operator's edit back to the
    // same file, or an edit that overtook the admin's) is a new change and is recorded.
    this.claims.clear();
    return (this.worker ?? 0) === 0 && !claimed;
  }

  /** Also in a single process: a config edited while the collector was stopped is a change the chain should show. */
  missedChange(configAfter: string, policyVersion: string): AuditEntry | undefined {
    const details: Record<string, string | number> = { result: 'applied', at: 'start', policyVersion };
    if (this.worker !== undefined) details.worker = this.worker;
    return { actor: 'system', role: 'system', action: 'config.reload', configAfter, ifConfigChanged: true, details };
  }

  /** Answers other workers' claims (cluster IPC). */
  listen(): void {
    answerClusterCalls(CONFIG_CLAIM_OP, (arg) => {
      this.claim(ClaimArg.parse(arg));
      return true;
    });
  }
}

/**
 * Tells every worker (this one too; in a single process, only `local`) that an admin call
 * applies the config with this hash. A failure (primary gone, a worker slow) is logged and the apply goes
 * on: the worst case is a second record of the change by worker 0.
 */
export async function claimConfigChange(configHash: string, log: Logger, local: ReloadAuditPolicy | undefined): Promise<void> {
  if (!inCluster()) { local?.claim(configHash); return; }
  try {
    const reply = await clusterCall(CONFIG_CLAIM_OP, configHash);
    if (reply.results.length < reply.workers) log.warn({ answered: reply.results.length, workers: reply.workers }, 'config change claim not answered by every worker; the change may be audited twice');
  } catch (err) {
    log.warn({ code: (err as Error).message }, 'config change claim failed; the change may be audited twice');
  }
}
