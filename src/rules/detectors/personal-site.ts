import { isAsciiAlnum, isAsciiLetter, resetAt } from './scan.js';
import { WWW, codeAt } from './marker-bits.js';
import type { Detection } from './types.js';

// A person's own web address typed without a scheme (Safe Harbor N): after words that say it is theirs (`personal site
// janedoe.com`, `see my blog mariagonzalez.net`, `mi blog es rosalinda.com.mx`, `mon blog : gaspard.fr`), or a name on a
// hosting platform, whose first label is the person's (`jane-doe.squarespace.com`, `tobias.github.io`). A bare domain
// elsewhere names a site (`visit cdc.gov`, `zoom.us`, `mychart.org`, the site's own `northbay-health.example`) and stays;
// with a path after a common TLD it was already the url detector's (`linkedin.com/in/jane-doe`).

// Generic TLDs people put their own sites under; any two-letter country code counts too.
const SITE_TLDS: ReadonlySet<string> = new Set(['com', 'net', 'org', 'me', 'dev', 'io', 'co', 'info', 'blog', 'site', 'online', 'xyz',
  'page', 'art', 'design', 'photo', 'photography', 'studio', 'app', 'social', 'space', 'website', 'store', 'shop', 'live', 'life', 'name',
  'pro', 'biz', 'world', 'fm', 'gallery', 'ink', 'codes', 'tech', 'family', 'link']);

// Hosting platforms whose sub-domain is a member's site; the platform's own sub-domains are not.
const PLATFORMS: ReadonlySet<string> = new Set(['squarespace.com', 'wordpress.com', 'blogspot.com', 'wixsite.com', 'github.io', 'gitlab.io',
  'substack.com', 'tumblr.com', 'carrd.co', 'weebly.com', 'medium.com', 'netlify.app', 'vercel.app', 'pages.dev', 'bsky.social', 'etsy.com',
  'square.site', 'myshopify.com', 'webflow.io', 'mystrikingly.com', 'godaddysites.com', 'jimdosite.com', 'neocities.org', 'ghost.io',
  'beehiiv.com', 'typepad.com', 'livejournal.com', 'canva.site', 'glitch.me', 'framer.website', 'notion.site', 'bandcamp.com', 'itch.io']);
const PLATFORM_OWN: ReadonlySet<string> = new Set(['www', 'blog', 'help', 'support', 'docs', 'developer', 'developers', 'api', 'status',
  'app', 'login', 'accounts', 'account', 'my', 'community', 'forum', 'news', 'about', 'mail', 'en', 'es', 'fr', 'de', 'shop', 'store', 'pages', 'cdn']);
// Networks and directories: `my page on facebook.com` names where, not whose.
const SHARED_HOSTS: ReadonlySet<string> = new Set(['facebook.com', 'instagram.com', 'youtube.com', 'tiktok.com', 'twitter.com', 'x.com',
  'linkedin.com', 'reddit.com', 'pinterest.com', 'google.com', 'yelp.com', 'healthgrades.com', 'zocdoc.com', 'gofundme.com', 'caringbridge.org',
  'nextdoor.com', 'threads.net', 'wordpress.org', 'wix.com', 'shopify.com', 'patreon.com', 'kofi.com', 'ko-fi.com', 'linktr.ee']);
// A file's or a framework's suffix after a name (`Node.js`, `report.pdf`), never a site's.
const NOT_TLDS: ReadonlySet<string> = new Set(['js', 'ts', 'py', 'rb', 'md', 'sh', 'go', 'cs', 'db', 'gz', 'mp', 'rs', 'jl', 'pl', 'kt']);

function tldOk(tld: string): boolean {
  return tld.length === 2 ? !NOT_TLDS.has(tld) : SITE_TLDS.has(tld);
}

/** WWW (the url gate's marker) at a dot before a site's top-level domain that ends a host (`janedoe.com`). Most dots fail the first tests. */
export function bareHostAt(text: string, i: number): number {
  if (!isAsciiAlnum(codeAt(text, i - 1)) || !isAsciiLetter(codeAt(text, i + 1))) return 0;
  let j = i + 1;
  while (j - i <= 12 && isAsciiLetter(codeAt(text, j))) j++;
  if (j - i < 3 || j - i > 12 || isAsciiAlnum(codeAt(text, j)) || codeAt(text, j) === 45) return 0;
  return tldOk(text.slice(i + 1, j).toLowerCase()) ? WWW : 0;
}

const HOST_RE = /(?<![A-Za-z0-9.@/_%&=+:#-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,4}[A-Za-z]{2,12}(?![A-Za-z0-9@_/-]|\.[A-Za-z0-9])/g;
// Words before the address that say it is the writer's or a person's own.
const OWN_SITE_BEFORE = new RegExp('(?:^|[^A-Za-z])(?:(?:my|our|his|her|their|mi|mis|su|mon|ma|mes|son|sa|mein|meine|meinem|meu|minha)[ ]+' +
  '(?:own[ ]+|personal[ ]+|family[ ]+|new[ ]+|little[ ]+)?(?:web[ ]?site|site|blog|page|home[ ]?page|web[ ]?page|portfolio|shop|store|newsletter|podcast' +
  '|resume|cv|sitio(?:[ ]web)?|p[aá]gina(?:[ ]web)?|tienda|webseite|website|loja)|personal[ ]+(?:web[ ]?site|site|page|blog|home[ ]?page|domain))' +
  '[^.!?\\n]{0,20}$', 'i');
// A public body's or a school's domain is never a person's.
const PUBLIC_HOST = /(?:^|\.)(?:gov|edu|mil|nhs|ac|gob|gouv)(?:\.[a-z]{2})?$/;

function ownSite(host: string, site: string): boolean {
  return site !== '' && (host === site || host.endsWith(`.${site}`) || site.endsWith(`.${host}`));
}

/** Whether `host` (lower case) is a member's site on a platform: a name before the platform's own domain. */
function onPlatform(host: string): boolean {
  const first = host.indexOf('.');
  const rest = host.slice(first + 1);
  if (!PLATFORMS.has(rest)) return false;
  return !PLATFORM_OWN.has(host.slice(0, first));
}

/** Bare hosts a person owns: on a hosting platform, or after words naming one's own site. */
export function scanPersonalSites(text: string, out: Detection[], kind: string, site: string): void {
  const re = resetAt(HOST_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const host = m[0].toLowerCase();
    if (host.startsWith('www.')) continue; // the url regex's own
    const tld = host.slice(host.lastIndexOf('.') + 1);
    if (!tldOk(tld) || PUBLIC_HOST.test(host) || ownSite(host, site)) continue;
    if (onPlatform(host) || (host.split('.').length <= 3 && !PLATFORMS.has(host) && !SHARED_HOSTS.has(host) && OWN_SITE_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index)))) {
      out.push({ start: m.index, end: m.index + m[0].length, kind });
    }
  }
}
