import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ASK_TIMEOUT_MS, isMsg } from '../common/cluster-ipc.js';
import { ConfigError } from '../errors.js';
import { cpuQuota, type CgroupRoots } from './cpu-quota.js';
import { createLogger, type Logger } from '../observability/log.js';
import { flag, type ParsedArgs } from './args.js';
import { v8PoolSize, workerExecArgv } from './worker-flags.js';
import { BACKGROUND_CHECKPOINT_MS } from '../spool/sqlite/checkpointer.js';
import { PrimaryCheckpoints } from '../spool/sqlite/primary-checkpoints.js';

// `phiwall serve --workers N`: Node's cluster module behind one port (the primary accepts and
// hands connections round-robin). Each worker owns its own SQLite spool: one writer per file
// means no SQLITE_BUSY and no cross-process lock on the spool's hot path (bench/results/latest.md
// has the measurements). Worker 0 keeps `<data>/spool.db`, so `--workers 1` and older data dirs are
// unchanged; worker i > 0 uses `<data>/w<i>/spool.db`. What makes the workers one collector:
// random pseudonymous ids in one shared file (src/spool/sqlite/shared-visitor-ids.ts), and
// cluster-wide answers (/metrics, admin spool stats) relayed here over the IPC channel.

/** Set by the primary in each worker's environment. */
export const WORKER_INDEX_ENV = 'PHIWALL_WORKER_INDEX';
const MAX_WORKERS = 64;
const RESTART_DELAY_MS = 1000;

/** How many workers `serve` runs, and why (logged once at start: counts only). */
export interface WorkerChoice {
  workers: number;
  /** `os.availableParallelism()`: the cores this process may run on. */
  cores: number;
  /** The cgroup CPU quota in whole CPUs; absent when there is none (or `--workers N` was given). */
  cpuQuota?: number;
  reason: 'flag' | 'cores' | 'cpu quota';
}

/**
 * `--workers N|auto`, else PHIWALL_WORKERS, else `auto`: one worker per CPU the process may use,
 * so a collector uses the machine it is given (one Node process uses about one core): the cores,
 * capped by a container's CPU quota. `--workers 1` runs the collector in this process, with no primary.
 */
export function chooseWorkers(args: ParsedArgs, roots?: CgroupRoots): WorkerChoice {
  const raw = flag(args, 'workers', process.env.PHIWALL_WORKERS ?? 'auto');
  const cores = availableParallelism();
  if (raw === 'auto') {
    const quota = cpuQuota(roots);
    if (quota === undefined || quota >= cores) return { workers: Math.max(1, cores), cores, ...(quota === undefined ? {} : { cpuQuota: quota }), reason: 'cores' };
    return { workers: Math.max(1, Math.min(quota, MAX_WORKERS)), cores, cpuQuota: quota, reason: 'cpu quota' };
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new ConfigError([`${typeof args.flags.get('workers') === 'string' ? '--workers' : 'PHIWALL_WORKERS'}: must be an integer from 1 to ${MAX_WORKERS}`]);
  return { workers: n, cores, reason: 'flag' };
}

export function workerCount(args: ParsedArgs, roots?: CgroupRoots): number {
  return chooseWorkers(args, roots).workers;
}

/** This process's worker index, or undefined when not running under the cluster primary. */
export function workerIndex(): number | undefined {
  if (!cluster.isWorker) return undefined;
  const n = Number(process.env[WORKER_INDEX_ENV]);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Spool file of worker `index` (worker 0 and a single process share the historical path). */
export function spoolPathFor(dataDir: string, index: number | undefined): string {
  return index === undefined || index === 0 ? join(dataDir, 'spool.db') : join(dataDir, `w${index}`, 'spool.db');
}

/**
 * Runs the cluster primary: forks `count` workers, restarts one that dies after it was
 * listening, forwards SIGHUP (reload) and SIGTERM/SIGINT (drain), and exits once every worker
 * has exited. A worker that dies before listening (bad config, port taken) stops the cluster
 * with exit code 1 rather than crash-looping. Worker 0 starts alone and the others once it
 * listens: it validates the config (and the port) for all of them, so a bad config is printed
 * once, by one worker, instead of once per worker. The primary does not load the config itself:
 * it stays a small process without the collector's code (src/cli/primary.ts).
 */
export function runPrimary(choice: WorkerChoice, log: Logger = createLogger()): void {
  const count = choice.workers;
  const indexOf = new Map<number, number>();
  const listened = new Set<number>();
  let clusterUp = false; // a worker listened once: the config and the port are good
  let stopping = false, failed = false;
  // The workers' spool files, checkpointed here rather than on their event loops (primary-checkpoints.ts).
  const checkpoints = new PrimaryCheckpoints(BACKGROUND_CHECKPOINT_MS, (code) => log.error({ code }, 'spool checkpoint failed'));
  const exit = () => { checkpoints.close(); process.exit(failed ? 1 : 0); };
  const fork = (index: number) => {
    const w = cluster.fork({ [WORKER_INDEX_ENV]: String(index) });
    indexOf.set(w.id, index);
    // An IPC send to a worker that just died reports here; its 'exit' handles the rest.
    w.on('error', (err: Error & { code?: string }) => log.warn({ worker: index, code: err.code ?? err.name }, 'worker ipc error'));
  };
  const live = (): Worker[] => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, workers: live().length }, 'stopping workers');
    for (const w of live()) w.process.kill(signal === 'SIGINT' ? 'SIGTERM' : signal);
    if (live().length === 0) exit();
  };
  let othersForked = count === 1;
  cluster.on('listening', (w) => {
    listened.add(w.id); clusterUp = true;
    if (othersForked || stopping || indexOf.get(w.id) !== 0) return;
    othersForked = true;
    for (let i = 1; i < count; i++) fork(i);
  });
  cluster.on('exit', (w, code, signal) => {
    const index = indexOf.get(w.id) ?? -1;
    indexOf.delete(w.id);
    if (!stopping && afterWorkerExit(listened.has(w.id), clusterUp, signal) === 'stop') {
      log.error({ worker: index, code, signal }, 'worker exited before listening; stopping');
      failed = true;
      stopAll('SIGTERM');
    } else if (!stopping) {
      log.error({ worker: index, code, signal }, 'worker died; restarting');
      setTimeout(() => { if (!stopping) fork(index); }, RESTART_DELAY_MS);
    }
    listened.delete(w.id);
    if (stopping && live().length === 0) exit();
  });
  relayClusterCalls(count, () => live().filter((w) => listened.has(w.id)));
  cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS, v8PoolSize(Math.min(choice.cores, choice.cpuQuota ?? choice.cores), count)) });
  forwardSignals(stopAll, () => live().filter((w) => listened.has(w.id)));
  log.info({ ...choice }, 'phiwall primary starting workers');
  fork(0);
}

