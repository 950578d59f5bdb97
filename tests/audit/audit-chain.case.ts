// The audit chain conformance suite, run against SQLite and Postgres (see the
// *.conformance.test.ts files here). `open` makes a second writer on the same store.
import { afterEach, describe, expect, it } from 'vitest';
import { instancesOf, type BackendHarness, type OpenedBackends } from '../helpers/governance-backends.js';

export function describeAuditChainConformance(h: BackendHarness): void {
  describe(`audit chain conformance: ${h.name}`, () => {
    const start = instancesOf(h, afterEach);

    it('an empty chain verifies', async () => {
      const { a } = await start();
      expect(await a.audit.verify()).toMatchObject({ ok: true, rows: 0, headSeq: 0 });
    });

    it('two writers appending concurrently make one gapless sequence, each writer in its own order, that verifies', async () => {
      const { a, open } = await start();
      const b = open();
      // Flushing every few records makes many small appends race each other.
      const write = async (w: OpenedBackends, name: string) => {
        for (let i = 0; i < 40; i++) {
          w.audit.record({ actor: `writer-${name}`, role: 'system', action: `test.${name}`, details: { i }, configAfter: `h${i}` });
          if (i % 4 === 3) await w.audit.flush();
        }
        await w.audit.flush();
      };
      await Promise.all([write(a, 'a'), write(b, 'b')]);
      const rows = await open().audit.list(1000);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
      for (const action of ['test.a', 'test.b']) {
        expect(rows.filter((r) => r.action === action).map((r) => (JSON.parse(r.details) as { i: number }).i)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      }
      expect(await b.audit.verify()).toMatchObject({ ok: true, rows: 80, headSeq: 80, headHash: rows[79].hash });
      expect((await a.audit.list(5, 78)).map((r) => r.seq)).toEqual([79, 80]);
      expect([...a.auditErrors, ...b.auditErrors]).toEqual([]);
    });

    it('a record made ifConfigChanged is written once per change of the last recorded config hash, whichever writer makes it', async () => {
      const { a, open } = await start();
      const b = open();
      const change = (w: OpenedBackends, after: string) => w.audit.record({ actor: 'system', role: 'system', action: 'config.reload', configAfter: after, ifConfigChanged: true, details: { result: 'applied' } });
      // A chain with no config hash: nothing to compare with (the load names the config).
      change(a, 'h1');
      a.audit.record({ actor: 'system', role: 'system', action: 'config.load', configAfter: 'h1' });
      await a.audit.flush();
      for (const w of [a, b, a]) change(w, 'h1');
      await Promise.all([a.audit.flush(), b.audit.flush()]);
      // Two writers noticing the same change: one record of it.
      change(a, 'h2');
      change(b, 'h2');
      await Promise.all([a.audit.flush(), b.audit.flush()]);
      change(b, 'h1');
      await b.audit.flush();
      const rows = await open().audit.list();
      expect(rows.map((r) => [r.action, r.config_before, r.config_after])).toEqual([['config.load', null, 'h1'], ['config.reload', 'h1', 'h2'], ['config.reload', 'h2', 'h1']]);
      expect(await a.audit.verify()).toMatchObject({ ok: true, rows: 3 });
    });
  });
}
