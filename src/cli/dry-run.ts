import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { loadConfig } from '../config/load.js';
import { parseSegmentBody } from '../ingest/segment.js';
import { processEvent } from '../pipeline/process.js';
import type { VisitorIds } from '../pipeline/project.js';
import { compileLocated } from '../config/compile-located.js';
import type { Plan } from '../rules/plan.js';
import type { EnqueueRow } from '../spool/port.js';
import { isJsonObject, type JsonValue } from '../common/json.js';
import { DEFAULT_CONFIG, DEFAULT_DATA, flag, type ParsedArgs } from './args.js';

/** Random ids kept in memory only: a dry run shows the shape without touching the spool. */
class EphemeralVisitorIds implements VisitorIds {
  private readonly ids = new Map<string, string>();
  idFor(visitorKey: string, destination: string): string {
    const k = `${visitorKey}|${destination}`;
    let id = this.ids.get(k);
    if (!id) { id = 'pw_' + randomBytes(12).toString('base64url'); this.ids.set(k, id); }
    return id;
  }
}

export interface DryRunLine {
  messageId: string;
  destination?: string;
  payload?: JsonValue;
  blocked?: string;
  failed?: string;
  skipped?: string;
  rejected?: string;
}

/** Runs one input line (an event or a batch body) through the plan. */
export function dryRunLine(line: JsonValue, plan: Plan, ids: VisitorIds, only?: string): DryRunLine[] {
  const route = isJsonObject(line) && Array.isArray(line.batch) ? 'batch' : 'event';
  const site = (isJsonObject(line) && typeof line.writeKey === 'string' ? plan.sitesByKey.get(line.writeKey) : undefined) ?? plan.sites[0];
  if (!site) throw new Error('the config has no site');
  const { events, rejected } = parseSegmentBody(line, route, { ...plan.limits });
  const out: DryRunLine[] = rejected.map((r) => ({ messageId: rejectedId(line, route, r.index), rejected: r.code }));
  const now = Date.now();
  for (const ev of events) {
    const outcome = processEvent(ev, site, plan, ids, now);
    if (outcome.kind === 'blocked') { out.push({ messageId: outcome.messageId, blocked: outcome.reason }); continue; }
    if (outcome.kind === 'failed') { out.push({ messageId: outcome.messageId, failed: outcome.reason }); continue; }
    out.push(...routedLines(outcome.messageId, outcome.rows, outcome.skipped, only));
  }
  return out;
}

// A messageId as the collector would accept one: printed back so a rejected line can be found in the input. Anything else
// (missing, not a string, too long, odd characters) prints as the event's place in its batch, `#0`.
const PRINTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The rejected event's own messageId when it has a plain one, else `#index`. */
function rejectedId(line: JsonValue, route: 'batch' | 'event', index: number): string {
  const event = route === 'batch' && isJsonObject(line) && Array.isArray(line.batch) ? line.batch[index] : line;
  const id = isJsonObject(event) && Object.hasOwn(event, 'messageId') ? event.messageId : undefined;
  return typeof id === 'string' && PRINTABLE_ID.test(id) ? id : `#${index}`;
}

/**
 * One line per destination: the payload it would be sent, or why it is skipped. An event the
 * destination's own rules refuse (Meta without a user agent, GA4 past 72 h) is one `skipped` line
 * carrying the payload kept as a dead letter, not a payload line that reads as "sent" plus a skip.
 */
function routedLines(messageId: string, rows: readonly EnqueueRow[], skipped: readonly { destination: string; reason: string }[], only?: string): DryRunLine[] {
  const wanted = (destination: string) => !only || destination === only;
  const dead = new Map<string, JsonValue>();
  const out: DryRunLine[] = [];
  for (const r of rows) {
    if (!wanted(r.destination)) continue;
    if (r.dead) dead.set(r.destination, r.payload);
    else out.push({ messageId: r.messageId, destination: r.destination, payload: r.payload });
  }
  for (const s of skipped) {
    if (!wanted(s.destination)) continue;
    const payload = dead.get(s.destination);
    out.push(payload === undefined ? { messageId, destination: s.destination, skipped: s.reason } : { messageId, destination: s.destination, skipped: s.reason, payload });
  }
  return out;
}

export async function dryRunCommand(args: ParsedArgs): Promise<number> {
  const config = loadConfig(flag(args, 'config', DEFAULT_CONFIG));
  const plan = compileLocated(config, { dataDir: flag(args, 'data', DEFAULT_DATA) });
  const only = args.flags.get('destination');
  // A mistyped name would print nothing, which reads as "this destination gets nothing".
  if (only !== undefined && (only === true || !plan.destinations.some((d) => d.name === only))) {
    process.stderr.write(`phiwall dry-run: --destination names no enabled destination of the config (${plan.destinations.map((d) => d.name).join(', ')})\n`);
    return 2;
  }
  const ids = new EphemeralVisitorIds();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let bad = 0;
  for await (const text of rl) {
    lineNo++;
    if (!text.trim()) continue;
    let parsed: JsonValue;
    try { parsed = JSON.parse(text) as JsonValue; } catch {
      process.stderr.write(`line ${lineNo}: not valid JSON\n`);
      bad++;
      continue;
    }
    for (const row of dryRunLine(parsed, plan, ids, typeof only === 'string' ? only : undefined)) process.stdout.write(JSON.stringify(row) + '\n');
  }
  return bad ? 1 : 0;
}
