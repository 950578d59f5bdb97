import { domainToUnicode } from 'node:url';
import { PlanMemos } from '../common/bounded-memo.js';
import { DASH_CHARS, INVISIBLE } from '../rules/form-decoded.js';
import { canonicalPath } from '../rules/canonical-path.js';
import { termInText } from '../rules/health-terms.js';
import type { HostPathRule, PageGroupPlan, Plan } from '../rules/plan.js';
import { englishStoryPath, nestedStory } from './story-areas.js';
import { abbreviationsWritten } from './abbreviated-words.js';
import { exceptionParted, runTogetherParted } from './run-together-words.js';
import { cmsPagePath } from './cms-tree.js';
import { articleParent, isHowToArticle } from './how-to-articles.js';
import { duplicateMarksDropped, fillersDropped, howToSectionRead } from './path-variants.js';
import { NON_ASCII } from '../common/char-gates.js';

/** What a plan says about one canonical page path. */
export interface PathVerdict {
  /** The first blocked-path rule the path matches, or null. */
  readonly blocked: string | null;
  /** Whether the path names a sensitive term (a condition, a treatment...). */
  readonly sensitive: boolean;
  /** The first page group whose patterns match it (for the page's own path). */
  readonly group: PageGroupPlan | undefined;
}

// A site's pages are viewed again and again: the same few thousand paths come with every event,
// and testing each against the blocked-path, sensitive-term and page-group patterns was ~0.35 us
// an event.
// The answers are a function of the path and the plan, so they are remembered per plan (bounded;
// a new plan after a reload starts empty).
const verdicts = new PlanMemos<PathVerdict>(4096);

/**
 * The longest path the patterns are run on. Sitemaps cap a whole URL at 2,048 characters; a longer path is
 * not read and blocks (fail closed). Patterns of the `([a-z0-9]+-)*word(-[a-z0-9]+)*` kind, quadratic in a
 * segment's length (a crafted 14,000-character segment held a worker ~0.7 s), are now refused when rules
 * compile (regex-polynomial.ts) and the bundled ones are written in a linear form; the cap still bounds
 * every other pattern's cost per path, and an analyst's pattern that passes the structural check.
 */
export const MAX_CHECKED_PATH = 2048;
const TOO_LONG: PathVerdict = Object.freeze({ blocked: 'page_path_too_long', sensitive: true, group: undefined });

export function pathVerdict(path: string, plan: Plan): PathVerdict {
  if (path.length > MAX_CHECKED_PATH) return TOO_LONG;
  const memo = verdicts.of(plan);
  let verdict = memo.get(path);
  if (verdict === undefined) {
    // A path spelled with other separators is read a second time with them folded (once per
    // path and plan: the answer is remembered with the verdict).
    const alt = separatorsFolded(path);
    // A story or posting area named in another language is read as the pack names it (`/noticias/…` as `/news/…`).
    const read = englishStoryPath(alt ?? path);
    const sensitive = namesTermIn(path, plan) || (alt !== undefined && namesTermIn(alt, plan));
    const blocked = read !== undefined ? blockedRule(read, plan) : blockedRule(path, plan) ?? (alt === undefined ? null : blockedRule(alt, plan)) ?? shorthandRule(alt ?? path, plan) ?? runTogetherRule(alt ?? path, plan);
    const cart = blocked === null && sensitive && CART_ITEM.test(path);
    verdict = { blocked: cart ? blockedRule(path.replace(CART_ITEM, '$1checkout/'), plan) : blocked, sensitive, group: pageGroupOf(read ?? path, plan) };
    verdict = storyInSection(path, alsoRead(alt ?? path, exceptionWhole(path, howToArticle(path, inContentTree(path, verdict, plan), plan), plan), plan), plan);
    memo.set(path, verdict);
  }
  return verdict;
}

