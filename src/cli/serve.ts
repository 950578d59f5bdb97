import { serve } from '@hono/node-server';
import { watch, type FSWatcher } from 'node:fs';
import { buildApp } from '../server/app.js';
import { startAdminServer } from '../admin/server.js';
import { Runtime } from '../runtime.js';
import { DEFAULT_CONFIG, DEFAULT_DATA, flag, type ParsedArgs } from './args.js';
import { runPrimary, spoolPathFor, workerCount, workerIndex } from './workers.js';

export async function serveCommand(args: ParsedArgs): Promise<void> {
  const index = workerIndex();
  if (index === undefined) {
    const count = workerCount(args);
    if (count > 1) { runPrimary(count); return; }
  }
  const dataDir = flag(args, 'data', DEFAULT_DATA);
  const runtime = new Runtime({ configPath: flag(args, 'config', DEFAULT_CONFIG), dataDir, spoolPath: spoolPathFor(dataDir, index) });
  const serverCfg = runtime.config.rules.server;
  const port = Number(flag(args, 'port', process.env.PORT ?? String(serverCfg?.port ?? 8080)));
  const host = flag(args, 'host', serverCfg?.host ?? '0.0.0.0');
  const app = buildApp(runtime);
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
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
    for (const w of watchers) w.close();
    adminServer?.close();
    const hardStop = setTimeout(() => process.exit(1), timeout + 2000);
    hardStop.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.shutdown(timeout);
    process.exit(0);
  };
  process.on('SIGTERM', () => { void stop('SIGTERM'); });
  process.on('SIGINT', () => { void stop('SIGINT'); });
}

/** Hot reload on file change, debounced (editors write in several steps). */
function watchConfig(runtime: Runtime): FSWatcher[] {
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { void runtime.reload(); }, 300);
  };
  return runtime.config.files.flatMap((file) => {
    try { return [watch(file, schedule)]; } catch { return []; }
  });
}
