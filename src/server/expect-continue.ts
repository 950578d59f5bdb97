import type { IncomingMessage } from 'node:http';
import { PhiwallError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { originAllowed } from './cors.js';
import { basicWriteKey } from './ingest.js';
import { AUTHORIZATION_BODY_BYTES } from '../governance/authorizations-route.js';

// A client sending `Expect: 100-continue` waits for leave before it sends its body. Node gave
// that leave to every request, so a wrong write key or an oversized body was refused only after
// the whole body had crossed the network. What the headers alone settle is refused first.

/** Routes whose write key and body limit are the collector's (the admin API has its own auth). */
const KEYED = /^\/(?:v1\/[^/?]+|beacon\/v1\/batch)(?:\?|$)/;
const GTAG = /^\/g\/collect(?:\?|$)/;

/**
 * The refusal a request earns from its headers alone: a declared body over the limit (413), a
 * write key no site has (401), an Origin its site does not allow (403). Same answers, in the same
 * order of checks, as once the body is read; anything the body could still change is let through.
 */
export function continueCheck(runtime: Runtime): (req: IncomingMessage) => PhiwallError | undefined {
  return (req) => {
    const url = req.url ?? '';
    const keyed = KEYED.test(url);
    if (!keyed && !GTAG.test(url)) return undefined;
    const limit = url.startsWith('/v1/authorizations') ? AUTHORIZATION_BODY_BYTES : runtime.plan.limits.bodyBytes;
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limit) return new PhiwallError('PW_ERR_BODY_TOO_LARGE', { limit });
    if (!keyed) return undefined;
    // Basic wins over any other key (writeKeyOf); without it the body's key comes before `?writeKey=`,
    // so only the body can settle it.
    const key = basicWriteKey(req.headers.authorization);
    if (key === undefined) return undefined;
    const site = runtime.site(key);
    if (!site) return new PhiwallError('PW_ERR_UNAUTHORIZED');
    const origin = req.headers.origin;
    if (origin && !originAllowed(origin, site)) return new PhiwallError('PW_ERR_FORBIDDEN', { detail: 'origin not allowed for this site' });
    return undefined;
  };
}
