import { z } from 'zod';
import { offlineForwardingIssues } from '../attribution/forward-config.js';
import { allowIssues } from './allow-check.js';

// The rule language. One schema, one inferred type of the same name; unknown keys are errors.

export const ACTIONS = ['keep', 'drop', 'redact', 'hash', 'match_key', 'truncate_ip', 'zip3', 'year', 'generalize_ua', 'sanitize_url'] as const;
export const Action = z.enum(ACTIONS);
export type Action = z.infer<typeof Action>;

export const MATCH_KEYS = ['em', 'ph', 'fn', 'ln', 'zp', 'ct', 'st', 'country', 'db', 'ge', 'external_id'] as const;

export const IdentifierRule = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  safe_harbor: z.string().optional(),
  description: z.string().optional(),
  /** Normalized field names (lower-case letters and digits only) matched exactly. */
  fields: z.array(z.string()).default([]),
  /** Normalized substrings: a field whose normalized name contains one of them matches. */
  fields_containing: z.array(z.string()).default([]),
  /** Normalized substrings that keep fields_containing from matching (`ssn` is not in `classname`). */
  not_containing: z.array(z.string()).default([]),
  /**
   * Words matched only as the last word of a key written in several words (`location_lat`, `geoLng`): too short to
   * match inside a name (`platform`, `salon`), as fields_containing would.
   */
  fields_last_word: z.array(z.string()).default([]),
  /** Value detectors whose hits inside any allowed string belong to this identifier. */
  detectors: z.array(z.string()).default([]),
  /** What happens to a field matched by name, for destinations without a BAA. */
  action: Action,
  /** The same for destinations with a BAA (default: same as action). */
  baa_action: Action.optional(),
  /** What happens to detector hits inside text: redact (default) or drop the whole value. */
  text_action: z.enum(['redact', 'drop']).default('redact'),
  /** Which normalized match key this identifier feeds when match keys are allowed. */
  match_key: z.enum(MATCH_KEYS).optional(),
});
export type IdentifierRule = z.infer<typeof IdentifierRule>;

export const BlockedPath = z.strictObject({
  name: z.string(),
  glob: z.string().optional(),
  regex: z.string().optional(),
  description: z.string().optional(),
  /** `sensitive`: the rule blocks only a page that names a sensitive term or is in a sensitive group (a condition page's booking step). */
  when: z.enum(['sensitive']).optional(),
}).refine((b) => (b.glob === undefined) !== (b.regex === undefined), { message: 'give exactly one of glob or regex' });
export type BlockedPath = z.infer<typeof BlockedPath>;

/** A blocked host: a host glob or regex, or a list of domains (each with every host under it), optionally only some of its pages. */
export const BlockedHost = z.strictObject({
  name: z.string(),
  glob: z.string().optional(),
  regex: z.string().optional(),
  /** Domains or hosts, each matching itself and every host under it (`zocdoc.com` is also `www.zocdoc.com`). */
  domains: z.array(z.string().min(1)).min(1).optional(),
  /** Path globs: the rule blocks only these pages of its hosts (`/booking/**`); without it, every page. */
  paths: z.array(z.string().min(1)).min(1).optional(),
  description: z.string().optional(),
  when: z.enum(['sensitive']).optional(),
}).refine((b) => [b.glob, b.regex, b.domains].filter((x) => x !== undefined).length === 1, { message: 'give exactly one of glob, regex or domains' });
export type BlockedHost = z.infer<typeof BlockedHost>;

export const PageGroup = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  paths: z.array(z.string()).min(1),
  /** Pages that name a condition or treatment: non-BAA destinations get the group, not the page. */
  sensitive: z.boolean().default(false),
});
export type PageGroup = z.infer<typeof PageGroup>;

export const Site = z.strictObject({
  name: z.string(),
  write_key: z.string().min(1),
  /** Browser Origin headers are `scheme://host[:port]`: an entry without the scheme, or with a path, would never match. */
  allowed_origins: z.array(z.string().regex(/^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\s]+|null)$/, 'an origin is scheme://host[:port] with no path (`https://www.example.org`, `http://localhost:*`)')).default([]),
  trusted_proxies: z.array(z.string()).default([]),
  /** Own hostnames: referrers from them are checked against blocked paths. */
  hosts: z.array(z.string()).default([]),
  require_consent: z.boolean().default(false),
  /** A BAA-covered backend (may post authorizations and offline conversions). */
  backend: z.boolean().default(false),
  /** GA4 measurement ids (`tid`) whose gtag hits this site accepts on /g/collect. */
  measurement_ids: z.array(z.string()).default([]),
});
export type Site = z.infer<typeof Site>;

