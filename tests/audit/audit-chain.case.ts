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
  });
}
