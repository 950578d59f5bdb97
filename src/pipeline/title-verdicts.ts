import { PlanMemos } from '../common/bounded-memo.js';
import type { JsonObject, JsonValue } from '../common/json.js';
import { LiteralIndex } from '../rules/literal-index.js';
import type { Plan } from '../rules/plan.js';
import { camelApart } from './camel-words.js';
import { pageNamePath } from './page-readings.js';
import { pathVerdict, separatorsFolded } from './path-verdicts.js';
import { STORY_AREA_NAMES, englishStoryPath } from './story-areas.js';
import { NON_ASCII, letterAt, letterMask } from '../common/char-gates.js';

const TRAILING_SLASHES = /\/+$/;
const WHITESPACE_RUNS = /\s+/g;

// What a page's title and a tracked event's name say about where the visitor is. A title names
// its page the way an app's screen name does (`Pay Your Bill | Northbay` is the bill-pay page,
// `Patient Portal – Messages` the portal): it is read as a path and checked like one, and a title
// naming a condition (`Depresión | Northbay`) makes the page sensitive. An event's name is an
// action, not a place (`Login`, `Search`, `Sign Up` are ordinary events): it is blocked only by
// the rules that match inside a text (`MyChart Login`, `Pharmacy Refill Submitted`).

export interface TitleVerdict {
  /** The blocked-path rule the title matches, if any. */
  readonly blocked: string | undefined;
  /** Whether the title names a sensitive term. */
  readonly sensitive: boolean;
}

// Rules that can match inside a text (not anchored at a path's start or at a segment), indexed
// once per plan (lazily, on the plan's first titled event) by the literals they need: a title new
// to the plan was tested against their combined alternation first, ~20,000 characters that V8
// cannot skip through by any one rule's literal (literal-index.ts; the same first match).
const loose = (re: RegExp): boolean => !re.source.startsWith('^') && !re.source.startsWith('(^|\\/)');
const looseRules = new WeakMap<Plan, { readonly index: LiteralIndex; readonly names: readonly string[] }>();
// A site has a few hundred page titles and event names, sent again with every view: the answer
// per string is remembered per plan (bounded).
const titleAnswers = new PlanMemos<TitleVerdict>(2048);
const nameAnswers = new PlanMemos<string | null>(2048);

/**
 * What a page title says (`Inbox | MyChart`, `Pay Your Bill | Northbay`). On a story's or posting's page
 * (`area`: `news`, `blog`, `careers`...) the title is read as a page of that area, as the pack reads their
 * paths: `Patient Portal Upgrade This Weekend` on `/news/2026/11/...` is `/news/patient-portal-upgrade-...`.
 */
export function titleVerdict(title: string, plan: Plan, area?: string): TitleVerdict {
  const memo = titleAnswers.of(plan);
  const key = area === undefined ? title : `${area}\n${title}`;
  let verdict = memo.get(key);
  if (verdict === undefined) {
    const text = nfkc(title);
    const path = pageNamePath(text);
    const storyPath = area !== undefined && path.charCodeAt(0) === 47 ? `/${area}${path}` : undefined;
    const asPath = pathVerdict(storyPath ?? path, plan);
    verdict = { blocked: asPath.blocked ?? (storyPath === undefined ? matchLoose(text, plan) : undefined), sensitive: asPath.sensitive };
    memo.set(key, verdict);
  }
  return verdict;
}

// Areas of stories and postings whose paths the pack reads apart (`(?<!^/(news|blog|...)/.*)`): a title there is the area's page.
const STORY_AREA = new RegExp(`^/(${STORY_AREA_NAMES.join('|')})/[^/]`);
// STORY_AREA's letters after the slash.
const STORY_FIRST = letterMask('nbpascj');
const storyAreaOf = (path: string): string | undefined => (path.charCodeAt(0) === 47 && letterAt(path, 1, STORY_FIRST) ? STORY_AREA.exec(path)?.[1] : undefined);
/** The story or posting area a page's canonical path is in (`news` for `/news/2026/11/x`), if any. */
export function storyArea(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const area = storyAreaOf(path);
  if (area !== undefined) return area;
  // The area named in another language (`/noticias/…`, `/tin-tức/…` read without its accents).
  const read = englishStoryPath(path) ?? (NON_ASCII.test(path) ? englishStoryPath(separatorsFolded(path) ?? path) : undefined);
  return read === undefined ? undefined : storyAreaOf(read);
}

