import type { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { PhiwallError } from '../errors.js';
import { parseBody } from '../governance/body.js';
import { explainPlan } from '../rules/explain.js';
import type { Runtime } from '../runtime.js';
import { adminBody } from './body.js';
import { KeyedHashVisitorIds } from '../spool/sqlite/visitor-ids.js';
import { needs, type AdminEnv, type AuditDetails } from './app.js';
import { applyConfig } from './apply-config.js';
import { dryRun } from './dry-run.js';
import { ROLES, type AdminKeys } from './keys.js';
import { buildReportsApp } from '../aggregates/admin-routes.js';
import { collectorSpoolStats, replayDeadEverywhere } from '../spool/cluster-spool.js';
import { DLQ_CODE } from '../delivery/replay.js';

const Destination = z.object({ destination: z.string().regex(/^[a-z][a-z0-9_-]*$/) });
const Replay = z.object({ destination: Destination.shape.destination, code: z.string().regex(DLQ_CODE).optional() });
const Suppression = z.object({ id: z.string().min(1).max(200) });
const NewKey = z.object({ name: z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/), role: z.enum(ROLES) });
const ConfigBody = z.object({ yaml: z.string().min(1).max(1_000_000) });

export function mountAdminRoutes(app: Hono<AdminEnv>, runtime: Runtime, keys: AdminKeys): void {
  mountViewerRoutes(app, runtime);
  mountChangeRoutes(app, runtime);
  mountKeyRoutes(app, keys);
}

/** What a viewer may read: stats, k-anonymous reports, the plan, the audit chain, disclosures. */
function mountViewerRoutes(app: Hono<AdminEnv>, runtime: Runtime): void {
  const gov = runtime.governance;
  app.get('/stats', needs('viewer', async (c) => {
    const head = await gov.audit.verify();
    return c.json({
      plan: runtime.plan.version,
      destinations: runtime.plan.destinations.map((d) => ({ name: d.name, type: d.type, baa: gov.gate.effective(d, Date.now()).baa, matchKeys: d.matchKeys })),
      spool: await collectorSpoolStats(runtime.spool, runtime.storage.kind === 'postgres'),
      audit: { rows: head.rows, headSeq: head.headSeq, headHash: head.headHash, ok: head.ok },
    });
  }));
  // k-anonymous reports (aggregates, attribution): viewers may read released-style outputs only.
  const reports = buildReportsApp(runtime);
  app.get('/reports/:kind', needs('viewer', (c) => reports.request(`/${c.req.param('kind')}${new URL(c.req.url).search}`)));
  app.get('/explain', needs('viewer', (c) => c.json(explainPlan(runtime.plan))));
  app.get('/audit/verify', needs('viewer', async (c) => c.json(await gov.audit.verify())));
  app.get('/disclosures', needs('viewer', async (c) => {
    const { destination } = parseBody(Destination, { destination: c.req.query('destination') });
    const from = Date.parse(c.req.query('from') ?? '');
    const to = Date.parse(c.req.query('to') ?? '');
    if (Number.isNaN(from) || Number.isNaN(to)) throw new PhiwallError('PW_ERR_INVALID_BODY', { detail: 'from and to must be ISO timestamps' });
    return c.json(await gov.ledger.report(destination, from, to));
  }));
}

/** Analyst and admin actions on the running collector; each is audited by `needs`. */
function mountChangeRoutes(app: Hono<AdminEnv>, runtime: Runtime): void {
  const gov = runtime.governance;
  app.post('/dry-run', needs('analyst', async (c) => {
    const body = await adminBody(c, runtime.plan.limits.bodyBytes);
    const ids = new KeyedHashVisitorIds(randomBytes(16).toString('hex'), runtime.plan.rotateMs);
    return c.json({ success: true, results: dryRun(body, runtime.plan, ids) });
  }));
  app.post('/config', needs('admin', async (c, who) => {
    const { yaml } = parseBody(ConfigBody, await adminBody(c, 1_100_000));
    const result = await applyConfig(runtime, yaml, { actor: who.name, role: who.role });
    c.set('audit', { applied: result.applied, policyVersion: result.policyVersion ?? null });
    // A refusal carries the usual error object too; `problems` (file:line: what was expected) says why.
    const error = result.applied ? {} : { error: new PhiwallError('PW_ERR_INVALID_BODY', { detail: 'config refused, see problems' }).toJSON() };
    return c.json({ success: result.applied, ...error, ...result }, result.applied ? 200 : 400);
  }));
  app.post('/dlq/replay', needs('admin', async (c) => {
    const { destination, code } = parseBody(Replay, await adminBody(c, 4096));
    // Replay obeys the current config (src/delivery/replay.ts): refused, nothing moves. Audited either way.
    const out = await replayDeadEverywhere(runtime.spool, runtime.storage.kind === 'postgres', { destination, code }, runtime.config.rules);
    const workers: AuditDetails = out.workers ? { workersReporting: out.workers.reporting, workersConfigured: out.workers.configured } : {};
    if ('refused' in out) {
      c.set('audit', { destination, code: code ?? null, refused: out.refused, kept: out.kept ?? 0, ...workers });
      throw new PhiwallError('PW_ERR_REPLAY_REFUSED', { reason: out.refused });
    }
    c.set('audit', { destination, code: code ?? null, replayed: out.replayed, kept: out.kept, ...workers });
    const kept = out.kept ? { kept: out.kept, keptCode: 'BAA_EXPIRED' } : {};
    return c.json({ success: true, destination, replayed: out.replayed, ...kept, ...(out.workers ? { workers: out.workers } : {}) });
  }));
  app.post('/suppressions', needs('admin', async (c, who) => {
    const { id } = parseBody(Suppression, await adminBody(c, 4096));
    const key = gov.subjects.keyOf(id);
    const added = await gov.store.suppress(key, who.name, Date.now());
    // The audit names the keyed hash, never the id itself.
    c.set('audit', { subjectKey: key, added });
    return c.json({ success: true, suppressed: true, added }, added ? 201 : 200);
  }));
}

function mountKeyRoutes(app: Hono<AdminEnv>, keys: AdminKeys): void {
  app.get('/keys', needs('admin', (c) => c.json({ keys: keys.list() })));
  app.post('/keys', needs('admin', async (c) => {
    const { name, role } = parseBody(NewKey, await adminBody(c, 4096));
    const token = keys.create(name, role, Date.now());
    if (!token) throw new PhiwallError('PW_ERR_INVALID_BODY', { detail: 'name: a key with this name exists' });
    c.set('audit', { key: name, keyRole: role });
    return c.json({ success: true, name, role, key: token }, 201);
  }));
  app.delete('/keys/:name', needs('admin', (c) => {
    const name = c.req.param('name') ?? '';
    if (!keys.revoke(name, Date.now())) throw new PhiwallError('PW_ERR_NOT_FOUND', { detail: 'key (unknown, revoked, or defined in the config)' });
    c.set('audit', { key: name });
    return c.json({ success: true, name, revoked: true });
  }));
}