/**
 * What the primary does when a worker exits unasked. One that had listened is restarted. One that
 * exits before it listened stops the cluster (a bad config or a taken port: no crash loop),
 * except one killed by a signal (SIGKILL, the OOM killer) once another worker has listened (the
 * config and the port are good then): it is restarted. Such a kill of a worker still starting
 * (a restart, or the second worker at boot) used to stop every worker, for good (exit 1).
 */
export function afterWorkerExit(listened: boolean, clusterUp: boolean, signal: string | null): 'restart' | 'stop' {
  return listened || (clusterUp && signal !== null) ? 'restart' : 'stop';
}

/** SIGTERM/SIGINT drain the cluster; SIGHUP (reload) goes to the listening workers only. */
function forwardSignals(stopAll: (signal: NodeJS.Signals) => void, listening: () => Worker[]): void {
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGINT'));
  // A worker still starting has no SIGHUP handler yet (the default would kill it), and it reads
  // the current config anyway.
  process.on('SIGHUP', () => { for (const w of listening()) w.process.kill('SIGHUP'); });
}

interface Pending { caller: Worker; callerId: number; waiting: Set<number>; results: unknown[]; timer: NodeJS.Timeout }

/**
 * Relays cluster-wide questions (src/common/cluster-ipc.ts): a worker's `call` goes to every
 * listening worker as an `ask`; the answers go back to the caller as one `result`, after every
 * worker answered or ASK_TIMEOUT_MS, whichever comes first, so one stuck worker costs a scrape
 * a second, not the answer. The primary never looks inside the answers.
 */
function relayClusterCalls(count: number, listening: () => Worker[]): void {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const finish = (id: number) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    if (!p.caller.isDead() && p.caller.isConnected()) p.caller.send({ pw: 'result', id: p.callerId, results: p.results, workers: count });
  };
  cluster.on('message', (from: Worker, msg: unknown) => {
    if (isMsg(msg, 'call')) {
      const id = nextId++;
      const targets = listening().filter((w) => w.isConnected());
      pending.set(id, { caller: from, callerId: msg.id, waiting: new Set(targets.map((w) => w.id)), results: [], timer: setTimeout(() => finish(id), ASK_TIMEOUT_MS) });
      for (const w of targets) w.send({ pw: 'ask', id, op: msg.op, arg: msg.arg });
      if (targets.length === 0) finish(id);
    } else if (isMsg(msg, 'answer')) {
      const p = pending.get(msg.id);
      if (!p || !p.waiting.delete(from.id)) return;
      if (msg.ok) p.results.push(msg.result);
      if (p.waiting.size === 0) finish(msg.id);
    }
  });
}
