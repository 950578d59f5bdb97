import cluster from 'node:cluster';
import { watch, type FSWatcher } from 'node:fs';
import { z } from 'zod';
import { buildApp } from '../server/app.js';
import { DEFAULT_SERVER_LIMITS, serveHardened, serverLimits, type ServerLimits } from '../server/http-server.js';
import { connectionBudget } from '../server/fd-limit.js';
import { continueCheck } from '../server/expect-continue.js';
import { startAdminServer } from '../admin/server.js';
import { Runtime } from '../runtime.js';
import { DEFAULT_CONFIG, DEFAULT_DATA, flag, type ParsedArgs } from './args.js';
import { ConfigError, errorCode } from '../errors.js';
import { chooseWorkers, runPrimary, spoolPathFor, workerIndex, type WorkerChoice } from './workers.js';
import { applyOwnNodeFlags } from './worker-flags.js';
import { ClusterReloadAudit } from '../admin/reload-audit.js';
import { answerClusterCalls } from '../common/cluster-ipc.js';
import { localMetricsJson, METRICS_OP } from '../observability/metrics.js';
import { watchEventLoop } from '../observability/loop-delay.js';
import { answerSpoolCalls } from '../spool/cluster-spool.js';

export async function serveCommand(args: ParsedArgs): Promise<void> {
  const index = workerIndex();
  let single: WorkerChoice | undefined;
  if (index === undefined) {
    single = chooseWorkers(args);
    if (single.workers > 1) { runPrimary(single); return; }
    // One process: no primary starts it with the workers' node flags (worker-flags.ts).
    applyOwnNodeFlags(process.execArgv, process.env.NODE_OPTIONS);
  }
  const portOverride = portFromFlagOrEnv(args);
  const dataDir = flag(args, 'data', DEFAULT_DATA);
  const reloadAudit = new ClusterReloadAudit(index);
  const runtime = new Runtime({ configPath: flag(args, 'config', DEFAULT_CONFIG), dataDir, spoolPath: spoolPathFor(dataDir, index), clusterWorker: index !== undefined, workerIndex: index, reloadAudit });
  if (single) runtime.log.info({ ...single }, 'phiwall runs one process');
  const serverCfg = runtime.config.rules.server;
  const port = portOverride ?? serverCfg?.port ?? 8080;
  const host = flag(args, 'host', serverCfg?.host ?? '0.0.0.0');
  watchEventLoop(runtime.metrics.registry); // lateness and GC pauses in /metrics, one watch per process (ends with it)
  const app = buildApp(runtime);
  const server = serveHardened({ fetch: app.fetch, port, hostname: host, limits: connectionLimits(runtime), continueCheck: continueCheck(runtime) }, (info) => {
    runtime.log.info({ port: info.port, plan: runtime.plan.version }, 'phiwall listening');
  });
  const adminServer = startAdminServer(runtime);
  const watchers = watchConfig(runtime);
  process.on('SIGHUP', () => { void runtime.reload(); });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const timeout = serverCfg?.shutdown_timeout_ms ?? 10_000;
    runtime.log.info({ signal }, 'draining');
    watchers.close();
    adminServer?.close();
    const hardStop = setTimeout(() => process.exit(1), timeout + 2000);
    hardStop.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    try {
      await runtime.shutdown(timeout);
    } catch (err) {
      // A spool that cannot write its last changes (a full disk) keeps its rows whole: they are sent
      // again after the restart (at least once). Logged by code; a stack trace says no more.
      runtime.log.error({ code: errorCode(err) }, 'shutdown incomplete; undelivered rows stay in the spool');
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => { void stop('SIGTERM'); });
  process.on('SIGINT', () => { void stop('SIGINT'); });
  if (index !== undefined) { reloadAudit.listen(); joinCluster(runtime, () => { void stop('primary gone'); }); }
}

/** The config's server limits, with max_connections lowered (and a warning naming the numbers) where the open-file limit would run out first (fd-limit.ts). */
function connectionLimits(runtime: Runtime): Partial<ServerLimits> {
  const limits = serverLimits(runtime.config.rules.server);
  const budget = connectionBudget(limits.maxConnections ?? DEFAULT_SERVER_LIMITS.maxConnections);
  if (budget) {
    limits.maxConnections = budget.effective;
    runtime.log.warn({ ...budget }, 'server.max_connections is more than the open-file limit leaves room for: connections capped at effective (raise LimitNOFILE / ulimit -n)');
  }
  return limits;
}

/**
 * `--port`, else PORT (empty counts as unset), checked before anything is opened: `--port abc` or
 * 99999 is refused like a bad config instead of a listen() stack trace, and `PORT=` does not
 * become port 0 (a random port). The config's `server.port` is checked by its schema.
 */
function portFromFlagOrEnv(args: ParsedArgs): number | undefined {
  const given = args.flags.get('port');
  const env = process.env.PORT === '' ? undefined : process.env.PORT;
  const raw = given ?? env;
  if (raw === undefined) return undefined;
  const port = PortText.safeParse(raw);
  if (!port.success) throw new ConfigError([`${given === undefined ? 'PORT' : '--port'}: must be an integer from 0 to 65535`]);
  return port.data;
}
const PortText = z.string().regex(/^\d{1,5}$/).transform(Number).pipe(z.number().max(65535));

/**
 * A cluster worker answers the other workers' questions (/metrics, admin stats), and stops when
 * its primary is gone (killed with SIGKILL, say): it drains what it holds and exits, so no
 * orphan keeps the SQLite files while a restarted collector opens them.
 */
function joinCluster(runtime: Runtime, stop: () => void): void {
  answerClusterCalls(METRICS_OP, () => localMetricsJson(runtime.metrics, runtime.spool));
  answerSpoolCalls(runtime.spool, () => runtime.config.rules);
  // Node's own handler exits the worker at once on an unexpected disconnect (after emitting the
  // worker's 'disconnect'): marking the exit as expected lets this worker drain first.
  cluster.worker?.once('disconnect', () => {
    if (cluster.worker) cluster.worker.exitedAfterDisconnect = true;
    stop();
  });
}

/**
 * Hot reload on file change, debounced (editors write in several steps). A file replaced by a
 * rename (editors; the admin API's atomic write) leaves the watch on the old inode, so the
 * watch is re-armed on the new file: in a cluster, the other workers learn of an admin-applied
 * config this way, every time.
 */
function watchConfig(runtime: Runtime): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const watchers = new Map<string, FSWatcher>();
  const arm = (file: string) => {
    if (watchers.has(file)) return;
    try {
      const w = watch(file, (event) => {
        if (event === 'rename') { w.close(); watchers.delete(file); }
        schedule();
      });
      watchers.set(file, w);
    } catch { /* missing mid-rewrite: re-armed when the reload it triggered runs */ }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const file of runtime.config.files) arm(file);
      void runtime.reload();
    }, 300);
  };
  for (const file of runtime.config.files) arm(file);
  return { close: () => { clearTimeout(timer); for (const w of watchers.values()) w.close(); } };
}
