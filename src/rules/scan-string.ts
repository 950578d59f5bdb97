import type { StringFacts } from './event-memo.js';
import type { ScrubContext } from './scrub-tree.js';

/**
 * Free text as the detectors leave it: each hit redacted (its kind counted), undefined when a
 * kind's text action drops the whole value. `facts` keeps the scan for the other destinations.
 */
export function scanString(value: string, ctx: ScrubContext, facts: StringFacts | undefined): string | undefined {
  let scanned = facts?.scan;
  if (scanned === undefined) {
    scanned = ctx.plan.scanner.redact(value, ctx.codeSite);
    if (facts) facts.scan = scanned;
  }
  const { text, kinds } = scanned;
  if (kinds.length === 0) return value;
  for (const k of kinds) {
    ctx.hits.push(k);
    if (ctx.plan.detectorTextAction.get(k) === 'drop') return undefined;
  }
  return text;
}
