import { join } from 'node:path';
import { expect } from 'vitest';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir, writeConfig } from './collector.js';

// The bundled rules with one "open" ad destination (every property, trait, page field and
// campaign allowed, no BAA): the widest door an analyst could configure, for leak tests that
// must hold even there.
export const OPEN_SITE = 'https://www.example-health.org';

type Event = Record<string, unknown>;

/**
 * A payload as one string to search, without the clock fields the collector stamps when the event has no time of its
 * own: tests assert digits never leave, and `…36.917Z` must not fail `not.toContain('91')` one run in a thousand.
 */
function searchable(payloads: unknown[], event: Event): string {
  if (event.timestamp !== undefined) return JSON.stringify(payloads);
  return JSON.stringify(payloads.map((p) => (p && typeof p === 'object' ? { ...p, timestamp: undefined, received_at: undefined } : p)));
}

/** A page event whose context carries `url` and the path read from it (query and fragment cut). */
export function pageAt(url: string): Event {
  const m = /^[a-z]+:\/\/[^/?#\\]*/i.exec(url);
  const path = (m ? url.slice(m[0].length) : url).split(/[?#]/)[0] || '/';
  return { context: { page: { path, url } } };
}

/** A page event on the open site at `path` (which may carry a query or fragment). */
export const pageOn = (path: string): Event => pageAt(`${OPEN_SITE}${path}`);

/** Context of the open site's home page. */
export const HOME_PAGE = { context: { page: { path: '/', url: `${OPEN_SITE}/`, title: 'Example Health' } } };

// One plan per allow list per test process: the scrub tests share a module graph (vitest.config.ts), and compiling the
// bundled rules was a second or two of every file. A plan's memos are keyed by content, so sharing one changes no output
// (bench/micro/compare-outputs.mjs checks the same of warm and cold plans).
const openPlans = new Map<string, ReturnType<typeof compileOpenPlan>>();

/** The bundled rules compiled with one destination `open` (no BAA) allowing `allow` (YAML flow list). */
export function openPlan(allow = '[event, name, visitor_id, page.path, page.url, page.title, page.referrer, campaign.*, properties.*, traits.*]') {
  let plan = openPlans.get(allow);
  if (plan === undefined) openPlans.set(allow, (plan = compileOpenPlan(allow)));
  return plan;
}

function compileOpenPlan(allow: string) {
  return compileRules(loadConfig(writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  open: { type: file, baa: false, allow: ${allow} }
`)).rules, { dataDir: tempDir() });
}

export function openPlanProbe(messageId: string) {
  const plan = openPlan();
  const rows = (event: Event) =>
    dryRunLine({ type: 'page', messageId, anonymousId: `a-${messageId}`, ...event } as never, plan, { idFor: () => 'pw' });
  /** Whether the event goes nowhere. */
  const blocked = (event: Event) => rows(event).every((r) => r.blocked !== undefined && r.payload === undefined);
  /** What leaves for the open destination, as one string to search. */
  const sent = (event: Event) => searchable(rows(event).map((r) => r.payload), event);
  return { plan, rows, blocked, sent };
}

/**
 * A `Clicked` track to the open destination allowing every field (`**`), for utility tests: `props` sends
 * properties on a page of the open site (`/about` unless given), `pathOut` only the page at `path`.
 */
export function allowAllProbe(messageId: string) {
  const plan = openPlan('["**"]');
  const rows = (event: Event) =>
    dryRunLine({ type: 'track', event: 'Clicked', messageId, anonymousId: `a-${messageId}`, ...event } as never, plan, { idFor: () => 'pw' });
  const sent = (event: Event): string => searchable(rows(event).map((r) => r.payload), event);
  const props = (properties: Event, path = '/about'): string => sent({ properties, ...pageOn(path) });
  const pathOut = (path: string): string => sent(pageOn(path));
  /** Asserts that every value of `clean`, sent as properties, leaves whole. */
  const expectKept = (clean: Record<string, string>): void => {
    const out = props(clean);
    for (const v of Object.values(clean)) expect(out).toContain(v);
  };
  return { sent, props, pathOut, expectKept };
}

/**
 * Probes for the sensitive-terms tests: whether a page is blocked, what leaves for the open destination, a titled page,
 * and the two outcomes of a page that flows (its path withheld to its group, or whole).
 */
export function termProbes(tag: string) {
  const { blocked, sent } = openPlanProbe(tag);
  const { pathOut, props } = allowAllProbe(`${tag}k`);
  const titled = (path: string, title: string) => ({ context: { page: { path, url: `${OPEN_SITE}${path}`, title } } });
  /** The page flows with its path withheld: only its group leaves. */
  const withheld = (path: string, word: string): void => {
    expect(blocked(pageOn(path))).toBe(false);
    expect(pathOut(path).toLowerCase()).not.toContain(word);
    expect(pathOut(path)).toContain('"page_group"');
  };
  /** The page flows with its path whole. */
  const flows = (path: string): void => {
    expect(blocked(pageOn(path))).toBe(false);
    expect(pathOut(path)).toContain(path);
  };
  return { blocked, sent, pathOut, props, titled, withheld, flows };
}
