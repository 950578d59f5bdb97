// sanitize_url for field values and page addresses, through the event's memo and a per-plan memo of page addresses.
import { BoundedMemo, PlanMemos } from '../common/bounded-memo.js';
import { namesHealthContext } from './health-terms.js';
import { sanitizeUrl, type SanitizedBase } from './ops/sanitize-url.js';
import { safeDecode } from './canonical-path.js';
import { urlScanner } from './query-fields.js';
import type { ScrubContext } from './scrub-tree.js';

/** sanitize_url through the event's memo. */
export function sanitizeUrlMemo(url: string, ctx: ScrubContext): string | undefined {
  const facts = ctx.memo?.of(url);
  if (facts?.urlDone) return facts.url;
  const out = sanitizedAddress(url, ctx);
  if (facts) { facts.url = out; facts.urlDone = true; }
  return out;
}

// Page paths and URLs come again with every view of the page: their sanitize_url results are
// remembered per plan (bounded, like the path verdicts; null: not a URL). Only addresses
// without a query or fragment, whose parameters are the visitor's own. Remembered for every site, so read
// for none: a code URL spelled in a path segment (`/go/https%3A%2F%2Fsite.example%2Fu%2Fjdoe%2Fw.js`) is
// kept only on its own site (detectors/url.ts), and remembered as kept it went out on every other site.
const addresses = new PlanMemos<string | null>(4096);

// A referrer made of a query alone (Google Play's install referrer, `utm_source=google-play&utm_campaign=flu`, sent
// percent-encoded or not): read as a URL's query, so its campaign parameters stay as `url_query_allow` keeps them and
// the rest goes; with none kept the value goes (it was dropped whole as no URL).
const BARE_QUERY = /^[A-Za-z_][\w.-]{0,40}=[^&\s]*(?:&[A-Za-z_][\w.-]{0,40}=[^&\s]*)*$/;
const ENCODED_QUERY = /^[A-Za-z_][\w.-]{0,40}%3D/i;

function queryAlone(value: string, ctx: ScrubContext): string | undefined {
  const q = ENCODED_QUERY.test(value) ? safeDecode(value) : value;
  if (q.length > 2048 || !BARE_QUERY.test(q)) return undefined;
  const out = sanitizeUrl('/?' + q, ctx.plan.queryAllow, urlScanner(ctx.plan, ctx.codeSite), ctx.memo)?.url;
  return out !== undefined && out.startsWith('/?') ? out.slice(2) : undefined;
}

// An address with a query or fragment: its scheme, host and path sanitized, per plan and per code site (the scanner
// reads for that site), keyed by no query (sanitize-url.ts rememberedBase). A config has a handful of sites.
const bases = new PlanMemos<BoundedMemo<SanitizedBase>>(64);

function basesFor(plan: ScrubContext['plan'], site: string): BoundedMemo<SanitizedBase> {
  const sites = bases.of(plan);
  let memo = sites.get(site);
  if (memo === undefined) { memo = new BoundedMemo<SanitizedBase>(4096); sites.set(site, memo); }
  return memo;
}

function sanitizedAddress(url: string, ctx: ScrubContext): string | undefined {
  const { plan } = ctx;
  // No scheme and no path: no URL, so this reads only what was dropped before.
  if (url.indexOf('/') < 0 && url.indexOf(':') < 0 && (url.indexOf('=') > 0 || ENCODED_QUERY.test(url))) return queryAlone(url, ctx);
  if (url.indexOf('?') >= 0 || url.indexOf('#') >= 0) return sanitizeUrl(url, plan.queryAllow, urlScanner(plan, ctx.codeSite), ctx.memo, basesFor(plan, ctx.codeSite ?? ''))?.url;
  const memo = addresses.of(plan);
  let out = memo.get(url);
  if (out === undefined) {
    out = sanitizeUrl(url, plan.queryAllow, urlScanner(plan), ctx.memo)?.url ?? null;
    memo.set(url, out);
  }
  return out ?? undefined;
}

/** A field's address as the url rule sends it: sanitized, and dropped when it names a health context. */
export function keptUrl(value: string, ctx: ScrubContext): string | undefined {
  const url = sanitizeUrlMemo(value, ctx);
  return url === undefined || namesHealthContext(url, ctx) ? undefined : url;
}
