import { Hono, type Context } from 'hono';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PhiwallError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { originAllowedByAnySite, preflightHeaders } from './cors.js';
import { handleSegment, type AppEnv } from './ingest.js';
import { routeType } from '../ingest/segment.js';
import { handleGtag } from './gtag-route.js';
import { handleConversions } from '../attribution/conversions-route.js';
import { mountAuthorizations } from '../governance/authorizations-route.js';
import { buildAdminApp } from '../admin/app.js';
import { renderMetrics } from '../observability/metrics.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function methodNotAllowed(c: Context, allow: string): never {
  c.header('Allow', allow);
  throw new PhiwallError('PW_ERR_METHOD_NOT_ALLOWED');
}

/**
 * Any other method on an ingest route (PUT, DELETE, a HEAD probe) is told which ones it takes,
 * not "no such route". Mounted after the routes' own handlers, so it never sees their methods.
 */
function refuseOtherMethods(app: Hono<AppEnv>): void {
  app.all('/v1/:kind', (c) => {
    const kind = c.req.param('kind');
    if (!routeType(kind) && kind !== 'conversions' && kind !== 'authorizations') throw new PhiwallError('PW_ERR_NOT_FOUND', { detail: '/v1/<kind>' });
    return methodNotAllowed(c, 'POST, OPTIONS');
  });
  app.all('/beacon/v1/batch', (c) => methodNotAllowed(c, 'POST, OPTIONS'));
  app.all('/g/collect', (c) => methodNotAllowed(c, 'GET, POST, OPTIONS'));
}

/** Builds the HTTP app. No I/O at import; everything comes from the runtime. */
export function buildApp(runtime: Runtime): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.onError((err, c) => {
    if (err instanceof PhiwallError) {
      if (err.status === 503) c.header('Retry-After', '5');
      return c.json({ success: false, error: err.toJSON() }, err.status as 400);
    }
    // Unknown errors never echo their message (it could quote a value).
    runtime.log.error({ name: (err as Error).name, code: (err as { code?: string }).code }, 'unhandled request error');
    return c.json({ success: false, error: { code: 'PW_ERR_INTERNAL', message: 'internal error' } }, 500);
  });
  app.notFound((c) => c.json({ success: false, error: { code: 'PW_ERR_NOT_FOUND', message: 'no such route' } }, 404));

  app.options('*', (c) => {
    const origin = c.req.header('origin');
    if (!origin || !originAllowedByAnySite(origin, runtime.plan)) throw new PhiwallError('PW_ERR_FORBIDDEN', { detail: 'origin not allowed' });
    return c.body(null, 204, preflightHeaders(origin));
  });

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    const writable = await runtime.spool.writable();
    return c.json({ ready: writable, plan: runtime.plan.version }, writable ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    const { text, contentType } = await renderMetrics(runtime.metrics, runtime.spool, runtime.storage.kind === 'postgres');
    return c.text(text, 200, { 'content-type': contentType });
  });

  app.post('/v1/conversions', (c) => handleConversions(c, runtime));
  mountAuthorizations(app, runtime);
  const admin = runtime.config.rules.admin;
  if (admin?.enabled && admin.port === undefined) app.route('/admin', buildAdminApp(runtime));
  app.post('/v1/:kind', (c) => handleSegment(c, runtime, c.req.param('kind')));
  app.post('/beacon/v1/batch', (c) => handleSegment(c, runtime, 'batch'));
  app.on(['GET', 'POST'], '/g/collect', (c) => handleGtag(c, runtime));
  const snippetPath = runtime.config.rules.server?.snippet_path ?? '/assets/site.js';
  app.get(snippetPath, (c) => {
    const file = join(ROOT, 'sdk/dist/phiwall.min.js');
    if (!existsSync(file)) return c.json({ success: false, error: { code: 'PW_ERR_NOT_FOUND', message: 'snippet not built (npm run build)' } }, 404);
    return c.body(readFileSync(file), 200, { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600, stale-while-revalidate=86400', 'access-control-allow-origin': '*' });
  });
  refuseOtherMethods(app);
  return app;
}
