import { FreeTextNames } from './free-text-names.js';
import { recipientParam } from './recipient-params.js';
import { sha256Hex } from '../common/hash.js';
import ipaddr from 'ipaddr.js';
import type { RulesFile, Site, DestinationConfig, IdentifierRule } from '../config/schema.js';
import { hashKeyOf } from '../config/secrets.js';
import { ConfigError } from '../errors.js';
import { didYouMean } from '../config/suggest.js';
import { optionProblems } from '../config/locate.js';
import { DESTINATION_TYPES } from '../destinations/registry.js';
import type { DestinationDeps } from '../destinations/types.js';
import { AllowNode } from './allow-tree.js';
import { DETECTORS_BY_KIND } from './detectors/index.js';
import type { ValueDetector } from './detectors/types.js';
import { FieldMatcher, type FieldRule } from './field-matcher.js';
import { normalizeFieldName } from './field-name.js';
import { compilePageRules } from './compile-pages.js';
import { HHS_RESTRICTED_ZIP3 } from './ops/generalize.js';
import { KeyedHasher } from './ops/hash.js';
import type { DestinationPlan, Plan, SitePlan } from './plan.js';
import { buildScanner } from './text-scanner.js';
import { compileTerms } from './term-pattern.js';

export interface CompileOptions {
  dataDir: string;
  now?: () => number;
  /** Where destinations report failures of their timer work (see DestinationDeps). */
  onBackgroundError?: (destination: string, task: string, code: string, detail?: string) => void;
}

const DEFAULT_QUERY_ALLOW = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

/** Compiles a validated rule file into an immutable plan, or throws ConfigError listing every problem. */
export function compileRules(rules: RulesFile, options: CompileOptions): Plan {
  const errors: string[] = [];
  const identifiers = rules.identifiers ?? [];
  const { matcher, detectorTextAction, detectors } = compileIdentifiers(identifiers, errors);
  const zip3Restricted: ReadonlySet<string> = new Set(rules.zip3_restricted ?? HHS_RESTRICTED_ZIP3);
  const scanner = buildScanner(detectors, zip3Restricted);
  const destinations = compileDestinations(rules, options, errors);
  const sites = (rules.sites ?? []).map((s, i) => compileSite(s, i, errors));
  const pages = compilePageRules(rules, errors);
  if (errors.length) throw new ConfigError(errors);
  const server = rules.server;
  const secret = hashKeyOf(rules);
  return Object.freeze({
    version: policyVersion(rules),
    sites,
    sitesByKey: new Map(sites.map((s) => [s.writeKey, s])),
    ...pages,
    sensitiveTerms: compileTerms(rules.sensitive_terms ?? []),
    sensitiveEventName: rules.sensitive_event_name ?? 'Content Interaction',
    eventMap: new Map(Object.entries(rules.event_map ?? {})),
    fields: matcher,
    // Written as sites write them (`संदेश`, `komantè`) and read as keys are: folded like a key's own name.
    freeTextFields: new FreeTextNames((rules.free_text_fields ?? []).map(normalizeFieldName)),
    identifiers,
    scanner,
    detectorTextAction,
    // A recipient's id in a campaign link is never kept, listed or not (recipient-params.ts).
    queryAllow: new Set((rules.url_query_allow ?? DEFAULT_QUERY_ALLOW).map((q) => q.toLowerCase()).filter((q) => !recipientParam(q))),
    zip3Restricted,
    hasher: new KeyedHasher(secret, (rules.secrets?.hash_rotation_days ?? 30) * 86_400_000),
    pseudonymousMode: rules.pseudonymous_id?.mode ?? 'random',
    rotateMs: (rules.pseudonymous_id?.rotate_hours ?? 24) * 3_600_000,
    destinations,
    limits: {
      bodyBytes: server?.body_limit_bytes ?? 500 * 1024,
      eventBytes: server?.event_limit_bytes ?? 32 * 1024,
      depth: server?.max_depth ?? 16,
      keys: server?.max_keys ?? 1000,
    },
  });
}

/**
 * The policy version: a hash of the rules without secrets, write keys and destination
 * credentials, so rotating a credential does not look like a policy change.
 */
