import { PlanMemos } from '../common/bounded-memo.js';
import type { Plan } from '../rules/plan.js';
import type { EventInfo } from './analyze.js';
import { separatorsFolded } from './path-verdicts.js';
import { wrappedLink } from './route-values.js';

const BLOB_SCHEME = /^blob:/i;
const ABOUT_SCHEME = /^about:/i;
const WHITESPACE_RUNS = /\s+/g;

// Two readings of where a page is that need the whole event: a frame that has no address of its own
// (its parent page is where it is), and a sensitive page's booking step (see blockReason).

/**
 * A frame with no address of its own (`about:srcdoc`, `about:blank`, a `blob:` document) is part of the
 * page that framed it: its referrer (and a blob's origin URL) is read as where the page is. A link
 * rewritten by mail link protection (`https://urldefense.com/v3/__https://x/bill-pay__;!!...`) is the page it wraps.
 */
export function framedBy(page: EventInfo['page'], others: readonly string[]): readonly string[] {
  const u = page.url ?? page.path;
  if (u === undefined) return others;
  const c = u.charCodeAt(0) | 0x20;
  if (c === 104 && u.startsWith('https://urldefense')) return wrapped(u, others);
  if (c !== 97 && c !== 98) return others;
  const blob = BLOB_SCHEME.test(u);
  if (!blob && !ABOUT_SCHEME.test(u)) return others;
  const more = [...others];
  if (blob) more.push(u.slice(5));
  if (page.referrer !== undefined) more.push(page.referrer);
  return more;
}

function wrapped(u: string, others: readonly string[]): readonly string[] {
  const inner: string[] = [];
  wrappedLink(u, inner);
  return inner.length === 0 ? others : [...others, ...inner];
}

// A site's condition pages and event names come again and again: the answer per path or name is
// remembered per plan (bounded).
const pathSteps = new PlanMemos<string | null>(2048);
const nameSteps = new PlanMemos<string | null>(2048);

/**
 * The `when: sensitive` rule a sensitive page's paths or tracked event name match (booking care for
 * the condition the page names: `/conditions/hiv/schedule-appointment`, `Appointment Requested` there).
 * Asked only of sensitive pages that no other rule blocked.
 */
export function sensitiveStep(info: EventInfo, plan: Plan): string | undefined {
  if (plan.blockedWhenSensitive.length === 0) return undefined;
  for (const p of info.checkPaths) { const rule = stepRule(p, plan, false); if (rule !== null) return rule; }
  return info.event === undefined ? undefined : stepRule(info.event, plan, true) ?? undefined;
}

function stepRule(text: string, plan: Plan, name: boolean): string | null {
  const memo = (name ? nameSteps : pathSteps).of(plan);
  let rule = memo.get(text);
  if (rule === undefined) {
    // Words of a name are separated by spaces where a path has `-`.
    const t = name ? text.trim().toLowerCase().replace(WHITESPACE_RUNS, '-') : text;
    const alt = separatorsFolded(t);
    rule = plan.blockedWhenSensitive.find((r) => r.re.test(t) || (alt !== undefined && r.re.test(alt)))?.name ?? null;
    memo.set(text, rule);
  }
  return rule;
}
