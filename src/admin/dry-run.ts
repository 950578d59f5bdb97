import { dryRunLine, type DryRunLine } from '../cli/dry-run.js';
import { parseSegmentBody } from '../ingest/segment.js';
import { nestsDeeperThan } from '../ingest/limits.js';
import { PhiwallError } from '../errors.js';
import type { VisitorIds } from '../pipeline/project.js';
import type { Plan } from '../rules/plan.js';
import { isJsonObject, type JsonValue } from '../common/json.js';
import { safeMessageId } from '../pipeline/message-id.js';

export interface DryRunResult {
  messageId: string;
  /** The event as posted (the analyst's own input, echoed back). */
  before: JsonValue;
  /** Per destination: the payload it would receive, or why it would receive nothing. */
  after: Omit<DryRunLine, 'messageId'>[];
  blocked?: string;
  failed?: string;
}

/** Before and after per destination for posted events; no match keys (no authorization lookup). */
export function dryRun(body: JsonValue, plan: Plan, ids: VisitorIds): DryRunResult[] {
  // The body is cloned and echoed recursively below: nesting past what ingest takes (an event's
  // limit plus the batch wrapper's two levels) is refused first, not left to overflow the stack.
  if (nestsDeeperThan(body, plan.limits.depth + 2)) throw new PhiwallError('PW_ERR_TOO_DEEP', { limit: plan.limits.depth });
  const isBatch = isJsonObject(body) && Array.isArray(body.batch);
  withMessageIds(body);
  const { events } = parseSegmentBody(structuredClone(body), isBatch ? 'batch' : 'event', { ...plan.limits });
  const before = new Map(events.map((e) => [safeMessageId(String(e.messageId), plan), e as JsonValue]));
  const results = new Map<string, DryRunResult>();
  for (const line of dryRunLine(body, plan, ids)) {
    const { messageId, ...rest } = line;
    const r = results.get(messageId) ?? { messageId, before: before.get(messageId) ?? null, after: [] };
    if (rest.blocked) r.blocked = rest.blocked;
    else if (rest.failed) r.failed = rest.failed;
    else r.after.push(rest);
    results.set(messageId, r);
  }
  return [...results.values()];
}

/** Both parses (here and in dryRunLine) must agree on ids: assign missing ones up front. */
function withMessageIds(body: JsonValue): void {
  const items = isJsonObject(body) && Array.isArray(body.batch) ? body.batch : [body];
  items.forEach((ev, i) => {
    if (isJsonObject(ev) && typeof ev.messageId !== 'string') ev.messageId = `dry-run-${i}`;
  });
}
