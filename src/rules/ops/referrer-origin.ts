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

// A site's referrers come from a few hosts again and again: each host's answer is remembered (per scheme; bounded).
const MEMO_MAX = 4096;
const memos: Record<string, Map<string, string | null>> = { 'http:': new Map(), 'https:': new Map() };

/** `https://host/` of an external referrer with its host cut as above, or undefined (no http(s) URL, or an address as host). */
export function referrerOrigin(u: { readonly protocol: string; readonly hostname: string } | undefined): string | undefined {
  if (u === undefined || !SCHEME.test(u.protocol)) return undefined;
  const memo = memos[u.protocol] as Map<string, string | null>;
  let origin = memo.get(u.hostname);
  if (origin === undefined) {
    if (memo.size >= MEMO_MAX) memo.clear();
    origin = cutOrigin(u.protocol, u.hostname) ?? null;
    memo.set(u.hostname, origin);
  }
  return origin ?? undefined;
}

function cutOrigin(protocol: string, hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(TRAILING_DOT, '');
  const domain = registrableDomain(host);
  if (domain === undefined) return undefined;
  if (domain === host) return `${protocol}//${host}/`;
  const labels = host.split('.');
  const kept = labels.length === domain.split('.').length + 1 && SHARED_SUBDOMAINS.has(labels[0] as string) ? `${labels[0]}.${domain}` : domain;
  return `${protocol}//${kept}/`;
}

/** The registrable domain of a lower-case host as above (`jane.github.io` → `github.io`, `www.bbc.co.uk` → `bbc.co.uk`), or undefined for an address. */
export function registrableDomain(host: string): string | undefined {
  if (host.startsWith('[') || IPV4.test(host) || host === '') return undefined;
  const labels = host.split('.');
  const n = labels.length;
  const site = (labels[n - 1] as string).length === 2 && n >= 3 && COUNTRY_SECOND_LEVEL.has(labels[n - 2] as string) ? 3 : 2;
  return n <= site ? host : labels.slice(n - site).join('.');
}
