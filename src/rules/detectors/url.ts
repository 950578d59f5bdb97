import { codeAt } from '../../common/code-at.js';
import { defineDetector } from './define.js';
import { resetAt } from './scan.js';
import { scanPersonalSites } from './personal-site.js';
import type { Detection } from './types.js';

const LEADING_WWW = /^www\./;

// A scheme (plain or percent-encoded, as in `?redirect=https%3A%2F%2F...`) or a `www.` host,
// then everything up to whitespace, quotes or angle brackets. The tail is a single negated
// class with nothing after it, so the engine never backtracks into it. A host typed without
// either (`linkedin.com/in/jane-doe`, `bit.ly/3xYz`) counts when a path follows a common
// top-level domain (the prefilter marks that dot, markers.ts hostPathAt): a bare `example.com`
// names a site, not a page about someone. Messenger links carry a person's account or number
// (`skype:jane.doe?call`, `facetime:jane@x.org`, `viber://chat?number=...`, `xmpp:`, `sip:`).
const URL_RE =
  /(?:(?<![A-Za-z])https?(?::\/\/|%3A%2F%2F)|(?<![0-9A-Za-z.@/-])www[0-9]{0,3}\.(?=[0-9A-Za-z-]{1,63}\.[A-Za-z])|(?<![0-9A-Za-z.@/_%&=+-])(?=(?:[0-9A-Za-z-]{1,63}\.){1,4}(?:com|org|net|edu|gov|io|me|ly|co|app|us|info|biz|tv|blog|page|link|site)\/[0-9A-Za-z@~]))[^\s<>"'`\\^{}|\x00-\x1f\x7f]+/gi;

/** Trailing punctuation belongs to the sentence ("see https://x.com/a."), not to the URL. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start) {
    const c = codeAt(text, e - 1);
    if (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63) e--;
    else if (c === 41 || c === 93) {
      // Keep a closing bracket only if the URL opened one (Wikipedia-style paths).
      const open = c === 41 ? '(' : '[';
      const slice = text.slice(start, e);
      if (slice.indexOf(open) >= 0) break;
      e--;
    } else break;
  }
  return e;
}

// `viber:`, `whatsapp:` and `tg:` only with `//` (`TG: 150` is a lab value).
const MESSENGER_END = /(?<![A-Za-z])(skype|facetime(?:-audio)?|xmpp|sips?|sgnl|(viber|whatsapp|tg)):$/i;
const LINK_END = /[\s<>"'`\\^{}|\x00-\x1f\x7f]/g;

/** Start of the messenger scheme whose colon is at `i` (`skype:`), or -1. Most colons (`https:`) fail the first tests. */
export function messengerAt(text: string, i: number): number {
  const l = codeAt(text, i - 1) | 0x20;
  if (l !== 101 && l !== 111 && l !== 112 && l !== 115 && l !== 114 && l !== 103 && l !== 108) return -1;
  const t = l === 115 ? i - 4 : i - 3; // the `tt` of https, http
  if ((l === 112 || l === 115) && (codeAt(text, t) | 0x20) === 116 && (codeAt(text, t + 1) | 0x20) === 116) return -1;
  const from = Math.max(0, i - 15);
  const m = MESSENGER_END.exec(text.slice(from, i + 1));
  return m === null || (m[2] !== undefined && !text.startsWith('//', i + 1)) ? -1 : from + m.index;
}

/** Messenger links (`skype:jane.doe?call`, `facetime:`, `viber://chat?number=`): the scheme to the next space or quote. */
function scanMessengers(text: string, out: Detection[], kind: string): void {
  for (let i = text.indexOf(':'); i > 0; i = text.indexOf(':', i + 1)) {
    const start = messengerAt(text, i);
    if (start < 0) continue;
    LINK_END.lastIndex = i + 1;
    const stop = LINK_END.exec(text);
    const end = trimEnd(text, start, stop === null ? text.length : stop.index);
    if (end > i + 1) { out.push({ start, end, kind }); i = end - 1; }
  }
}

/** Length of the `http(s)://` (or encoded) prefix; 0 for `www.` hosts, whose regex needs a host. */
function schemeLength(match: string): number {
  if ((match.charCodeAt(0) | 0x20) !== 104 || (match.charCodeAt(3) | 0x20) !== 112 || (match.charCodeAt(1) | 0x20) !== 116) return 0;
  const s = (match.charCodeAt(4) | 0x20) === 115 ? 5 : 4;
  return s + (match.charCodeAt(s) === 58 ? 3 : 9);
}

// A script's, a style sheet's or a source map's address, perhaps with the line and column a stack trace gives
// (`at renderResults (https://www.site.example/_next/static/chunks/pages/fad-3f9c2a1b.js:1:48213)`): a site's code, the
// same for every visitor. No query, fragment, user, escape or directory with a run of 5 digits (`/u/77120/`) may come
// with it; the other detectors still read the text (a name or a number in it is theirs). Only the site's own code (its
// host, or a host under the same domain: `static.site.example`) and a public script CDN's or a well-known tag's: any
// other host's address may be anyone's (`https://jdoe-portfolio.example/u/jdoe/widget.js`) and stays `[URL]`.
const CODE_URL = /^https?:\/\/([A-Za-z0-9.-]{1,253})(?::\d{1,5})?(?:\/(?![^/]*\d{5})[A-Za-z0-9._~-]{1,100}){0,12}\/[A-Za-z0-9._~-]{1,160}\.(?:m?js|cjs|css|map|wasm)(?::\d{1,7}){0,2}$/;
const CDN_HOSTS = new RegExp('^(?:cdn\\.jsdelivr\\.net|unpkg\\.com|cdnjs\\.cloudflare\\.com|ajax\\.googleapis\\.com|code\\.jquery\\.com|' +
  '(?:www|ssl)\\.google-analytics\\.com|www\\.googletagmanager\\.com|www\\.gstatic\\.com|maps\\.googleapis\\.com|cdn\\.segment\\.com|' +
  'connect\\.facebook\\.net|(?:static|script)\\.hotjar\\.com|js\\.hs-scripts\\.com|js\\.hsforms\\.net|cdn\\.cookielaw\\.org|' +
  'static\\.cloudflareinsights\\.com|js-agent\\.newrelic\\.com|(?:browser|js)\\.sentry-cdn\\.com|cdn\\.optimizely\\.com|' +
  'fast\\.wistia\\.(?:com|net)|www\\.youtube\\.com|player\\.vimeo\\.com|cdn\\.shopify\\.com|snap\\.licdn\\.com|' +
  'static\\.ads-twitter\\.com|analytics\\.tiktok\\.com|bat\\.bing\\.com|cdn\\.userway\\.org|js\\.driftt\\.com|widget\\.intercom\\.io|' +
  'js\\.intercomcdn\\.com|cdn\\.amplitude\\.com|cdn\\.mxpnl\\.com|cdn\\.heapanalytics\\.com|cdn\\.rudderlabs\\.com|static\\.zdassets\\.com|' +
  'assets\\.calendly\\.com|js\\.stripe\\.com|www\\.recaptcha\\.net)$', 'i');

/** The domain whose own code URLs an event's text keeps: its page host without `www.` ('' for none). Once per event (process.ts). */
export function codeSiteOf(host: string | undefined): string {
  return host === undefined ? '' : host.toLowerCase().replace(LEADING_WWW, '');
}

function keptCode(url: string, siteDomain: string): boolean {
  const m = CODE_URL.exec(url);
  if (m === null) return false;
  const host = (m[1] as string).toLowerCase();
  if (CDN_HOSTS.test(host)) return true;
  return siteDomain !== '' && (host === siteDomain || (host.endsWith(siteDomain) && host.charCodeAt(host.length - siteDomain.length - 1) === 46));
}

function scan(text: string, out: Detection[], kind: string, site: string): void {
  if (text.length < 8) return;
  const re = resetAt(URL_RE, 0);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = trimEnd(text, m.index, m.index + m[0].length);
    if (end - m.index <= schemeLength(m[0]) || keptCode(text.slice(m.index, end), site)) continue;
    out.push({ start: m.index, end, kind });
  }
  scanMessengers(text, out, kind);
  scanPersonalSites(text, out, kind, site); // `my blog janedoe.net`, `jane-doe.squarespace.com` (personal-site.ts)
}

/** Web URLs (N): http(s) URLs, percent-encoded ones, `www.` hosts, schemeless host/path in free text and a person's bare site. */
export const urlDetector = defineDetector('url', '[URL]', 'N', scan);
