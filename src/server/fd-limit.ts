import { readFileSync } from 'node:fs';

/**
 * Descriptors a collector process needs besides its client connections: the spool file, its WAL
 * and shared memory, the pseudonym and ledger files, file destinations, the admin port, the
 * vendor connections of the delivery loops, stdio. A few dozen in practice; this leaves room.
 */
export const FD_RESERVE = 128;
/** Never capped below this: a limit that low is a misconfiguration the warning names. */
const MIN_CAP = 16;

/**
 * The process's open-file limit (RLIMIT_NOFILE, soft; Node raises it to the hard limit at start),
 * from /proc/self/limits; undefined where that is not readable (not Linux) or unlimited. Each
 * cluster worker is a process with its own limit: the cap is per process, like max_connections.
 */
export function openFileLimit(limitsText?: string): number | undefined {
  let text = limitsText;
  if (text === undefined) { try { text = readFileSync('/proc/self/limits', 'utf8'); } catch { return undefined; } }
  const m = /^Max open files\s+(\S+)/m.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export interface ConnectionBudget { maxConnections: number; openFileLimit: number; reserve: number; effective: number }

/**
 * `server.max_connections` if the open-file limit allows it with FD_RESERVE to spare, else what
 * it allows. Past the limit accept() fails with EMFILE (clients hang in the backlog, no answer)
 * and so do the spool's and the vendors' descriptors (deliveries fail); under the cap one more
 * connection gets the cap's 503 instead. Returns the numbers when it lowers the cap (for the log).
 */
export function connectionBudget(maxConnections: number, limit = openFileLimit()): ConnectionBudget | undefined {
  if (limit === undefined || maxConnections + FD_RESERVE <= limit) return undefined;
  return { maxConnections, openFileLimit: limit, reserve: FD_RESERVE, effective: Math.max(MIN_CAP, limit - FD_RESERVE) };
}
