import type { DestinationConfig } from './schema.js';
import type { LoadedConfig } from './load.js';
import type { Plan } from '../rules/plan.js';
import { baaExpiry, baaInForce, withoutBaaActions } from '../rules/compile.js';
import { normalizeFieldName } from '../rules/field-name.js';

// What `phiwall check` warns about without refusing: allow entries that a destination without a
// BAA in force never receives. The pipeline withholds them (fails closed), so nothing leaks, but
// the analyst believes the field flows. A dated BAA about to expire is warned of too: from then
// on the same entries stop flowing. Messages name keys and dates, never values.

const DAY_MS = 86_400_000;
/** How far ahead an expiring BAA is warned of. */
export const BAA_EXPIRY_WARNING_DAYS = 30;

/** The warnings of `config` compiled into `plan`, each at the file:line of its key (for `check` and the collector's log). */
export function locatedBaaWarnings(config: LoadedConfig, plan: Plan, now: number): string[] {
  return config.locate(baaWarnings(plan, config.rules.destinations, now));
}

/** `destinations.x.allow.2: …`, located later by LoadedConfig.locate. */
export function baaWarnings(plan: Plan, destinations: Readonly<Record<string, DestinationConfig>> | undefined, now: number): string[] {
  const out: string[] = [];
  for (const [name, cfg] of Object.entries(destinations ?? {})) {
    if (!cfg.enabled) continue;
    const where = `destinations.${name}`;
    const expiry = dateWarning(cfg.baa, now);
    if (expiry !== undefined) out.push(`${where}.baa: ${expiry}`);
    const inForce = baaInForce(cfg.baa, now);
    // A BAA in force but ending soon: the entries that will stop flowing then.
    const soon = inForce && expiry !== undefined;
    if (inForce && !soon) continue;
    const actions = withoutBaaActions(cfg.actions);
    cfg.allow.forEach((entry, i) => {
      if (!inForce && isCatchAll(entry)) out.push(`${where}.allow.${i}: "${entry}" allows every event and user property, including ones nobody has seen, to a destination without a BAA (${noBaaReason(cfg.baa, now)}): ${CATCH_ALL}`);
      const why = withheldWithoutBaa(entry, plan, actions);
      if (why === undefined) return;
      out.push(`${where}.allow.${i}: "${entry}" ${soon ? 'will no longer be sent when the BAA expires' : `is never sent here (${noBaaReason(cfg.baa, now)})`}: ${why}`);
    });
  }
  return out;
}

// Default deny is the guard for fields nobody has seen: a wildcard over the free-form fields turns
// it off for a destination without a BAA, leaving only identifier rules and detectors between an
// unknown field's text (a note, a name after a cue no detector reads) and the vendor.
const CATCH_ALL = 'what no identifier rule or detector recognises in them is sent; list the properties instead';

/** `**`, `*`, `properties.*`, `traits.**`: an entry that allows free-form fields by wildcard. */
function isCatchAll(entry: string): boolean {
  const [root, next] = entry.split('.');
  if (root === '*' || root === '**') return true;
  return (root === 'properties' || root === 'traits') && (next === undefined || next === '*' || next === '**');
}

/** Why the pipeline drops an allow entry for a destination without a BAA, or undefined. */
function withheldWithoutBaa(entry: string, plan: Plan, actions: ReadonlyMap<string, string>): string | undefined {
  const parts = entry.split('.');
  const root = parts[0];
  if (parts.length === 1 && (root === 'user_id' || root === 'anonymous_id')) return `the raw ${root} goes only to destinations with a BAA in force (allow visitor_id, the pseudonymous id, instead)`;
  if ((root !== 'properties' && root !== 'traits') || parts.length < 2) return undefined;
  const leaf = parts[parts.length - 1];
  if (leaf === '*' || leaf === '**') return undefined;
  const norm = normalizeFieldName(leaf);
  const rule = plan.fields.match(norm);
  if (rule) {
    const action = actions.get(rule.id) ?? rule.action;
    return action === 'drop' ? `identifier rule "${rule.id}" drops it for destinations without a BAA (action: drop)` : undefined;
  }
  if (plan.freeTextFields.has(norm)) return `"${leaf}" is a free-text field (free_text_fields): its text goes only to destinations with a BAA in force`;
  return undefined;
}

/** A dated BAA that has expired, ends within BAA_EXPIRY_WARNING_DAYS, or is not signed yet. */
function dateWarning(baa: DestinationConfig['baa'], now: number): string | undefined {
  if (typeof baa === 'boolean') return undefined;
  const end = baaExpiry(baa)!;
  if (Date.parse(baa.signed) > now) return `the BAA takes effect on ${baa.signed}: until then this destination is treated as baa: false`;
  if (end <= now) return `the BAA expired on ${baa.expires}: this destination is treated as baa: false (renew it and update expires)`;
  // Counted to the date written (a bare date is in force through that day: `today` on it).
  const days = Math.max(0, Math.ceil((Date.parse(baa.expires) - now) / DAY_MS));
  if (days > BAA_EXPIRY_WARNING_DAYS) return undefined;
  const when = days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`;
  return `the BAA expires on ${baa.expires} (${when}): from then on this destination is treated as baa: false`;
}

/** Why no BAA is in force (called only when none is). */
function noBaaReason(baa: DestinationConfig['baa'], now: number): string {
  if (typeof baa !== 'object') return 'baa: false';
  return Date.parse(baa.signed) > now ? `BAA not in force until ${baa.signed}` : `BAA expired ${baa.expires}`;
}
