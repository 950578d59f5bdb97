import { describe, expect, it } from 'vitest';
import { ClusterReloadAudit } from '../../src/admin/reload-audit.js';

// Which cluster worker writes the `config.reload` record of an applied reload that no admin
// asked for (file watch, SIGHUP). The cluster itself is exercised in tests/cli/workers.test.ts.
describe('cluster reload audit', () => {
  it('worker 0 records reloads nobody claimed; the other workers never do', () => {
    const w0 = new ClusterReloadAudit(0);
    const w1 = new ClusterReloadAudit(1);
    expect([w0.recordsApplied('aaaaaaaaaaaaaaaa'), w1.recordsApplied('aaaaaaaaaaaaaaaa')]).toEqual([true, false]);
  });

  it('a claimed config (an admin call records it) is not recorded again by worker 0, once', () => {
    const w0 = new ClusterReloadAudit(0);
    w0.claim('bbbbbbbbbbbbbbbb', 1000);
    expect(w0.recordsApplied('bbbbbbbbbbbbbbbb', 1500)).toBe(false);
    // The next reload to the same config (SIGHUP, an edit back) is a change of its own.
    expect(w0.recordsApplied('bbbbbbbbbbbbbbbb', 1600)).toBe(true);
  });

  it('a claim answers the next reload only, and expires: a change is never left unrecorded', () => {
    const w0 = new ClusterReloadAudit(0);
    w0.claim('cccccccccccccccc', 1000);
    // An operator's edit overtook the admin's: recorded, and the stale claim is dropped.
    expect(w0.recordsApplied('dddddddddddddddd', 1200)).toBe(true);
    expect(w0.recordsApplied('cccccccccccccccc', 1300)).toBe(true);
    w0.claim('eeeeeeeeeeeeeeee', 1000);
    expect(w0.recordsApplied('eeeeeeeeeeeeeeee', 1000 + 61_000)).toBe(true);
  });
});
