import { domainToASCII } from 'node:url';
import type { BlockedHost, RulesFile } from '../config/schema.js';
import { FRAMEWORK_DIRS } from './canonical-path.js';
import { globToRegExp, hostGlobToRegExp } from './glob.js';
import { LiteralIndex, rememberWindows } from './literal-index.js';
import { checkPattern } from './regex-checks.js';
import type { BlockRule, HostPathRule, PageGroupPlan, Plan } from './plan.js';
import { escapeRegExp } from '../common/regex-escape.js';
import { NON_ASCII } from '../common/char-gates.js';

/** The plan's page rules: blocked paths and hosts, locale prefixes, page groups and listing pages. */
export type PagePlan = Pick<Plan, 'blocked' | 'blockedIndex' | 'blockedWhenSensitive' | 'blockedHosts' | 'blockedHostPaths' | 'localePrefixes' | 'pageGroups' | 'pageGroupsAny' | 'pageGroupIndex' | 'listingPages'>;

/** Compiles the page rules; a bad pattern is reported in `errors` (file:line comes from the loader). */
export function compilePageRules(rules: RulesFile, errors: string[]): PagePlan {
  const blocked = (rules.blocked_paths ?? []).map((b, i) => ({ name: b.name, re: compilePattern(b.glob, b.regex, `blocked_paths.${i}`, errors), when: b.when }));
  const [always, whenSensitive] = [blocked.filter((b) => b.when === undefined), blocked.filter((b) => b.when === 'sensitive')].map((l) => l.map(({ name, re }) => ({ name, re })));
  // `when: sensitive` reads a page's paths and event name: a host rule cannot take it.
  for (const [i, b] of (rules.blocked_hosts ?? []).entries()) if (b.when !== undefined) errors.push(`blocked_hosts.${i}.when: only blocked_paths rules take "when"`);
  const hostRules = (rules.blocked_hosts ?? []).map((b, i) => compileHostRule(b, `blocked_hosts.${i}`, errors));
  const pageGroups = (rules.page_groups ?? []).map((g, i) => ({
    name: g.name, sensitive: g.sensitive, res: g.paths.map((p) => compilePattern(p, undefined, `page_groups.${i}`, errors)),
  }));
  return {
    blocked: always,
    blockedIndex: new LiteralIndex(always.map((b) => b.re)),
    blockedWhenSensitive: whenSensitive,
    blockedHosts: hostRules.filter((r): r is BlockRule => !('paths' in r)),
    blockedHostPaths: hostRules.filter((r): r is HostPathRule => 'paths' in r),
    // Framework directories (`/cgi-bin/`) are skipped at a path's start like locale prefixes.
    localePrefixes: new Set([...(rules.locale_prefixes ?? []).map((l) => l.toLowerCase()), ...FRAMEWORK_DIRS]),
    pageGroups,
    pageGroupsAny: combinePatterns(pageGroups.flatMap((g) => g.res)),
    pageGroupIndex: indexPageGroups(rules.page_groups ?? [], pageGroups),
    listingPages: listingPages(rules.listing_pages ?? [], errors),
  };
}

// A language before a listing's path (`/es/locations`, `/en-us/services`), as a raw path spells it: displayRoute reads
// the page's path as sent, not canonicalised.
const LANGUAGE_FIRST = '(?:/[a-z]{2}(?:-[a-z]{2})?)?';

/**
 * Plan['listingPages']: the `listing_pages` globs as one alternation, tested in any case after an optional language. A
 * glob that matches the site's root (`/`, `/*`, `/**`) is refused: a root page's query is its route
 * (`/?panel=pay-my-bill`, page-readings.ts), and a catch-all would make every page's view a filter.
 */
function listingPages(globs: readonly string[], errors: string[]): RegExp | undefined {
  const sources: string[] = [];
  for (const [i, glob] of globs.entries()) {
    const re = compilePattern(glob, undefined, `listing_pages.${i}`, errors);
    if (re.test('/')) errors.push(`listing_pages.${i}: matches the site's root page, whose query is its route (\`/?panel=pay-my-bill\`); list the listing's own pages (\`/our-clinics/**\`)`);
    // Each is `^…$` (globToRegExp); one that failed to compile (`/$^/`) is reported already.
    else if (re.source.startsWith('^') && re.source.endsWith('$')) sources.push(re.source.slice(1, -1));
  }
  return sources.length === 0 ? undefined : new RegExp(`^${LANGUAGE_FIRST}(?:${sources.join('|')})$`, 'i');
}

/**
 * A pattern's letters in NFKC, the form canonicalPath and hostBlock read paths and hosts in: a rule
 * written as a language is typed (Thai `ชำระ` with SARA AM, which NFKC splits into two characters;
 * a half-width katakana) would otherwise never match. Only runs of letters, marks and digits are
 * folded, so a full-width bracket in a pattern never turns into regex syntax.
 */
export function nfkcLetters(pattern: string): string {
  return NON_ASCII.test(pattern) ? pattern.replace(LETTER_RUN, (run) => run.normalize('NFKC')) : pattern;
}
const LETTER_RUN = /[\p{L}\p{M}\p{N}]+/gu;

function compilePattern(glob: string | undefined, regex: string | undefined, where: string, errors: string[]): RegExp {
  try {
    return regex !== undefined ? operatorRegExp(regex, where, errors) : globToRegExp(nfkcLetters(glob ?? ''));
  } catch (err) {
    errors.push(patternProblem(where, regex, err));
    return /$^/;
  }
}

