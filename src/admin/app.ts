import { Hono, type Context, type Next } from 'hono';
import { PhiwallError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import type { AppEnv } from '../server/ingest.js';
import { AdminKeys, roleAtLeast, type AdminIdentity, type Role } from './keys.js';
import { MinuteLimiter } from './rate-limit.js';
import { mountAdminRoutes } from './routes.js';

/** `audit`: ids and counts a route adds to its audit record (never values). */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;
export type AdminEnv = AppEnv & { Variables: { identity?: AdminIdentity; audit?: AuditDetails } };

/** Wraps a handler with a minimum role; 403 names the role needed, never more. */
export function needs(role: Role, handler: (c: Context<AdminEnv>, who: AdminIdentity) => Response | Promise<Response>) {
  return (c: Context<AdminEnv>) => {
    const who = c.get('identity');
    if (!who) throw new PhiwallError('PW_ERR_ADMIN_UNAUTHORIZED');
    if (!roleAtLeast(who.role, role)) throw new PhiwallError('PW_ERR_ADMIN_FORBIDDEN', { role: who.role, route: `${c.req.method} ${c.req.routePath}`, needed: role });
    return handler(c, who);
  };
}

/**
 * The admin API (`/admin/*`): bearer keys with roles, rate limited, every call audited
 * (who, role, route, status), errors as JSON. Mounted by the server only when enabled.
 */
export function buildAdminApp(runtime: Runtime): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const keys = new AdminKeys(runtime.governance.db, () => runtime.config.rules.admin?.keys ?? []);
  const limiter = new MinuteLimiter(() => runtime.config.rules.admin?.rate_per_minute ?? 120);
  app.onError((err, c) => {
    if (err instanceof PhiwallError) {
      // When to come back: the limiter's windows are clock minutes; a 503 is the audit store's.
      if (err.status === 429) c.header('Retry-After', String(60 - Math.floor((Date.now() % 60_000) / 1000)));
      if (err.status === 503) c.header('Retry-After', '5');
      return c.json({ success: false, error: err.toJSON() }, err.status as 400);
    }
    runtime.log.error({ name: (err as Error).name, code: (err as { code?: string }).code }, 'admin request error');
    return c.json({ success: false, error: { code: 'PW_ERR_INTERNAL', message: 'internal error' } }, 500);
  });
  app.notFound((c) => c.json({ success: false, error: { code: 'PW_ERR_NOT_FOUND', message: 'no such admin route' } }, 404));
  // Every call is audited: one whose record could not be written now is refused before it runs
  // (503). It cannot be audited, so it is counted (caller not yet known: role none).
  app.use('*', async (_c, next) => {
    try {
      runtime.governance.admit();
    } catch (err) {
      runtime.governance.metrics.adminRequests.inc({ role: 'none', status: '503' });
      throw err;
    }
    await next();
  });
  app.use('*', (c, next) => audited(c, next, runtime));
  app.use('*', async (c, next) => {
    const auth = c.req.header('authorization');
    const token = auth?.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : undefined;
    const who = keys.verify(token);
    const caller = who ? `key:${who.name}` : `addr:${c.env?.incoming?.socket?.remoteAddress ?? 'unknown'}`;
    if (!limiter.take(caller)) throw new PhiwallError('PW_ERR_RATE_LIMITED');
    if (!who) throw new PhiwallError('PW_ERR_ADMIN_UNAUTHORIZED');
    c.set('identity', who);
    await next();
  });
  mountAdminRoutes(app, runtime, keys);
  return app;
}

async function audited(c: Context<AdminEnv>, next: Next, runtime: Runtime): Promise<void> {
  await next();
  const who = c.get('identity');
  const status = c.res.status;
  runtime.governance.metrics.adminRequests.inc({ role: who?.role ?? 'none', status: String(status) });
  // Awaited: an admin call is answered only once its audit record is written (shared chain too).
  // Not written by the deadline: 503 PW_ERR_AUDIT_PENDING instead of the route's answer (the
  // action took effect; its record stays queued and is written once the store is back).
  await runtime.governance.recorded({
    actor: who?.name ?? 'anonymous', role: who?.role ?? 'none',
    action: `admin ${c.req.method} ${new URL(c.req.url).pathname.slice(0, 120)}`,
    details: { status, ...(c.get('audit') ?? {}) },
  });
}
