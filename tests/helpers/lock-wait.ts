import Database from 'better-sqlite3';

// For tests of code that waits for another connection's SQLite write lock without holding the event loop
// (shared claims, shared visitor ids, the disclosure ledger).

/** Holds `path`'s write lock (BEGIN IMMEDIATE) for `ms` on a timer of this event loop. */
export function holdLock(path: string, ms: number): Promise<void> {
  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  return new Promise((resolve) => setTimeout(() => { other.exec('COMMIT'); other.close(); resolve(); }, ms));
}

/**
 * How many turns the event loop took while `work` ran (a callback re-queued with setImmediate runs
 * once a turn). A synchronous busy wait settles `work` inside the turn it began in: 0. A wait on
 * timers takes at least one turn more: 1 or more, however loaded the machine. (It counted a 1 ms
 * interval before: at load 41 the scheduler let a whole 40 ms wait pass in one wake-up, 1 tick
 * where the test asked for 2, in 1 of 11 runs.)
 */
export async function ticksDuring<T>(work: Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  let turn: NodeJS.Immediate | undefined;
  const next = () => { ticks++; turn = setImmediate(next); };
  turn = setImmediate(next);
  try { return { value: await work, ticks }; } finally { clearImmediate(turn); }
}
