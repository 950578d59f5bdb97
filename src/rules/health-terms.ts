import type { Plan } from './plan.js';
import type { ScrubContext } from './scrub-tree.js';
import type { StringFacts } from './event-memo.js';

/**
 * A string naming a condition or treatment (a title, a URL, a campaign, a nested copy of the
 * page) never reaches a destination without a BAA, wherever it sits in the event.
 */
export function namesHealthContext(value: string, ctx: ScrubContext, facts?: StringFacts): boolean {
  if (!namesHealth(value, ctx, facts)) return false;
  ctx.hits.push('health_context');
  return true;
}

/**
 * Whether a destination without a BAA must not see `value` (the sensitive-terms test, once per
 * string of the event). `facts`: the string's memo entry when the caller has it already.
 */
export function namesHealth(value: string, ctx: ScrubContext, facts?: StringFacts): boolean {
  return !ctx.dest.baa && namesTerm(value, ctx.plan, facts ?? ctx.memo?.of(value));
}

/** The sensitive-terms test itself, whatever the destination (its answer kept in `facts`). */
export function namesTerm(value: string, plan: Plan, facts: StringFacts | undefined): boolean {
  const terms = plan.sensitiveTerms;
  if (terms === undefined) return false;
  let named = facts?.health;
  if (named === undefined) {
    named = terms.test(value) && !namesOnlyACharity(value, terms);
    if (facts) facts.health = named;
  }
  return named;
}

// A charity's or fund's name (`American Cancer Society 5K`, `Cancer Foundation Golf Classic`,
// `Children's Cancer Fund Gala`) names a cause the visitor gives to, not a condition of theirs: the
// word right before `Society`, `Foundation`, `Fund` or `Association` (and `Research`) is not read.
// Anything else naming a term still is (`Breast Cancer Walk`, `Cancer Center`, `Fundraiser`).
const CHARITY_WORD = /society|foundation|fund|association/i;
const CHARITY_NAME = /[\p{L}'’]+[\s_-]+(?:research[\s_-]+)?(?:society|foundation|fund|association)(?![\p{L}])/giu;

/** Whether every term `value` names sits in a charity's name (asked only once a term matched). */
function namesOnlyACharity(value: string, terms: RegExp): boolean {
  if (!CHARITY_WORD.test(value)) return false;
  const rest = value.replace(CHARITY_NAME, ' ');
  return rest !== value && !terms.test(rest);
}
