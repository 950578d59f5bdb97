import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookFake } from '../fakes/webhook.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { post, REPO, startCollector, waitFor, writeConfig } from '../helpers/collector.js';
import { sqliteAndPostgres } from '../helpers/storages.js';

// Group and alias calls ask the pseudonymous-id store for ids besides the visitor's own (the
// group's, the alias's userId and previousId). A store that resolves ids before the pipeline runs
// (PostgreSQL) must be asked for those too, or every such call fails closed (PW_ID_NOT_PREPARED).
// Real collector, real spool (SQLite file / PostgreSQL), fake webhook receiver.
for (const storage of sqliteAndPostgres('callids')) {
  describe(`group and alias ids from the id store (${storage.name})`, () => {
    let hook: FakeServer;
    beforeAll(async () => { hook = await startWebhookFake(); });
    afterAll(async () => { await hook.close(); });

    it('delivers tokens for groupId and previousId that join the visitor ids', async () => {
      const yaml = `version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\n${await storage.yaml()}\ndestinations:\n  hook:\n    type: webhook\n    baa: false\n    allow: [event, visitor_id, group_id]\n    options: { url: "${hook.url}/hook/in" }\n    delivery: { retry_base_ms: 50, retry_max_ms: 100 }\n`;
      const c = await startCollector({ configPath: writeConfig(yaml) });
      try {
        const page = { type: 'page', messageId: 'ca-1', anonymousId: 'anon-ca', context: { page: { path: '/about' } } };
        const group = { type: 'group', messageId: 'ca-2', anonymousId: 'anon-ca', groupId: 'acct-42' };
        const alias = { type: 'alias', messageId: 'ca-3', anonymousId: 'anon-ca', userId: 'member-ca', previousId: 'anon-ca' };
        const res = await post(`${c.url}/v1/batch`, { batch: [page, group, alias] });
        expect(res.json).toMatchObject({ accepted: 3, failed: 0 });
        const rows = await waitFor(() => hook.handled('/hook/in').flatMap((r) => r.json as Record<string, unknown>[]), (r) => r.length >= 3);
        const by = new Map(rows.map((r) => [r.message_id, r]));
        expect(by.get('ca-2')?.group_id).toMatch(/^pw_/);
        expect(by.get('ca-3')?.previous_id).toBe(by.get('ca-1')?.visitor_id);
        expect(JSON.stringify(rows)).not.toMatch(/acct-42|anon-ca|member-ca/);
      } finally { await c.close(); }
    });
  });
}
