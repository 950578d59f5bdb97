import type { LoadedConfig } from './load.js';
import type { RulesFile } from './schema.js';
import type { Plan } from '../rules/plan.js';
import { baaWarnings } from './baa-warnings.js';
import { recipientQueryWarnings } from '../rules/recipient-params.js';
import { nfkcLetters } from '../rules/compile-pages.js';
import { globToRegExp, hostGlobToRegExp } from '../rules/glob.js';

// What `phiwall check`, the collector's log at every load and the admin API's apply warn about
// without refusing: BAA-related allow entries (baa-warnings.ts), and a blocked_paths or
// blocked_hosts rule that blocks every page (`(?:)`, `.*`, `/**`, `^/`, `**`). Such a rule fails
// closed (nothing is sent), but silently: every event is blocked and the dashboards go quiet. And a url_query_allow entry
// naming an email or SMS recipient (recipient-params.ts), which is never kept.
// It is a warning, not an error, so an operator can still stop all collection on purpose.

// Pages and hosts no real rule blocks all of: a rule matching every one of them matches every page.
const ORDINARY_PATHS = ['/a', '/index.html', '/about-us', '/products/shoes/42', '/blog/2024/05/hello-world', '/search', '/zz9', '/en/contact'];
const ORDINARY_HOSTS = ['www.example.org', 'shop.example.com', 'localhost', 'a.b.example.co.uk', 'x1.io'];

/** The warnings of `config` compiled into `plan`, each at the file:line of its key. */
export function locatedConfigWarnings(config: LoadedConfig, plan: Plan, now: number): string[] {
  return config.locate([...baaWarnings(plan, config.rules.destinations, now), ...catchAllRuleWarnings(config.rules, plan),
    ...recipientQueryWarnings(config.rules.url_query_allow)]);
}

/** `blocked_paths.3.regex: …`: unconditional rules that match every ordinary page or host. */
export function catchAllRuleWarnings(rules: RulesFile, plan?: Pick<Plan, 'blockedIndex'>): string[] {
  const out: string[] = [];
  const suspects = unconditionalSuspects(rules, plan);
  (rules.blocked_paths ?? []).forEach((b, i) => {
    if (!suspects[i]) return;
    const re = compiled(() => (b.regex !== undefined ? new RegExp(nfkcLetters(b.regex), 'i') : globToRegExp(nfkcLetters(b.glob ?? ''))));
    if (re && ORDINARY_PATHS.every((p) => re.test(p))) out.push(`blocked_paths.${i}.${b.regex !== undefined ? 'regex' : 'glob'}: rule "${b.name}" ${EVERY_PAGE}`);
  });
  (rules.blocked_hosts ?? []).forEach((b, i) => {
    if (b.paths !== undefined || b.domains !== undefined) return;
    const re = compiled(() => (b.regex !== undefined ? new RegExp(nfkcLetters(b.regex), 'i') : hostGlobToRegExp(nfkcLetters(b.glob ?? ''))));
    if (re && ORDINARY_HOSTS.every((h) => re.test(h))) out.push(`blocked_hosts.${i}.${b.regex !== undefined ? 'regex' : 'glob'}: rule "${b.name}" ${EVERY_PAGE.replace('page', 'host')}`);
  });
  return out;
}

/**
 * For each blocked_paths rule, whether it must be tested on ORDINARY_PATHS: an unconditional one that the plan's literal
 * index (literal-index.ts) cannot rule out. Testing every rule compiled each of the 416 bundled rules at every load,
 * 0.5-0.8 s of a worker's start; the index rules out each pattern that needs a string some ordinary path lacks.
 */
function unconditionalSuspects(rules: RulesFile, plan: Pick<Plan, 'blockedIndex'> | undefined): boolean[] {
  const paths = rules.blocked_paths ?? [];
  // The plan's index covers exactly the unconditional rules, in order (compile-pages.ts).
  const mayMatch = plan?.blockedIndex?.mayMatchEvery(ORDINARY_PATHS);
  let k = 0;
  return paths.map((b) => b.when === undefined && (mayMatch?.[k++] ?? true));
}

const EVERY_PAGE = 'matches every page (it matches /products/shoes/42, /about-us and /search alike): every event is blocked and nothing is sent; anchor it to the pages meant (`^/patient/`, `/portal/**`)';

/**
 * The rule's pattern for the ORDINARY_PATHS test, under its own flags plus `d` (which changes no
 * `test` answer). V8 keeps one compiled form per (source, flags) for every regex made while it is
 * cached, so a copy with the plan's own flags made here shared the plan's: testing it on 8 paths
 * compiled every rule to bytecode and then machine code at each load, and the plan kept both for
 * as long as it lived, rules the traffic never runs included (issue #5: a worker's regex code and
 * bytecode fell from 11.3 to 8.5 MB of its 37 MB live heap after the bench's single events).
 */
function compiled(make: () => RegExp): RegExp | undefined {
  try {
    const re = make();
    return new RegExp(re.source, re.flags.includes('d') ? re.flags : `${re.flags}d`);
  } catch { return undefined; }
}
