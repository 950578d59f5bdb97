// Cross-destination checks for `attribution.forward_offline` (run by the RulesFile schema, so
// a bad target is a config error at load time, naming the field). A forwarded conversion
// carries hashed match keys of a patient: only a google-ads or meta destination with a BAA and
// match_keys: true may receive it, and each target is fed by one aggregate destination only
// (its conversion ids are HMACs under that destination's own key, so two feeders would not dedupe).

export const FORWARD_TYPES: ReadonlySet<string> = new Set(['google-ads', 'meta']);

export interface ForwardIssue { path: (string | number)[]; message: string }

interface DestinationLike { type: string; baa: unknown; match_keys: boolean; options: Record<string, unknown> }

function targetName(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (typeof entry === 'object' && entry !== null && typeof (entry as { destination?: unknown }).destination === 'string') return (entry as { destination: string }).destination;
  return undefined;
}

function forwardList(d: DestinationLike): unknown[] {
  const attribution = d.options.attribution;
  if (typeof attribution !== 'object' || attribution === null) return [];
  const list = (attribution as { forward_offline?: unknown }).forward_offline;
  return Array.isArray(list) ? list : [];
}

function targetProblem(name: string, target: DestinationLike | undefined): string | undefined {
  if (!target) return `unknown destination "${name}"`;
  if (!FORWARD_TYPES.has(target.type)) return `"${name}" is a ${target.type} destination: offline conversions are forwarded only to google-ads or meta destinations`;
  if (target.baa === false) return `"${name}" has no BAA (baa: false): forwarded conversions carry hashed match keys, which need a BAA`;
  if (!target.match_keys) return `"${name}" needs match_keys: true to receive forwarded offline conversions`;
  return undefined;
}

export function offlineForwardingIssues(destinations: Readonly<Record<string, DestinationLike>> | undefined): ForwardIssue[] {
  const issues: ForwardIssue[] = [];
  const feeder = new Map<string, string>();
  for (const [name, d] of Object.entries(destinations ?? {})) {
    if (d.type !== 'aggregate') continue;
    forwardList(d).forEach((entry, i) => {
      const path = ['destinations', name, 'options', 'attribution', 'forward_offline', i];
      const target = targetName(entry);
      if (target === undefined) return; // the aggregate options schema reports the shape
      const problem = targetProblem(target, Object.hasOwn(destinations ?? {}, target) ? destinations![target] : undefined);
      if (problem) { issues.push({ path, message: problem }); return; }
      const other = feeder.get(target);
      if (other !== undefined && other !== name) issues.push({ path, message: `"${target}" is already fed offline conversions by "${other}"` });
      feeder.set(target, name);
    });
  }
  return issues;
}
