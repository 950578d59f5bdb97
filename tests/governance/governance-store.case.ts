// The governance store conformance suite (authorizations, suppressions), run against every
// adapter: SQLite (tests/audit/sqlite.conformance.test.ts) and Postgres
// (tests/audit/postgres.conformance.test.ts). `open` makes a second instance on the same store.
import { afterEach, describe, expect, it } from 'vitest';
import { instancesOf, type BackendHarness } from '../helpers/governance-backends.js';

export function describeGovernanceStoreConformance(h: BackendHarness): void {
  describe(`governance store conformance: ${h.name}`, () => {
    const start = instancesOf(h, afterEach);

    it('an authorization is valid for its subject and scope until it is revoked (by its own site only) or expires', async () => {
      const { a, open } = await start();
      const b = open();
      const now = Date.now();
      const id = await a.store.addAuthorization('k1', 'marketing', 'form-1', 'clinic', now + 60_000, now);
      const short = await a.store.addAuthorization('k2', 'marketing', 'form-1', 'clinic', now + 1000, now);
      await b.store.prepare?.(['k1', 'k2', 'k3'], now);
      expect(b.store.authorized(['k1'], 'marketing', now)).toBe(true);
      expect(b.store.authorized(['k3', 'k1'], 'marketing', now)).toBe(true);
      expect(b.store.authorized(['k1'], 'research', now)).toBe(false);
      expect(b.store.authorized(['k3'], 'marketing', now)).toBe(false);
      expect(b.store.authorized(['k2'], 'marketing', now)).toBe(true);
      const later = now + 2000;
      await b.store.prepare?.(['k1', 'k2'], later);
      expect(b.store.authorized(['k2'], 'marketing', later)).toBe(false);
      expect(b.store.authorized(['k1'], 'marketing', later)).toBe(true);

      expect(await b.store.revokeAuthorization(id, 'other-site', now)).toBe(false);
      expect(await b.store.revokeAuthorization(id, 'clinic', now)).toBe(true);
      expect(await a.store.revokeAuthorization(id, 'clinic', now)).toBe(false);
      await a.store.prepare?.(['k1'], now);
      expect(a.store.authorized(['k1'], 'marketing', now)).toBe(false);

      const list = await b.store.listAuthorizations('clinic');
      expect(list.map((r) => [r.id, r.scope, r.source, r.revokedAt !== undefined]).sort()).toEqual([[id, 'marketing', 'form-1', true], [short, 'marketing', 'form-1', false]].sort());
      expect(await b.store.listAuthorizations('other-site')).toEqual([]);
    });

    it('a suppression recorded through one instance is seen by another, for events and at delivery', async () => {
      const { a, open } = await start();
      const b = open();
      expect(await a.store.suppress('s1', 'admin1', Date.now())).toBe(true);
      expect(await a.store.suppress('s1', 'admin1', Date.now())).toBe(false);
      await b.store.prepare?.(['s1', 's2'], Date.now());
      expect(b.store.isSuppressed(['s2', 's1'])).toBe(true);
      expect(b.store.isSuppressed(['s2'])).toBe(false);
      expect(b.store.isSuppressed([])).toBe(false);
      expect([...await b.store.suppressedAmong(['s1', 's2', 's3'])]).toEqual(['s1']);
      expect((await b.store.suppressedAmong([])).size).toBe(0);
    });
  });
}
