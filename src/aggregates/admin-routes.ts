import { Hono } from 'hono';
import { z } from 'zod';
import { MODELS, parseModel } from '../attribution/models.js';
import { AggregateDestination } from '../destinations/aggregate.js';
import { issuesDetail, PhiwallError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { DAY_MS } from './options.js';
import { makeRng } from './noise.js';
import { attributionRows, loadAttribution, rollupRows, type ViewPolicy } from './views.js';

// Read-only k-anonymous reports for the admin API. No authentication here: mount it behind
// the admin auth, e.g. `admin.route('/reports', buildReportsApp(runtime))`.

const Query = z.strictObject({
  destination: z.string().max(64).optional(),
  model: z.string().max(32).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
});

function parseQuery(q: Record<string, string>): z.infer<typeof Query> {
  const parsed = Query.safeParse(q);
  if (!parsed.success) throw new PhiwallError('PW_ERR_INVALID_EVENT', { detail: issuesDetail(parsed.error.issues, 'query', Infinity) });
  return parsed.data;
}

function findDest(runtime: Runtime, name: string | undefined, needAttribution: boolean): AggregateDestination {
  const dest = runtime.plan.destinations.map((d) => d.destination)
    .find((d): d is AggregateDestination => d instanceof AggregateDestination && (!name || d.name === name) && (!needAttribution || d.config.attribution !== undefined));
  if (!dest) throw needAttribution ? new PhiwallError('PW_ERR_NO_ATTRIBUTION') : new PhiwallError('PW_ERR_NOT_FOUND', { detail: 'aggregate destination' });
  return dest;
}

function policyOf(dest: AggregateDestination): ViewPolicy {
  const c = dest.config;
  return { k: c.k, mode: c.mode, epsilon: c.epsilon, rng: c.epsilon !== undefined ? makeRng(c.seed) : undefined };
}

export function buildReportsApp(runtime: Runtime): Hono {
  const app = new Hono();
  app.onError((err, c) => {
    if (err instanceof PhiwallError) return c.json({ success: false, error: err.toJSON() }, err.status as 400);
    runtime.log.error({ name: (err as Error).name }, 'reports request failed');
    return c.json({ success: false, error: { code: 'PW_ERR_INTERNAL', message: 'internal error' } }, 500);
  });
  // An unknown report kind is a JSON 404 like every other admin error (the kind is not echoed).
  app.notFound((c) => c.json({ success: false, error: { code: 'PW_ERR_NOT_FOUND', message: 'no such report (aggregates, attribution)' } }, 404));
  app.get('/attribution', async (c) => {
    const q = parseQuery(c.req.query());
    const model = parseModel(q.model ?? 'time_decay');
    if (!model) throw new PhiwallError('PW_ERR_INVALID_EVENT', { detail: `model: one of ${MODELS.join(', ')}` });
    const dest = findDest(runtime, q.destination, true);
    const opts = dest.config.attribution!;
    const query = { model, from: Date.parse(`${q.from}T00:00:00Z`), to: Date.parse(`${q.to}T00:00:00Z`) + DAY_MS - 1, lookbackMs: opts.lookback_days * DAY_MS, halfLifeMs: opts.half_life_days * DAY_MS };
    const { journeys, conversions } = await loadAttribution(dest.store, dest.name, query);
    return c.json({ destination: dest.name, k: dest.config.k, rows: attributionRows(journeys, conversions, query, policyOf(dest)) });
  });
  app.get('/aggregates', async (c) => {
    const q = parseQuery(c.req.query());
    const dest = findDest(runtime, q.destination, false);
    const rows = await dest.store.cells(dest.name, dest.config.dimensions.join(','), Date.parse(`${q.from}T00:00:00Z`), Date.parse(`${q.to}T00:00:00Z`) + DAY_MS);
    return c.json({ destination: dest.name, k: dest.config.k, rows: rollupRows(rows, dest.config.dimensions, dest.config.window, policyOf(dest)) });
  });
  return app;
}
