// A bare host name (`www.healthgrades.com`, `apps.apple.com`) under a key naming a host or a domain
// (`outbound_host`, `linkHostname`, `exit_domain`): an origin without its scheme, which is what an external
// referrer keeps (README "Referrers"), but the URL detector read `www.…` as a URL. Keys the url rule takes
// (`referrer_host`, `website_domain`: a person's own site is an identifier) still go by that rule. Kept when it has no digit (a phone number or an IP address
// written into a host label is still read by the detectors), is not a blocked host (a portal on its own
// subdomain goes, as a link to it does) and, like any kept string, names no sensitive term (checked by the caller).
import type { ScrubContext } from './scrub-tree.js';

const HOST = /^(?=.{4,253}$)(?:[a-z](?:[a-z-]{0,61}[a-z])?\.)+[a-z]{2,24}$/i;
export const HOST_KEY = /(?:host|hostname|domain)$/;

/** Whether the whole value is a host name without digits. */
export function bareHost(value: string): boolean {
  return HOST.test(value);
}

/** The host, or undefined when it is a blocked host. */
export function keptHost(host: string, ctx: ScrubContext): string | undefined {
  if (ctx.plan.blockedHosts.some((b) => b.re.test(host.toLowerCase()))) { ctx.hits.push('url'); return undefined; }
  return host;
}