export function policyVersion(rules: RulesFile): string {
  const { secrets: _secrets, ...rest } = rules;
  const redacted = {
    ...rest,
    sites: rest.sites?.map(({ write_key: _key, ...site }) => site),
    destinations: Object.fromEntries(Object.entries(rest.destinations ?? {}).map(([name, { options: _options, ...d }]) => [name, d])),
  };
  return sha256Hex(JSON.stringify(redacted)).slice(0, 12);
}

function compileIdentifiers(identifiers: readonly IdentifierRule[], errors: string[]) {
  const exact = new Map<string, FieldRule>();
  const containing: [string, FieldRule, string[]][] = [];
  const lastWords = new Map<string, FieldRule>();
  const detectorTextAction = new Map<string, 'redact' | 'drop'>();
  const detectors: ValueDetector[] = [];
  identifiers.forEach((r, i) => {
    // A rule that finds ages in text holds ages in its fields too (`age: 93`); other date rules' bare numbers are days or months.
    const ages = r.detectors.includes('age_over_89');
    // `action` is what destinations without a BAA get: a raw or match-key identifier there is what phiwall exists to stop.
    if (r.action === 'keep' || r.action === 'match_key') errors.push(`identifiers.${i}.action: ${r.action} is the action for destinations without a BAA, and ${r.action === 'keep' ? 'a raw identifier' : 'a match key'} needs a BAA (set baa_action: ${r.action} and action: drop, hash or redact)`);
    const rule: FieldRule = { id: r.id, action: r.action, baaAction: r.baa_action ?? r.action, textAction: r.text_action, matchKey: r.match_key, safeHarbor: r.safe_harbor, ages };
    // Names are matched normalized (field-name.ts): a pack may write `フリガナ` or `E-Mail` as a user would.
    for (const f of r.fields) { const k = normalizeFieldName(f); if (k !== '' && !exact.has(k)) exact.set(k, rule); }
    const not = r.not_containing.map(normalizeFieldName).filter((k) => k !== '');
    for (const f of r.fields_containing) { const k = normalizeFieldName(f); if (k !== '') containing.push([k, rule, not]); }
    // A role's name is written possessive too (`senders_name`, `babys_name`, `patients_name`): the `s` before `name`.
    for (const f of r.fields_containing) { const k = normalizeFieldName(f); if (k.length > 7 && k.endsWith('name') && !k.endsWith('sname')) containing.push([`${k.slice(0, -4)}sname`, rule, not]); }
    for (const f of r.fields_last_word) { const k = normalizeFieldName(f); if (k !== '' && !lastWords.has(k)) lastWords.set(k, rule); }
    for (const kind of r.detectors) {
      const d = DETECTORS_BY_KIND.get(kind);
      if (!d) { errors.push(`identifiers.${i}.detectors.${r.detectors.indexOf(kind)}: unknown detector "${kind}"${didYouMean(kind, DETECTORS_BY_KIND.keys())} (known: ${[...DETECTORS_BY_KIND.keys()].join(', ')})`); continue; }
      if (!detectors.includes(d)) detectors.push(d);
      if (r.text_action === 'drop' || !detectorTextAction.has(kind)) detectorTextAction.set(kind, r.text_action);
    }
  });
  return { matcher: new FieldMatcher(exact, containing, lastWords), detectorTextAction, detectors };
}

