/**
 * A delivery loop's sleep, wakeable early by its worker. `state` says why the loop sleeps: wake()
 * wakes an idle loop (its lease found nothing) and, at low traffic, leaves a lingering one alone
 * (it leases when its linger ends anyway; worker.ts).
 */
export interface Sleeper { wake?: () => void; state?: 'idle' | 'linger' }

export const sleep = (ms: number, signal: Sleeper, state?: Sleeper['state']) => new Promise<void>((resolve) => {
  const t = setTimeout(done, ms);
  function done() { clearTimeout(t); signal.wake = undefined; signal.state = undefined; resolve(); }
  signal.wake = done;
  signal.state = state;
});
