import type { Plan } from '../rules/plan.js';
import { hostPathBlock } from './path-verdicts.js';

const HTTP_SCHEME = /^https?$/i;
const DOT_OR_COLON = /[.:]/g;

// More readings of a page's address: an app's deep link read as a path, the path without a
// file-system router's groups, and the distinct hosts of the page's URLs (see analyze.ts).

/**
 * An app's deep link (`northbay://pay-my-bill`, `capacitor://localhost/tabs/inbox`) read as a path
 * as a whole: the host part names the route too. Undefined for web URLs and paths (they start
 * with `h` or `/`, one character test).
 */
export function appRoute(t: string): string | undefined {
  const c = t.charCodeAt(0);
  if (c === 47 || c === 104 || c === 72) return undefined;
  const sep = t.indexOf('://');
  return sep > 0 && !HTTP_SCHEME.test(t.slice(0, sep)) ? `/${t.slice(sep + 3)}` : undefined;
}

// A front controller's script deeper in a path (`/web/index.php/portal/messages`, `/cms/Default.aspx/billing/pay`):
// the framework routes what follows it, wherever the script is installed (canonicalPath skips only a leading one).
// The path as sent is still read, so a directory before the script that names the area (`/portal/index.php/home`) counts.
const MID_SCRIPT = /\/[^/?#.]+\.(?:php[0-9]?|aspx?|cfm|cfc|jspx?|do|action|cgi|pl|py|rb|dll|exe|nsf)(?=\/[^/?#])/i;
// Fusebox's and ColdBox's search-engine-safe URLs spell the query as segments after the script
// (`/index.cfm/fuseaction/billing.pay/id/7`, `/index.cfm/event/portal.messages`): the handler's dotted name is the page.
const SES_HANDLER = /^\/(?:fuseaction|event|action|method|handler|circuit|do)\/([a-z][a-z0-9_-]*(?:[.:][a-z][a-z0-9_-]*)+)(?=[/?#]|$)/i;

/** What a front controller deeper in the path routes to (`/web/index.php/portal/x` is `/portal/x`), else undefined. */
export function frontControllerRoute(t: string): string | undefined {
  // Most readings have no `.` in their path (a URL's host has them): only those are searched.
  const at = t.charCodeAt(0) === 47 ? 0 : t.indexOf('/', t.indexOf('://') + 3);
  if (at < 0 || !dotInPath(t, at)) return undefined;
  const m = MID_SCRIPT.exec(t.slice(at));
  if (m === null) return undefined;
  const rest = t.slice(at + m.index + m[0].length);
  const ses = SES_HANDLER.exec(rest);
  return ses === null ? rest : `/${ses[1].replace(DOT_OR_COLON, '/')}`;
}

/** Whether t has a `.` from `at` to its query or fragment. */
function dotInPath(t: string, at: number): boolean {
  for (let i = at; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) return true;
    if (c === 63 || c === 35) return false;
  }
  return false;
}

/** The distinct hosts of the page's URLs, other locations and routed URLs (one test per host: they usually share theirs). */
export function hostsOf(host: (u: string | undefined) => string | undefined, page: readonly (string | undefined)[], others: readonly string[], routed: readonly string[] | undefined): string[] {
  const hosts: string[] = [];
  for (const u of page) addHost(hosts, host(u));
  for (const u of others) addHost(hosts, host(u));
  if (routed !== undefined) for (const u of routed) addHost(hosts, host(u));
  return hosts;
}

/** The first path-scoped blocked-host rule (`zocdoc.com` + `/booking/**`) a page URL, other location or routed URL matches. */
export function hostPathsBlock(host: (u: string | undefined) => string | undefined, page: readonly (string | undefined)[], others: readonly string[], routed: readonly string[] | undefined, plan: Plan): string | undefined {
  if (plan.blockedHostPaths.length === 0) return undefined;
  for (const list of [page, others, routed ?? []]) {
    for (const u of list) {
      const h = u === undefined ? undefined : host(u);
      const rule = h === undefined || u === undefined ? null : hostPathBlock(h, u, plan);
      if (rule !== null) return rule;
    }
  }
  return undefined;
}

function addHost(hosts: string[], h: string | undefined): void {
  if (h !== undefined && !hosts.includes(h)) hosts.push(h);
}

const ROUTE_GROUP = /\/\([a-z0-9_-]+\)(?=[/?#]|$)/gi;

/**
 * A path without file-system routers' groups (`/(tabs)/results` is `/results`: Expo Router's and
 * Next.js's `(group)` folders are never in the URL), or undefined when it has none. An extra
 * reading: the path as sent is still read (an Angular outlet `/inbox/(popup:compose)` keeps it).
 */
export function withoutRouteGroups(t: string): string | undefined {
  if (t.indexOf('/(') < 0) return undefined;
  const plain = t.replace(ROUTE_GROUP, '');
  return plain === t ? undefined : plain || '/';
}

const ROUTE_GROUP_NAME = /\/\(([a-z0-9_-]+)\)(?=[/?#]|$)/gi;

/**
 * Blind pass 46 (H234): the same path with each group's name read as the section it names (`/(patient)/appointments`
 * as `/patient/appointments`). A router's groups are never in the URL, so a path that has one was reported from the
 * route's file, and its group says which area of the app the page is in (`(portal)`, `(authenticated)`, `(patient)`):
 * without it `/appointments` flows as the public booking page would. An extra reading: the stricter answer counts.
 */
export function routeGroupsNamed(t: string): string | undefined {
  if (t.indexOf('/(') < 0) return undefined;
  const named = t.replace(ROUTE_GROUP_NAME, '/$1');
  return named === t ? undefined : named;
}

// A matrix parameter (`;name=value`, JAX-RS, Angular, Spring) whose value is a step of the route:
// `/pharmacy;section=refills/request` is the pharmacy's refills, not `/pharmacy/request`. A session
// id (`;jsessionid=`, `;sid=`) is no step. Values are read in place of their parameters.
const MATRIX_PARAM = /;(?!(?:jsessionid|phpsessid|sid|sessionid|cfid|cftoken)=)(?:[^;/?#=]*=)?([^;/?#]*)/gi;

/** The path with its matrix parameters' values as segments, or undefined when it has none. */
export function matrixRoute(t: string): string | undefined {
  if (t.indexOf(';') < 0) return undefined;
  const plain = t.replace(MATRIX_PARAM, (_, value: string) => (value === '' ? '' : `/${value}`));
  return plain === t ? undefined : plain;
}