/** One case-insensitive alternation of several patterns, or undefined when they cannot combine. */
function combinePatterns(res: readonly RegExp[]): RegExp | undefined {
  if (!res.length) return undefined;
  // Backreferences would point at other patterns' groups once combined: the first test could
  // then miss a real match (a blocked page let through). No combined test for those.
  if (res.some((r) => /\\(?:[1-9]|k<)/.test(r.source))) return undefined;
  try { return new RegExp(res.map((r) => `(?:${r.source})`).join('|'), 'i'); } catch { return undefined; }
}

/** The literal first segment of a path glob, or undefined when it has none (`/*`, `/**`, `//x`). */
function firstSegment(glob: string): string | undefined {
  // Read as globToRegExp reads it: trimmed, lower case, rooted.
  const g = glob.trim().toLowerCase();
  const path = g.startsWith('/') ? g : `/${g}`;
  const end = path.indexOf('/', 1);
  const segment = path.slice(1, end < 0 ? undefined : end);
  // `/` alone matches the root only, whose first segment is empty.
  if ((segment === '' && path !== '/') || segment.includes('*') || segment.includes('?')) return undefined;
  return segment;
}

/** Plan['pageGroupIndex'], or undefined when a glob has no literal first segment. */
function indexPageGroups(config: NonNullable<RulesFile['page_groups']>, groups: readonly PageGroupPlan[]): Plan['pageGroupIndex'] {
  const index = new Map<string, { group: PageGroupPlan; res: RegExp[] }[]>();
  for (let g = 0; g < groups.length; g++) {
    for (let p = 0; p < config[g].paths.length; p++) {
      const segment = firstSegment(config[g].paths[p]);
      if (segment === undefined) return undefined;
      const entries = index.get(segment) ?? [];
      if (entries.at(-1)?.group !== groups[g]) entries.push({ group: groups[g], res: [] });
      entries.at(-1)!.res.push(groups[g].res[p]);
      index.set(segment, entries);
    }
  }
  return index;
}

/** A blocked_hosts entry: its host test (glob, regex or domains) and, with `paths`, the pages of those hosts it blocks. */
function compileHostRule(b: BlockedHost, where: string, errors: string[]): BlockRule | HostPathRule {
  const re = b.domains !== undefined ? domainsPattern(b.domains, where, errors) : compileHostPattern(b.glob, b.regex, where, errors);
  if (b.paths === undefined) return { name: b.name, re };
  const paths = b.paths.map((p, j) => compilePattern(p, undefined, `${where}.paths.${j}`, errors));
  return { name: b.name, re, paths: combinePatterns(paths) ?? /$^/ };
}

/**
 * `zocdoc.com` as a host test: the domain itself and every host under it. Written in Unicode or
 * punycode alike (hosts are read in ASCII); a `*.` before it or a final dot changes nothing.
 */
function domainsPattern(domains: readonly string[], where: string, errors: string[]): RegExp {
  const ascii = domains.map((d, j) => {
    const host = domainToASCII(d.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, ''));
    if (host === '') errors.push(`${where}.domains.${j}: not a host name`);
    return escapeRegExp(host);
  }).filter((h) => h !== '');
  return ascii.length ? new RegExp(`^(?:[a-z0-9-]+\\.)*(?:${ascii.join('|')})$`) : /$^/;
}

function compileHostPattern(glob: string | undefined, regex: string | undefined, where: string, errors: string[]): RegExp {
  try {
    return regex !== undefined ? operatorRegExp(regex, where, errors) : hostGlobToRegExp(nfkcLetters(glob ?? ''));
  } catch (err) {
    errors.push(patternProblem(where, regex, err));
    return /$^/;
  }
}

/**
 * An operator's `regex:`, refused (never run) when it can backtrack catastrophically: it would run
 * on every page an event names, and one crafted path could hold the event loop for minutes. Two
 * unbounded repetitions reading the same characters side by side cost the square or cube of a text's
 * length (`\s*\s*x`: 7 s on 2,000 spaces), refused alike (regex-polynomial.ts).
 */
function operatorRegExp(regex: string, where: string, errors: string[]): RegExp {
  const re = new RegExp(nfkcLetters(regex), 'i');
  const { parsed, exponential, polynomial } = checkPattern(re.source, re.flags);
  if (exponential !== undefined) {
    errors.push(`${where}.regex: refused: this pattern can take exponential time on a path or host it does not match (${exponential}); give each repetition one way to read a text, e.g. "([a-z]+)+" as "[a-z]+", "(a|ab)+" as "(ab?)+"`);
    return /$^/;
  }
  if (polynomial === undefined) { rememberWindows(re, parsed); return re; }
  errors.push(`${where}.regex: refused: this pattern can take polynomial time (the square of a text's length or worse) on a path or host it does not match (${polynomial}); let one of them read the run, e.g. "\\s*\\s*" as "\\s*", ".*.*" as ".*", "a+(b)?a+" as "a+(ba+)?"`);
  return /$^/;
}

/** `blocked_paths.3.regex: invalid regular expression (Unterminated group)`: the key and the engine's reason, not the pattern again. */
function patternProblem(where: string, regex: string | undefined, err: unknown): string {
  const reason = err instanceof SyntaxError ? /: ([^:]+)$/.exec(err.message)?.[1] : undefined;
  return regex !== undefined ? `${where}.regex: invalid pattern: not a regular expression${reason ? ` (${reason})` : ''}` : `${where}.glob: invalid pattern`;
}