// H151: a cart that names a condition or a treatment (`/cart/finasteride-1mg`, a cart's `?product=` and a cart event's
// items read under it) is that treatment's order: it is read as its checkout (`/checkout/finasteride-1mg`), which the
// pack blocks, where the storefront's product page flows with the page withheld. A gift shop's cart is its checkout too
// (`/gift-shop/cart/breast-cancer-pin` flows as the pack's gift-shop checkouts do); a cart naming nothing sensitive
// (`/cart/ibuprofen-200mg`) is read as before.
const CART_ITEM = /(^|\/)(?:cart|carts|basket|bag|shopping-cart|shopping-bag|cart-items?)\/(?=[^/])/;

// A path names a term as a value does: not inside a compound where the term's word means something else
// (`/gift-shop/std-delivery`, `/careers/background-screening`); a term elsewhere in the path still counts.
function namesTermIn(path: string, plan: Plan): boolean {
  return plan.sensitiveTerms !== undefined && termInText(path, plan.sensitiveTerms);
}

// Word separators other than `-` that sites, editors and encoders put in paths: Unicode hyphens
// and dashes (`pay\u2011your\u2011bill`, NFKC leaves them), the minus sign, `+` and whitespace
// for a space (`patient+portal`, `patient%20portal`), `_` and `.` (`bill_pay`, `billing.pay`);
// soft hyphens, zero-width and other invisible characters are removed.
const OTHER_SEPARATORS = new RegExp(`[${DASH_CHARS}+\\s_.]+`, 'g');
const MAY_FOLD = /[^\x00-\x7f]|[+\s_.']|\/[0-9]{1,6}-[a-z]/;
// A CMS's numbered slug (Joomla `/article/14-test-results`, `/12-pay-my-bill`): the number is the item's id.
const NUMBERED_SLUG = /\/[0-9]{1,6}-(?=[a-z])/g;
// Apostrophes (ASCII, right single quotation mark, modifier letter): a French elision separates words
// (`résultats d’analyses` is `resultats-d-analyses`), an English possessive `'s` joins them
// (`patient's guide` is `patients-guide`, as its slug would be).
const POSSESSIVE = /['\u2019\u02bc](?=s(?:[^a-z]|$))/g;
const APOSTROPHE = /['\u2019\u02bc]/g;
// Invisible characters INVISIBLE does not list: the combining grapheme joiner, the Mongolian vowel
// separator, invisible operators, direction marks and embeddings.
const MORE_INVISIBLE = /[\u034f\u180e\u200e\u200f\u202a-\u202e\u2061-\u2064\u2066-\u2069]/g;

// Letters of other scripts that look like Latin ones (`/\u0440atient-portal` with a Cyrillic er,
// `/p\u03bfrtal` with a Greek omicron, small capitals): NFKC keeps them apart, a reader does not.
const LOOKALIKES: Readonly<Record<string, string>> = {
  '\u0430': 'a', '\u0441': 'c', '\u0501': 'd', '\u0435': 'e', '\u04bb': 'h', '\u0456': 'i', '\u0458': 'j', '\u04cf': 'l', '\u043e': 'o',
  '\u0440': 'p', '\u0455': 's', '\u0445': 'x', '\u0443': 'y', '\u051b': 'q', '\u051d': 'w', '\u0432': 'b', '\u043a': 'k', '\u043c': 'm',
  '\u043d': 'h', '\u0442': 't', '\u03b1': 'a', '\u03b5': 'e', '\u03b9': 'i', '\u03ba': 'k', '\u03bd': 'v', '\u03bf': 'o', '\u03c1': 'p',
  '\u03c4': 't', '\u03c5': 'u', '\u03c7': 'x', '\u1d00': 'a', '\u0299': 'b', '\u1d04': 'c', '\u1d05': 'd', '\u1d07': 'e', '\ua730': 'f',
  '\u0262': 'g', '\u029c': 'h', '\u026a': 'i', '\u1d0a': 'j', '\u1d0b': 'k', '\u029f': 'l', '\u1d0d': 'm', '\u0274': 'n', '\u1d0f': 'o',
  '\u1d18': 'p', '\u0280': 'r', '\ua731': 's', '\u1d1b': 't', '\u1d1c': 'u', '\u1d20': 'v', '\u1d21': 'w', '\u028f': 'y', '\u1d22': 'z',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'g');
const latinOf = (c: string): string => LOOKALIKES[c] ?? c;
// Only a word a reader could take for a Latin one is read in Latin: one mixing Latin letters with look-alikes, or made
// of look-alikes only. A word of its own script (`/ru/ракета-фестиваль`: `фестиваль` has letters no Latin one looks
// like) stays as written; read letter by letter it was `фectиbaль`, and the pack's `ect~` (electroconvulsive therapy) matched.
const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const ASCII_LETTER = /[a-z]/i;
const NOT_LOOKALIKE = new RegExp(`[^a-zA-Z${Object.keys(LOOKALIKES).join('')}]`);
const latinWord = (word: string): string =>
  ASCII_LETTER.test(word) || !NOT_LOOKALIKE.test(word) ? word.replace(LOOKALIKE, latinOf) : word;

// Accented Latin letters (`/facturación`, `/kết-quả-xét-nghiệm`, `/płatności`): rules are written
// without accents, as most sites' slugs are. Marks are removed from Latin letters only (NFD, then NFC
// again: Hangul syllables come back whole); the letters NFD leaves whole are mapped.
const ACCENTED_LATIN = /[\u00c0-\u024f\u1e00-\u1eff]/;
const COMBINING_MARK = /(?<=[a-z])[\u0300-\u036f]+/g;
const UNMARKED: Readonly<Record<string, string>> = { '\u0111': 'd', '\u0142': 'l', '\u00f8': 'o', '\u0127': 'h', '\u00df': 'ss', '\u00e6': 'ae', '\u0153': 'oe' };
const UNMARKED_LETTER = new RegExp(`[${Object.keys(UNMARKED).join('')}]`, 'g');
const unaccented = (s: string): string => s.normalize('NFD').replace(COMBINING_MARK, '').normalize('NFC').replace(UNMARKED_LETTER, (c) => UNMARKED[c] ?? c);

/** The path with those separators folded to `-` (and look-alike and accented letters to Latin), or undefined when that changes nothing. */
export function separatorsFolded(path: string): string | undefined {
  if (!MAY_FOLD.test(path)) return undefined;
  let folded = path.replace(INVISIBLE, '').replace(OTHER_SEPARATORS, '-').replace(NUMBERED_SLUG, '/');
  if (folded.indexOf("'") >= 0 || folded.indexOf('\u2019') >= 0 || folded.indexOf('\u02bc') >= 0) folded = folded.replace(POSSESSIVE, '').replace(APOSTROPHE, '-');
  if (NON_ASCII.test(folded)) {
    folded = folded.replace(MORE_INVISIBLE, '').replace(LETTER_RUN, latinWord);
    if (ACCENTED_LATIN.test(folded)) folded = unaccented(folded);
  }
  return folded === path ? undefined : folded;
}

/** The blocked rule the path matches with the clinic's shorthand written out (`/pt-msgs` as `/patient-messages`), or null. */
function shorthandRule(path: string, plan: Plan): string | null {
  const written = abbreviationsWritten(path);
  return written === undefined ? null : blockedRule(written, plan);
}

/** A page under a CMS's content tree (`/content/<site>/en/…`) also read as its own path (cms-tree.ts): the stricter of the two answers. */
function inContentTree(path: string, own: PathVerdict, plan: Plan): PathVerdict {
  if (own.blocked !== null) return own;
  const page = cmsPagePath(path, plan.localePrefixes);
  if (page === undefined) return own;
  const v = pathVerdict(page, plan);
  return { blocked: v.blocked, sensitive: own.sensitive || v.sensitive, group: own.group ?? v.group };
}

/**
 * A story or posting nested below a public section (`/about/news/mychart-upgrade`, `/community/news/pharmacy-refill-app-launch`,
 * `/content/<site>/us/en/news/…`) is read as the area's page (`/news/mychart-upgrade`), as the pack reads a story at the root:
 * it flows where that page flows. A section that blocks keeps the path blocked (`/mychart/news/…`). Probe 49.
 */
function storyInSection(path: string, own: PathVerdict, plan: Plan): PathVerdict {
  if (own.blocked === null) return own;
  const nested = nestedStory(path);
  if (nested === undefined || pathVerdict(nested.section, plan).blocked !== null) return own;
  return pathVerdict(nested.story, plan).blocked === null ? { ...own, blocked: null } : own;
}

/** A how-to article's slug flows unless the page it sits under blocks (how-to-articles.ts). */
function howToArticle(path: string, own: PathVerdict, plan: Plan): PathVerdict {
  if (own.blocked === null || !isHowToArticle(path) || pathVerdict(articleParent(path), plan).blocked !== null) return own;
  return { ...own, blocked: null };
}

/** A blocked path whose run-together word holds a rule's exception word flows where its parted path does (run-together-words.ts). */
function exceptionWhole(path: string, own: PathVerdict, plan: Plan): PathVerdict {
  if (own.blocked === null) return own;
  const parted = exceptionParted(path, plan);
  return parted !== undefined && pathVerdict(parted, plan).blocked === null ? { ...own, blocked: null } : own;
}

/**
 * The path read without the articles between its words, without a how-to section's opening and without a CMS's
 * duplicate marks (path-variants.ts): the stricter answer. A how-to article's articles are dropped from the page it sits
 * under only: its own title's words (`how-do-i-…`) stay.
 */
function alsoRead(path: string, own: PathVerdict, plan: Plan): PathVerdict {
  // `path` is the reading with its separators folded (`how_to_pay_confirmation` as `how-to-pay-confirmation`) when it has one.
  if (own.blocked !== null) return own;
  const article = isHowToArticle(path);
  const dropped = fillersDropped(article ? articleParent(path) : path);
  const step = article ? undefined : howToSectionRead(path);
  for (const read of [dropped, step, duplicateMarksDropped(path)]) {
    if (read === undefined) continue;
    const v = pathVerdict(read, plan);
    if (v.blocked !== null) return { blocked: v.blocked, sensitive: own.sensitive || v.sensitive, group: own.group };
  }
  return own;
}

/** The blocked rule the path matches with its run-together words parted (`/messagecareteam` as `/message-care-team`), or null. */
function runTogetherRule(path: string, plan: Plan): string | null {
  const parted = runTogetherParted(path, plan);
  return parted === undefined ? null : blockedRule(parted, plan) ?? shorthandRule(parted, plan);
}

function blockedRule(path: string, plan: Plan): string | null {
  // Each rule in turn, with no combined alternation tested first: V8 runs the 129 bundled
  // patterns one by one in 2-7 us per unseen path, and their 21,000-character alternation in
  // 12-56 us (.tmp/lead/blocked-re2.mjs), as it cannot use any one pattern's literal prefix.
  // The plan's literal index skips the rules whose needed literals the path lacks (~1.2 instead
  // of ~11 us per path new to the plan) and gives the same first match.
  const index = plan.blockedIndex;
  if (index !== undefined) {
    const i = index.firstMatch(path);
    return i < 0 ? null : plan.blocked[i].name;
  }
  for (const rule of plan.blocked) if (rule.re.test(path)) return rule.name;
  return null;
}

/** The first page group with a pattern matching the path. */
function pageGroupOf(path: string, plan: Plan): PageGroupPlan | undefined {
  const index = plan.pageGroupIndex;
  if (index !== undefined) {
    // Only the patterns for the path's first segment can match it (groups kept in order).
    const end = path.indexOf('/', 1);
    for (const { group, res } of index.get(path.slice(1, end < 0 ? undefined : end)) ?? []) {
      if (res.some((re) => re.test(path))) return group;
    }
    return undefined;
  }
  // One combined test first (a superset: case-insensitive): most pages are in no group.
  if (plan.pageGroupsAny && !plan.pageGroupsAny.test(path)) return undefined;
  return plan.pageGroups.find((g) => g.res.some((re) => re.test(path)));
}

// A site's events come from a handful of hosts: the blocked-host answer per host is remembered
// per plan (bounded), one lookup an event instead of one pattern test per rule.
const hostVerdicts = new PlanMemos<string | null>(4096);
let hostPlan: Plan | undefined;

// The last two hosts asked about (an event's page host is the site's, again and again): compared
// before the memo, whose lookup hashes the host, a new string per event.
let recentA = '';
let answerA: string | null = null;
let recentB = '';
let answerB: string | null = null;

/** The blocked-host rule a (lower-cased) host name matches, also spelled as an IDN with look-alike letters, or null. */
export function hostBlock(host: string, plan: Plan): string | null {
  // The recent answers belong to one plan: a reload forgets them.
  if (plan !== hostPlan) { hostPlan = plan; recentA = recentB = ''; }
  if (host === recentA) return answerA;
  if (host === recentB) { recentB = recentA; recentA = host; const answer = answerB; answerB = answerA; answerA = answer; return answer; }
  const answer = hostAnswer(host, plan);
  recentB = recentA; answerB = answerA; recentA = host; answerA = answer;
  return answer;
}

function hostAnswer(host: string, plan: Plan): string | null {
  const memo = hostVerdicts.of(plan);
  let rule = memo.get(host);
  if (rule === undefined) {
    rule = plan.blockedHosts.find((b) => b.re.test(host))?.name ?? null;
    // An IDN host (`xn--...`) may spell a portal host with look-alike letters.
    const alt = rule === null && host.indexOf('xn--') >= 0 ? hostLookalike(host) : undefined;
    if (alt !== undefined) rule = plan.blockedHosts.find((b) => b.re.test(alt))?.name ?? null;
    memo.set(host, rule);
  }
  return rule;
}

// A vendor's host where only some pages are the patient's (`zocdoc.com` + `/booking/**`): the rules
// whose host test a host passes are remembered per host (none for a site's own, the usual answer),
// and the page's canonical path is read only when some rule applies.
const hostPathRules = new PlanMemos<readonly HostPathRule[]>(4096);
const NO_RULES: readonly HostPathRule[] = [];

/** The path-scoped blocked-host rule the page at `url` (on the lower-cased `host`) matches, or null. */
export function hostPathBlock(host: string, url: string, plan: Plan): string | null {
  if (plan.blockedHostPaths.length === 0) return null;
  const memo = hostPathRules.of(plan);
  let rules = memo.get(host);
  if (rules === undefined) {
    const alt = host.indexOf('xn--') >= 0 ? hostLookalike(host) : undefined;
    const found = plan.blockedHostPaths.filter((r) => r.re.test(host) || (alt !== undefined && r.re.test(alt)));
    rules = found.length ? found : NO_RULES;
    memo.set(host, rules);
  }
  if (rules.length === 0) return null;
  const path = canonicalPath(url, plan.localePrefixes);
  return rules.find((r) => r.paths.test(path))?.name ?? null;
}

/** An IDN host in Unicode with look-alike letters read as Latin (`xn--mychrt-6nf.x` is `mychart.x`), or undefined. */
function hostLookalike(host: string): string | undefined {
  const u = domainToUnicode(host).normalize('NFKC').toLowerCase().replace(INVISIBLE, '').replace(LOOKALIKE, latinOf);
  return u === host || u === '' ? undefined : u;
}
