import { canonicalPath } from '../rules/canonical-path.js';
import type { PageGroupPlan, Plan } from '../rules/plan.js';
import { pathVerdict } from './path-verdicts.js';

// A hash-routed single-page app is on its fragment's route (`/#/services/cardiology`,
// `/app/#!/find-a-doctor/dr-ng`). Blocking already reads that route (page-readings routesOf): a
// sensitive one never gets here. The page group comes from the route too, and the route goes on
// with the page's path and URL (project.ts), so a clean route stays readable while a route into
// a sensitive group (`/#/conditions/lupus`) withholds the page like that path would.

const ROUTE_END = /[?#(]/;

/** The route of a page URL's fragment (`#/x`, `#!/x`), without a query of its own; undefined for anchors and tokens. */
export function fragmentRoute(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const hash = url.indexOf('#');
  if (hash < 0) return undefined;
  const from = url.charCodeAt(hash + 1) === 33 ? hash + 2 : hash + 1;
  // `#access_token=…`, `#section-2`: not routes, never sent (an escaped or outlet route is read for blocking only).
  if (url.charCodeAt(from) !== 47) return undefined;
  const rest = url.slice(from);
  const end = rest.search(ROUTE_END);
  const route = end < 0 ? rest : rest.slice(0, end);
  return route.length > 1 ? route : undefined;
}

/** The page URL's fragment route, and the page's group: the route's when the plan's groups name it, else the path's. */
export function hashRouted(url: string | undefined, pathGroup: PageGroupPlan | undefined, plan: Plan): { route?: string; group?: PageGroupPlan } {
  const route = fragmentRoute(url);
  if (route === undefined) return { group: pathGroup };
  return { route, group: pathVerdict(canonicalPath(route, plan.localePrefixes), plan).group ?? pathGroup };
}

/**
 * A stored page path or URL sanitized again with its hash route, as projectPage sends it live (the
 * dead-letter re-projection, delivery/reproject.ts: sanitize_url alone drops the fragment, and a replayed
 * event lost the route a live one carries). `scrub` reads the part before `#` and the route, each.
 */
export function withRoute(value: string, scrub: (v: string) => string | undefined): string | undefined {
  const route = fragmentRoute(value);
  if (route === undefined) return scrub(value);
  const base = scrub(value.slice(0, value.indexOf('#')) || '/');
  const sanitized = base === undefined ? undefined : scrub(route);
  return base === undefined || sanitized === undefined ? base : `${base}#${sanitized}`;
}
