// An external referrer leaves as its origin only (its path and query are another site's data), and the origin's host
// is cut to the site it names: a host's own subdomain can be the person (`kenji-okafor.github.io`,
// `janedoe.substack.com`, `mychart.othersystem.org` says where they were signed in), and an address (`198.51.100.77`,
// `[2001:db8::1]`) is one (probe 49). The registrable domain is read without the Public Suffix List: the last two labels,
// three under a country's second level (`bbc.co.uk`, `gov.au`). A subdomain every visitor shares (`www.`, `m.`, `l.`,
// `news.`, `search.`) is kept: it names the other site's part, not the visitor.
const SHARED_SUBDOMAINS: ReadonlySet<string> = new Set(['www', 'www2', 'www3', 'm', 'mobile', 'l', 'lm', 'amp', 'search', 'news', 'mail', 'web',
  'app', 'apps', 'out', 't', 'go', 'link', 'links', 'click', 'business', 'maps', 'images', 'scholar', 'translate', 'video', 'en', 'es']);
const COUNTRY_SECOND_LEVEL: ReadonlySet<string> = new Set(['co', 'com', 'org', 'net', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'gob', 'gv', 'nhs', 'med', 'health']);
const IPV4 = /^[0-9]+(?:\.[0-9]+){3}$/;
const SCHEME = /^https?:$/;
const TRAILING_DOT = /\.$/;

/** `https://host/` of an external referrer with its host cut as above, or undefined (no http(s) URL, or an address as host). */
export function referrerOrigin(u: { readonly protocol: string; readonly hostname: string } | undefined): string | undefined {
  if (u === undefined || !SCHEME.test(u.protocol)) return undefined;
  const host = u.hostname.toLowerCase().replace(TRAILING_DOT, '');
  if (host.startsWith('[') || IPV4.test(host) || host === '') return undefined;
  const labels = host.split('.');
  if (labels.length <= 2) return `${u.protocol}//${host}/`;
  const n = labels.length;
  const site = labels[n - 1].length === 2 && COUNTRY_SECOND_LEVEL.has(labels[n - 2]) ? 3 : 2;
  if (n <= site) return `${u.protocol}//${host}/`;
  const domain = labels.slice(n - site).join('.');
  const kept = n === site + 1 && SHARED_SUBDOMAINS.has(labels[0]) ? `${labels[0]}.${domain}` : domain;
  return `${u.protocol}//${kept}/`;
}
