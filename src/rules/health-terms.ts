import type { Plan } from './plan.js';
import type { ScrubContext } from './scrub-tree.js';
import type { StringFacts } from './event-memo.js';
import type { TermTest } from './term-pattern.js';

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
    named = termInText(value, terms);
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

// A compound in which a term's word means something else (H74: campaigns and products were withheld for these):
// food and exam prep (`meal-prep-now`, `test-prep`, `prep-school`), standard shipping (`free-std-shipping`), a
// brush's or a swimmer's stroke, a film screening or a job applicant's background screening, lithium batteries,
// binge-watching, alcohol as an ingredient (`alcohol-based`, `isopropyl alcohol`; not `alcohol-free`, which can be
// about drinking), the Great Depression and a tropical one, and the emergency department's treatment rooms and drug
// screens (H151: `ED treatment rooms`, `ED drug screen`, read by `ed-treat` and `ed-drug~`). Anything else naming a
// term still is (`meal-prep-for-chemo-patients` is withheld for `chemo`; `stroke-awareness`, `std-testing`, `prep-now`
// stay withheld). H168: a car's T-shirt (`race-car-t-shirt`, read by `car+t~`) and Arabic `الخرفان` (sheep, read by `الخرف`,
// dementia: the other scripts' terms match inside a word) name nothing; `car-t-cell`, `الخرف` still do.
const COMPOUND = new RegExp('(?<![\\p{L}])(?:(?:meal|food|test|exam|sat|college|lunch|dinner|batch)[\\s_-]*prep(?:ping)?' +
  '|prep[\\s_-]*(?:school|time|cook|kitchen)|std[\\s_-]*(?:shipping|delivery|ground|rate|size|edition|tier)' +
  '|(?:brush|paint|pen|back|breast|swim|master|golf)[\\s_-]*strokes?|(?:film|movie|premiere|private)[\\s_-]*screenings?' +
  '|screening[\\s_-]*rooms?|background[\\s_-]*(?:check[\\s_-]*and[\\s_-]*)?screenings?|lithium[\\s_-]*(?:ion|batter(?:y|ies)|polymer)' +
  '|binge[\\s_-]*(?:watch(?:ing|ed)?|worthy)|alcohol[\\s_-]*(?:based|wipes?|swabs?)|(?:rubbing|isopropyl)[\\s_-]*alcohol' +
  '|(?:great|tropical)[\\s_-]*depression' +
  '|ed[\\s_-]*treatment[\\s_-]*(?:rooms?|areas?|bays?|spaces?|pods?|beds?|units?|zones?)|ed[\\s_-]*drug[\\s_-]*(?:screens?|screening|tests?|testing)' +
  '|car[\\s_-]*t[\\s_-]*shirts?|الخرفان)(?![\\p{L}])', 'giu');

/** The sensitive-terms test of a value (a property, a campaign): a term matched outside a charity's name or a compound. */
export function termInText(value: string, terms: TermTest): boolean {
  return terms.test(value) && !namesOtherThings(value, terms);
}

/** Whether every term `value` names sits in a charity's name or a compound (asked only once a term matched). */
function namesOtherThings(value: string, terms: TermTest): boolean {
  let rest = CHARITY_WORD.test(value) ? value.replace(CHARITY_NAME, ' ') : value;
  rest = rest.replace(COMPOUND, ' ');
  return rest !== value && !terms.test(rest);
}
