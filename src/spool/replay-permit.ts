import { PhiwallError } from '../errors.js';

// Moving dead letters back to pending is allowed only by the current config (a destination that
// is gone or disabled would keep them pending forever; one past its BAA must not receive what
// was scrubbed for it). So the spool port takes no bare destination: Spool.replayDead needs a
// permit, and the one place that issues permits is src/delivery/replay.ts, which asks the
// config first. The CLI, the admin API and each cluster worker all go through it. A permit is
// checked by the adapters at run time too (issued here, in this process, within PERMIT_TTL_MS),
// so one cannot be made up with a cast or kept across a config change.

declare const issued: unique symbol;

export interface ReplayPermit {
  readonly destination: string;
  /** Only these dead letters (ids in this spool): the destination's BAA expired, and these were scrubbed without it. */
  readonly ids?: readonly string[];
  /** Only dead letters with this code (e.g. HTTP_503). */
  readonly code?: string;
  readonly issuedAt: number;
  readonly [issued]: true;
}

export const PERMIT_TTL_MS = 60_000;
const permits = new WeakSet<object>();

/** Only src/delivery/replay.ts calls this (after checking the config), and tests of the adapters. */
export function issueReplayPermit(fields: Omit<ReplayPermit, typeof issued>): ReplayPermit {
  const permit = Object.freeze({ ...fields }) as ReplayPermit;
  permits.add(permit);
  return permit;
}

/** Adapters call this first: a permit not issued here, or stale, moves nothing. */
export function checkReplayPermit(permit: ReplayPermit, now = Date.now()): void {
  if (!permits.has(permit) || now - permit.issuedAt > PERMIT_TTL_MS || now < permit.issuedAt - 1000) {
    throw new PhiwallError('PW_ERR_REPLAY_REFUSED', { reason: 'NO_PERMIT' });
  }
}