/**
 * What the page title says, and a page or screen event's name when it is not the title
 * (`name: "Pay Your Bill"` on a page titled otherwise names the page too), and its Segment
 * `category` (`analytics.page("Test Results", "Lab Detail")`: the category is the area).
 */
export function pageTitleVerdict(name: string | undefined, title: string | undefined, track: boolean, plan: Plan, category?: string, area?: string): TitleVerdict | undefined {
  const titled = title === undefined ? undefined : titleVerdict(title, plan, area);
  if (track) return titled;
  const named = name === undefined || name === title ? titled : either(titleVerdict(name, plan, area), titled);
  return category === undefined || category === name ? named : either(categoryVerdict(category, name, plan), named);
}

/**
 * A category is the area, the page's name its page in it: a category naming a blocked area (`Billing`) is read
 * with the name under it, as the path `/billing/faq` would be (`page("Billing", "Billing FAQ")`: a name repeating
 * the category is read without it), so the pack's public pages of the area flow (`FAQ`, `Help`, `Financial
 * Policies`, `Understanding Your Bill`) and any other page of it stays blocked (`Statements`, `Step 2`, `Home`).
 * A public area's page is read the same way (`page("Telehealth", "Room")` blocks as `/telehealth/room` does).
 * Without a name the category alone decides.
 */
function categoryVerdict(category: string, name: string | undefined, plan: Plan): TitleVerdict {
  const alone = titleVerdict(category, plan);
  if (name === undefined) return alone;
  const area = pageNamePath(nfkc(category)).replace(TRAILING_SLASHES, '');
  let page = pageNamePath(nfkc(name));
  for (const repeated of [`${area}-`, `${area}/`]) {
    if (page.toLowerCase().startsWith(repeated.toLowerCase()) && page.length > repeated.length) page = `/${page.slice(repeated.length)}`;
  }
  if (area.length < 2 || page.charCodeAt(0) !== 47 || page.length < 2) return alone;
  const under = pathVerdict(`${area}${page}`, plan);
  const sensitive = alone.sensitive || under.sensitive;
  // A public area's page that is a visitor's own (`page("Telehealth", "Room")` is `/telehealth/room`, probe 48), as its path is.
  if (alone.blocked === undefined) return under.blocked ? { blocked: under.blocked, sensitive } : alone;
  return under.blocked ? alone : { blocked: undefined, sensitive };
}

// A title's parts: the page's name and the site's (`Schedule an Appointment | Northbay`, `Northbay - Book Online`).
const DONE_STEPS = ['/submitted', '/confirmation'] as const;
const TITLE_PARTS = /\s+(?:[|\u2013\u2014:\u00b7-]|::)\s+/;

/**
 * A generic page whose query says a form was sent without naming the form (`/?page_id=12&step=confirmation`,
 * `?stage=thank-you`): its title names the form, and the page is read as that form's done step
 * (`Schedule an Appointment` is `/schedule-an-appointment/submitted`, blocked like the path; `Contact Us` flows).
 * `unnamedDone`: the page URL's query says so (routes-of.ts pageRoutesOf, read with its routes).
 */
export function withDoneStep(verdict: TitleVerdict | undefined, title: string | undefined, unnamedDone: boolean, plan: Plan): TitleVerdict | undefined {
  if (title === undefined || !unnamedDone || verdict?.blocked !== undefined) return verdict;
  const memo = titleAnswers.of(plan);
  const key = `\u0001submitted\n${title}`;
  let done = memo.get(key);
  if (done === undefined) {
    let blocked: string | undefined;
    for (const part of nfkc(title).split(TITLE_PARTS, 4)) {
      const path = pageNamePath(part.trim());
      if (path.charCodeAt(0) !== 47 || path.length < 2) continue;
      // Done steps are spelled both ways in the pack (a plugin's `/<form>/submitted`, a booking's `/<form>/confirmation`).
      for (const step of DONE_STEPS) blocked ??= pathVerdict(`${path.replace(TRAILING_SLASHES, '')}${step}`, plan).blocked ?? undefined;
    }
    done = { blocked, sensitive: false };
    memo.set(key, done);
  }
  return done.blocked === undefined ? verdict : { blocked: done.blocked, sensitive: verdict?.sensitive ?? false };
}

