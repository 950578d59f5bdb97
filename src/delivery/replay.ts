import type { RulesFile } from '../config/schema.js';
import { baaExpiry } from '../rules/compile.js';
import type { Spool } from '../spool/port.js';
import { issueReplayPermit } from '../spool/replay-permit.js';
import { parsePolicy, scrubbedUnderBaa, type PolicyRecord } from './policy.js';

// The one place that decides whether dead letters may go back to pending (CLI, admin API and
// each cluster worker call replayDeadLetters; the spool moves nothing without its permit).

/** Why dead letters of a destination are not replayed under the current config. */
export type ReplayRefusal = 'NO_CONFIG' | 'DESTINATION_REMOVED' | 'DESTINATION_DISABLED' | 'BAA_EXPIRED';

/** What to replay: a destination's dead letters, optionally only those of one code (e.g. HTTP_503). */
export interface ReplayRequest { destination: string; code?: string }

/** `kept`: dead letters scrubbed under a BAA that has expired since; they stay (BAA_EXPIRED). */
export type ReplayOutcome =
  | { refused: ReplayRefusal; kept?: number }
  | { replayed: number; kept: number };

export const DLQ_CODE = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The config's answer: refused, or allowed (with `expiredAt` when a dated BAA has expired: then row by row). */
export type ReplayDecision = { refused: ReplayRefusal } | { expiredAt?: number };

/**
 * A destination that is gone or disabled refuses the replay (its rows would stay pending for
 * ever). One whose dated BAA has expired is still a destination (it receives events as one
 * without a BAA), so only its dead letters scrubbed for the BAA stay: decided row by row below.
 */
export function replayDecision(rules: RulesFile | undefined, destination: string, now: number): ReplayDecision {
  if (rules === undefined) return { refused: 'NO_CONFIG' };
  const cfg = Object.hasOwn(rules.destinations ?? {}, destination) ? rules.destinations![destination] : undefined;
  if (cfg === undefined) return { refused: 'DESTINATION_REMOVED' };
  if (!cfg.enabled) return { refused: 'DESTINATION_DISABLED' };
  const expires = baaExpiry(cfg.baa);
  return expires !== undefined && now >= expires ? { expiredAt: expires } : {};
}

type ReplaySpool = Pick<Spool, 'replayDead' | 'deadScrubs' | 'policyOf' | 'now'>;

/**
 * The ids of a spool's dead letters that may move although the destination's BAA expired: those
 * whose version's record says they were scrubbed without a BAA at their scrub time (policy.ts
 * scrubbedUnderBaa; a row scrubbed after the expiry was). Unknown versions stay (fail closed).
 */
async function scrubbedWithoutBaa(spool: ReplaySpool, req: ReplayRequest): Promise<{ ids: string[]; kept: number }> {
  const rows = await spool.deadScrubs(req.destination, req.code);
  const records = new Map<string, PolicyRecord | undefined>();
  const ids: string[] = [];
  for (const r of rows) {
    if (r.policyVersion === undefined) continue;
    if (!records.has(r.policyVersion)) {
      const p = await spool.policyOf(r.policyVersion, req.destination);
      records.set(r.policyVersion, p === undefined ? undefined : parsePolicy(p));
    }
    const record = records.get(r.policyVersion);
    if (record !== undefined && !scrubbedUnderBaa(record, r, (spool.now?.() ?? Date.now()) - Date.now())) ids.push(r.id);
  }
  return { ids, kept: rows.length - ids.length };
}

/** Decides, then replays over every spool given. Nothing moved and some kept: refused BAA_EXPIRED. */
export async function replayDeadLetters(spools: readonly ReplaySpool[], rules: RulesFile | undefined, req: ReplayRequest, now = Date.now()): Promise<ReplayOutcome> {
  const decided = replayDecision(rules, req.destination, now);
  if ('refused' in decided) return decided;
  let replayed = 0, kept = 0;
  for (const s of spools) {
    const only = decided.expiredAt === undefined ? undefined : await scrubbedWithoutBaa(s, req);
    kept += only?.kept ?? 0;
    if (only && only.ids.length === 0) continue;
    replayed += await s.replayDead(issueReplayPermit({ destination: req.destination, code: req.code, ids: only?.ids, issuedAt: Date.now() }));
  }
  return replayed === 0 && kept > 0 ? { refused: 'BAA_EXPIRED', kept } : { replayed, kept };
}
