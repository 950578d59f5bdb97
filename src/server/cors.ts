import type { Plan, SitePlan } from '../rules/plan.js';

export const CORS_ALLOW_HEADERS = 'Authorization, AnonymousId, SentAt, Content-Type, X-Retry-Count';

export function originAllowed(origin: string, site: SitePlan): boolean {
  const o = origin.toLowerCase();
  return site.origins.some((re) => re.test(o));
}

/** A preflight carries no write key: allow an origin any site allows. */
export function originAllowedByAnySite(origin: string, plan: Plan): boolean {
  return plan.sites.some((s) => originAllowed(origin, s));
}

export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    Vary: 'Origin',
  };
}

export function preflightHeaders(origin: string): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
    'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
    'Access-Control-Max-Age': '86400',
  };
}
