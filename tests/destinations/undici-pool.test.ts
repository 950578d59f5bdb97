import { describe, expect, it } from 'vitest';
import * as undici from 'undici';
import directRequest from 'undici/lib/api/api-request.js';
import { Pool, poolRequest } from '../../src/destinations/undici-pool.js';
import { FakeServer } from '../fakes/http-fake.js';

describe('undici-pool: delivery loads only the undici modules it uses', () => {
  it('is the undici package\'s own Pool and request(), so an upgrade that moves them fails here', () => {
    expect(Pool).toBe(undici.Pool);
    expect(directRequest).toBe(undici.Pool.prototype.request);
  });

  it('posts through a pool like pool.request() does', async () => {
    const server = await FakeServer.start(() => ({ status: 202, body: { ok: true } }));
    const pool = new Pool(server.url);
    try {
      const res = await poolRequest(pool, { path: '/collect', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
      expect(res.statusCode).toBe(202);
      expect(await res.body.text()).toBe('{"ok":true}');
      expect(server.requests.map((r) => [r.method, r.path, r.raw])).toEqual([['POST', '/collect', '{"a":1}']]);
    } finally {
      await pool.close();
      await server.close();
    }
  });
});
