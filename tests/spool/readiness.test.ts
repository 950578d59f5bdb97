import { afterEach, describe, expect, it } from 'vitest';
import { Readiness } from '../../src/spool/postgres/readiness.js';
import { waitFor } from '../helpers/collector.js';

// The gate every PostgreSQL adapter passes ("migrations ran"): a database that is down when
// the collector starts must cost 503s until it is back, never a restart. Success is kept,
// failure is not; callers share one attempt; attempts follow one backoff schedule.

/** Work that fails while `down` is set, counting how often it was tried. */
function work() {
  const state = { down: true, calls: 0 };
  const attempt = async () => {
    state.calls++;
    await new Promise((r) => setImmediate(r));
    if (state.down) throw Object.assign(new Error('connect ECONNREFUSED postgres://u:pw@db:5432/x'), { code: 'ECONNREFUSED' });
  };
  return { state, attempt };
}

const gates: Readiness[] = [];
afterEach(async () => { for (const g of gates.splice(0)) await g.close(); });
const gate = (attempt: () => Promise<void>, opts: ConstructorParameters<typeof Readiness>[1] = {}) => {
  const g = new Readiness(attempt, opts);
  gates.push(g);
  return g;
};

describe('Readiness', () => {
  it('concurrent callers share one attempt; a failure is a typed 503 carrying the code only', async () => {
    const { state, attempt } = work();
    const failures: string[] = [];
    const g = gate(attempt, { background: false, onFailure: (code) => failures.push(code) });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => g.ensure()));
    expect(state.calls).toBe(1);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      const err = (r as PromiseRejectedResult).reason as Error;
      expect(err).toMatchObject({ code: 'PW_ERR_SPOOL_UNAVAILABLE', status: 503, params: { detail: 'ECONNREFUSED' } });
      expect(JSON.stringify(err) + err.message).not.toContain('pw@');
    }
    expect(failures).toEqual(['ECONNREFUSED']);
    expect(g.ok).toBe(false);
  });

  it('inside the backoff window callers fail at once; after it the next caller tries again, and success is kept', async () => {
    const { state, attempt } = work();
    const recovered: number[] = [];
    const g = gate(attempt, { background: false, minDelayMs: 60_000, onRecovered: (n) => recovered.push(n) });
    await expect(g.ensure()).rejects.toMatchObject({ code: 'PW_ERR_SPOOL_UNAVAILABLE' });
    await expect(g.ensure()).rejects.toMatchObject({ code: 'PW_ERR_SPOOL_UNAVAILABLE' });
    expect(state.calls).toBe(1);

    const soon = gate(attempt, { background: false, minDelayMs: 1 });
    await expect(soon.ensure()).rejects.toThrow();
    state.down = false;
    await waitFor(() => soon.ensure().then(() => true, () => false), (ok) => ok);
    expect(soon.ok).toBe(true);
    const calls = state.calls;
    await Promise.all([soon.ensure(), soon.ensure()]);
    state.down = true;
    await soon.ensure();
    expect(state.calls).toBe(calls);
    expect(recovered).toEqual([]);
  });

  it('retries in the background with no caller, and reports the recovery', async () => {
    const { state, attempt } = work();
    const failures: number[] = [];
    const recovered: number[] = [];
    const g = gate(attempt, { minDelayMs: 5, maxDelayMs: 20, onFailure: (_, n) => failures.push(n), onRecovered: (n) => recovered.push(n) });
    g.begin();
    await waitFor(() => failures.length, (n) => n >= 3);
    state.down = false;
    await waitFor(() => g.ok, (ok) => ok);
    await g.ensure();
    expect(recovered).toHaveLength(1);
    expect(recovered[0]).toBeGreaterThanOrEqual(3);
  });

  it('stops retrying once closed', async () => {
    const { state, attempt } = work();
    const g = gate(attempt, { minDelayMs: 5 });
    await expect(g.ensure()).rejects.toThrow();
    await g.close();
    const calls = state.calls;
    state.down = false;
    await new Promise((r) => setTimeout(r, 50));
    expect(state.calls).toBe(calls);
    await expect(g.ensure()).rejects.toMatchObject({ code: 'PW_ERR_SPOOL_UNAVAILABLE', params: { detail: 'closed' } });
  });
});
