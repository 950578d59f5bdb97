import { join } from 'node:path';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir, writeConfig } from './collector.js';

// The bundled rules with one "open" ad destination (every property, trait, page field and
// campaign allowed, no BAA): the widest door an analyst could configure, for leak tests that
// must hold even there.
export const OPEN_SITE = 'https://www.example-health.org';

type Event = Record<string, unknown>;

export function openPlanProbe(messageId: string) {
  const plan = compileRules(loadConfig(writeConfig(`
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  open: { type: file, baa: false, allow: [event, name, visitor_id, page.path, page.url, page.title, page.referrer, campaign.*, properties.*, traits.*] }
`)).rules, { dataDir: tempDir() });
  const rows = (event: Event) =>
    dryRunLine({ type: 'page', messageId, anonymousId: `a-${messageId}`, ...event } as never, plan, { idFor: () => 'pw' });
  /** Whether the event goes nowhere. */
  const blocked = (event: Event) => rows(event).every((r) => r.blocked !== undefined && r.payload === undefined);
  /** What leaves for the open destination, as one string to search. */
  const sent = (event: Event) => JSON.stringify(rows(event).map((r) => r.payload));
  return { plan, rows, blocked, sent };
}