/** A BAA registry entry: dates are ISO (YYYY-MM-DD or full timestamps); after `expires` the destination counts as baa: false. */
const IsoDate = z.union([z.iso.date(), z.iso.datetime()], { error: 'expected a date (YYYY-MM-DD) or an ISO timestamp' });
export const BaaRecord = z.strictObject({
  signed: IsoDate,
  expires: IsoDate,
}).refine((b) => Date.parse(b.expires) >= Date.parse(b.signed), { message: 'expires is before signed', path: ['expires'] });
export type BaaRecord = z.infer<typeof BaaRecord>;

export const DestinationConfig = z.strictObject({
  type: z.string(),
  baa: z.union([z.boolean(), BaaRecord], { error: 'expected true, false or { signed: YYYY-MM-DD, expires: YYYY-MM-DD }' }).default(false),
  enabled: z.boolean().default(true),
  /** Field paths this destination may receive (dot paths, `*` one level, `**` any depth). */
  allow: z.array(z.string()).default([]),
  events: z.strictObject({
    include: z.array(z.string()).optional(),
    exclude: z.array(z.string()).default([]),
    types: z.array(z.enum(['track', 'page', 'identify', 'screen', 'group', 'alias'])).optional(),
  }).default({ exclude: [] }),
  /** Renames events for this destination (exact name -> new name). */
  event_map: z.record(z.string(), z.string()).default({}),
  /** Per-identifier action overrides for this destination. */
  actions: z.record(z.string(), Action).default({}),
  /** Send normalized SHA-256 match keys (refused by the compiler unless baa: true). */
  match_keys: z.boolean().default(false),
  /** Authorization scope an event's subject must hold (POST /v1/authorizations) before match keys are sent. */
  match_keys_scope: z.string().regex(/^[a-z][a-z0-9_:-]*$/).default('marketing'),
  /** Purposes required from the event's consent state. */
  purposes: z.array(z.enum(['analytics', 'ads'])).default([]),
  /** Type-specific options (credentials, ids, endpoint). */
  options: z.record(z.string(), z.unknown()).default({}),
  delivery: z.strictObject({
    max_attempts: z.number().int().positive().default(12),
    max_age_hours: z.number().positive().default(72),
    concurrency: z.number().int().positive().default(2),
    rate_per_second: z.number().positive().optional(),
    batch_size: z.number().int().positive().optional(),
    /** Backoff: full jitter under min(retry_max_ms, retry_base_ms * 2^attempt). */
    retry_base_ms: z.number().int().positive().default(1000),
    retry_max_ms: z.number().int().positive().default(600_000),
    /** Consecutive failed batches that open the circuit breaker. */
    breaker_threshold: z.number().int().positive().default(5),
    /** How long a leased batch is reserved; a crashed process's leases come back after it. */
    lease_ms: z.number().int().positive().default(30_000),
    /** Longest wait between delivery rounds when rounds find few rows (low traffic): bounds how long a row waits to be sent. */
    max_linger_ms: z.number().int().min(25).max(10_000).optional(),
  }).default({ max_attempts: 12, max_age_hours: 72, concurrency: 2, retry_base_ms: 1000, retry_max_ms: 600_000, breaker_threshold: 5, lease_ms: 30_000 }),
});
export type DestinationConfig = z.infer<typeof DestinationConfig>;

