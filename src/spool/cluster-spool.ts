import { answerClusterCalls, clusterCall, inCluster } from '../common/cluster-ipc.js';
import { PhiwallError } from '../errors.js';
import type { RulesFile } from '../config/schema.js';
import { replayDeadLetters, type ReplayOutcome, type ReplayRequest } from '../delivery/replay.js';
import type { Spool, SpoolStats } from './port.js';

// In a cluster each worker owns its own SQLite spool file, so the backlog an operator sees
// (admin /stats) and the dead letters an admin replays must span every worker's spool, not the
// one worker the request happened to land on. The workers answer over the cluster IPC channel
// with their own spool's figures: each spool's counters stay with its only writer, and nothing
// here depends on the spool's file layout. A shared (Postgres) spool is already the whole
// collector's: one worker's answer is complete.

const STATS_OP = 'spool-stats';
const REPLAY_OP = 'dlq-replay';

/** Workers configured, and those whose spool is in a figure (a worker that did not answer in time is missing). */
export interface WorkersReporting { configured: number; reporting: number }

/**
 * Registers this worker's answers to the cluster-wide spool questions (`phiwall serve`, cluster
 * worker). A replay is decided again by each worker against its own current config (`rules`).
 */
export function answerSpoolCalls(spool: Spool, rules: () => RulesFile): void {
  answerClusterCalls(STATS_OP, () => spool.stats());
  answerClusterCalls(REPLAY_OP, (req) => {
    if (!isRequest(req)) throw new TypeError('replay request');
    return replayDeadLetters([spool], rules(), { destination: req.destination, code: req.code });
  });
}

const isRequest = (r: unknown): r is ReplayRequest => typeof r === 'object' && r !== null && typeof (r as ReplayRequest).destination === 'string'
  && ((r as ReplayRequest).code === undefined || typeof (r as ReplayRequest).code === 'string');
const isOutcome = (o: unknown): o is ReplayOutcome => typeof o === 'object' && o !== null && ('refused' in o || typeof (o as { replayed?: unknown }).replayed === 'number');

const isStats = (s: unknown): s is SpoolStats => typeof s === 'object' && s !== null && typeof (s as SpoolStats).pending === 'number' && typeof (s as SpoolStats).byDestination === 'object';

function sumStats(all: readonly SpoolStats[]): SpoolStats {
  const total: SpoolStats = { pending: 0, leased: 0, dead: 0, bytes: 0, byDestination: {} };
  for (const s of all) {
    total.pending += s.pending; total.leased += s.leased; total.dead += s.dead; total.bytes += s.bytes;
    for (const [d, v] of Object.entries(s.byDestination)) {
      const t = total.byDestination[d] ?? { pending: 0, dead: 0 };
      total.byDestination[d] = { pending: t.pending + v.pending, dead: t.dead + v.dead };
    }
  }
  return total;
}

const clustered = (shared: boolean) => inCluster() && !shared;

/** Spool figures of the whole collector; in a cluster, with how many workers' spools they include. */
export async function collectorSpoolStats(spool: Spool, shared: boolean): Promise<SpoolStats & { workers?: WorkersReporting }> {
  if (!clustered(shared)) return spool.stats();
  const reply = await clusterCall(STATS_OP).catch(() => undefined);
  if (!reply) return { ...await spool.stats(), workers: { configured: 1, reporting: 1 } };
  const answers = reply.results.filter(isStats);
  return { ...sumStats(answers), workers: { configured: reply.workers, reporting: answers.length } };
}

/** Replays dead letters in every worker's spool (each worker decides against its own config); sums what moved. */
export async function replayDeadEverywhere(spool: Spool, shared: boolean, req: ReplayRequest, rules: RulesFile): Promise<ReplayOutcome & { workers?: WorkersReporting }> {
  if (!clustered(shared)) return replayDeadLetters([spool], rules, req);
  const reply = await clusterCall(REPLAY_OP, { destination: req.destination, ...(req.code ? { code: req.code } : {}) })
    .catch(() => { throw new PhiwallError('PW_ERR_SPOOL_UNAVAILABLE', { detail: 'cluster' }); });
  const outcomes = reply.results.filter(isOutcome);
  const workers = { configured: reply.workers, reporting: outcomes.length };
  let replayed = 0, kept = 0;
  for (const o of outcomes) { if ('replayed' in o) replayed += o.replayed; kept += o.kept ?? 0; }
  const refusal = outcomes.find((o): o is Extract<ReplayOutcome, { refused: string }> => 'refused' in o && o.refused !== 'BAA_EXPIRED');
  if (replayed === 0 && refusal) return { refused: refusal.refused, workers };
  if (replayed === 0 && kept > 0) return { refused: 'BAA_EXPIRED', kept, workers };
  return { replayed, kept, workers };
}