function either(a: TitleVerdict, b: TitleVerdict | undefined): TitleVerdict {
  return b === undefined ? a : { blocked: a.blocked ?? b.blocked, sensitive: a.sensitive || b.sensitive };
}

/** The rule a tracked event's name matches (`MyChart Login`, `Rx Refill Request Sent`), if any. */
export function nameBlock(name: string, plan: Plan): string | undefined {
  // Consecutive events often share their name: the last answer first.
  if (name === lastName && plan === lastPlan) return lastAnswer;
  const answer = nameAnswer(name, plan);
  lastName = name; lastPlan = plan; lastAnswer = answer;
  return answer;
}
let lastName: string | undefined;
let lastPlan: Plan | undefined;
let lastAnswer: string | undefined;

function nameAnswer(name: string, plan: Plan): string | undefined {
  const memo = nameAnswers.of(plan);
  const known = memo.get(name);
  if (known !== undefined) return known ?? undefined;
  // Words of a name are separated by spaces where a path has `-`; accents are folded as a path's are
  // (`Đặt lịch thành công`, `Agendamento concluído`: the pack's words are written without them).
  const text = nfkc(name);
  const slug = text.trim().toLowerCase().replace(WHITESPACE_RUNS, '-');
  const folded = separatorsFolded(slug);
  const answer = matchLoose(text, plan) ?? matchLoose(slug, plan) ?? (folded === undefined ? undefined : matchLoose(folded, plan)) ?? camelAnswer(text, plan);
  memo.set(name, answer ?? null);
  return answer;
}

// A name run together in camel or Pascal case (`messageSentToProvider`, `citaConfirmada`, `joinVideoVisit`) read as its words,
// as the same name spaced is (probe 49): once per distinct name, only when the case turns inside a word.
function camelAnswer(text: string, plan: Plan): string | undefined {
  const apart = camelApart(text, ' ');
  if (apart === text) return undefined;
  const slug = apart.trim().toLowerCase().replace(WHITESPACE_RUNS, '-');
  return matchLoose(apart.toLowerCase(), plan) ?? matchLoose(slug, plan) ?? matchLoose(separatorsFolded(slug) ?? slug, plan);
}

// Read in NFKC, as paths are and as the plan's patterns are written (compile-pages.ts nfkcLetters):
// a Thai title's SARA AM, a full-width `Ｐａｙ Ｂｉｌｌ`. Once per distinct text (the answers are memoized).
const nfkc = (s: string): string => (NON_ASCII.test(s) ? s.normalize('NFKC') : s);

function matchLoose(text: string, plan: Plan): string | undefined {
  let rules = looseRules.get(plan);
  if (rules === undefined) {
    const list = plan.blocked.filter((r) => loose(r.re));
    rules = { index: new LiteralIndex(list.map((r) => r.re)), names: list.map((r) => r.name) };
    looseRules.set(plan, rules);
  }
  const i = rules.index.firstMatch(text);
  return i < 0 ? undefined : rules.names[i];
}

/** A page's or screen's category: Segment's top-level field, or the copy analytics.js also puts in its properties. */
export function pageCategory(raw: JsonObject, props: JsonObject): string | undefined {
  const c = raw.category ?? (raw.type === 'track' ? undefined : props.category);
  return typeof c === 'string' && c.length > 0 ? c : undefined;
}

/**
 * A tracked event's category and name read together, as an analytics category and action are
 * (`category: "virtual-visit"` + `Session Joined`): a rule matching inside a text blocks it.
 */
export function categoryNameBlock(category: JsonValue | undefined, event: string, plan: Plan): string | undefined {
  return typeof category === 'string' && category.length > 0 && category !== event ? nameBlock(`${category} ${event}`, plan) : undefined;
}
