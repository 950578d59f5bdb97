import type { ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { Runtime } from '../runtime.js';
import { buildAdminApp, type AdminEnv } from './app.js';
import { serveHardened } from '../server/http-server.js';

/** The admin API on its own port (`admin.port`), loopback unless `admin.host` says otherwise. */
export function startAdminServer(runtime: Runtime): ServerType | undefined {
  const cfg = runtime.config.rules.admin;
  if (!cfg?.enabled || cfg.port === undefined) return undefined;
  const app = new Hono<AdminEnv>();
  app.route('/admin', buildAdminApp(runtime));
  return serveHardened({ fetch: app.fetch, port: cfg.port, hostname: cfg.host }, (info) => {
    runtime.log.info({ port: info.port }, 'phiwall admin API listening');
  });
}
