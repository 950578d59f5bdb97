import { BoundedMemo } from '../common/bounded-memo.js';
import type { Plan } from '../rules/plan.js';
import { routeReadings } from './page-readings.js';

const NONE: readonly string[] = Object.freeze([]);

// Page URLs repeat with every view of the page: the routes of one with a fragment and no query are remembered (bounded). A
// query is read afresh each time: it may hold a visitor's email, MRN or token, and no memo keeps one. The plan is read for a
// query only (its public listing pages, route-values.ts displayRoute), so the routes remembered are the same for every plan.
const knownRoutes = new BoundedMemo<readonly string[]>(4096);

/** routeReadings of a URL or path under `plan`; none without a `?` or `#`. */
export function routesOf(url: string, plan: Plan): readonly string[] {
  if (url.indexOf('?') >= 0) return freshRoutes(url, plan);
  if (url.indexOf('#') < 0) return NONE;
  let routes = knownRoutes.get(url);
  if (routes === undefined) {
    routes = freshRoutes(url, plan);
    knownRoutes.set(url, routes);
  }
  return routes;
}

function freshRoutes(url: string, plan: Plan): readonly string[] {
  const out: string[] = [];
  routeReadings(url, plan.listingPages, out);
  return out.length > 0 ? out : NONE;
}

/** A page URL's routes, and whether its query marks a form's done step naming no form (page-readings.ts routeReadings). */
export interface PageRoutes { readonly routes: readonly string[]; readonly unnamedDone: boolean }

/**
 * routesOf a page URL with a query, and its done step, from one reading of the query: the event's address analysis
 * takes these routes for the page URL and the title verdict the done step (analyze.ts), rather than each reading the
 * query again. Kept by the event alone (no memo keeps a query). Undefined for a URL with no query.
 */
export function pageRoutesOf(url: string | undefined, plan: Plan): PageRoutes | undefined {
  if (url === undefined || url.indexOf('?') < 0) return undefined;
  const out: string[] = [];
  const unnamedDone = routeReadings(url, plan.listingPages, out);
  return { routes: out.length > 0 ? out : NONE, unnamedDone };
}
