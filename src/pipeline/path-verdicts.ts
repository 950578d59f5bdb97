import { DASH_CHARS, INVISIBLE } from '../rules/form-decoded.js';
import type { PageGroupPlan, Plan } from '../rules/plan.js';

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
const verdicts = new WeakMap<Plan, Map<string, PathVerdict>>();
const MEMO = 4096;

export function pathVerdict(path: string, plan: Plan): PathVerdict {
  let memo = verdicts.get(plan);
  if (memo === undefined) { memo = new Map(); verdicts.set(plan, memo); }
  let verdict = memo.get(path);
  if (verdict === undefined) {
    // A path spelled with other separators is read a second time with them folded (once per
    // path and plan: the answer is remembered with the verdict).
    const alt = separatorsFolded(path);
    verdict = {
      blocked: blockedRule(path, plan) ?? (alt === undefined ? null : blockedRule(alt, plan)),
      sensitive: (plan.sensitiveTerms?.test(path) ?? false) || (alt !== undefined && (plan.sensitiveTerms?.test(alt) ?? false)),
      group: pageGroupOf(path, plan),
    };
    if (memo.size >= MEMO) memo.clear();
    memo.set(path, verdict);
  }
  return verdict;
}

// Word separators other than `-` that sites, editors and encoders put in paths: Unicode hyphens
// and dashes (`pay\u2011your\u2011bill`, NFKC leaves them), the minus sign, `+` and whitespace
// for a space (`patient+portal`, `patient%20portal`); soft hyphens and zero-width characters
// are invisible and are removed.
const OTHER_SEPARATORS = new RegExp(`[${DASH_CHARS}+\\s]+`, 'g');
const MAY_FOLD = /[^\x00-\x7f]|[+\s]/;

/** The path with those separators folded to `-`, or undefined when that changes nothing. */
export function separatorsFolded(path: string): string | undefined {
  if (!MAY_FOLD.test(path)) return undefined;
  const folded = path.replace(INVISIBLE, '').replace(OTHER_SEPARATORS, '-');
  return folded === path ? undefined : folded;
}

function blockedRule(path: string, plan: Plan): string | null {
  // One combined test first: most paths match no rule at all.
  if (plan.blockedAny && !plan.blockedAny.test(path)) return null;
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
