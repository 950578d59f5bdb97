// Delivery needs one thing from undici: a keep-alive Pool and its request(). `import { Pool }
// from 'undici'` evaluates the whole package (fetch, WebSocket, EventSource, caches, mocks,
// cookies: 112 modules, ~3 MB of heap held for the life of every collector process, measured
// with a forced GC before and after the import). These are the two modules undici's own index.js
// exports them from (it mixes request() into Dispatcher.prototype; we call it on the pool
// instead, so undici's classes stay untouched). tests/destinations/undici-pool.test.ts checks
// they are the package's own Pool and request, so an undici that moves them fails a test.
import Pool from 'undici/lib/dispatcher/pool.js';
import request from 'undici/lib/api/api-request.js';
import type { Dispatcher } from 'undici';

export { Pool };

/** `pool.request(opts)` as the full undici package defines it. */
export function poolRequest(pool: Pool, opts: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  return request.call(pool, opts);
}
