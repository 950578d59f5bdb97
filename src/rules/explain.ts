import type { Action } from '../config/schema.js';
import type { DestinationPlan, Plan } from './plan.js';

// The data-flow map a compliance officer can file: deterministic (no timestamps), so it can be
// committed and compared in a test.

const OUTPUT_FIELDS: readonly [string, string][] = [
  ['event', 'event name after event_map; names containing a condition/treatment term become the neutral name (non-BAA)'],
  ['name', 'page/screen name, detectors redact; omitted on sensitive pages (non-BAA)'],
  ['visitor_id', 'pseudonymous id, random per visitor per destination, rotated'],
  ['user_id', 'raw userId (BAA destinations only)'],
  ['anonymous_id', 'raw anonymousId (BAA destinations only)'],
  ['group_id', "group call's groupId: raw for BAA destinations, else a pseudonymous token like visitor_id (an alias's previousId goes with visitor_id, raw only where user_id and anonymous_id are)"],
  ['page_group', 'page group of the path (e.g. condition, service)'],
  ['page.path', 'sanitize_url: id-like segments -> :id; omitted on sensitive pages (non-BAA)'],
  ['page.url', 'sanitize_url: query allowlist, no fragment, id-like segments -> :id; omitted on sensitive pages (non-BAA)'],
  ['page.referrer', 'same-site: sanitize_url; external: origin only, its host cut to the registrable domain (an IP host dropped)'],
  ['page.title', 'detectors redact; omitted on sensitive pages (non-BAA)'],
  ['campaign', 'utm_* values, detectors redact'],
  ['click_ids', 'gclid/fbclid/ttclid/... from the URL'],
  ['ip', 'ip identifier rule (truncate_ip for non-BAA)'],
  ['user_agent', 'user_agent identifier rule (generalize_ua for non-BAA)'],
  ['locale', 'as sent'],
  ['consent', 'consent state'],
  ['properties', 'field rules by name, then detectors on every string'],
  ['traits', 'field rules by name, then detectors on every string'],
];

export interface ExplainModel {
  policyVersion: string;
  destinations: {
    name: string; type: string; baa: boolean; purposes: string[]; matchKeys: boolean;
    allowed: { field: string; input: string; how: string }[];
    notAllowed: string[];
    identifierActions: { id: string; safeHarbor: string; action: Action }[];
    eventMap: Record<string, string>;
  }[];
  blockedPaths: { name: string; pattern: string }[];
  blockedHosts: { name: string; pattern: string }[];
  pageGroups: { name: string; sensitive: boolean; patterns: string[] }[];
  /** The `listing_pages` test (a language first or not, any case), or null when none is declared. */
  listingPages: string | null;
  identifiers: { id: string; safeHarbor: string; fields: string[]; detectors: string[] }[];
}

function describeDestination(d: DestinationPlan, plan: Plan): ExplainModel['destinations'][number] {
  const allowed: { field: string; input: string; how: string }[] = [];
  const notAllowed: string[] = [];
  for (const [field, how] of OUTPUT_FIELDS) {
    const ok = field === 'properties' || field === 'traits' || field === 'campaign' || field === 'click_ids' ? d.allow.has(field) : d.allow.allows(field);
    const rawIdField = field === 'user_id' || field === 'anonymous_id';
    if (ok && !(rawIdField && !d.baa)) allowed.push({ field, input: scopeOf(field, d), how }); else notAllowed.push(field);
  }
  return {
    name: d.name, type: d.type, baa: d.baa, purposes: [...d.purposes], matchKeys: d.matchKeys && d.baa,
    allowed, notAllowed,
    identifierActions: plan.identifiers.map((r) => ({ id: r.id, safeHarbor: r.safe_harbor ?? '', action: d.actions.get(r.id) ?? (d.baa ? r.baa_action ?? r.action : r.action) })),
    eventMap: Object.fromEntries([...plan.eventMap, ...d.eventMap]),
  };
}

function scopeOf(field: string, d: DestinationPlan): string {
  const patterns = d.config.allow.filter((p) => p === field || p.startsWith(`${field}.`));
  return patterns.length && !(patterns.length === 1 && patterns[0] === field) ? patterns.join(', ') : field;
}