export const RulesFile = z.strictObject({
  version: z.literal(1).default(1),
  include: z.array(z.string()).default([]),
  server: z.strictObject({
    port: z.number().int().min(0).max(65535).default(8080),
    host: z.string().default('0.0.0.0'),
    body_limit_bytes: z.number().int().positive().default(500 * 1024),
    event_limit_bytes: z.number().int().positive().default(32 * 1024),
    max_depth: z.number().int().positive().default(16),
    max_keys: z.number().int().positive().default(1000),
    snippet_path: z.string().default('/assets/site.js'),
    shutdown_timeout_ms: z.number().int().positive().default(10_000),
    /** Open connections per process; one more is answered 503 and closed (server/connections.ts). */
    max_connections: z.number().int().positive().default(900),
    /** A request's headers must arrive within this (a slowloris is answered 408 after it). */
    headers_timeout_ms: z.number().int().min(1000).default(10_000),
    /** The whole request (headers and body) must arrive within this. */
    request_timeout_ms: z.number().int().min(1000).default(60_000),
    /** An idle keep-alive connection is closed after this. */
    keep_alive_timeout_ms: z.number().int().min(100).default(5_000),
  }).refine((s) => s.headers_timeout_ms < s.request_timeout_ms, { message: 'headers_timeout_ms must be shorter than request_timeout_ms', path: ['headers_timeout_ms'] }).optional(),
  spool: z.strictObject({
    max_rows: z.number().int().positive().default(2_000_000),
    max_bytes: z.number().int().positive().default(2 * 1024 ** 3),
    synchronous: z.enum(['full', 'normal']).default('normal'),
    dead_letter_days: z.number().positive().default(14),
    group_commit_ms: z.number().min(0).default(2),
    /** A retried POST (same site, sender and messageId within 24 h) is answered and not taken again (src/spool/ingest-dedup.ts); false turns it off. */
    dedup_retries: z.boolean().default(true),
  }).optional(),
  /** Where the spool and pseudonymous ids live: embedded SQLite (default) or shared PostgreSQL. */
  storage: z.strictObject({
    kind: z.enum(['sqlite', 'postgres']).default('sqlite'),
    url: z.string().regex(/^postgres(ql)?:\/\//, 'url must be a postgres:// connection URL').optional(),
    pool: z.number().int().min(2).max(200).default(10),
  }).refine((s) => s.kind !== 'postgres' || s.url !== undefined, { message: 'storage.url is required when kind is postgres', path: ['url'] }).optional(),
  secrets: z.strictObject({
    hash_key: z.string().min(16, 'hash_key must be at least 16 characters'),
    /** Days between rotations of the per-destination HMAC key. */
    hash_rotation_days: z.number().int().positive().default(30),
  }).optional(),
  pseudonymous_id: z.strictObject({
    mode: z.enum(['random', 'keyed_hash', 'off']).default('random'),
    rotate_hours: z.number().positive().default(24),
  }).optional(),
  sites: z.array(Site).optional(),
  locale_prefixes: z.array(z.string()).optional(),
  url_query_allow: z.array(z.string()).optional(),
  blocked_paths: z.array(BlockedPath).optional(),
  /** Hostname globs (`mychart.*`), regexes or domain lists (`paths` for some pages only): events from them are blocked, referrers from whole blocked hosts dropped. */
  blocked_hosts: z.array(BlockedHost).optional(),
  page_groups: z.array(PageGroup).optional(),
  /**
   * Path globs of public listings (`/locations/**`, `/find-a-doctor/**`): their view, tab or section in the query
   * (`?view=map`, `?tab=upcoming`) filters what they list, where another page's is read as a sub-page (`/patients?view=lab-results`
   * is `/patients/lab-results`). A glob matching the site's root is refused.
   */
  listing_pages: z.array(z.string().min(1)).optional(),
  sensitive_terms: z.array(z.string()).optional(),
  sensitive_event_name: z.string().optional(),
  event_map: z.record(z.string(), z.string()).optional(),
  identifiers: z.array(IdentifierRule).optional(),
  free_text_fields: z.array(z.string()).optional(),
  zip3_restricted: z.array(z.string().regex(/^\d{3}$/)).optional(),
  destinations: z.record(z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a destination name is lower-case letters, digits, _ and -, starting with a letter'), DestinationConfig).optional(),
  /** Admin API (/admin/*): off by default. Keys are SHA-256 hex digests of the bearer tokens. */
  admin: z.strictObject({
    enabled: z.boolean().default(false),
    /** Serve /admin on its own port (loopback by default) instead of the main one. */
    port: z.number().int().min(0).max(65535).optional(),
    host: z.string().default('127.0.0.1'),
    rate_per_minute: z.number().int().positive().default(120),
    keys: z.array(z.strictObject({
      name: z.string().regex(/^[a-z][a-z0-9_-]*$/),
      role: z.enum(['viewer', 'analyst', 'admin']),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lower-case hex digits'),
    })).default([]),
  }).optional(),
  /** Disclosure ledger options. */
  audit: z.strictObject({
    /** Also keep one row per delivered event (destination, time, policy version, payload SHA-256). */
    per_event_ledger: z.boolean().default(false),
  }).optional(),
}).superRefine((rules, ctx) => {
  // References between destinations (src/attribution/forward-config.ts).
  for (const issue of offlineForwardingIssues(rules.destinations)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  for (const issue of allowIssues(rules.destinations)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  // Included lists concatenate: a second rule with a pack's id would not replace the pack's, it would quietly lose to it.
  const firstIndex = new Map<string, number>();
  (rules.identifiers ?? []).forEach((r, i) => {
    const first = firstIndex.get(r.id);
    if (first === undefined) firstIndex.set(r.id, i);
    else ctx.addIssue({ code: 'custom', path: ['identifiers', i, 'id'], message: `"${r.id}" is already defined by identifiers[${first}] (an included pack's list and this one are concatenated, so this rule would not replace it; change the rule where it is defined, or give it another id)` });
  });
});
export type RulesFile = z.infer<typeof RulesFile>;
