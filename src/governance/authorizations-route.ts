import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { PhiwallError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { readJsonBody, resolveSite, writeKeyOf, type AppEnv } from '../server/ingest.js';
import type { SitePlan } from '../rules/plan.js';
import type { JsonValue } from '../common/json.js';
import { parseBody } from './body.js';

const MAX_DAYS = 5 * 366;

const CreateBody = z.object({
  writeKey: z.string().optional(),
  /** The visitor's anonymousId or userId as the events carry it; stored only as an HMAC. */
  subject: z.string().min(1).max(200),
  scope: z.string().regex(/^[a-z][a-z0-9_:-]*$/).max(64).default('marketing'),
  expires_at: z.iso.datetime({ offset: true }),
  /** Where the authorization was captured (a form id, a system name): a code, not free text. */
  source: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/),
});

const RevokeBody = z.object({ writeKey: z.string().optional(), id: z.string().regex(/^auth_[A-Za-z0-9_-]{1,40}$/) });

/** HIPAA marketing authorizations, recorded by a BAA-covered backend (a site with backend: true). */
export function mountAuthorizations(app: Hono<AppEnv>, runtime: Runtime): void {
  app.post('/v1/authorizations', async (c) => {
    const { site, body } = await backendRequest(c, runtime);
    const req = parseBody(CreateBody, body);
    const now = Date.now();
    const expiresAt = Date.parse(req.expires_at);
    if (expiresAt <= now) throw new PhiwallError('PW_ERR_INVALID_BODY', { detail: 'expires_at: must be in the future' });
    if (expiresAt > now + MAX_DAYS * 86_400_000) throw new PhiwallError('PW_ERR_INVALID_BODY', { detail: `expires_at: at most ${MAX_DAYS} days ahead` });
    const gov = runtime.governance;
    gov.admit();
    const id = await gov.store.addAuthorization(gov.subjects.keyOf(req.subject), req.scope, req.source, site.name, expiresAt, now);
    gov.metrics.authorizations.inc({ action: 'create' });
    await gov.recorded({ actor: `site:${site.name}`, role: 'backend', action: 'authorization.create', details: { id, scope: req.scope, source: req.source, expiresAt: new Date(expiresAt).toISOString() } });
    return c.json({ success: true, id, scope: req.scope, expires_at: new Date(expiresAt).toISOString() }, 201);
  });
  app.post('/v1/authorizations/revoke', async (c) => {
    const { site, body } = await backendRequest(c, runtime);
    const { id } = parseBody(RevokeBody, body);
    const gov = runtime.governance;
    gov.admit();
    if (!await gov.store.revokeAuthorization(id, site.name, Date.now())) throw new PhiwallError('PW_ERR_NOT_FOUND', { detail: 'authorization (unknown or already revoked)' });
    gov.metrics.authorizations.inc({ action: 'revoke' });
    await gov.recorded({ actor: `site:${site.name}`, role: 'backend', action: 'authorization.revoke', details: { id } });
    return c.json({ success: true, id, revoked: true }, 200);
  });
}

/** A grant or a revocation is small: its body limit is far below the event routes'. */
export const AUTHORIZATION_BODY_BYTES = 16 * 1024;

async function backendRequest(c: Context<AppEnv>, runtime: Runtime): Promise<{ site: SitePlan; body: JsonValue }> {
  const body = await readJsonBody(c, AUTHORIZATION_BODY_BYTES);
  const site = resolveSite(c, runtime, writeKeyOf(c, body));
  if (!site.backend) throw new PhiwallError('PW_ERR_FORBIDDEN', { detail: 'authorizations need the write key of a site with backend: true' });
  return { site, body };
}