export function explainPlan(plan: Plan): ExplainModel {
  const describe = plan.fields.describe();
  return {
    policyVersion: plan.version,
    destinations: plan.destinations.map((d) => describeDestination(d, plan)),
    blockedPaths: [...plan.blocked.map((b) => ({ name: b.name, pattern: b.re.source })), ...plan.blockedWhenSensitive.map((b) => ({ name: `${b.name} (sensitive pages only)`, pattern: b.re.source }))],
    blockedHosts: [...plan.blockedHosts.map((b) => ({ name: b.name, pattern: b.re.source })), ...plan.blockedHostPaths.map((b) => ({ name: `${b.name} (these pages only: ${b.paths.source})`, pattern: b.re.source }))],
    pageGroups: plan.pageGroups.map((g) => ({ name: g.name, sensitive: g.sensitive, patterns: g.res.map((r) => r.source) })),
    listingPages: plan.listingPages?.source ?? null,
    identifiers: plan.identifiers.map((r) => ({ id: r.id, safeHarbor: r.safe_harbor ?? '', fields: describe.get(r.id) ?? [], detectors: r.detectors })),
  };
}

export function explainMarkdown(m: ExplainModel): string {
  const out: string[] = ['# phiwall data-flow map', '', `Policy version: \`${m.policyVersion}\`. Generated by \`phiwall explain\`; do not edit by hand.`, ''];
  out.push('Every event first passes the blocked-path check (a blocked event goes nowhere), then, per destination, the allow list (default deny), then the identifier rules and value detectors on what is left.', '');
  for (const d of m.destinations) {
    out.push(`## Destination \`${d.name}\` (${d.type}, ${d.baa ? 'BAA signed' : 'no BAA'})`, '');
    out.push(`Consent purposes required: ${d.purposes.length ? d.purposes.join(', ') : 'none'}. Match keys: ${d.matchKeys ? 'yes (normalized SHA-256)' : 'never'}.`, '');
    out.push('| Output field | Allowed input | Transform |', '|---|---|---|');
    for (const a of d.allowed) out.push(`| ${a.field} | \`${a.input}\` | ${a.how} |`);
    out.push('', `Always dropped for this destination: ${d.notAllowed.map((f) => `\`${f}\``).join(', ') || 'nothing'}; and every input field not listed above.`, '');
    out.push('| Identifier | Safe Harbor | Action when found by field name |', '|---|---|---|');
    for (const i of d.identifierActions) out.push(`| ${i.id} | ${i.safeHarbor} | ${i.action} |`);
    const maps = Object.entries(d.eventMap);
    if (maps.length) { out.push('', 'Event renames:', ''); for (const [from, to] of maps) out.push(`- \`${from}\` -> \`${to}\``); }
    out.push('');
  }
  out.push('## Blocked paths (event goes to no destination)', '', '| Rule | Pattern (on the canonical path) |', '|---|---|');
  for (const b of m.blockedPaths) out.push(`| ${b.name} | \`${b.pattern.replace(/\|/g, '\\|')}\` |`);
  out.push('', '## Blocked hosts (event blocked; a referrer from them is dropped)', '', '| Rule | Pattern (on the host name) |', '|---|---|');
  for (const b of m.blockedHosts) out.push(`| ${b.name} | \`${b.pattern.replace(/\|/g, '\\|')}\` |`);
  out.push('', '## Page groups', '', '| Group | Sensitive | Patterns |', '|---|---|---|');
  for (const g of m.pageGroups) out.push(`| ${g.name} | ${g.sensitive ? 'yes' : 'no'} | ${g.patterns.map((p) => `\`${p.replace(/\|/g, '\\|')}\``).join(' ')} |`);
  out.push('', '## Public listings (a view, tab or section in their query filters the list; on any other page it is read as a sub-page)', '');
  out.push(m.listingPages === null ? 'None declared: every page\'s view, tab or section is read as a sub-page.' : `\`${m.listingPages}\` (on the path as sent, in any case)`);
  out.push('', '## Identifier rules', '', '| Identifier | Safe Harbor | Field names (normalized) | Value detectors |', '|---|---|---|---|');
  for (const i of m.identifiers) out.push(`| ${i.id} | ${i.safeHarbor} | ${i.fields.join(', ')} | ${i.detectors.join(', ')} |`);
  return out.join('\n') + '\n';
}