function compileDestinations(rules: RulesFile, options: CompileOptions, errors: string[]): DestinationPlan[] {
  const out: DestinationPlan[] = [];
  for (const [name, cfg] of Object.entries(rules.destinations ?? {})) {
    if (!cfg.enabled) continue;
    const where = `destinations.${name}`;
    const type = DESTINATION_TYPES.get(cfg.type);
    if (!type) { errors.push(`${where}.type: unknown destination type "${cfg.type}"${didYouMean(cfg.type, DESTINATION_TYPES.keys())} (known: ${[...DESTINATION_TYPES.keys()].join(', ')})`); continue; }
    checkMatchKeyPolicy(name, cfg, errors);
    const parsed = type.configSchema.safeParse(cfg.options);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(...optionProblems(`${where}.options`, issue, type.configSchema));
      continue;
    }
    const baa = baaInForce(cfg.baa, (options.now ?? Date.now)());
    const report = options.onBackgroundError;
    const deps: DestinationDeps = { name, baa, dataDir: options.dataDir, now: options.now ?? Date.now, onBackgroundError: report && ((task, code, detail) => report(name, task, code, detail)) };
    out.push(Object.freeze({
      name, type: cfg.type, baa, baaExpiresAt: baaExpiry(cfg.baa), allow: AllowNode.compile(cfg.allow),
      include: cfg.events.include ? new Set(cfg.events.include) : undefined,
      exclude: new Set(cfg.events.exclude),
      types: cfg.events.types ? new Set<string>(cfg.events.types) : undefined,
      eventMap: new Map(Object.entries(cfg.event_map)),
      actions: baa ? new Map(Object.entries(cfg.actions)) : withoutBaaActions(cfg.actions),
      matchKeys: cfg.match_keys,
      matchKeysScope: cfg.match_keys_scope,
      purposes: cfg.purposes,
      destination: type.create(parsed.data, deps),
      config: cfg,
    }));
  }
  return out;
}

/** A BAA record is in force from `signed` until `expires`; a boolean is taken as declared. */
export function baaInForce(baa: DestinationConfig['baa'], now: number): boolean {
  if (typeof baa === 'boolean') return baa;
  return Date.parse(baa.signed) <= now && now < baaExpiry(baa)!;
}

/** Epoch ms at which a dated BAA stops applying (a bare date expires at the end of that UTC day). */
export function baaExpiry(baa: DestinationConfig['baa']): number | undefined {
  if (typeof baa === 'boolean') return undefined;
  const t = Date.parse(baa.expires);
  return /^\d{4}-\d{2}-\d{2}$/.test(baa.expires) ? t + 86_400_000 : t;
}

/** Without a BAA in force, overrides that need one fall back to the identifier's non-BAA action. */
export function withoutBaaActions(actions: Readonly<Record<string, FieldRule['action']>>): Map<string, FieldRule['action']> {
  return new Map(Object.entries(actions).filter(([, a]) => a !== 'keep' && a !== 'match_key'));
}

/**
 * match_key use needs a BAA; at run time it also needs the event subject's recorded marketing
 * authorization (src/governance). A dated BAA counts here even when expired: the stricter
 * run-time treatment applies then, instead of refusing the whole config.
 */
function checkMatchKeyPolicy(name: string, cfg: DestinationConfig, errors: string[]): void {
  if (cfg.baa !== false) return;
  if (cfg.match_keys) errors.push(`destinations.${name}.match_keys: match keys need baa: true (a destination without a BAA may not receive hashed identifiers)`);
  for (const [id, action] of Object.entries(cfg.actions)) {
    if (action === 'match_key') errors.push(`destinations.${name}.actions.${id}: match_key needs baa: true`);
    if (action === 'keep') errors.push(`destinations.${name}.actions.${id}: keep (raw identifier) needs baa: true`);
  }
}

function compileSite(site: Site, index: number, errors: string[]): SitePlan {
  const proxies = site.trusted_proxies.flatMap((cidr) => {
    try { return [ipaddr.parseCIDR(cidr.includes('/') ? cidr : `${cidr}/${cidr.includes(':') ? 128 : 32}`)]; } catch {
      errors.push(`sites.${index}.trusted_proxies: "${cidr}" is not a CIDR`);
      return [];
    }
  });
  return Object.freeze({
    name: site.name,
    writeKey: site.write_key,
    origins: site.allowed_origins.map(originPattern),
    trustedProxies: proxies,
    hosts: new Set(site.hosts.map((h) => h.toLowerCase())),
    requireConsent: site.require_consent,
    backend: site.backend,
    measurementIds: new Set(site.measurement_ids),
    config: site,
  });
}

/** `http://localhost:*` -> any port; `https://*.example.org` -> any subdomain. */
function originPattern(origin: string): RegExp {
  const escaped = origin.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/:\*$/, '(?::\\d+)?').replace(/\*/g, '[a-z0-9-]+(?:\\.[a-z0-9-]+)*')}$`);
}
